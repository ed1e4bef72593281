"""Who is who across articles: one id for an actor, however many articles name them.

Actors are merged by their normalised name (case, Unicode forms, quotation marks, dashes, a
leading "the", a trailing "'s"), and linked further when one actor's mention is another's name
("U.S." named in one article, a mention of the United States in another) or when they share a
mention of two words or more. Persons are kept apart more carefully: two persons with different
full names are never merged, whatever they share (Kim Jong Un and Kim Yung-ho both have the
mention "Kim"), and a person known only by one word ("Putin", "Kim") joins a full name only when
exactly one full name in the batch begins or ends with that word or has it as a mention.

The ids are readable slugs of the most frequent full name ("vladimir-putin"), made unique with a
number, and depend only on the records, so the site and the tables built from one results file
agree.

Example::

    >>> index = ActorIndex()
    >>> index.add([{"name": "Vladimir Putin", "kind": "person", "mentions": ["Putin"]}])
    >>> index.add([{"name": "Putin", "kind": "person", "mentions": ["Putin"]}])
    >>> index.resolve().id_of("putin")
    'vladimir-putin'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

_FOLD = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′´`", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
    }
)
_SPACE = re.compile(r"\s+")
_EDGE = " \"'.,;:!?()[]{}-*_"
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")
_POSSESSIVE = re.compile(r"'s?$")
_NOT_WORD = re.compile(r"[^\w]+")
MAX_ID_LENGTH = 60


@lru_cache(maxsize=1 << 16)  # the same few thousand names come back in article after article
def normalise_name(text: str) -> str:
    """The form names are compared in: ``"The U.S.’s"`` -> ``"u.s"``."""
    if text.isascii():
        folded = text.lower().replace("`", "'")
    else:
        folded = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    folded = _SPACE.sub(" ", folded).strip(_EDGE)
    folded = _LEADING_ARTICLE.sub("", folded)
    return _POSSESSIVE.sub("", folded).strip(_EDGE)


class Holders:
    """Which actor of an article (by position) a concern's holder names: a name first, else a
    mention, as grounding accepts holders.

    >>> Holders([("Vladimir Putin", ["Putin"])]).find("putin")
    0
    """

    def __init__(self, actors: Iterable[tuple[str, Iterable[str]]]) -> None:
        by_name: dict[str, int] = {}
        by_mention: dict[str, int] = {}
        for position, (name, mentions) in enumerate(actors):
            by_name.setdefault(normalise_name(name), position)
            for mention in mentions:
                by_mention.setdefault(normalise_name(mention), position)
        self._positions = {**by_mention, **by_name}

    def find(self, holder: str) -> int | None:
        return self._positions.get(normalise_name(holder))


@dataclass
class _Name:
    """Everything the batch says under one normalised name."""

    spellings: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    mentions: set[str] = field(default_factory=set)

    @property
    def is_person(self) -> bool:
        return self.kinds.most_common(1)[0][0] == "person"


@dataclass(frozen=True)
class ActorGroup:
    """One actor across the batch."""

    id: str
    name: str
    kind: str
    names: tuple[str, ...]  # every spelling, most frequent first
    roles: tuple[str, ...]  # the roles given, most frequent first


class ActorIndex:
    """Collects the actors of every article (``add``), then merges them (``resolve``)."""

    def __init__(self) -> None:
        self._names: dict[str, _Name] = {}

    def add(self, actors: Iterable[Mapping[str, Any]]) -> None:
        """The actors of one article, as ``ArticleSummary`` JSON (``name``, ``kind``, ...)."""
        for actor in actors:
            name = str(actor.get("name") or "")
            key = normalise_name(name)
            if not key:
                continue
            entry = self._names.get(key)
            if entry is None:
                entry = self._names[key] = _Name()
            entry.spellings[" ".join(name.split())] += 1
            entry.kinds[str(actor.get("kind") or "other")] += 1
            role = actor.get("role")
            if isinstance(role, str) and role.strip():
                entry.roles[" ".join(role.split())] += 1
            for mention in actor.get("mentions") or ():
                mention_key = normalise_name(str(mention))
                if mention_key and mention_key != key:
                    entry.mentions.add(mention_key)

    def resolve(self) -> ResolvedActors:
        return ResolvedActors(self._names)


class ResolvedActors:
    """The merged actors: ``id_of(normalised name)`` and the groups, by id."""

    def __init__(self, names: Mapping[str, _Name]) -> None:
        keys = sorted(names)
        parent = {key: key for key in keys}
        # Whether a group holds a full name (a person, two words or more): two groups that both
        # do are different people, whatever else they share.
        full: dict[str, bool] = {key: names[key].is_person and " " in key for key in keys}

        def root(key: str) -> str:
            while parent[key] != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        def union(a: str, b: str) -> None:
            ra, rb = root(a), root(b)
            if ra == rb or (full[ra] and full[rb]):
                return
            if rb < ra:
                ra, rb = rb, ra
            parent[rb] = ra
            full[ra] = full[ra] or full[rb]

        surnames: list[str] = []
        by_mention: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            entry = names[key]
            if entry.is_person and " " not in key:
                surnames.append(key)
            for mention in sorted(entry.mentions):
                if " " in mention:
                    by_mention[mention].append(key)
                if mention in names and not (
                    entry.is_person and names[mention].is_person and " " not in mention
                ):
                    union(key, mention)
        for holders in by_mention.values():
            for other in holders[1:]:
                union(holders[0], other)
        # A person named by one word joins the one full name that carries it, if only one does.
        carriers_of: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            if full[key]:
                words = key.split(" ")
                # Family names come first in some languages (Kim Jong Un), last in others.
                carriers_of[words[0]].add(key)
                carriers_of[words[-1]].add(key)
                for mention in names[key].mentions:
                    carriers_of[mention].add(key)
        for word in surnames:
            carriers = {root(key) for key in carriers_of.get(word, ())}
            if len(carriers) == 1:
                union(word, carriers.pop())

        members: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            members[root(key)].append(key)
        self._id_of: dict[str, str] = {}
        self.groups: dict[str, ActorGroup] = {}
        taken: Counter[str] = Counter()
        drafts = []
        for group_keys in members.values():
            spellings: Counter[str] = Counter()
            kinds: Counter[str] = Counter()
            roles: Counter[str] = Counter()
            for key in group_keys:
                spellings.update(names[key].spellings)
                kinds.update(names[key].kinds)
                roles.update(names[key].roles)
            ranked = tuple(name for name, _ in sorted(spellings.items(), key=_fullest_first))
            slug = _NOT_WORD.sub("-", normalise_name(ranked[0])).strip("-")[:MAX_ID_LENGTH]
            drafts.append((slug or "actor", ranked, kinds, roles, group_keys))
        for slug, ranked, kinds, roles, group_keys in sorted(drafts, key=lambda d: (d[0], d[1])):
            taken[slug] += 1
            actor_id = slug if taken[slug] == 1 else f"{slug}-{taken[slug]}"
            self.groups[actor_id] = ActorGroup(
                id=actor_id,
                name=ranked[0],
                kind=sorted(kinds.items(), key=_by_count)[0][0],
                names=ranked,
                roles=tuple(role for role, _ in sorted(roles.items(), key=_by_count)),
            )
            for key in group_keys:
                self._id_of[key] = actor_id

    def id_of(self, name: str) -> str | None:
        """The id of the actor with this name (given as is, or normalised)."""
        return self._id_of.get(normalise_name(name))


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _fullest_first(item: tuple[str, int]) -> tuple[bool, int, int, str]:
    """Names of two words or more before one-word names (a surname, an abbreviation: "Vladimir
    Putin" before "Putin", "United States" before "U.S."), then by frequency."""
    words = len(item[0].split())
    return words < 2, -item[1], -words, item[0]
