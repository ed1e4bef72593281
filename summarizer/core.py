"""``summarize()`` over a configurable ``Summarizer``.

Example::

    >>> from pathlib import Path
    >>> from summarizer import Summarizer
    >>> summarizer = Summarizer(model="offline")
    >>> summary = summarizer.summarize(Path("examples/ap-kim-russia-jets.txt").read_text())
    >>> summary.meta.model
    'offline'
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from . import bridge
from .article import Article
from .cache import SummaryCache, open_cache
from .config import Settings
from .engines import Engine, create_engine
from .inputs import check_article
from .models import ArticleSummary
from .pipeline import Run, summarize_article
from .pricing import Price, price_table

CacheOption = bool | str | os.PathLike[str] | SummaryCache | None
PricesOption = Mapping[str, Price | Mapping[str, Any]] | None


class Summarizer:
    """Summarises articles with one set of settings; its engine and clients are made once.

    Options are those of ``Settings.resolve``: ``model``, ``base_url``, ``api_key``, ``mode``,
    ``timeout``, ``max_retries`` (the re-ask budget), ``transport_retries``, ``max_tokens``,
    ``strict``, ``max_input_tokens``, ``deadline``; an unknown one is a ``ConfigurationError``.
    Anything not given comes from the environment (``SUMMARIZER_MODEL``, ``OPENAI_BASE_URL``,
    ``OPENAI_API_KEY``); with nothing configured, the offline engine is used.

    ``cache``: ``True`` for the summary cache in the user cache directory (or
    ``SUMMARIZER_CACHE_DIR``), a path for another file, off by default (see ``summarizer.cache``).
    ``prices``: per-model price overrides for ``meta.cost_usd`` (see ``summarizer.pricing``).

    ``close()`` (or ``with Summarizer(...) as s:``) releases the connections and a cache it opened;
    after async use in your own event loop, ``await aclose()`` (or ``async with``) in that loop. A
    closed summarizer still works (it opens new connections) but without the cache it had opened.
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
        self.settings = settings if settings is not None else Settings.from_options(model, options)
        self.engine: Engine = create_engine(self.settings)
        self._prices = price_table(prices)
        # The offline engine is local and quick: a cache would only add a write per article.
        self.cache = None if self.settings.is_offline else open_cache(cache)
        # A cache passed in belongs to the caller; one opened here is closed here.
        self._owns_cache = self.cache is not None and self.cache is not cache

    def __repr__(self) -> str:
        return f"Summarizer(model={self.settings.model!r})"

    @property
    def prices(self) -> Mapping[str, Price]:
        """The price overrides in force (the price file's, then ``prices=``)."""
        return self._prices

    async def asummarize(self, article: str) -> ArticleSummary:
        """Summarise one article without blocking the event loop."""
        run = Run(self.engine, self.settings, self._prices)
        return await summarize_article(run, Article(check_article(article)), self.cache)

    def summarize(self, article: str) -> ArticleSummary:
        """Summarise one article (on the bridge's event loop, so a deadline holds exactly).

        >>> Summarizer(model="offline").summarize("   ")
        Traceback (most recent call last):
        ...
        summarizer.errors.InputError: the article is empty
        """
        check_article(article)  # an input error is raised here, before any work is scheduled
        return bridge.run(self.asummarize(article))

    def close(self) -> None:
        """Release the connections blocking calls opened (on the bridge's loop), and a cache it
        opened; ``aclose`` reaches the connections of another loop."""
        target = bridge.running_loop()
        if target is not None and bridge.current_loop() is not target:
            asyncio.run_coroutine_threadsafe(self.engine.aclose(), target).result()
        self.engine.close()
        self._close_cache()

    async def aclose(self) -> None:
        """Release this loop's connections, the bridge loop's, and the cache."""
        await self.engine.aclose()
        target = bridge.running_loop()
        if target is not None and target is not asyncio.get_running_loop():
            await asyncio.wrap_future(
                asyncio.run_coroutine_threadsafe(self.engine.aclose(), target)
            )
        self.engine.close()
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


@lru_cache(maxsize=16)
def _summarizer_for(
    settings: Settings,
    cache: bool | str | None = None,
    prices: tuple[tuple[str, Price], ...] = (),
) -> Summarizer:
    return Summarizer(settings=settings, cache=cache, prices=dict(prices))


def shared(
    model: str | None, cache: CacheOption, prices: PricesOption, options: Mapping[str, Any]
) -> Summarizer:
    """The reusable Summarizer for these options (a SummaryCache object gets one of its own)."""
    settings = Settings.from_options(model, options)
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

    Options are those of ``Summarizer`` (``cache=True`` for the summary cache). Engines and
    clients are reused across calls with the same settings.

    >>> from pathlib import Path
    >>> article = Path("examples/ap-kim-russia-jets.txt").read_text()
    >>> summary = summarize(article, model="offline")
    >>> all(article[s:e] == c.quote for c in summary.stated_concerns for s, e in [c.quote_span])
    True
    """
    return shared(model, cache, prices, options).summarize(article)


async def asummarize(
    article: str,
    model: str | None = None,
    *,
    cache: CacheOption = None,
    prices: PricesOption = None,
    **options: Any,
) -> ArticleSummary:
    """The async twin of ``summarize``."""
    return await shared(model, cache, prices, options).asummarize(article)
