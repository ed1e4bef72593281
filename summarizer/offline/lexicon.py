"""The offline engine's rules as data: reporting verbs, titles, heads, group nouns, stance cues.

Every list lives in a text file under ``data/`` (one entry a line, ``#`` starts a comment) and is
read once. The negative words of VADER's lexicon (the ``vaderSentiment`` package) back up the
stance cues of ``data/stance.txt``.

Example::

    >>> verb = lexicon().verbs["cautioned"]
    >>> verb.base, verb.cue
    ('caution', <ConcernKind.warning: 'warning'>)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..models import ActorKind, ConcernKind

DATA = Path(str(resources.files(__package__).joinpath("data")))
# A VADER valence at or below this is a clearly negative word (the scale runs from -4 to +4).
# At -1.5 it left out words such as "shocked" and "tension" that voice a stance in news; the
# words of reported facts in between ("fought", "gun") are listed as neutral in stance.txt.
NEGATIVE_VALENCE = -1.2
# "un" + a word at least this positive in VADER is a criticism ("unprepared" from "prepared").
POSITIVE_STEM = 0.8
NEGATIVE_PREFIXES = ("un", "dis", "in", "im", "ir", "il")
# At most this many distinct words' stance classes are remembered.
_CLASS_MEMO = 200_000


def words(text: str) -> frozenset[str]:
    """A word list written as one string: ``words("said says told")``."""
    return frozenset(text.split())


# "the country was unhappy with", "Collins feels nervous": a stated state of mind.
COPULAS = words(
    """is was are were be been being feel feels felt became become becomes grew remain remains
    remained seemed seems"""
)
# Moods that may follow the people they describe, with what they are about: "allies
# concerned about", "parents fearful of", "farmers angry over".
MOODS_AFTER = words(
    "concerned worried fearful afraid anxious alarmed nervous angry upset unhappy wary doubtful"
)
# The stance classes of a state of mind after a copula.
MOOD_CLASSES = frozenset({"concern", "doubt", "criticism"})


@dataclass(frozen=True)
class Verb:
    """A reporting verb, as one line of ``data/verbs.txt`` describes it."""

    base: str
    # The concern the verb makes by itself; None when its reported words decide.
    cue: ConcernKind | None
    # The verb's words are never a concern ("denied").
    silences: bool
    person: bool
    strict: bool
    # The verb reports only quoted words or words after a colon, or follows them inverted
    # ('"...," continued Kristensen'; but not "continue to get paid").
    spoken: bool = False
    # The concern the verb makes when negated ("did not agree" a criticism, "does not believe"
    # a doubt); None when a negation only silences it.
    negated: ConcernKind | None = None
    # In the passive, the agent only relays the words and the subject holds them ("Smith was
    # quoted by Reuters"); for other verbs the agent speaks ("described by officials as").
    relayed: bool = False
    # The verb asserts its words against a claim: negated, they deny it ("insisted there was
    # no commitment", "maintains he was not involved"), a denial and no concern.
    asserts: bool = False
    # The verb reports a wish: a forecast under it is hoped for, no warning ("hopes the
    # sentences will help"), and a harm it wishes away is a worry ("hopes the dam will not fail").
    wishes: bool = False


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...]
    capitals: tuple[str, ...]
    demonyms: tuple[str, ...]
    # Aliases such as "the North" that only count when the country itself is named in the article.
    definite_aliases: tuple[str, ...]


@dataclass(frozen=True)
class Stance:
    """Stance cues: single words (exact or by prefix) and phrases, each with its class."""

    exact: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]
    # First word -> the phrases it opens, with their class.
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]
    valence: dict[str, float]
    # Words already classed: the prefix search runs once per distinct word.
    _classes: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _listed: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def listed(self, word: str) -> bool:
        """Whether ``word`` has a class of its own in ``stance.txt`` (not one from VADER)."""
        known = self._listed.get(word)
        if known is None:
            known = word in self.exact or any(word.startswith(p) for p, _ in self.prefixes)
            if len(self._listed) < _CLASS_MEMO:
                self._listed[word] = known
        return known

    def _negated_positive(self, word: str) -> str | None:
        """ "unqualified", "dishonest", "inaccurate": a negative prefix on a clearly positive word
        (VADER's, or a listed good quality) that VADER does not know itself is a criticism."""
        for prefix in NEGATIVE_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 4:
                stem = word[len(prefix) :]
                value = self.valence.get(stem)
                listed = self.exact.get(stem)
                if (value is not None and value >= POSITIVE_STEM) or listed == "merit":
                    return "criticism"
        return None

    def word_class(self, word: str) -> str | None:
        """The class of one lower-case word: a listed class, else "criticism" for VADER negatives."""
        if word in self._classes:
            return self._classes[word]
        found = self.exact.get(word)
        if found is None:
            found = next((cls for prefix, cls in self.prefixes if word.startswith(prefix)), None)
        if found is None:
            value = self.valence.get(word)
            # A negative adverb of VADER's tells how something happened ("the house shook
            # violently"), not what someone thinks of it.
            narrative = word.endswith("ly") and len(word) > 5
            if value is not None and value <= NEGATIVE_VALENCE and not narrative:
                found = "criticism"
            elif value is None:
                found = self._negated_positive(word)
        if len(self._classes) < _CLASS_MEMO:
            self._classes[word] = found
        return found


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Verb]  # every form ("warned", "warns") -> its verb
    # Nouns that attribute words to their possessor ("his warning that") -> (cue, silences).
    attribution_nouns: dict[str, tuple[ConcernKind | None, bool]]
    # Past forms of irregular verbs ("met", "sent"): a name before one is a verb's subject.
    irregular_past: frozenset[str]
    titles: frozenset[str]
    describing_titles: frozenset[str]
    kin: frozenset[str]
    # A footballer's positions: the name before one is a club's ("Bayern's goalkeeper").
    team_titles: frozenset[str]
    honorifics: frozenset[str]
    # Judges' titles: their findings are rulings ("Justice Trotter was not convinced").
    ruling_titles: frozenset[str]
    # Titles that are also given names: after another title they open the name ("defense
    # minister Sultan Hashim Ahmad al-Tal").
    given_titles: frozenset[str]
    # Descriptions that point back after "the" ("the man"), an actor only as "a man".
    indefinite_titles: frozenset[str]
    role_modifiers: frozenset[str]
    org_heads: frozenset[str]
    gov_heads: frozenset[str]
    # Heads that name a body in lower case after a name: "Trump administration" -> its kind.
    body_heads: dict[str, ActorKind]
    # Heads of descriptions that stand for an organisation named before: "the agency".
    org_descriptions: frozenset[str]
    # Heads whose description is a body of its own with no antecedent: "the army warned".
    standalone_bodies: frozenset[str]
    # Heads whose description never stands for a body of a state: "the group".
    private_heads: frozenset[str]
    # Documents that speak for their author ("a statement released by X said").
    document_nouns: frozenset[str]
    # What players do on the field (data/sport_verbs.txt): "Drogba scored" in a match report.
    sport_verbs: frozenset[str]
    # Words of a match (data/sport_nouns.txt): with a score, they make a match report.
    sport_nouns: frozenset[str]
    request_nouns: frozenset[str]
    # Base forms of common verbs: the verb after a plural subject ("investigators attempt").
    base_verbs: frozenset[str]
    # Every form of the verbs whose object acts ("allowed Ukraine to strike").
    control_verbs: frozenset[str]
    # Heads of bodies that rule on cases ("court", "tribunal"): their findings are facts.
    ruling_heads: frozenset[str]
    # Heads whose city belongs to the name: "Chinese Embassy in Washington".
    sited_heads: frozenset[str]
    known_orgs: dict[str, str]
    place_last: frozenset[str]
    place_first: frozenset[str]
    group_nouns: frozenset[str]
    # Group nouns written with a capital in any position: "Democrats in Congress".
    proper_group_nouns: frozenset[str]
    # Group nouns that are a group only right after "the": "The family says" (not "my family").
    definite_group_nouns: frozenset[str]
    group_modifiers: frozenset[str]
    common_capitalised: frozenset[str]
    days_months: frozenset[str]
    places: frozenset[str]
    countries: tuple[Country, ...]
    # Surface form -> country, for names and aliases (strong) and for capitals (metonyms).
    country_names: dict[str, Country]
    capitals: dict[str, Country]
    demonyms: dict[str, Country]
    stance: Stance
    # What an outlet does while it reports ("spoke with", "reached out"), as word tuples.
    newsroom_acts: tuple[tuple[str, ...], ...] = ()
    # The people of a country as a plural noun, derived from its demonyms: "Russians", "Iraqis".
    people_plurals: frozenset[str] = frozenset()
    # Word -> its shape as a name ("name", "common", "opener"), filled as words are met.
    shapes: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # Words of a capitalised run -> whether they may be a person's name.
    name_shapes: dict[tuple[str, ...], bool] = field(
        default_factory=dict, compare=False, repr=False
    )

    def is_reporting(self, word: str) -> bool:
        return word.lower() in self.verbs

    def may_attribute(self, found: set[str]) -> bool:
        """Whether a sentence with these lower-case words may attribute something: a reporting
        verb, "according", a light verb, an attributing noun, or a copula with a word of a
        state of mind ("the country was unhappy")."""
        if "according" in found or not found.isdisjoint(LIGHT_VERBS):
            return True
        if not found.isdisjoint(self.verbs.keys()):
            return True
        if not found.isdisjoint(self.attribution_nouns.keys()):
            return True
        if not found.isdisjoint(MOODS_AFTER) or not found.isdisjoint(PHRASAL_VERBS):
            return True
        if "responsible" in found or "accountable" in found or "liable" in found:
            return True  # "held CSX responsible"
        if found.isdisjoint(COPULAS):
            return False
        stance = self.stance
        return any(
            stance.word_class(word) in MOOD_CLASSES or word in stance.phrases for word in found
        )


def entries(name: str, directory: Path | None = None) -> Iterator[list[str]]:
    """The lines of a data file, split on white space, without comments and blank lines."""
    path = (directory or DATA) / name
    for line in path.read_text("utf-8").splitlines():
        line = line.split(" #", 1)[0] if not line.startswith("#") else ""
        fields = line.split()
        if fields:
            yield fields


_SHORT_CVC = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


def inflections(base: str) -> tuple[str, str, str, str]:
    """The regular -s, past, past participle and -ing forms of an English verb."""
    if base.endswith("e"):
        ing = base + "ing" if base.endswith(("ee", "ye", "oe")) else base[:-1] + "ing"
        return base + "s", base + "d", base + "d", ing
    if len(base) > 2 and base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ies", base[:-1] + "ied", base[:-1] + "ied", base + "ing"
    third = base + "es" if base.endswith(("s", "sh", "ch", "x", "z")) else base + "s"
    if _SHORT_CVC.fullmatch(base):
        # One syllable ending in a single vowel and consonant doubles it: fret -> fretted.
        stem = base + base[-1]
        return third, stem + "ed", stem + "ed", stem + "ing"
    return third, base + "ed", base + "ed", base + "ing"


def read_verbs(directory: Path | None = None) -> dict[str, Verb]:
    """Every form of every verb in ``verbs.txt``: ``{"warned": Verb("warn", ...), ...}``."""
    table: dict[str, Verb] = {}
    for fields in entries("verbs.txt", directory):
        base, cue, flags, *forms = fields
        flag_set = set(flags.split(",")) - {"-"}
        negated = next((f[4:] for f in flag_set if f.startswith("not=")), None)
        verb = Verb(
            base=base,
            cue=None if cue in ("-", "none") else ConcernKind(cue),
            silences=cue == "none",
            person="person" in flag_set,
            strict="strict" in flag_set,
            spoken="spoken" in flag_set,
            relayed="relayed" in flag_set,
            asserts="asserts" in flag_set,
            wishes="wishes" in flag_set,
            negated=ConcernKind(negated) if negated else None,
        )
        for form in (base, *(forms or inflections(base))):
            table.setdefault(form, verb)
    return table


def read_light_verbs(directory: Path | None = None) -> dict[str, bool]:
    """Every form of the light verbs of ``light_verbs.txt`` -> whether its object must be an
    attributing noun: ``{"expressed": False, "made": True, ...}``."""
    table: dict[str, bool] = {}
    for base, flags, *forms in entries("light_verbs.txt", directory):
        for form in (base, *(forms or inflections(base))):
            table.setdefault(form, "noun" in flags.split(","))
    return table


# "expressed concern", "voiced fears", "raised questions", "sounded the alarm": a light verb whose
# object names the stance.
# Each form -> whether only an attributing noun may follow ("made accusations").
LIGHT_VERBS = read_light_verbs()


def read_phrasal_verbs(
    directory: Path | None = None,
) -> dict[str, tuple[tuple[tuple[str, ...], ConcernKind], ...]]:
    """Every form of the verbs of ``phrasal_verbs.txt`` -> (particles, cue) pairs:
    ``{"lashed": ((("out", "at"), criticism),), ...}``."""
    table: dict[str, list[tuple[tuple[str, ...], ConcernKind]]] = {}
    for base, particles, cue, *forms in entries("phrasal_verbs.txt", directory):
        entry = (tuple(particles.split("_")), ConcernKind(cue))
        for form in (base, *(forms or inflections(base))):
            table.setdefault(form, []).append(entry)
    return {form: tuple(found) for form, found in table.items()}


# "lashed out at", "fired back at": a verb and its particles voice a stance by themselves.
PHRASAL_VERBS = read_phrasal_verbs()


def _flagged(name: str, directory: Path | None) -> dict[str, set[str]]:
    """A list file whose lines are ``word [flag ...]``: word -> flags."""
    return {fields[0]: set(fields[1:]) for fields in entries(name, directory)}


def _phrases(name: str, directory: Path | None) -> list[str]:
    """A list file whose lines are whole phrases ("New South Wales")."""
    return [" ".join(fields) for fields in entries(name, directory)]


def _vader_valence() -> dict[str, float]:
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    valence: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[a-z][a-z'-]*", parts[0]):
            valence[parts[0]] = float(parts[1])
    return valence


def read_stance(directory: Path | None = None) -> Stance:
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for cls, *phrase in entries("stance.txt", directory):
        if len(phrase) > 1:
            phrases.setdefault(phrase[0], []).append((tuple(phrase), cls))
        elif phrase[0].endswith("*"):
            prefixes.append((phrase[0][:-1], cls))
        else:
            exact[phrase[0]] = cls
    # Longer prefixes first: "worri*" before "wor*".
    prefixes.sort(key=lambda item: -len(item[0]))
    return Stance(exact, tuple(prefixes), phrases, _vader_valence())


def _countries(directory: Path | None) -> tuple[Country, ...]:
    raw: list[dict[str, Any]] = json.loads(((directory or DATA) / "countries.json").read_text())
    return tuple(
        Country(
            name=entry["name"],
            aliases=tuple(entry["aliases"]),
            capitals=tuple(entry["capitals"]),
            demonyms=tuple(entry["demonyms"]),
            definite_aliases=tuple(entry.get("definite_aliases", ())),
        )
        for entry in raw
    )


def read_lexicon(directory: Path | None = None) -> Lexicon:
    """The lexicon from the data files in ``directory`` (the package's own by default)."""
    titles = _flagged("titles.txt", directory)
    head_lines = list(entries("organisation_heads.txt", directory))
    heads = {fields[0]: fields[1] for fields in head_lines}
    place_heads = {fields[0]: fields[1] for fields in entries("place_heads.txt", directory)}
    groups = _flagged("group_nouns.txt", directory)
    common = _flagged("common_words.txt", directory)
    countries = _countries(directory)
    names: dict[str, Country] = {}
    capitals: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    people: set[str] = set()
    for country in countries:
        for form in (country.name, *country.aliases):
            names[form] = country
            if form.startswith("The "):
                names[form[4:]] = country
        for form in country.capitals:
            capitals[form] = country
        for form in country.demonyms:
            demonyms[form] = country
            # "South Africans": the people of a country of two words are named by its last.
            plural = form.lower().split()[-1] + "s"
            if form.endswith(("an", "i")) and plural not in groups:
                # "Russians", "Iraqis", "Kenyans": the people of a country are a group that can
                # act ("Most Russians support the law"); not "Chinese" or "British".
                groups[plural] = {"proper"}
                people.add(plural)
    return Lexicon(
        verbs=read_verbs(directory),
        attribution_nouns={
            noun: (None if cue in ("-", "none") else ConcernKind(cue), cue == "none")
            for noun, cue in entries("attribution_nouns.txt", directory)
        },
        irregular_past=frozenset(
            form for fields in entries("irregular_verbs.txt", directory) for form in fields[1:]
        ),
        titles=frozenset(w for w, f in titles.items() if "honorific" not in f),
        describing_titles=frozenset(w for w, f in titles.items() if "describes" in f),
        kin=frozenset(w for w, f in titles.items() if "kin" in f),
        team_titles=frozenset(w for w, f in titles.items() if "team" in f),
        honorifics=frozenset(w for w, f in titles.items() if "honorific" in f),
        ruling_titles=frozenset(w for w, f in titles.items() if "rules" in f),
        given_titles=frozenset(w for w, f in titles.items() if "given" in f),
        indefinite_titles=frozenset(w for w, f in titles.items() if "indefinite" in f),
        role_modifiers=frozenset(_phrases("role_modifiers.txt", directory)),
        # Plural heads end names too: "Centers for Disease Control", "Armed Forces".
        org_heads=frozenset(heads) | {head + "s" for head in heads if not head.endswith("s")},
        gov_heads=frozenset(w for w, kind in heads.items() if kind == "government_body"),
        body_heads={f[0]: ActorKind(f[1]) for f in head_lines if "lower" in f[2:]},
        org_descriptions=frozenset(f[0] for f in head_lines if "describes" in f[2:]),
        standalone_bodies=frozenset(f[0] for f in head_lines if "alone" in f[2:]),
        private_heads=frozenset(f[0] for f in head_lines if "private" in f[2:]),
        document_nouns=frozenset(fields[0] for fields in entries("document_nouns.txt", directory)),
        request_nouns=frozenset(fields[0] for fields in entries("request_nouns.txt", directory)),
        sport_verbs=frozenset(fields[0] for fields in entries("sport_verbs.txt", directory)),
        sport_nouns=frozenset(fields[0] for fields in entries("sport_nouns.txt", directory)),
        base_verbs=frozenset(fields[0] for fields in entries("common_verbs.txt", directory)),
        control_verbs=frozenset(
            form
            for base, *forms in entries("control_verbs.txt", directory)
            for form in (base, *(forms or inflections(base)))
        ),
        ruling_heads=frozenset(f[0] for f in head_lines if "rules" in f[2:]),
        sited_heads=frozenset(f[0] for f in head_lines if "sited" in f[2:]),
        known_orgs={
            " ".join(name): ActorKind(kind).value
            for kind, *name in entries("organisation_names.txt", directory)
        },
        place_last=frozenset(w for w, p in place_heads.items() if p in ("last", "both")),
        place_first=frozenset(w for w, p in place_heads.items() if p in ("first", "both")),
        group_nouns=frozenset(groups),
        proper_group_nouns=frozenset(w for w, f in groups.items() if "proper" in f),
        definite_group_nouns=frozenset(w for w, f in groups.items() if "the" in f),
        group_modifiers=frozenset(_phrases("group_modifiers.txt", directory)),
        common_capitalised=frozenset(w for w, f in common.items() if "date" not in f),
        days_months=frozenset(w for w, f in common.items() if "date" in f),
        places=frozenset(_phrases("places.txt", directory)),
        countries=countries,
        country_names=names,
        capitals=capitals,
        demonyms=demonyms,
        stance=read_stance(directory),
        newsroom_acts=tuple(tuple(fields) for fields in entries("newsroom_acts.txt", directory)),
        people_plurals=frozenset(people),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The package's lexicon, read from ``data/`` on first use."""
    return read_lexicon()
