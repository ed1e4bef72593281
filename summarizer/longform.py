"""Long articles, over any engine: split into parts (map), each settled on its own, then their
prose merged (reduce), with every request kept under the engine's input budget.

An article longer than ``engine.max_input_tokens`` is split on paragraph, then sentence, then word
boundaries. Each part is a task of its own, with the whole re-ask loop; its records are grounded in
the part and shifted into the whole article's offsets, and ``finish`` merges them. The parts'
headlines, summaries and key points are merged by reduce tasks: as many parts as fit in one
request, in rounds, until one record remains, so the reduce step is bounded however long the
article is.

Example::

    >>> [len(group) for group in groups(["a part"] * 5, 700, lambda group: 300 * len(group))]
    [2, 2, 1]
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, TypeVar, cast

from .chunking import fits, split_article
from .engines import Task
from .models import SummaryText
from .pipeline import Run, Settled, settle
from .prompts import reduce_message

__all__ = ["PARALLEL_PARTS", "groups", "summarize_long"]

# Parts asked for at once: a long article takes less wall time, and memory stays bounded.
PARALLEL_PARTS = 4

T = TypeVar("T")


async def summarize_long(run: Run, task: Task) -> tuple[list[Settled], SummaryText] | None:
    """The parts and the reduced prose of an article too long for one request; None if it fits."""
    engine = run.engine
    limit = engine.max_input_tokens
    text = task.article.text
    if limit is None or fits(text, limit, engine.count_tokens):
        return None
    chunks = split_article(text, limit, engine.count_tokens)
    # An engine may ask for all parts at once (a provider batch job: each round is one batch).
    parallel = getattr(engine, "parallel_parts", PARALLEL_PARTS) or len(chunks) + 1
    slots = asyncio.Semaphore(parallel)

    async def part(start: int, end: int) -> Settled:
        async with slots:
            return await settle(run, Task(task.article.part(start, end), task.max_tokens))

    parts = await _all_settled([part(chunk.start, chunk.end) for chunk in chunks])
    prose = await _reduce(run, task, [settled.record for settled in parts], limit, slots)
    return parts, prose


async def _all_settled(work: list[Coroutine[Any, Any, T]]) -> list[T]:
    """Every result, in order, once all the work has ended; the first error (in order) is raised
    only then, so the tokens of parts answered after another part failed are counted too (they
    were billed), and no part is left running when the article's run ends."""
    results = await asyncio.gather(*work, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return cast("list[T]", results)


async def _reduce(
    run: Run,
    task: Task,
    prose: list[SummaryText],
    limit: int,
    slots: asyncio.Semaphore,
) -> SummaryText:
    """Reduce in rounds until one record remains: each request holds what fits in ``limit``."""

    async def one(group: Sequence[SummaryText]) -> SummaryText:
        if len(group) == 1:  # a part left over goes on to the next round as it is
            return group[0]
        async with slots:
            reduce = Task(task.article, task.max_tokens, parts=tuple(group))
            return (await settle(run, reduce)).record

    count = run.engine.count_tokens
    while True:
        batches = groups(prose, limit, lambda group: count(reduce_message(group)))
        prose = await _all_settled([one(group) for group in batches])
        if len(prose) == 1:
            return prose[0]


def groups(items: Sequence[T], limit: int, size: Callable[[list[T]], int]) -> list[list[T]]:
    """Consecutive groups whose ``size`` is at most ``limit``; at least two items a group (so
    that every round halves the work or better), except a last one left alone."""
    result: list[list[T]] = []
    current: list[T] = []
    for item in items:
        if len(current) >= 2 and size([*current, item]) > limit:
            result.append(current)
            current = []
        current.append(item)
    if current:
        result.append(current)
    return result
