"""One article through the pipeline: input -> cache -> engine -> ground -> merge -> meta -> store.

``summarize_article`` is the whole flow, the same for every engine:

1. the cache is asked first (a hit makes no request);
2. the engine answers (``settle``): an answer that does not parse or fit the schema, or cites words
   the article does not contain, is asked again with the reason, within the re-ask budget
   (``max_retries``); an answer cut off at the output limit gets twice the room once; a long
   article goes through ``summarizer.longform`` (its parts settled one by one, then reduced);
3. ``finish`` grounds what was settled (ungrounded records dropped and listed, or a
   ``GroundingError`` in strict mode), merges duplicate actors and concerns, builds ``meta``;
4. the summary is stored in the cache.

The run's tokens are counted in one ``Ledger``; an error leaving the run carries them (``usage``)
and their price (``cost_usd``). ``deadline`` bounds all of it.

Example::

    >>> import asyncio
    >>> from summarizer import Summarizer
    >>> summary = asyncio.run(Summarizer(model="offline").asummarize("Critics warned it was unsafe."))
    >>> summary.meta.attempts, summary.stated_concerns[0].kind.value
    (0, 'warning')
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from .article import Article
from .cache import SummaryCache, as_hit, cache_key
from .config import Settings
from .engines import Answer, Engine, Reask, Task
from .errors import (
    AnswerError,
    DeadlineExceeded,
    GroundingError,
    SummarizerError,
    TruncatedOutputError,
)
from .grounding import Grounded, GroundingReport, check_answer, grounded_records
from .merging import merge_records, shift
from .models import (
    ArticleSummary,
    DroppedRecord,
    ExtractedSummary,
    RunMeta,
    SummaryText,
    Usage,
)
from .pacing import DEADLINE
from .pricing import Price, cost_usd

__all__ = ["Ledger", "Run", "Settled", "finish", "settle", "summarize_article"]


@dataclass
class Ledger:
    """What a whole run spent: every attempt, of every part of a long article."""

    usage: Usage = Usage()
    attempts: int = 0

    def add(self, answer: Answer) -> None:
        self.usage = self.usage + answer.usage
        self.attempts += answer.attempts


@dataclass(frozen=True)
class Run:
    """What one article's run works with."""

    engine: Engine
    settings: Settings
    prices: Mapping[str, Price]
    ledger: Ledger = field(default_factory=Ledger)
    # Priced at the provider's batch service rate (provider batch jobs).
    batch_prices: bool = False

    def cost(self, usage: Usage) -> float | None:
        return cost_usd(usage, self.settings.model, self.prices, batch=self.batch_prices)


@dataclass(frozen=True)
class Settled:
    """The answer the re-ask loop settled on for one text (an article, or a part of one at
    ``offset``): its prose, and its records that stand in the text (None for a reduce answer)."""

    offset: int
    record: SummaryText
    grounded: Grounded | None
    warnings: tuple[str, ...] = ()


def _settled(
    task: Task, answer: Answer, record: SummaryText, report: GroundingReport | None
) -> Settled:
    grounded = None
    if report is not None and isinstance(record, ExtractedSummary):
        grounded = grounded_records(task.article, record, report)
    return Settled(task.article.offset, record, grounded, answer.warnings)


async def settle(run: Run, task: Task) -> Settled:
    """Ask until the answer parses and is grounded, within the re-ask budget.

    When the budget runs out on an answer that parses, it is settled with its problems (``finish``
    drops what is not grounded), or, in strict mode, a ``GroundingError``; when no answer ever
    parsed, an ``AnswerError``.
    """
    engine, settings = run.engine, run.settings
    attempts = reasks = 0
    room_grown = False
    while True:
        answer = await engine.answer(task)
        run.ledger.add(answer)
        attempts += answer.attempts
        if answer.refusal:
            raise AnswerError(f"the model refused to answer: {answer.refusal}", attempts=attempts)
        if answer.truncated:
            if room_grown:
                raise TruncatedOutputError(
                    f"the answer was cut off at {task.max_tokens} output tokens even after one "
                    "retry with more room: raise max_tokens or use a model with a larger output "
                    "limit"
                )
            room_grown = True
            task = replace(task, max_tokens=task.max_tokens * 2)
            continue
        record = answer.record
        if record is not None and answer.partial and task.reask is not None:
            record = _corrected(task.reask, record)
        report: GroundingReport | None = None
        if record is None:
            problems: tuple[str, ...] = (answer.problem or "the answer could not be read",)
        elif task.is_reduce or not isinstance(record, ExtractedSummary):
            return _settled(task, answer, record, None)
        else:
            report = check_answer(task.article, record)
            if report.ok:
                return _settled(task, answer, record, report)
            problems = tuple(report.problems)
        if reasks >= settings.max_retries or engine.deterministic:
            if record is None:
                raise AnswerError(
                    f"no valid answer after {attempts} attempts: {problems[0]}",
                    attempts=attempts,
                    last_answer=answer.raw,
                )
            if settings.strict:
                raise GroundingError(
                    f"answers still cite words the article does not contain after {attempts} "
                    f"attempts: {'; '.join(problems[:3])}",
                    attempts=attempts,
                    last_answer=answer.raw,
                )
            return _settled(task, answer, record, report)
        reasks += 1
        reask = Reask(
            previous=replace(answer, record=record),
            problems=problems,
            actors=tuple(report.failing_actors) if report else (),
            concerns=tuple(report.failing_concerns) if report else (),
        )
        task = replace(task, reask=reask)


def _corrected(reask: Reask, corrections: SummaryText) -> SummaryText:
    """The previous record with its failing records replaced by the corrections."""
    previous = reask.previous.record
    if not isinstance(previous, ExtractedSummary) or not isinstance(corrections, ExtractedSummary):
        return corrections
    failing_actors, failing_concerns = set(reask.actors), set(reask.concerns)
    return ExtractedSummary.model_construct(
        headline=previous.headline,
        summary=previous.summary,
        key_points=previous.key_points,
        actors=[a for i, a in enumerate(previous.actors) if i not in failing_actors]
        + list(corrections.actors),
        stated_concerns=[
            c for i, c in enumerate(previous.stated_concerns) if i not in failing_concerns
        ]
        + list(corrections.stated_concerns),
    )


def finish(
    run: Run,
    article: Article,
    parts: list[Settled],
    prose: SummaryText,
    started: float,
) -> ArticleSummary:
    """Ground what was settled, merge duplicates across parts, and build the summary's meta."""
    numbered = len(parts) > 1
    records = []
    warnings: list[str] = []
    dropped: list[DroppedRecord] = []
    for number, part in enumerate(parts, start=1):
        prefix = f"part {number}: " if numbered else ""
        warnings.extend(prefix + warning for warning in part.warnings)
        grounded = part.grounded
        if grounded is None:
            continue
        records.append(shift((grounded.actors, grounded.concerns), part.offset))
        warnings.extend(prefix + warning for warning in grounded.warnings)
        dropped.extend(
            record.model_copy(update={"part": number}) if numbered else record
            for record in grounded.dropped
        )
    # A passage repeated in the article (or a long article's parts) yields its records once.
    actors, concerns = merge_records(records)
    usage = run.ledger.usage
    return ArticleSummary(
        headline=prose.headline,
        summary=prose.summary,
        key_points=prose.key_points,
        actors=actors,
        stated_concerns=concerns,
        meta=RunMeta(
            model=run.settings.model,
            prompt_version=run.engine.prompt_version,
            attempts=run.ledger.attempts,
            usage=usage,
            cost_usd=run.cost(usage),
            elapsed_s=round(time.perf_counter() - started, 4),
            article_sha256=article.sha256,
            warnings=warnings,
            dropped=dropped,
        ),
    )


async def _produce(run: Run, article: Article, started: float) -> ArticleSummary:
    from .longform import summarize_long

    task = Task(article, run.settings.max_tokens)
    long = await summarize_long(run, task)
    if long is not None:
        parts, prose = long
        return finish(run, article, parts, prose, started)
    settled = await settle(run, task)
    return finish(run, article, [settled], settled.record, started)


async def summarize_article(
    run: Run, article: Article, cache: SummaryCache | None = None
) -> ArticleSummary:
    """The whole flow for one article (see the module's docstring)."""
    started = time.perf_counter()
    key = None
    if cache is not None:
        key = cache_key(article.text, run.settings, run.engine.prompt_version)
        hit = cache.get(key)
        if hit is not None:
            return as_hit(hit, started)
    deadline = run.settings.deadline
    try:
        if deadline is None:
            summary = await _produce(run, article, started)
        else:
            token = DEADLINE.set((asyncio.get_running_loop().time() + deadline, deadline))
            try:
                summary = await asyncio.wait_for(_produce(run, article, started), deadline)
            except asyncio.TimeoutError as exc:
                raise DeadlineExceeded(deadline) from exc
            finally:
                DEADLINE.reset(token)
    except SummarizerError as exc:
        # A provider bills the attempts of a run that fails too.
        exc.usage = run.ledger.usage
        if exc.usage.total_tokens:
            exc.cost_usd = run.cost(exc.usage)
        raise
    if cache is not None and key is not None:
        cache.put(key, summary)
    return summary
