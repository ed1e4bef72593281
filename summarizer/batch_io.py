"""The files of ``summarizer batch``: the articles it reads, and the JSONL results it writes.

Example::

    >>> [article.id for article in read_sources(["examples/ap-kim-russia-jets.txt"], load=False)]
    ['ap-kim-russia-jets']
"""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .batch import BatchResult
from .errors import InputError, SummarizerError
from .inputs import DEFAULT_MAX_INPUT_BYTES, printable_id, read_article, unicode_problem
from .redaction import redact

ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class SourceArticle:
    """An article named in a batch's input: its text, or why it could not be read."""

    id: str
    text: str | None
    title: str | None = None
    problem: InputError | None = None


def read_sources(
    sources: Sequence[str],
    *,
    stdin: TextIO | None = None,
    load: bool = True,
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
    encoding: str | None = None,
) -> Iterator[SourceArticle]:
    """The articles of a batch's inputs, one at a time.

    Each source is ``-`` (JSONL on ``stdin``), a directory (its ``.txt`` and ``.md`` files, id =
    the file name without its extension), a ``.txt``/``.md`` file (one article), or a JSONL file of
    ``{"id", "text"[, "title"]}`` records. A missing path, a directory without articles, a line
    that is not such a record, or an id seen before raises ``InputError`` (naming the line); a file
    that cannot be read as text comes back with its ``problem`` instead. ``load=False`` checks
    everything without reading the articles' files (texts are then None). ``max_bytes`` bounds each
    article (a file, or a JSONL text in UTF-8); ``encoding`` is that of the text files (JSONL is
    UTF-8). An article over the bound fails on its own, as a file that cannot be read does.
    """
    seen: set[str] = set()
    for source in sources:
        for article in _articles_of(source, stdin, load, max_bytes, encoding):
            if article.id in seen:
                raise InputError(f"{_where(source)}: the id {article.id!r} appears twice")
            seen.add(article.id)
            yield article


def _where(source: str) -> str:
    return "standard input" if source == "-" else source


def _articles_of(
    source: str, stdin: TextIO | None, load: bool, max_bytes: int, encoding: str | None
) -> Iterator[SourceArticle]:
    if source == "-":
        yield from _jsonl(stdin if stdin is not None else sys.stdin, "standard input", max_bytes)
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(
            p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
        )
        if not files:
            raise InputError(f"{source} holds no .txt or .md files")
        for file in files:
            yield _text_file(file, load, max_bytes, encoding)
    elif path.is_file():
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            yield _text_file(path, load, max_bytes, encoding)
            return
        try:
            with path.open(encoding="utf-8-sig") as lines:
                yield from _jsonl(lines, source, max_bytes)
        except OSError as exc:
            raise InputError(f"cannot read {source}: {exc.strerror}") from exc
    elif path.exists():
        raise InputError(f"{source} is neither a file nor a directory")
    else:
        raise InputError(f"no such file or directory: {source}")


def _text_file(path: Path, load: bool, max_bytes: int, encoding: str | None) -> SourceArticle:
    if not load:
        return SourceArticle(path.stem, None)
    try:
        source = read_article(str(path), max_bytes=max_bytes, encoding=encoding, html=False)
        return SourceArticle(path.stem, source.text)
    except InputError as exc:
        return SourceArticle(path.stem, None, problem=exc)


def _jsonl(lines: Iterable[str], name: str, max_bytes: int) -> Iterator[SourceArticle]:
    try:
        yield from _records_of(lines, name, max_bytes)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not UTF-8 text: JSONL must be UTF-8") from exc


def _records_of(lines: Iterable[str], name: str, max_bytes: int) -> Iterator[SourceArticle]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{where}: not valid JSON ({exc})") from None
        if not isinstance(record, dict):
            raise InputError(f'{where}: expected an object {{"id": ..., "text": ...}}')
        article_id, text, title = record.get("id"), record.get("text"), record.get("title")
        if isinstance(article_id, bool) or not isinstance(article_id, (str, int)):
            raise InputError(f'{where}: "id" must be a string or a number')
        if not str(article_id).strip():
            raise InputError(f'{where}: "id" must not be empty')
        if not isinstance(text, str):
            raise InputError(f'{where}: "text" must be a string')
        if title is not None and not isinstance(title, str):
            raise InputError(f'{where}: "title" must be a string')
        yield _checked(str(article_id), text, title, where, max_bytes)


def _checked(
    article_id: str, text: str, title: str | None, where: str, max_bytes: int
) -> SourceArticle:
    """The record as an article, or as a failed one when a field cannot be written as text or
    the text is over the size limit.

    JSON may hold escapes that are not Unicode text (a lone surrogate, ``"\\ud800"``): such an
    article fails on its own, under an id made printable, with a message that never quotes the text.
    """
    for field, value in (("id", article_id), ("title", title), ("text", text)):
        problem = unicode_problem(value) if value is not None else None
        if problem is not None:
            failure = InputError(f'{where}: the "{field}" is not valid Unicode text: {problem}')
            return SourceArticle(printable_id(article_id), None, None, failure)
    # Characters are at most four bytes: only a text that might be over the limit is measured.
    if len(text) * 4 > max_bytes and len(text.encode("utf-8")) > max_bytes:
        failure = InputError(
            f"{where}: the text is larger than the limit of {max_bytes} bytes (--max-input-bytes)"
        )
        return SourceArticle(article_id, None, title, failure)
    return SourceArticle(article_id, text, title)


class ResultsFile:
    """The JSONL results of a batch, one line per finished article, appended and flushed at once.

    Lines are ``{"id", "status": "ok", ["title",] "summary"}`` or ``{"id", "status": "error",
    ["title",] "error": {"type", "message"}}``. The latest line for an id is the one that counts;
    ``compact()`` rewrites the file atomically with only those lines, so after a finished run there
    is exactly one per id. A line left half-written by a crash is ignored and compacted away.
    """

    def __init__(self, path: str, *, secret: str | None = None) -> None:
        self.path = Path(path)
        self._secret = secret
        self._handle: TextIO | None = None
        if self.path.is_dir():
            raise InputError(f"--out {path} is a directory: name a .jsonl file")
        if not self.path.parent.is_dir():
            raise InputError(f"cannot write {path}: no such directory")

    def latest_status(self) -> dict[str, str]:
        """The status of the latest line for each id already in the file."""
        status: dict[str, str] = {}
        for _, article_id, record_status in self._records():
            status[article_id] = record_status
        return status

    def _records(self) -> Iterator[tuple[int, str, str]]:
        """(line number, id, status) of every readable line."""
        if not self.path.exists():
            return
        # Split on "\n" only, as the byte counts of compact() do; JSON lines hold no raw newlines.
        with self.path.open(encoding="utf-8", errors="replace", newline="\n") as lines:
            for number, line in enumerate(lines):
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    yield number, record["id"], str(record.get("status"))

    def __enter__(self) -> ResultsFile:
        self._handle = self._open_locked()
        if not self._ends_a_line():
            # A crash may have cut the last line short: the next record starts on a line of its own.
            self._handle.write("\n")
        return self

    def _open_locked(self) -> TextIO:
        """The file open for appending, locked, and still the file its path names.

        Another run may compact the file (write a new one, rename it over this path) between our
        open and our lock: we would then hold the lock of a file no longer in the directory, and
        every line written to it would be lost. So the lock is taken, the path checked to name the
        locked file, and the open retried when it does not.
        """
        while True:
            try:
                # Whatever a record holds, it is written: a lone surrogate becomes its JSON escape.
                handle = self.path.open(
                    "a", encoding="utf-8", errors="backslashreplace", newline="\n"
                )
            except OSError as exc:
                raise InputError(f"cannot write {self.path}: {exc.strerror}") from exc
            _lock(handle, self.path)
            if _names(self.path, handle):
                return handle
            handle.close()

    def _ends_a_line(self) -> bool:
        with self.path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            if size == 0:
                return True
            handle.seek(size - 1)
            return handle.read(1) == b"\n"

    def __exit__(self, *exc_info: object) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def write(self, result: BatchResult, title: str | None = None) -> None:
        if self._handle is None:
            raise RuntimeError("open the ResultsFile with `with` before writing")
        head = {"id": result.id, "status": "ok" if result.ok else "error"}
        if title is not None:
            head["title"] = title
        opening = json.dumps(head, ensure_ascii=False)[:-1]
        if result.summary is not None:
            line = f'{opening}, "summary": {result.summary.model_dump_json()}}}'
        else:
            error = result.error or SummarizerError("unknown error")
            detail = {"type": type(error).__name__, "message": redact(str(error), self._secret)}
            line = f'{opening}, "error": {json.dumps(detail, ensure_ascii=False)}}}'
        self._handle.write(line + "\n")
        self._handle.flush()

    def compact(self) -> bool:
        """Keep only the latest line of each id (atomically); False when nothing needed removing.

        The lock is held until the new file has replaced the old one, and the new file is locked
        before it gets the path, so no other run can write into a file on its way out. Inside
        ``with``, writing may go on afterwards (into the new file).
        """
        if self._handle is None:
            with self:
                return self.compact()
        self._handle.flush()
        latest: dict[str, int] = {}
        for number, article_id, _ in self._records():
            latest[article_id] = number
        with self.path.open("rb") as handle:
            lines = sum(1 for _ in handle)
        if len(latest) == lines:
            return False
        keep = set(latest.values())
        descriptor, name = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
        )
        temporary = Path(name)
        try:
            with self.path.open("rb") as source, open(descriptor, "wb") as target:
                for number, line in enumerate(source):
                    if number in keep:
                        target.write(line if line.endswith(b"\n") else line + b"\n")
                target.flush()
                os.fsync(target.fileno())
            # mkstemp makes the file private; the results keep the permissions they had.
            os.chmod(temporary, stat.S_IMODE(self.path.stat().st_mode))
            replacement = temporary.open(
                "a", encoding="utf-8", errors="backslashreplace", newline="\n"
            )
            _lock(replacement, temporary)
            if not _HAS_LOCKS:
                self._handle.close()  # Windows cannot rename over a file that is open
            try:
                os.replace(temporary, self.path)
            except BaseException:
                replacement.close()
                raise
        finally:
            temporary.unlink(missing_ok=True)
        self._handle.close()
        self._handle = replacement
        return True


def _names(path: Path, handle: TextIO) -> bool:
    """Whether ``path`` still names the file ``handle`` has open."""
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(handle.fileno())
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


try:
    import fcntl

    _HAS_LOCKS = True
except ImportError:  # Windows: no advisory locks; one run at a time is then up to the user.
    _HAS_LOCKS = False


def _lock(handle: TextIO, path: Path) -> None:
    """One batch at a time per results file (where the platform has advisory locks)."""
    if not _HAS_LOCKS:
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise InputError(f"another batch run is writing {path}: wait for it to finish") from exc
