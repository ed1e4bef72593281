"""The word lists and the country gazetteer the offline engine reads, loaded once from package data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


def words(text: str) -> frozenset[str]:
    """A word list written as one string: ``words("said says told")``."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...]
    capitals: tuple[str, ...]
    demonyms: tuple[str, ...]
    # Aliases such as "the North" that only count when the country itself is named in the article.
    definite_aliases: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]
    kin: frozenset[str]
    honorifics: frozenset[str]
    role_modifiers: frozenset[str]
    org_heads: frozenset[str]
    gov_heads: frozenset[str]
    known_orgs: dict[str, str]
    place_heads: frozenset[str]
    group_nouns: frozenset[str]
    # Group nouns written with a capital in any position: "Democrats in Congress".
    proper_group_nouns: frozenset[str]
    group_modifiers: frozenset[str]
    quantifiers: frozenset[str]
    unnamed_person_heads: frozenset[str]
    common_capitalised: frozenset[str]
    days_months: frozenset[str]
    places: frozenset[str]
    countries: tuple[Country, ...]
    # Surface form -> country, for names and aliases (strong) and for capitals (metonyms).
    country_names: dict[str, Country]
    capitals: dict[str, Country]
    demonyms: dict[str, Country]


def _read(name: str) -> Any:
    return json.loads(
        resources.files(__package__).joinpath("data").joinpath(name).read_text("utf-8")
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, read from ``data/`` on first use."""
    words = _read("lexicon.json")
    countries = tuple(
        Country(
            name=entry["name"],
            aliases=tuple(entry["aliases"]),
            capitals=tuple(entry["capitals"]),
            demonyms=tuple(entry["demonyms"]),
            definite_aliases=tuple(entry.get("definite_aliases", ())),
        )
        for entry in _read("countries.json")
    )
    names: dict[str, Country] = {}
    capitals: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    for country in countries:
        for form in (country.name, *country.aliases):
            names[form] = country
            if form.startswith("The "):
                names[form[4:]] = country
        for form in country.capitals:
            capitals[form] = country
        for form in country.demonyms:
            demonyms[form] = country
    sets = {key: frozenset(value) for key, value in words.items() if isinstance(value, list)}
    return Lexicon(
        known_orgs=dict(words["known_orgs"]),
        countries=countries,
        country_names=names,
        capitals=capitals,
        demonyms=demonyms,
        **sets,
    )
