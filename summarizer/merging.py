"""Merging records: one actor however many times (or parts) it appears, one concern per quote.

A long article's parts each name their actors; a passage repeated in an article yields the same
concern twice. ``merge_records`` takes records whose spans are already in the whole article's
offsets and merges actors by name and mentions, and concerns by holder and quote.

Example::

    >>> from summarizer.models import Actor
    >>> putin = Actor(name="Vladimir Putin", kind="person", mentions=["Putin"], mention_spans=[(0, 5)])
    >>> again = Actor(name="Putin", kind="person", mentions=["Putin"], mention_spans=[(40, 45)])
    >>> actors, _ = merge_records([([putin], []), ([again], [])])
    >>> [(actor.name, actor.mention_spans) for actor in actors]
    [('Vladimir Putin', [(0, 5)])]
"""

from __future__ import annotations

from collections.abc import Iterable

from .grounding import Span, normalise
from .models import Actor, StatedConcern

Records = tuple[list[Actor], list[StatedConcern]]


def shift(records: Records, offset: int) -> Records:
    """Records of a part, with their spans moved into the whole article's offsets."""
    if offset == 0:
        return records
    actors, concerns = records
    return (
        [
            actor.model_copy(
                update={"mention_spans": [(s + offset, e + offset) for s, e in actor.mention_spans]}
            )
            for actor in actors
        ],
        [
            concern.model_copy(
                update={
                    "quote_span": (concern.quote_span[0] + offset, concern.quote_span[1] + offset)
                }
            )
            for concern in concerns
        ],
    )


def merge_records(parts: Iterable[Records]) -> Records:
    """Actors merged by name and mentions (each mention at its first span), concerns by holder
    and quote (at the first place the quote stands)."""
    actors: list[Actor] = []
    spans: list[dict[str, tuple[str, Span]]] = []  # per actor: normalised mention -> (text, span)
    by_key: dict[str, int] = {}
    concerns: list[StatedConcern] = []
    seen: set[tuple[int, str]] = set()
    for part_actors, part_concerns in parts:
        local: dict[str, int] = {}
        for actor in part_actors:
            keys = [normalise(actor.name)] + [normalise(m) for m in actor.mentions]
            found = next((by_key[k] for k in keys if k in by_key), None)
            if found is None:
                found = len(actors)
                actors.append(actor)
                spans.append({})
            elif actors[found].role is None and actor.role:
                actors[found] = actors[found].model_copy(update={"role": actor.role})
            mentions = spans[found]
            for mention, span in zip(actor.mentions, actor.mention_spans, strict=True):
                key = normalise(mention)
                if key not in mentions or span[0] < mentions[key][1][0]:
                    mentions[key] = (mention, span)
            for key in keys:
                by_key.setdefault(key, found)
                local[key] = found
        for concern in part_concerns:
            holder = local.get(normalise(concern.holder), by_key.get(normalise(concern.holder)))
            if holder is None:
                continue
            identity = (holder, normalise(concern.quote))
            if identity in seen:
                continue
            seen.add(identity)
            concerns.append(concern.model_copy(update={"holder": actors[holder].name}))
    merged = []
    for actor, mentions in zip(actors, spans, strict=True):
        ordered = list(mentions.values())  # in the order the answer gave them
        merged.append(
            actor.model_copy(
                update={
                    "mentions": [text for text, _ in ordered],
                    "mention_spans": [span for _, span in ordered],
                }
            )
        )
    return merged, concerns
