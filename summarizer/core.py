"""``summarize()`` over a configurable ``Summarizer``.

Example::

    >>> from summarizer import Summarizer
    >>> summarizer = Summarizer(model="offline")
    >>> summary = summarizer.summarize(open("examples/ap-kim-russia-jets.txt").read())
    >>> summary.meta.model
    'offline'
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import time
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .background import background_loop, current_loop
from .cache import SummaryCache, as_hit, cache_key, open_cache
from .chunking import merge_records
from .config import Settings
from .errors import ConfigurationError, InputError, SummarizerError
from .grounding import NormalisedText, check_answer, grounded_records
from .models import (
    ArticleSummary,
    ExtractedActor,
    ExtractedConcern,
    ExtractedSummary,
    RunMeta,
    Usage,
)
from .pricing import Price, cost_usd, price_table
from .prompts import PROMPT_VERSION

if TYPE_CHECKING:
    from .llm import LLMEngine, LLMResult

CacheOption = bool | str | os.PathLike[str] | SummaryCache | None
PricesOption = Mapping[str, Price | Mapping[str, Any]] | None


def check_article(article: object) -> str:
    """The article as text, or an ``InputError`` that says what is wrong with it."""
    if isinstance(article, bytes):
        raise InputError("the article is bytes: decode it to text (str) first")
    if not isinstance(article, str):
        raise InputError(f"the article must be text (str), not {type(article).__name__}")
    if not article.strip():
        raise InputError("the article is empty")
    if "\x00" in article:
        raise InputError("the article contains NUL bytes: it looks like binary data, not text")
    return article


class Summarizer:
    """Summarises articles with one set of settings; its clients are created once and reused.

    Arguments are those of ``Settings.resolve``: ``model``, ``base_url``, ``api_key``, ``mode``,
    ``timeout``, ``max_retries`` (the re-ask budget), ``transport_retries``, ``max_tokens``,
    ``strict``. Anything not given comes from the environment (``SUMMARIZER_MODEL``,
    ``OPENAI_BASE_URL``, ``OPENAI_API_KEY``); with nothing configured, the offline engine is used.

    ``cache``: ``True`` for the summary cache in the user cache directory (or
    ``SUMMARIZER_CACHE_DIR``), a path for another file, off by default (see ``summarizer.cache``).
    ``prices``: per-model price overrides for ``meta.cost_usd`` (see ``summarizer.pricing``).

    ``close()`` (or ``with Summarizer(...) as s:``) releases the connections and a cache it opened;
    after async use, ``await aclose()`` (or ``async with``) in the same event loop. A closed
    summarizer still works (it opens new connections) but without the cache it had opened.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        settings: Settings | None = None,
        cache: CacheOption = None,
        prices: PricesOption = None,
        **options: Any,
    ):
        self.settings = settings if settings is not None else Settings.resolve(model, **options)
        self._engine: LLMEngine | None = None
        if not self.settings.is_offline:
            # openai and instructor take about a second to import: the offline engine and the
            # CLI's --help do without them.
            from .llm import LLMEngine

            self._engine = LLMEngine(self.settings)
        self._prices = price_table(prices)
        # The offline engine is local and quick: a cache would only add a write per article.
        self.cache = None if self.settings.is_offline else open_cache(cache)
        # A cache passed in belongs to the caller; one opened here is closed here.
        self._owns_cache = self.cache is not None and self.cache is not cache

    def __repr__(self) -> str:
        return f"Summarizer(model={self.settings.model!r})"

    def close(self) -> None:
        """Release the connections this summarizer can reach from blocking code (its blocking
        client, and the async one of calls with a deadline) and a cache it opened."""
        if self._engine is not None:
            self._engine.close()
        self._close_cache()

    async def aclose(self) -> None:
        """Release every client's connections (call it in the loop that used them) and the cache."""
        if self._engine is not None:
            await self._engine.aclose()
        self._close_cache()

    def _close_cache(self) -> None:
        if self._owns_cache and self.cache is not None:
            self.cache.close()
            self.cache = None

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    async def __aenter__(self) -> Summarizer:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def summarize(self, article: str) -> ArticleSummary:
        """Summarise one article.

        >>> Summarizer(model="offline").summarize("   ")
        Traceback (most recent call last):
        ...
        summarizer.errors.InputError: the article is empty
        """
        article = check_article(article)
        if self._engine is not None and self.settings.deadline is not None:
            return self._on_background_loop(article)
        started = time.perf_counter()
        key, hit = self._lookup(article, started)
        if hit is not None:
            return hit
        index = NormalisedText(article)
        if self._engine is None:
            return self._offline(article, index, started)
        try:
            result = self._engine.summarize(article, index)
        except SummarizerError as exc:
            self._price(exc)
            raise
        return self._store(key, self._finish(article, result, started))

    def _on_background_loop(self, article: str) -> ArticleSummary:
        """``asummarize`` run to the end from blocking code, so that a deadline holds exactly."""
        loop = background_loop()
        if current_loop() is loop:
            # Blocking here would stop the very loop the call needs (summarize_many's own thread).
            raise ConfigurationError(
                "summarize() with a deadline cannot block summarize_many's event loop: "
                "use asummarize() there"
            )
        future = asyncio.run_coroutine_threadsafe(self.asummarize(article), loop)
        try:
            return future.result()
        except BaseException:
            future.cancel()  # interrupted (Ctrl-C): nothing is left running behind the caller
            raise

    async def asummarize(self, article: str) -> ArticleSummary:
        """Summarise one article without blocking the event loop."""
        article = check_article(article)
        started = time.perf_counter()
        key, hit = self._lookup(article, started)
        if hit is not None:
            return hit
        index = NormalisedText(article)
        if self._engine is None:
            return self._offline(article, index, started)
        try:
            result = await self._engine.asummarize(article, index)
        except SummarizerError as exc:
            self._price(exc)
            raise
        return self._store(key, self._finish(article, result, started))

    def _price(self, exc: SummarizerError) -> None:
        """Price the tokens a failed run spent (they are billed too); its cause stays attached."""
        if exc.usage.total_tokens:
            exc.cost_usd = cost_usd(exc.usage, self.settings.model, self._prices)

    def _lookup(self, article: str, started: float) -> tuple[str | None, ArticleSummary | None]:
        """The cache key (None without a cache) and the cached summary, if there is one."""
        if self.cache is None:
            return None, None
        key = cache_key(article, self.settings, PROMPT_VERSION)
        hit = self.cache.get(key)
        return key, None if hit is None else as_hit(hit, started)

    def _store(self, key: str | None, summary: ArticleSummary) -> ArticleSummary:
        if self.cache is not None and key is not None:
            self.cache.put(key, summary)
        return summary

    def _meta(
        self,
        article: str,
        started: float,
        *,
        prompt_version: str,
        attempts: int,
        usage: Usage,
        warnings: list[str],
    ) -> RunMeta:
        return RunMeta(
            model=self.settings.model,
            prompt_version=prompt_version,
            attempts=attempts,
            usage=usage,
            cost_usd=cost_usd(usage, self.settings.model, self._prices),
            elapsed_s=round(time.perf_counter() - started, 4),
            article_sha256=hashlib.sha256(article.encode("utf-8")).hexdigest(),
            warnings=warnings,
        )

    def _finish(self, article: str, result: LLMResult, started: float) -> ArticleSummary:
        answer = result.answer
        return ArticleSummary(
            headline=answer.headline,
            summary=answer.summary,
            key_points=answer.key_points,
            actors=result.actors,
            stated_concerns=result.stated_concerns,
            meta=self._meta(
                article,
                started,
                prompt_version=PROMPT_VERSION,
                attempts=result.attempts,
                usage=result.usage,
                warnings=result.warnings,
            ),
        )

    def _offline(self, article: str, index: NormalisedText, started: float) -> ArticleSummary:
        from .offline import ENGINE_VERSION, analyse

        analysis = analyse(article)
        # The engine only cuts spans out of the article; grounding it again is a cheap guarantee.
        extracted = ExtractedSummary(
            headline=analysis.headline,
            summary=analysis.summary,
            key_points=analysis.key_points,
            actors=list[ExtractedActor](analysis.actors),
            stated_concerns=list[ExtractedConcern](analysis.stated_concerns),
        )
        report = check_answer(index, extracted)
        actors, concerns = analysis.actors, analysis.stated_concerns
        warnings: list[str] = []
        if not report.ok:
            actors, concerns, warnings = grounded_records(extracted, report)
        # A passage repeated in the article (or a long article's parts) yields its records once.
        actors, concerns = merge_records(index, [(actors, concerns)])
        return ArticleSummary(
            headline=analysis.headline,
            summary=analysis.summary,
            key_points=analysis.key_points,
            actors=actors,
            stated_concerns=concerns,
            meta=self._meta(
                article,
                started,
                prompt_version=ENGINE_VERSION,
                attempts=0,
                usage=Usage(),
                warnings=[*analysis.warnings, *warnings],
            ),
        )


@lru_cache(maxsize=16)
def _summarizer_for(
    settings: Settings,
    cache: bool | str | None = None,
    prices: tuple[tuple[str, Price], ...] = (),
) -> Summarizer:
    return Summarizer(settings=settings, cache=cache, prices=dict(prices))


def _shared(
    model: str | None, cache: CacheOption, prices: PricesOption, options: dict[str, Any]
) -> Summarizer:
    """The reusable Summarizer for these options (a SummaryCache object gets one of its own)."""
    settings = Settings.resolve(model, **options)
    if isinstance(cache, SummaryCache):
        return Summarizer(settings=settings, cache=cache, prices=prices)
    table = tuple(sorted(price_table(prices, environ={}).items()))
    where = cache if cache is None or isinstance(cache, bool) else os.fspath(cache)
    return _summarizer_for(settings, where, table)


def summarize(
    article: str,
    model: str | None = None,
    *,
    cache: CacheOption = None,
    prices: PricesOption = None,
    **options: Any,
) -> ArticleSummary:
    """Summarise one article into a grounded ``ArticleSummary``.

    Options are those of ``Summarizer`` (``cache=True`` for the summary cache). Clients are reused
    across calls with the same settings.

    >>> summary = summarize(open("examples/ap-kim-russia-jets.txt").read(), model="offline")
    >>> article = open("examples/ap-kim-russia-jets.txt").read()
    >>> all(article[s:e] == c.quote for c in summary.stated_concerns for s, e in [c.quote_span])
    True
    """
    return _shared(model, cache, prices, options).summarize(article)


async def asummarize(
    article: str,
    model: str | None = None,
    *,
    cache: CacheOption = None,
    prices: PricesOption = None,
    **options: Any,
) -> ArticleSummary:
    """The async twin of ``summarize``."""
    return await _shared(model, cache, prices, options).asummarize(article)
