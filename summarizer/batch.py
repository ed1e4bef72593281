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
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Callable,
    Coroutine,
    Iterable,
    Iterator,
)
from dataclasses import dataclass, field
from typing import Any

from . import bridge
from .core import CacheOption, PricesOption, Summarizer, shared
from .errors import ConfigurationError, SummarizerError
from .models import ArticleSummary, Usage
from .pacing import PACER, RequestPacer

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
    workers: int = 1,
    **options: Any,
) -> AsyncIterator[BatchResult]:
    """Summarise many articles, yielding each ``BatchResult`` as it completes.

    ``articles``: texts or ``(id, text)`` pairs, from any iterable or async iterable (read lazily).
    Either pass a ``summarizer`` or the options of ``Summarizer`` (``model``, ``cache``,
    ``prices``, ...). If the input itself raises, the articles in flight are finished and yielded
    first, then the error is raised. ``workers``: processes to spread the work over (one event
    loop saturates one core; see ``summarizer.workers``), each with ``concurrency / workers``
    articles in flight and ``rpm / workers`` of the request quota.

    >>> async def main():  # doctest: +SKIP
    ...     async for result in asummarize_many(open_articles(), concurrency=16, cache=True):
    ...         print(result.id, result.ok)
    """
    worker = _worker(summarizer, model, cache, prices, options, reuse=False)
    # A summarizer made here is closed here, in this loop, when the run ends or is abandoned.
    owned = worker if summarizer is None else None
    return _run(articles, worker, _slots(concurrency), rpm, _workers(workers), owned)


def summarize_many(
    articles: Articles,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    summarizer: Summarizer | None = None,
    model: str | None = None,
    cache: CacheOption = None,
    prices: PricesOption = None,
    rpm: float | None = None,
    workers: int = 1,
    **options: Any,
) -> Iterator[BatchResult]:
    """The blocking twin of ``asummarize_many``: an iterator of results as they complete.

    >>> for result in summarize_many(["Critics warned it was unsafe."], model="offline"):
    ...     print(result.id, result.ok)
    0 True
    """
    worker = _worker(summarizer, model, cache, prices, options, reuse=True)
    return bridge.iterate(_run(articles, worker, _slots(concurrency), rpm, _workers(workers)))


def _worker(
    summarizer: Summarizer | None,
    model: str | None,
    cache: CacheOption,
    prices: PricesOption,
    options: dict[str, Any],
    *,
    reuse: bool,
) -> Summarizer:
    if summarizer is not None:
        if model is not None or cache is not None or prices is not None or options:
            raise ConfigurationError("pass either summarizer= or the options of a Summarizer")
        return summarizer
    # The sync twin's loop lives as long as the process, so its clients can be shared across calls;
    # an async caller's loop may not, so it gets clients of its own.
    if reuse:
        return shared(model, cache, prices, options)
    return Summarizer(model, cache=cache, prices=prices, **options)


def _slots(concurrency: int) -> int:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ConfigurationError("concurrency must be a whole number of at least 1")
    return concurrency


def _workers(workers: int) -> int:
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ConfigurationError("workers must be a whole number of at least 1", option="workers")
    return workers


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
    rpm: float | None,
    workers: int = 1,
    owned: Summarizer | None = None,
) -> AsyncIterator[BatchResult]:
    pool = None
    if workers > 1:
        from .workers import Recipe, WorkerPool

        pool = WorkerPool(Recipe.of(worker, workers, rpm), workers)
        await pool.start()
        run_one: Callable[[str, object], Coroutine[Any, Any, BatchResult]] = pool.summarize
    else:
        pacer = None if rpm is None else RequestPacer(rpm)

        async def run_one(article_id: str, text: object) -> BatchResult:
            return await _one(worker, article_id, text, pacer)

    source = _items(articles)
    pending: set[asyncio.Task[BatchResult]] = set()
    position = 0
    exhausted = False
    failure: Exception | None = None
    finished = False
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
                    pending.add(asyncio.create_task(run_one(article_id, text)))
            if not pending:
                break
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                yield task.result()
        finished = True
        if failure is not None:
            raise failure
    finally:
        # The consumer stopped early, or was cancelled: nothing is left running behind its back.
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        await source.aclose()
        if pool is not None:
            await pool.aclose(wait=finished)
        if owned is not None:
            await owned.aclose()
