"""The built-in offline engine: a grounded record from rules and a shipped lexicon, no network.

Example::

    >>> analysis = analyse("Officials said the bridge would reopen. Critics warned it was unsafe.")
    >>> [(c.holder, c.kind.value) for c in analysis.stated_concerns]
    [('critics', 'warning')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Actor, ActorKind, ExtractedSummary, StatedConcern
from ._gc import paused_collection
from .actors import Cast, Entity, find_actors
from .concerns import find_concerns
from .language import language_warning
from .ranking import Ranking, headline, key_points, summary
from .sentences import Checkpoint, never_stop, read_document

__all__ = ["ENGINE_VERSION", "OfflineAnalysis", "analyse"]

ENGINE_VERSION = "offline-13"

# Actors listed first: people, then bodies and groups, then countries.
_KIND_ORDER = {
    ActorKind.person: 0,
    ActorKind.government_body: 1,
    ActorKind.organization: 1,
    ActorKind.group: 2,
    ActorKind.other: 2,
    ActorKind.country: 3,
}


@dataclass(frozen=True)
class OfflineAnalysis:
    headline: str
    summary: str
    key_points: list[str]
    actors: list[Actor]
    stated_concerns: list[StatedConcern]
    # What the caller should know about the record: an article not in English, for one.
    warnings: list[str] = field(default_factory=list)


def _actor(entity: Entity) -> Actor:
    surfaces = sorted(entity.surfaces.items(), key=lambda item: item[1][0])
    return Actor(
        name=entity.name,
        kind=entity.kind,
        role=entity.role,
        mentions=[surface for surface, _ in surfaces],
        mention_spans=[span for _, span in surfaces],
    )


def _actors(cast: Cast, holders: set[int]) -> list[tuple[int, Actor]]:
    chosen = [
        (index, entity)
        for index, entity in enumerate(cast.entities)
        if entity.spans and (entity.acts or index in holders)
    ]
    chosen.sort(key=lambda item: (_KIND_ORDER[item[1].kind], -len(item[1].spans), item[1].first))
    return [(index, _actor(entity)) for index, entity in chosen]


def analyse(
    article: str, *, title: str | None = None, checkpoint: Checkpoint | None = None
) -> OfflineAnalysis:
    """Headline, summary, key points, actors and stated concerns of one article.

    Every mention span and quote span is an offset into ``article`` exactly as passed.

    >>> result = analyse("Kremlin spokesman Dmitry Peskov warned that talks could fail.")
    >>> result.actors[0].name, result.actors[0].role
    ('Dmitry Peskov', 'Kremlin spokesman')
    """
    with paused_collection():
        return _analyse(article, title, checkpoint or never_stop)


def _analyse(article: str, title: str | None, check: Checkpoint) -> OfflineAnalysis:
    warning = language_warning(article)
    doc = read_document(article, check)
    cast = find_actors(doc, check)
    found = find_concerns(doc, cast, check)
    ranking = Ranking(doc, check)
    holders = {concern.holder for concern in found}
    actors = _actors(cast, holders)
    names = {index: actor.name for index, actor in actors}
    concerns: list[StatedConcern] = [
        StatedConcern(
            holder=names[concern.holder],
            kind=concern.kind,
            concern=concern.concern,
            quote=article[concern.start : concern.end],
            quote_span=(concern.start, concern.end),
        )
        for concern in found
        if concern.holder in names
    ]
    head = title.strip() if title and title.strip() else headline(doc)
    text = summary(ranking) or head
    points = key_points(ranking) if ranking.sentences else [head]
    # Built through the response model so the validators (headline length, summary size) apply.
    checked = ExtractedSummary(
        headline=head,
        summary=text,
        key_points=points,
        actors=[actor for _, actor in actors],
        stated_concerns=list(concerns),
    )
    return OfflineAnalysis(
        headline=checked.headline,
        summary=checked.summary,
        key_points=checked.key_points,
        actors=[actor for _, actor in actors],
        stated_concerns=concerns,
        warnings=[warning] if warning else [],
    )
