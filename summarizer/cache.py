"""A content-addressed cache of summaries in one SQLite file.

The key is the SHA-256 of everything that decides the answer: the article text, the model and
its server, the prompt version, the schema version, and the options that change what comes back
(``mode``, ``strict``, ``max_tokens``, ``max_retries``, ``max_input_tokens``). Timeouts and
transport retries are not in it: they change whether an answer arrives, not which.

The file is ``summaries.sqlite3`` in ``SUMMARIZER_CACHE_DIR``, else the user cache directory
(``~/.cache/summarizer`` on Linux). It is opened in WAL mode with a busy timeout, so several
threads, event loops and processes may read and write it at once; a write is one small
transaction. Only successful summaries are stored. A cache that cannot be read at lookup time
counts as a miss, and one that cannot be written is skipped (logged): the cache saves money, it
never fails a run.

Example::

    >>> from summarizer.config import Settings
    >>> key = cache_key("An article.", Settings.resolve("ollama/llama3.2"), "summarize-v1")
    >>> len(key)
    64
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
import weakref
from pathlib import Path

from pydantic import ValidationError

from .config import Settings
from .errors import ConfigurationError
from .models import SCHEMA_VERSION, ArticleSummary, Usage

CACHE_DIR_VARIABLE = "SUMMARIZER_CACHE_DIR"
CACHE_FILE = "summaries.sqlite3"
# Seconds a writer waits for another writer (thread or process) before giving up on one entry.
BUSY_TIMEOUT_S = 30.0

_log = logging.getLogger("summarizer.cache")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS summaries (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    created REAL NOT NULL,
    summary TEXT NOT NULL
)
"""


def default_cache_path() -> Path:
    """``SUMMARIZER_CACHE_DIR/summaries.sqlite3``, else the same file in the user cache directory."""
    directory = os.environ.get(CACHE_DIR_VARIABLE)
    if not directory:
        import platformdirs

        directory = platformdirs.user_cache_dir("summarizer", appauthor=False)
    return Path(directory) / CACHE_FILE


def cache_key(article: str, settings: Settings, prompt_version: str) -> str:
    """The SHA-256 (hex) naming the answer these settings give for this article."""
    identity = {
        "article_sha256": hashlib.sha256(article.encode("utf-8")).hexdigest(),
        "model": settings.model,
        "base_url": settings.base_url,
        "prompt_version": prompt_version,
        "schema_version": SCHEMA_VERSION,
        "mode": settings.mode,
        "strict": settings.strict,
        "max_tokens": settings.max_tokens,
        "max_retries": settings.max_retries,
        "max_input_tokens": settings.max_input_tokens,
    }
    return hashlib.sha256(json.dumps(identity, sort_keys=True).encode("utf-8")).hexdigest()


class SummaryCache:
    """Summaries by cache key, in a SQLite file shared by threads and processes.

    >>> import tempfile
    >>> cache = SummaryCache(Path(tempfile.mkdtemp()) / "cache.sqlite3")
    >>> cache.get("0" * 64) is None
    True
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        target = Path(path) if path is not None else default_cache_path()
        if target.is_dir():
            target = target / CACHE_FILE
        self.path = target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # One connection, guarded by a lock: used from the caller's threads and event loops.
            connection = sqlite3.connect(
                target, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None
            )
            # WAL: readers never block the writer, and a commit needs no fsync of the whole file.
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigurationError(
                f"cannot open the cache at {target}: {exc}; set {CACHE_DIR_VARIABLE} to a writable "
                "directory, or turn the cache off (--no-cache)"
            ) from exc
        self._connection = connection
        self._lock = threading.Lock()
        # Closed with its owner, so no connection is left for the garbage collector to warn about.
        self._finalizer = weakref.finalize(self, connection.close)

    def __repr__(self) -> str:
        return f"SummaryCache({str(self.path)!r})"

    def get(self, key: str) -> ArticleSummary | None:
        """The stored summary, or None (also when the entry cannot be read or no longer fits)."""
        try:
            with self._lock:
                row = self._connection.execute(
                    "SELECT summary FROM summaries WHERE key = ?", (key,)
                ).fetchone()
        except sqlite3.Error as exc:
            _log.warning("cache lookup failed, treated as a miss: %s", exc)
            return None
        if row is None:
            return None
        try:
            return ArticleSummary.model_validate_json(row[0])
        except ValidationError:
            return None

    def put(self, key: str, summary: ArticleSummary) -> None:
        """Store a summary (the last writer wins: equal keys hold equivalent answers)."""
        payload = summary.model_dump_json()
        try:
            with self._lock:
                self._connection.execute(
                    "INSERT OR REPLACE INTO summaries (key, model, created, summary) "
                    "VALUES (?, ?, ?, ?)",
                    (key, summary.meta.model, time.time(), payload),
                )
        except sqlite3.Error as exc:
            _log.warning("cache write failed, entry skipped: %s", exc)

    def __len__(self) -> int:
        with self._lock:
            row = self._connection.execute("SELECT count(*) FROM summaries").fetchone()
        return int(row[0])

    def clear(self) -> None:
        """Forget every stored summary."""
        with self._lock:
            self._connection.execute("DELETE FROM summaries")

    def close(self) -> None:
        self._finalizer()


def open_cache(cache: bool | str | os.PathLike[str] | SummaryCache | None) -> SummaryCache | None:
    """``cache=`` as the API takes it: False/None for none, True for the default file, a path
    (a file, or a directory to hold ``summaries.sqlite3``), or a ``SummaryCache``."""
    if cache is None or cache is False:
        return None
    if isinstance(cache, SummaryCache):
        return cache
    if cache is True:
        return SummaryCache()
    return SummaryCache(cache)


def as_hit(summary: ArticleSummary, started: float) -> ArticleSummary:
    """A stored summary as this call's result: marked cached, and costing what the lookup cost."""
    meta = summary.meta.model_copy(
        update={
            "cached": True,
            "attempts": 0,
            "usage": Usage(),
            "cost_usd": 0.0,
            "elapsed_s": round(time.perf_counter() - started, 4),
        }
    )
    return summary.model_copy(update={"meta": meta})
