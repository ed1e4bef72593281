"""Many articles at once: results streamed as they complete, at most ``concurrency`` in flight.

``asummarize_many`` pulls the next article from its input only when a slot frees up, so an input of
any length (a generator over a 10,000-line file) is never held in memory; each article goes
through ``Summarizer.asummarize`` (one ``Summarizer``, its clients reused), and each result is a
``BatchResult`` holding either the summary or the article's own error. One article failing never
stops the others. ``summarize_many`` is the same for sync code: the event loop runs in a helper
thread, so it also works where a loop is already running (a notebook).

Rate limits: the transport retries of each request honour ``Retry-After``, so a storm of 429s
slows the batch down rather than failing it; ``rpm=`` also spaces every request evenly (re-asks
and retries included), for providers with hard per-minute quotas.

Example::

    >>> from summarizer import summarize_many
    >>> articles = [("a", "Mayor Jane Doe warned that the bridge was unsafe. Work began.")]
    >>> [result.ok for result in summarize_many(articles, model="offline")]
    [True]
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Iterable,
    Iterator,
    Sequence,
)
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .background import background_loop
from .core import CacheOption, PricesOption, Summarizer, _shared
from .errors import ConfigurationError, InputError, SummarizerError
from .inputs import DEFAULT_MAX_INPUT_BYTES, read_article
from .models import ArticleSummary, Usage
from .pacing import PACER, RequestPacer
from .redaction import redact

# A text, or an (id, text) pair; ids default to the article's position ("0", "1", ...).
ArticleItem = str | tuple[object, str]
Articles = Iterable[ArticleItem] | AsyncIterable[ArticleItem]

DEFAULT_CONCURRENCY = 8


@dataclass(frozen=True)
class BatchResult:
    """One article's outcome: ``summary`` when ``ok``, else ``error``."""

    id: str
    summary: ArticleSummary | None = None
    error: SummarizerError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class BatchTotals:
    """Counts, tokens and cost over a batch; ``cost_usd`` is None once any price is unknown.

    >>> totals = BatchTotals()
    >>> for result in summarize_many(["Critics warned it was unsafe."], model="offline"):
    ...     totals.add(result)
    >>> totals.ok, totals.failed, totals.cost_usd
    (1, 0, 0.0)
    """

    ok: int = 0
    failed: int = 0
    cached: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float | None = 0.0

    @property
    def articles(self) -> int:
        return self.ok + self.failed

    def add(self, result: BatchResult) -> None:
        if result.summary is None:
            # A failed article still spent tokens on its attempts, and they are billed.
            self.failed += 1
            if result.error is not None:
                self._spend(result.error.usage, result.error.cost_usd)
            return
        meta = result.summary.meta
        self.ok += 1
        self.cached += meta.cached
        self._spend(meta.usage, meta.cost_usd)

    def _spend(self, usage: Usage, cost_usd: float | None) -> None:
        self.usage = self.usage + usage
        if self.cost_usd is not None:
            self.cost_usd = None if cost_usd is None else self.cost_usd + cost_usd


def asummarize_many(
    articles: Articles,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    summarizer: Summarizer | None = None,
    model: str | None = None,
    cache: CacheOption = None,
    prices: PricesOption = None,
    rpm: float | None = None,
    **options: Any,
) -> AsyncIterator[BatchResult]:
    """Summarise many articles, yielding each ``BatchResult`` as it completes.

    ``articles``: texts or ``(id, text)`` pairs, from any iterable or async iterable (read lazily).
    Either pass a ``summarizer`` or the options of ``Summarizer`` (``model``, ``cache``,
    ``prices``, ...). If the input itself raises, the articles in flight are finished and yielded
    first, then the error is raised.

    >>> async def main():  # doctest: +SKIP
    ...     async for result in asummarize_many(open_articles(), concurrency=16, cache=True):
    ...         print(result.id, result.ok)
    """
    worker = _worker(summarizer, model, cache, prices, options, shared=False)
    # A summarizer made here is closed here, in this loop, when the run ends or is abandoned.
    owned = worker if summarizer is None else None
    return _run(articles, worker, _slots(concurrency), _pacer(rpm), owned)


def summarize_many(
    articles: Articles,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    summarizer: Summarizer | None = None,
    model: str | None = None,
    cache: CacheOption = None,
    prices: PricesOption = None,
    rpm: float | None = None,
    **options: Any,
) -> Iterator[BatchResult]:
    """The blocking twin of ``asummarize_many``: an iterator of results as they complete.

    >>> for result in summarize_many(["Critics warned it was unsafe."], model="offline"):
    ...     print(result.id, result.ok)
    0 True
    """
    worker = _worker(summarizer, model, cache, prices, options, shared=True)
    return _drive(_run(articles, worker, _slots(concurrency), _pacer(rpm)))


def _worker(
    summarizer: Summarizer | None,
    model: str | None,
    cache: CacheOption,
    prices: PricesOption,
    options: dict[str, Any],
    *,
    shared: bool,
) -> Summarizer:
    if summarizer is not None:
        if model is not None or cache is not None or prices is not None or options:
            raise ConfigurationError("pass either summarizer= or the options of a Summarizer")
        return summarizer
    # The sync twin's loop lives as long as the process, so its clients can be shared across calls;
    # an async caller's loop may not, so it gets clients of its own.
    if shared:
        return _shared(model, cache, prices, options)
    return Summarizer(model, cache=cache, prices=prices, **options)


def _slots(concurrency: int) -> int:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ConfigurationError("concurrency must be a whole number of at least 1")
    return concurrency


def _pacer(rpm: float | None) -> RequestPacer | None:
    return None if rpm is None else RequestPacer(rpm)


async def _items(articles: Articles) -> AsyncGenerator[ArticleItem, None]:
    if isinstance(articles, AsyncIterable):
        async for item in articles:
            yield item
    else:
        for item in articles:
            yield item


def _identify(item: object, position: int) -> tuple[str, object]:
    if isinstance(item, tuple) and len(item) == 2:
        return str(item[0]), item[1]
    return str(position), item


async def _one(
    worker: Summarizer, article_id: str, text: object, pacer: RequestPacer | None
) -> BatchResult:
    # This task's requests (re-asks, retries and parts included) wait for their turn.
    PACER.set(pacer)
    try:
        summary = await worker.asummarize(text)  # type: ignore[arg-type]  # checked inside
    except SummarizerError as exc:
        return BatchResult(article_id, error=exc)
    except Exception as exc:  # noqa: BLE001 - one article's surprise must not sink the batch
        error = SummarizerError(f"unexpected {exc!r}")
        error.__cause__ = exc
        return BatchResult(article_id, error=error)
    return BatchResult(article_id, summary=summary)


async def _run(
    articles: Articles,
    worker: Summarizer,
    concurrency: int,
    pacer: RequestPacer | None,
    owned: Summarizer | None = None,
) -> AsyncIterator[BatchResult]:
    source = _items(articles)
    pending: set[asyncio.Task[BatchResult]] = set()
    position = 0
    exhausted = False
    failure: Exception | None = None
    try:
        while True:
            # Pull only as many articles as there are free slots: the input streams.
            while not exhausted and len(pending) < concurrency:
                try:
                    item = await source.__anext__()
                except StopAsyncIteration:
                    exhausted = True
                except Exception as exc:  # noqa: BLE001 - raised once the work in flight is done
                    failure, exhausted = exc, True
                else:
                    article_id, text = _identify(item, position)
                    position += 1
                    pending.add(asyncio.create_task(_one(worker, article_id, text, pacer)))
            if not pending:
                break
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                yield task.result()
        if failure is not None:
            raise failure
    finally:
        # The consumer stopped early, or was cancelled: nothing is left running behind its back.
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        await source.aclose()
        if owned is not None:
            await owned.aclose()


class _Steps:
    """Drives an async iterator one result at a time from another thread, and can stop it."""

    def __init__(self, results: AsyncIterator[BatchResult]) -> None:
        self._results = results
        self._step: asyncio.Future[BatchResult] | None = None

    async def next(self) -> BatchResult | None:
        self._step = asyncio.ensure_future(self._results.__anext__())
        try:
            return await self._step
        except StopAsyncIteration:
            return None

    async def close(self) -> None:
        step = self._step
        if step is not None and not step.done():
            step.cancel()
            await asyncio.gather(step, return_exceptions=True)
        aclose = getattr(self._results, "aclose", None)
        if aclose is not None:
            await aclose()


def _drive(results: AsyncIterator[BatchResult]) -> Iterator[BatchResult]:
    loop = background_loop()
    steps = _Steps(results)
    try:
        while True:
            # Between two results the loop keeps the requests in flight going; no new article is
            # pulled until the caller asks for the next result.
            result = asyncio.run_coroutine_threadsafe(steps.next(), loop).result()
            if result is None:
                return
            yield result
    finally:
        asyncio.run_coroutine_threadsafe(steps.close(), loop).result()


# -- files: what `summarizer batch` reads and writes ------------------------------------------------

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
) -> Iterator[SourceArticle]:
    """The articles of a batch's inputs, one at a time.

    Each source is ``-`` (JSONL on ``stdin``), a directory (its ``.txt`` and ``.md`` files, id =
    the file name without its extension), a ``.txt``/``.md`` file (one article), or a JSONL file of
    ``{"id", "text"[, "title"]}`` records. A missing path, a directory without articles, a line
    that is not such a record, or an id seen before raises ``InputError`` (naming the line); a file
    that cannot be read as text comes back with its ``problem`` instead. ``load=False`` checks
    everything without reading the articles' files (texts are then None).
    """
    seen: set[str] = set()
    for source in sources:
        for article in _articles_of(source, stdin, load, max_bytes):
            if article.id in seen:
                raise InputError(f"{_where(source)}: the id {article.id!r} appears twice")
            seen.add(article.id)
            yield article


def _where(source: str) -> str:
    return "standard input" if source == "-" else source


def _articles_of(
    source: str, stdin: TextIO | None, load: bool, max_bytes: int
) -> Iterator[SourceArticle]:
    if source == "-":
        yield from _jsonl(stdin if stdin is not None else sys.stdin, "standard input")
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(
            p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
        )
        if not files:
            raise InputError(f"{source} holds no .txt or .md files")
        for file in files:
            yield _text_file(file, load, max_bytes)
    elif path.is_file():
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            yield _text_file(path, load, max_bytes)
            return
        try:
            with path.open(encoding="utf-8-sig") as lines:
                yield from _jsonl(lines, source)
        except OSError as exc:
            raise InputError(f"cannot read {source}: {exc.strerror}") from exc
    elif path.exists():
        raise InputError(f"{source} is neither a file nor a directory")
    else:
        raise InputError(f"no such file or directory: {source}")


def _text_file(path: Path, load: bool, max_bytes: int) -> SourceArticle:
    if not load:
        return SourceArticle(path.stem, None)
    try:
        return SourceArticle(path.stem, read_article(str(path), max_bytes=max_bytes).text)
    except InputError as exc:
        return SourceArticle(path.stem, None, problem=exc)


def _jsonl(lines: Iterable[str], name: str) -> Iterator[SourceArticle]:
    try:
        yield from _records_of(lines, name)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not UTF-8 text: JSONL must be UTF-8") from exc


def _records_of(lines: Iterable[str], name: str) -> Iterator[SourceArticle]:
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
        yield SourceArticle(str(article_id), text, title)


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
        try:
            handle = self.path.open("a", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror}") from exc
        _lock(handle, self.path)
        self._handle = handle
        if not self._ends_a_line():
            # A crash may have cut the last line short: the next record starts on a line of its own.
            handle.write("\n")
        return self

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
        """Keep only the latest line of each id (atomically); False when nothing needed removing."""
        latest: dict[str, int] = {}
        for number, article_id, _ in self._records():
            latest[article_id] = number
        if not self.path.exists():
            return False
        with self.path.open("rb") as handle:
            lines = sum(1 for _ in handle)
        if len(latest) == lines:
            return False
        keep = set(latest.values())
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            with self.path.open("rb") as source, temporary.open("wb") as target:
                for number, line in enumerate(source):
                    if number in keep:
                        target.write(line if line.endswith(b"\n") else line + b"\n")
                target.flush()
                os.fsync(target.fileno())
            os.replace(temporary, self.path)
        finally:
            temporary.unlink(missing_ok=True)
        return True


def _lock(handle: TextIO, path: Path) -> None:
    """One batch at a time per results file (where the platform has advisory locks)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one run at a time is then up to the user.
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise InputError(f"another batch run is writing {path}: wait for it to finish") from exc
