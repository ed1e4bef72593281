"""A content-addressed cache of summaries in one SQLite file.

The key is the SHA-256 of everything that decides the answer: the article text, the model and
its server, the prompt version, the schema version, and the options that change what comes back
(``mode``, ``strict``, ``max_tokens``, ``max_retries``, ``max_input_tokens``). Timeouts and
transport retries are not in it: they change whether an answer arrives, not which.

The file is ``summaries.sqlite3`` in ``SUMMARIZER_CACHE_DIR``, else the user cache directory
(``~/.cache/summarizer`` on Linux). It is opened in WAL mode with a busy timeout, so several
threads, event loops and processes may read and write it at once; a write is one small
transaction. Only successful summaries are stored. A cache that cannot be read at lookup time
counts as a miss, and one that cannot be written is skipped (logged once per cache): the cache saves
money, it never fails a run. A damaged file (not a database, or malformed past its header, found at
open or on first use) is moved aside as ``summaries.sqlite3.corrupt-<UTC time>-<pid>``, kept for
whoever wants to look, and a new cache is started in its place, with one warning that says where.

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
        # One connection, guarded by a lock: used from the caller's threads and event loops.
        self._lock = threading.Lock()
        self._warned = False
        self._connection: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None
        # Every connection opened (a damaged file's included), closed with the cache's owner, so
        # none is left for the garbage collector to warn about.
        self._opened: list[sqlite3.Connection] = []
        self._finalizer = weakref.finalize(self, _close_all, self._opened)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._connect()
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise self._cannot_open(exc) from exc
            self._start_afresh(exc)  # a damaged file: kept aside, and a new one in its place
        except OSError as exc:
            raise self._cannot_open(exc) from exc

    def _cannot_open(self, exc: BaseException) -> ConfigurationError:
        return ConfigurationError(
            f"cannot open the cache at {self.path}: {exc}; set {CACHE_DIR_VARIABLE} to a writable "
            "directory, or turn the cache off (--no-cache)"
        )

    def _connect(self) -> None:
        connection = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None
        )
        self._opened.append(connection)
        try:
            # WAL: readers never block the writer, and a commit needs no fsync of the whole file.
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(_SCHEMA)
        except BaseException:
            connection.close()
            raise
        self._connection = connection
        self._identity = _identity(self.path)

    def _start_afresh(self, damage: sqlite3.Error) -> None:
        """Move a damaged file aside (kept, for whoever wants to look) and open a new one.

        Another process sharing the file may have done it first: the file is moved only while the
        path still names the one found damaged.
        """
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        aside = self.path.with_name(f"{self.path.name}.corrupt-{_stamp()}")
        try:
            if self._identity is None or _identity(self.path) == self._identity:
                os.replace(self.path, aside)
                for suffix in ("-wal", "-shm"):
                    companion = self.path.with_name(self.path.name + suffix)
                    if companion.exists():
                        os.replace(companion, aside.with_name(aside.name + suffix))
                moved = f"moved it to {aside}"
            else:
                moved = "another run had already replaced it"
            self._connect()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigurationError(
                f"the cache file {self.path} is damaged ({damage}) and could not be replaced "
                f"({exc}): delete it, or set {CACHE_DIR_VARIABLE} to another directory, or turn "
                "the cache off (--no-cache)"
            ) from exc
        self._warn(f"the cache file {self.path} was damaged ({damage}): {moved} and started anew")

    def _warn(self, message: str) -> None:
        """Warn once per cache: a damaged or unreachable cache would otherwise say so per article."""
        if not self._warned:
            self._warned = True
            _log.warning("%s", message)

    def _failed(self, what: str, exc: sqlite3.Error) -> None:
        """A lookup or a write failed: heal a damaged file, else warn (once) and go on without."""
        if _is_damage(exc):
            try:
                self._start_afresh(exc)
                return
            except ConfigurationError as error:
                self._connection = None  # nothing to be done this run: no cache
                self._warn(f"running without the cache: {error}")
                return
        self._warn(f"{what}: {exc} (further cache errors in this run are not shown)")

    def __repr__(self) -> str:
        return f"SummaryCache({str(self.path)!r})"

    def get(self, key: str) -> ArticleSummary | None:
        """The stored summary, or None (also when the entry cannot be read or no longer fits)."""
        with self._lock:
            if self._connection is None:
                return None
            try:
                row = self._connection.execute(
                    "SELECT summary FROM summaries WHERE key = ?", (key,)
                ).fetchone()
            except sqlite3.Error as exc:
                self._failed("a cache lookup failed, treated as a miss", exc)
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
        with self._lock:
            if self._connection is None:
                return
            try:
                self._connection.execute(
                    "INSERT OR REPLACE INTO summaries (key, model, created, summary) "
                    "VALUES (?, ?, ?, ?)",
                    (key, summary.meta.model, time.time(), payload),
                )
            except sqlite3.Error as exc:
                self._failed("a cache write failed, entry skipped", exc)

    def __len__(self) -> int:
        with self._lock:
            row = self._live().execute("SELECT count(*) FROM summaries").fetchone()
        return int(row[0])

    def clear(self) -> None:
        """Forget every stored summary."""
        with self._lock:
            self._live().execute("DELETE FROM summaries")

    def _live(self) -> sqlite3.Connection:
        if self._connection is None:
            raise sqlite3.ProgrammingError("the cache could not be opened again after damage")
        return self._connection

    def close(self) -> None:
        self._finalizer()


def _close_all(connections: list[sqlite3.Connection]) -> None:
    for connection in connections:
        connection.close()


def _is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file is damaged or not a database at all (not: locked, read-only)."""
    name = getattr(exc, "sqlite_errorname", None)  # Python 3.11+
    if isinstance(name, str):
        return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _stamp() -> str:
    """A name for a file moved aside now: the UTC time, and the process for uniqueness."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + f"-{os.getpid()}"


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
