"""The built-in offline engine as an ``Engine``: rules and a shipped lexicon, no network.

Its records are cut out of the article, so they carry their spans (grounding only checks them),
asking again would give the same answer (nothing is re-asked), and any length is taken whole.
The analysis runs in a worker thread, so an event loop stays free while a long article is read,
and it stops at its next checkpoint when the run is cancelled (a deadline, Ctrl-C).

Example::

    >>> import asyncio
    >>> from summarizer.article import Article
    >>> from summarizer.config import Settings
    >>> engine = OfflineEngine(Settings.resolve("offline"))
    >>> answer = asyncio.run(engine.answer(Task(Article("Critics warned it was unsafe."), 0)))
    >>> [concern.holder for concern in answer.record.stated_concerns]
    ['critics']
"""

from __future__ import annotations

import asyncio
import threading

from ..config import Settings
from ..models import ExtractedSummary
from ..offline import ENGINE_VERSION, analyse
from .base import Answer, BaseEngine, Task

__all__ = ["OfflineEngine"]


class _Stopped(Exception):
    """The run this analysis belongs to was cancelled."""


class OfflineEngine(BaseEngine):
    """Summaries from the offline rules: deterministic, grounded by construction, free."""

    prompt_version = ENGINE_VERSION
    deterministic = True

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)

    async def answer(self, task: Task) -> Answer:
        stop = threading.Event()

        def checkpoint() -> None:
            if stop.is_set():
                raise _Stopped

        def work() -> Answer:
            text = task.article.text
            analysis = analyse(text, checkpoint=checkpoint)
            record = ExtractedSummary(
                headline=analysis.headline,
                summary=analysis.summary,
                key_points=analysis.key_points,
                # Actor and StatedConcern records, with the spans the rules found.
                actors=list(analysis.actors),
                stated_concerns=list(analysis.stated_concerns),
            )
            warnings = tuple(analysis.warnings)
            return Answer(record, attempts=0, warnings=warnings)

        try:
            return await asyncio.to_thread(work)
        except asyncio.CancelledError:
            stop.set()  # the thread stops at its next checkpoint
            raise
