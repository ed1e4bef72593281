"""The state of a provider batch job, in one SQLite file beside the results: nothing lost, nothing
paid for twice.

Every request the job makes is a row, keyed by the SHA-256 of its body (the same article and the
same earlier answers give the same body, so a rerun finds its rows again): its ``custom_id``, the
round it went out in, the shard file and batch that carry it, and, once answered, the response.
Every shard is a row too: its file, the uploaded file's id, the batch's id and status. Each step
is written before the next is taken (shard before upload, upload before batch), and a write is
one transaction, so a crash at any point leaves a state the next run carries on from.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import ConfigurationError

__all__ = ["JobState", "RequestRow", "ShardRow"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS job (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS requests (
    key TEXT PRIMARY KEY,
    custom_id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    shard TEXT,
    state TEXT NOT NULL,
    tries INTEGER NOT NULL DEFAULT 0,
    response TEXT,
    error TEXT
);
CREATE INDEX IF NOT EXISTS requests_by_shard ON requests (shard);
CREATE TABLE IF NOT EXISTS shards (
    shard TEXT PRIMARY KEY,
    round INTEGER NOT NULL,
    path TEXT NOT NULL,
    requests INTEGER NOT NULL,
    file_id TEXT,
    batch_id TEXT,
    status TEXT NOT NULL,
    output_file_id TEXT,
    error_file_id TEXT,
    counts TEXT
);
"""

# Request states: queued (waiting for a shard), sent (in a shard), answered, failed (for good).
QUEUED, SENT, ANSWERED, FAILED = "queued", "sent", "answered", "failed"
# Shard states: written (file only), uploaded, submitted (a batch runs it), ended, collected.
WRITTEN, UPLOADED, SUBMITTED, ENDED, COLLECTED = (
    "written",
    "uploaded",
    "submitted",
    "ended",
    "collected",
)


@dataclass(frozen=True)
class RequestRow:
    key: str
    custom_id: str
    article_id: str
    round: int
    shard: str | None
    state: str
    tries: int
    response: str | None
    error: str | None


@dataclass(frozen=True)
class ShardRow:
    shard: str
    round: int
    path: str
    requests: int
    file_id: str | None
    batch_id: str | None
    status: str
    output_file_id: str | None
    error_file_id: str | None
    counts: dict[str, int] | None


class JobState:
    """The job's rows, in ``path`` (created on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise ConfigurationError(
                f"cannot open the batch job's state file {path}: {exc}", option="out"
            ) from exc
        self._lock = threading.Lock()

    def close(self) -> None:
        self._db.close()

    def _run(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()

    # -- the job --------------------------------------------------------------------------------

    def check_identity(self, identity: dict[str, Any]) -> None:
        """A state file belongs to one job: the same model, server and settings."""
        wanted = json.dumps(identity, sort_keys=True)
        rows = self._run("SELECT value FROM job WHERE name = 'identity'")
        if not rows:
            self._run("INSERT INTO job (name, value) VALUES ('identity', ?)", (wanted,))
        elif rows[0][0] != wanted:
            held = json.loads(rows[0][0])
            raise ConfigurationError(
                f"{self.path} holds a batch job of {held.get('model')} with other settings: "
                "finish or cancel it, or write to another results file",
                option="out",
            )

    def next_round(self) -> int:
        rows = self._run("SELECT max(round) FROM shards")
        return (rows[0][0] or 0) + 1

    # -- requests -------------------------------------------------------------------------------

    def request(self, key: str) -> RequestRow | None:
        rows = self._run("SELECT * FROM requests WHERE key = ?", (key,))
        return RequestRow(*rows[0]) if rows else None

    def request_by_custom_id(self, custom_id: str) -> RequestRow | None:
        rows = self._run("SELECT * FROM requests WHERE custom_id = ?", (custom_id,))
        return RequestRow(*rows[0]) if rows else None

    def requests_of(self, article_id: str) -> int:
        return int(
            self._run("SELECT count(*) FROM requests WHERE article_id = ?", (article_id,))[0][0]
        )

    def add_request(self, key: str, custom_id: str, article_id: str) -> None:
        self._run(
            "INSERT OR IGNORE INTO requests (key, custom_id, article_id, round, state) "
            "VALUES (?, ?, ?, 0, ?)",
            (key, custom_id, article_id, QUEUED),
        )

    def answer(self, key: str, response: str) -> None:
        self._run(
            "UPDATE requests SET state = ?, response = ?, error = NULL WHERE key = ?",
            (ANSWERED, response, key),
        )

    def fail(self, key: str, error: str, *, retry: bool) -> None:
        """A request that went wrong: queued again (one try of the transport budget spent), or
        failed for good."""
        self._run(
            "UPDATE requests SET state = ?, error = ?, tries = tries + ?, shard = "
            "CASE WHEN ? THEN NULL ELSE shard END WHERE key = ?",
            (QUEUED if retry else FAILED, error, 1 if retry else 0, retry, key),
        )

    def requests_in(self, shard: str) -> Iterator[RequestRow]:
        for row in self._run("SELECT * FROM requests WHERE shard = ?", (shard,)):
            yield RequestRow(*row)

    # -- shards ---------------------------------------------------------------------------------

    def add_shard(self, shard: str, round_number: int, path: Path, keys: list[str]) -> None:
        """A shard file written; its requests go out with it (one transaction)."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.execute(
                    "INSERT OR IGNORE INTO shards (shard, round, path, requests, status) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (shard, round_number, str(path), len(keys), WRITTEN),
                )
                self._db.executemany(
                    "UPDATE requests SET shard = ?, round = ?, state = ? WHERE key = ?",
                    [(shard, round_number, SENT, key) for key in keys],
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def shard(self, shard: str) -> ShardRow:
        return self._shard_row(self._run("SELECT * FROM shards WHERE shard = ?", (shard,))[0])

    def shards(self, *statuses: str) -> list[ShardRow]:
        marks = ", ".join("?" for _ in statuses)
        rows = self._run(
            f"SELECT * FROM shards WHERE status IN ({marks}) ORDER BY round, shard", statuses
        )
        return [self._shard_row(row) for row in rows]

    def all_shards(self) -> list[ShardRow]:
        return [self._shard_row(row) for row in self._run("SELECT * FROM shards ORDER BY round")]

    @staticmethod
    def _shard_row(row: tuple[Any, ...]) -> ShardRow:
        values = list(row)
        values[-1] = json.loads(values[-1]) if values[-1] else None
        return ShardRow(*values)

    def update_shard(self, shard: str, **changes: Any) -> None:
        if "counts" in changes and changes["counts"] is not None:
            changes["counts"] = json.dumps(changes["counts"])
        assignments = ", ".join(f"{name} = ?" for name in changes)
        self._run(f"UPDATE shards SET {assignments} WHERE shard = ?", (*changes.values(), shard))
