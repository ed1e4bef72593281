"""People, organisations, countries and groups named in an article, each mention with its span.

Capitalised word runs are classified with the lexicon (titles, organisation and place heads, the
country gazetteer); a run becomes a person on evidence (a title before it, a reporting verb after
it, an appositive role, or its surname used alone elsewhere). Surnames, first names, acronyms and
definite descriptions ("the region’s governor", "the North") are then linked to the full actor.

Example::

    >>> from summarizer.offline.sentences import read_document
    >>> cast = find_actors(read_document("Kremlin spokesman Dmitry Peskov said so. Peskov left."))
    >>> [(e.name, e.role, sorted(e.surfaces)) for e in cast.entities if e.kind.value == "person"]
    [('Dmitry Peskov', 'Kremlin spokesman', ['Dmitry Peskov', 'Peskov'])]
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..models import ActorKind
from .lexicon import DATA, Lexicon, entries, lexicon, words
from .sentences import (
    BODY,
    CAPTION,
    MIN_SPEECH_WORDS,
    Checkpoint,
    Document,
    Sentence,
    Token,
    never_stop,
)

Span = tuple[int, int]

# Words that may stand before a noun without modifying it ("the groups", "of nations").
_FUNCTION_WORDS = words(
    """the a an of in on at by for to from with and or but that which who whose than as into
    about between among against over under through these those this its their his her our"""
)
# The most words of a common-noun complement that names a group: "opponents of the new bill".
_COMPLEMENT_WORDS = 3
# Heads too vague to be a group alone ("states", "groups"): one needs a word that says which
# ("rights groups", "Western nations", "civil rights organizations").
_GENERIC_GROUP_HEADS = frozenset(
    ("states", "nations", "countries", "groups", "organizations", "organisations")
)
# Determiners and number words that open a group's phrase but are not part of its name.
QUANTIFIERS = words(
    """some many several other others most few a an the three two four five six seven eight
    nine ten these those both all various numerous dozens hundreds thousands another its their
    his her our"""
)
# Number words that count a group ("forty protesters", "two dozen"); digits count it too.
_NUMBER_WORDS = words(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions dozen dozens tens"""
)
# Words that make a count approximate or a bound: "around 12,000", "at least 28", "more than 40".
_APPROXIMATE = words("around about nearly almost over some roughly approximately just only")
_BOUNDS = {
    ("at", "least"),
    ("at", "most"),
    ("more", "than"),
    ("fewer", "than"),
    ("less", "than"),
    ("up", "to"),
}
AUXILIARIES = words(
    """is was are were has have had will would could can may might should must does did do"""
)
# Words that may stand between a subject and its verb: "Peskov later said", "Kim Yung-ho also warned",
# "critics have long doubted".
ADVERBS = words(
    """also later then now still previously recently first earlier again already often repeatedly
    publicly privately separately last this on all both each yesterday today tonight long"""
)
LOCATIVE = words(
    """in at from to into near outside across toward towards via of around through within
    throughout inside on over onto off aboard beyond behind under"""
)
PREPOSITIONS = LOCATIVE | words(
    """with for by about against between among like than during after before since per"""
)
# A group named this often is a subject of the story ("the migrants"), acting or not.
_CENTRAL_GROUP_MENTIONS = 3
# A body of a state named this often is one too ("the Senate", "the agency being shut down").
_CENTRAL_BODY_MENTIONS = 2
# How many of the latest mentions a group phrase is checked against (those of its sentence).
_RECENT_MENTIONS = 30
# Mentions handled between two calls of the checkpoint.
_CHECK_EVERY = 200
_PARTICLES = words("van von de da den ter bin ibn al del der la le du dos das")
_CONNECTORS = frozenset({"of", "for", "on"})
_NAME_TOKEN = re.compile(
    r"(?:(?:al|el|ad|as|ash|bin|ibn|abu|de|da|di|van|von)-)?[A-Z][^\W\d_]*(?:[-’'][^\W\d_]+)*"
    r"|[A-Z]\."
)
# Generational suffixes that end a person's name: "Edwin E. Aldrin Jr.", "Henry Ford II".
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
# Arabic and European name particles joined by a hyphen: "Omar al-Bashir".
_PREFIXED_NAME = re.compile(r"(?:al|el|ad|as|ash|bin|ibn|abu|de|da|di|van|von)-[A-Z]")
_DIGIT = re.compile(r"\d")
_INITIAL = re.compile(r"[A-Z]\.")
_ACRONYM = re.compile(r"[A-Z]{2,}[a-z]?")
_POSSESSIVE = frozenset({"’s", "'s"})
_OPENERS = frozenset({"“", '"', "‘", "(", "—", "–", ":", "-", "'"})
# Heads of definite descriptions that stand for a country already named: "the country".
_COUNTRY_DESCRIPTIONS = words("country nation")
_COLLECTIVES = words(
    "group panel team number coalition delegation handful majority dozens hundreds"
)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common first names (``data/given_names.txt``): "Kevin Marsh" is a person's name."""
    return frozenset(fields[0] for fields in entries("given_names.txt"))


@lru_cache(maxsize=1)
def given_name_pronouns() -> dict[str, str]:
    """ "he" or "she" for the given names listed under a men's or a women's heading of
    ``data/given_names.txt``, or marked so after the name under the headings that mix both."""
    found: dict[str, str] = {}
    pronoun: str | None = None
    for line in (DATA / "given_names.txt").read_text("utf-8").splitlines():
        if line.startswith("# --"):
            heading = line.rstrip()
            pronoun = (
                "she" if heading.endswith("women") else "he" if heading.endswith("men") else None
            )
            continue
        fields = line.split("#", 1)[0].split()
        if len(fields) > 1 and fields[1] in ("he", "she"):
            found[fields[0]] = fields[1]  # "Olga  she" under a heading that mixes both
        elif fields and pronoun is not None:
            found[fields[0]] = pronoun
    return found


@lru_cache(maxsize=1)
def historic_capitals() -> dict[str, tuple[str, ...]]:
    """Capitals that also stood for a former state (``historic_capitals`` in countries.json):
    "Moscow" -> ("Soviet Union",)."""
    table: dict[str, list[str]] = {}
    for entry in json.loads((DATA / "countries.json").read_text("utf-8")):
        for capital in entry.get("historic_capitals", ()):
            table.setdefault(capital, []).append(entry["name"])
    return {capital: tuple(names) for capital, names in table.items()}


@lru_cache(maxsize=1)
def action_nouns() -> frozenset[str]:
    """Nouns of an act (``data/action_nouns.txt``): "Russia's war", "China's decision"."""
    return frozenset(fields[0] for fields in entries("action_nouns.txt"))


def _act_follows(tokens: list[Token], k: int) -> bool:
    """Whether a noun of an act follows within three words: "’s nearly three-year war"."""
    nouns = action_nouns()
    for m in range(k, min(k + 4, len(tokens))):
        word = tokens[m].text
        if word.lower() in nouns:
            return True
        if not (word.isalpha() or "-" in word) or not word.islower():
            return False
    return False


@lru_cache(maxsize=1)
def common_acronyms() -> frozenset[str]:
    """Capitals that name no actor (``data/common_acronyms.txt``): "VIP", "AI", "TV"."""
    return frozenset(fields[0] for fields in entries("common_acronyms.txt"))


def _name_inside(words: tuple[str, ...], names: frozenset[str]) -> int | None:
    """Where a person's name starts inside a longer capitalised run: "Civic Relations | Nadia
    Farouk" (a given name after a word that is not one, followed by one or two name words)."""
    for k in range(1, len(words) - 1):
        if words[k] in names and words[k - 1] not in names and not _INITIAL.fullmatch(words[k - 1]):
            if len(words) - k <= 3 and not any(word in names for word in words[:k]):
                return k
            return None
    return None


def _affiliation_word(word: str, lex: Lexicon) -> bool:
    """Whether one capitalised word before a person's name can be an affiliation ("Pentagon Maria
    Lopez"), and not the first part of the name itself ("Mir Hossein Mousavi")."""
    lower = word.lower()
    return (
        lower in lex.org_heads
        or _is_title(word, lex)
        or word in lex.country_names
        or _ACRONYM.fullmatch(word) is not None
    )


@dataclass
class Entity:
    key: str
    name: str
    kind: ActorKind
    role: str | None = None
    surfaces: dict[str, Span] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    acts: bool = False
    # For the tie-break between same-surname people: full-name occurrences count most.
    full_mentions: int = 0

    # Where the first mention starts (kept up to date, so that the tie-breaks stay linear).
    first: int = -1
    # Heads an appositive gave it ("X, a statewide advocacy group,"): "the group" is X.
    described_as: set[str] = field(default_factory=set)

    def add(self, start: int, end: int, text: str) -> None:
        surface = text[start:end]
        self.surfaces.setdefault(surface, (start, end))
        self.spans.append((start, end))
        if self.first < 0 or start < self.first:
            self.first = start


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: int
    sentence: int
    # Preceded by a preposition: an object or a place, not the subject of a clause.
    governed: bool


@dataclass
class Cast:
    """Every actor of an article, and every mention in text order."""

    entities: list[Entity]
    mentions: list[Mention]


def name_key(name: str) -> str:
    """Spelling variants of a name made equal: "Kim Jong-Un" and "Kim Jong Un", "U.N." and
    "UN", "Hugo Chávez" and "Hugo Chavez"."""
    if _DOTTED.fullmatch(name):
        return name.replace(".", "").lower()
    return " ".join(re.sub(r"[-‑’'.]", " ", _unaccented(name).lower()).split())


def _unaccented(word: str) -> str:
    """A word without its accents: "Chavez" of "Chávez" (both spellings are common in English
    news)."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")


@dataclass
class _Candidate:
    """A capitalised run that may be a person's name, with the evidence seen for it."""

    sentence: int
    start: int
    end: int
    tokens: tuple[str, ...]
    role: str | None
    evidence: bool
    recipient: bool


class _Single(NamedTuple):
    """A one-word name ("Putin", "Tyler") or a capital city that may stand for its country."""

    sentence: int
    start: int
    end: int
    word: str
    evidence: bool
    recipient: bool
    governed: bool
    capital_of: str | None = None
    # Right before a verb of play ("Drogba scored"): a player's name, in a match report.
    plays: bool = False


@dataclass
class _Builder:
    doc: Document
    lex: Lexicon
    entities: list[Entity] = field(default_factory=list)
    by_key: dict[str, int] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    # The head nouns of the groups named with a modifier so far ("groups" for "rights groups").
    named_group_heads: set[str] = field(default_factory=set)

    def entity(self, key: str, name: str, kind: ActorKind, role: str | None = None) -> int:
        index = self.by_key.get(key)
        if index is None:
            index = len(self.entities)
            self.by_key[key] = index
            self.entities.append(Entity(key, name, kind, role))
            if key.startswith("group:") and " " in key:
                self.named_group_heads.add(key.rsplit(" ", 1)[-1])
        elif role and not self.entities[index].role:
            self.entities[index].role = role
        return index

    def mention(
        self, index: int, start: int, end: int, sentence: int, governed: bool, acts: bool
    ) -> None:
        entity = self.entities[index]
        entity.add(start, end, self.doc.text)
        entity.acts = entity.acts or acts
        self.mentions.append(Mention(start, end, index, sentence, governed))


def _capitalised(doc: Document, lex: Lexicon, tokens: list[Token]) -> list[bool]:
    """Which tokens may be part of a name: capitalised, not a common word opening a clause."""
    flags: list[bool] = []
    shape = lex.shapes
    for k, token in enumerate(tokens):
        word = token.text
        if word in doc.defined_acronyms and word not in common_acronyms():
            flags.append(True)
            continue
        kind = shape.get(word)
        if kind is None:
            kind = _shape(word, lex)
            if len(shape) < _SHAPE_MEMO:
                shape[word] = kind
        if kind == "opener":
            # A capitalised word seen in lower case elsewhere is a common word opening a clause.
            initial = (k == 0 or tokens[k - 1].text in _OPENERS) and not (
                # "the United Nations' World Health Organization": a plural's possessive
                k > 1
                and tokens[k - 1].text == "'"
                and tokens[k - 2].text.endswith("s")
                and tokens[k - 2].end == tokens[k - 1].start
            )
            # "Optimistically, Dr Darwish spoke": an adverb set off before the clause.
            adverb = word.endswith("ly") and k + 1 < len(tokens) and tokens[k + 1].text == ","
            common = initial and (word.lower() in doc.lower_words or adverb)
            # "Reporters Without Borders has said", in a story that speaks of reporters too: the
            # first word of a known name opens the name.
            flags.append(not common or _opens_known_name(tokens, k, lex))
        elif kind == "name" and word.lower() in lex.common_capitalised:
            # "WHO" is the health agency, but not in a line set in capitals ("WHO IS TO BLAME?").
            flags.append(not (_shouted(tokens, k - 1) or _shouted(tokens, k + 1)))
        else:
            flags.append(kind == "name")
    return flags


def _opens_known_name(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether a known organisation's name of several words starts at token ``k``."""
    return any(
        tuple(t.text for t in tokens[k : k + len(name)]) == name
        for name in _known_names(lex).get(tokens[k].text, ())
    )


# Nouns of a person's relation that name someone else who acts: "Biti's lawyer".
_GROUP_RELATIONS = words(
    "family parents children lawyers attorneys relatives supporters colleagues friends neighbours"
    " neighbors owners"
)
# After a possessive name, the kin of data/titles.txt count too ("Kazemi's uncle"): see
# _relations_of. After "his" or "her" only these ("his nephew" in someone's words is often
# the speaker's, not the last person's).
_RELATIONS = _GROUP_RELATIONS | words(
    """father mother son daughter wife husband brother sister widow lawyer attorney solicitor
    spokesman spokeswoman spokesperson owner colleague partner doctor aide"""
)


def _relations_of(lex: Lexicon) -> frozenset[str]:
    """The relation nouns: the kin of ``data/titles.txt`` and a person's other relations."""
    return _RELATIONS | lex.kin


# Plural nouns whose possessive stands inside names: "Men's Chorus", "People's Daily".
_PLURAL_OWNERS = words("men women children people workers veterans")


def _shouted(tokens: list[Token], k: int) -> bool:
    """Whether the token at ``k`` is a common word set in capitals ("IS", "TO")."""
    if not 0 <= k < len(tokens):
        return False
    word = tokens[k].text
    return len(word) > 1 and word.isalpha() and word.isupper() and word.lower() in _SHOUTED


# Common words that a line set in capitals is made of.
_SHOUTED = words("is are was were to the a of in on and or be it this that at for not no has have")


def _shape(word: str, lex: Lexicon) -> str:
    """ "name", "common" or "opener" (a capitalised word judged by its position)."""
    if _PREFIXED_NAME.match(word):
        return "name"
    if not word[:1].isupper() or _COMPOUND_ADJECTIVE.search(word):
        # "Prize-winning", "Washington-based": an adjective made of a name, no name's part
        return "common"
    lower = word.lower().replace("’", "'")
    if "'" in lower:
        # "They've", "We're", "I'll": a pronoun's contraction is the pronoun
        lower = _CONTRACTION.sub("", lower)
    if len(word) > 2 and word.isupper() and word in lex.known_orgs:
        return "name"  # "WHO", a known acronym, is not the word "who"
    if lower in lex.common_capitalised or lower in lex.days_months:
        return "common"  # also in capitals: "UNLESS", "I'm"
    if word in common_acronyms():
        return "common"  # "a VIP guest", "AI tools"
    if _ACRONYM.fullmatch(word) and word not in ("I", "A"):
        return "name"
    return "opener"


_COMPOUND_ADJECTIVE = re.compile(r"-(?:[a-z]+ing|based|born|led|backed|owned|run|made|funded)$")
_CONTRACTION = re.compile(r"'(?:ve|re|ll|d|m|s)$|n't$")
# At most this many words' shapes are remembered (in the lexicon they depend on).
_SHAPE_MEMO = 200_000


_KNOWN_NAMES: dict[int, dict[str, tuple[tuple[str, ...], ...]]] = {}


def _known_names(lex: Lexicon) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The words of each known organisation's name with an inner lower-case or function word
    ("Doctors Without Borders"), by their first word, longest first."""
    index = _KNOWN_NAMES.get(id(lex))
    if index is None:
        grouped: dict[str, list[tuple[str, ...]]] = {}
        for name in lex.known_orgs:
            parts = tuple(name.split())
            if len(parts) > 1:
                grouped.setdefault(parts[0], []).append(parts)
        index = {
            first: tuple(sorted(names, key=len, reverse=True)) for first, names in grouped.items()
        }
        _KNOWN_NAMES.clear()
        _KNOWN_NAMES[id(lex)] = index
    return index


def _chunks(tokens: list[Token], caps: list[bool], lex: Lexicon) -> list[tuple[int, int]]:
    """Runs of capitalised tokens; organisation names extend over "of", "for" and "and"."""
    runs: list[tuple[int, int]] = []
    n = len(tokens)
    i = 0
    known = _known_names(lex)
    while i < n:
        if not caps[i]:
            i += 1
            continue
        whole = next(
            (
                len(name)
                for name in known.get(tokens[i].text, ())
                if tuple(t.text for t in tokens[i : i + len(name)]) == name
            ),
            0,
        )
        if whole > 1 and not all(caps[i : i + whole]):
            # "Doctors Without Borders": a known name, whatever its inner words.
            runs.append((i, i + whole))
            i += whole
            continue
        j = i + 1
        extended = False
        while j < n:
            if caps[j]:
                j += 1
                continue
            word = tokens[j].text
            if (
                word in _POSSESSIVE
                and j + 1 < n
                and caps[j + 1]
                and any(
                    " ".join(t.text for t in tokens[i:cut]) in lex.known_orgs
                    for cut in range(i + 1, j + 1)
                )
                and _ends_in_head(tokens, caps, j + 1, lex)
            ):
                # "United Nations Children’s Fund": a possessive inside a body's name.
                j += 2
                continue
            if (
                word in _POSSESSIVE
                and j + 1 < n
                and caps[j + 1]
                and tokens[j - 1].text.lower() in _PLURAL_OWNERS
                and _ends_in_head(tokens, caps, j + 1, lex)
            ):
                # "London Gay Men's Chorus", "People's Liberation Army": a people's possessive
                # inside a name.
                j += 2
                continue
            if word in _PARTICLES and j + 1 < n and caps[j + 1] and not extended:
                j += 2
                continue
            if word == "," and j + 1 < n and tokens[j + 1].text in _SUFFIXES and j - i >= 2:
                j += 2  # "Martin Luther King, Jr.": a suffix set off by a comma ends the name
                break
            after = j + 2 if j + 2 < n and tokens[j + 1].text == "the" else j + 1
            last = tokens[j - 1].text.lower()
            if (
                after < n
                and caps[after]
                and (
                    (word in _CONNECTORS and (last in lex.org_heads or extended))
                    # "Department of Housing and Urban Development", but "the High Commissioner
                    # for Human Rights and the ... Mission" is two bodies.
                    or (word == "and" and extended and after == j + 1)
                    # "Procter & Gamble", "Museum of African American History & Culture": an
                    # ampersand joins the words of one name.
                    or (word == "&" and after == j + 1)
                    or (
                        word == "and"
                        and after == j + 1
                        and last not in lex.org_heads
                        and _ends_in_head(tokens, caps, after, lex)
                        # "the House and Senate": a body named in one word is a second body
                        and not (
                            tokens[after].text in lex.known_orgs
                            and not (after + 1 < n and caps[after + 1])
                        )
                    )
                )
                and (
                    tokens[after].text not in lex.country_names
                    # "the Security Service of Ukraine", "the Bank of England": a body's
                    # country ends its name (but "Smith and Russia" is a list).
                    or (word == "of" and last in lex.org_heads)
                )
            ):
                extended = extended or word != "and"
                j = after + 1
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _ends_in_head(tokens: list[Token], caps: list[bool], k: int, lex: Lexicon) -> bool:
    """Whether the capitalised run from ``k`` ends with an organisation head: after "and" in
    "National Aeronautics and Space Administration" the name goes on."""
    m = k
    while m < len(tokens) and caps[m]:
        m += 1
    return m > k and tokens[m - 1].text.lower() in lex.org_heads


def _is_title(word: str, lex: Lexicon) -> bool:
    """ "minister", "Gen.", and hyphenated forms such as "then-president" or "ex-minister"."""
    lower = word.lower()
    return lower in lex.titles or ("-" in lower and lower.rsplit("-", 1)[1] in lex.titles)


def _role_chain(tokens: list[Token], caps: list[bool], end: int, lex: Lexicon) -> int | None:
    """Start index of the title phrase ending just before ``end`` ("Deputy Prime Minister")."""
    if end <= 0 or not _is_title(tokens[end - 1].text, lex):
        return None
    k = end - 1
    while k >= 0:
        word = tokens[k].text
        lower = word.lower()
        if (
            _is_title(word, lex)
            or lower in lex.role_modifiers
            or caps[k]
            or word in _POSSESSIVE
            and k > 0
            and caps[k - 1]
        ):
            k -= 1
        else:
            break
    return k + 1


_DETERMINERS = words("its his her their the a an")


def _appositive_before(
    tokens: list[Token], caps: list[bool], start: int, end: int, lex: Lexicon
) -> int | None:
    """Start of a role set off before a name: "The governor, Mikhail Degtyarev"."""
    if start < 2 or tokens[start - 1].text != ",":
        return None
    after = end if end < len(tokens) else None
    if after is not None and tokens[after].text not in (",", "from", "of", "at", "in", "with", "."):
        return None
    k = start - 1
    m = k - 1
    while m >= 0 and caps[m]:
        m -= 1
    if m < k - 1 and m >= 1 and tokens[m].text == "the":
        m -= 1  # "The head of the World Health Organization, Tedros Adhanom Ghebreyesus,"
    if m < k - 1 and m >= 0 and tokens[m].text in ("for", "of", "at", "in", "from"):
        k = m
    else:
        # "The lawyer of the parents, Friedrich Kurz", "a spokesman for the Cumbria Fire and
        # Rescue squad, Brian Mitchelhill": a complement of words, back to its preposition.
        p = k - 1
        while (
            p >= 1
            and p > k - 12
            and (
                tokens[p].text.replace("-", "").isalpha()
                or tokens[p].text in _POSSESSIVE
                or tokens[p].text in ("(", ")")
            )
        ):
            if tokens[p].text in ("for", "of", "at", "from") and _is_title(tokens[p - 1].text, lex):
                k = p
                break
            p -= 1
    if k < 1:
        return None
    word = tokens[k - 1].text.lower()
    if not _is_title(word, lex) and word not in lex.kin:
        return None
    chain = _role_chain(tokens, caps, k, lex)
    while chain is not None and chain < k - 1 and tokens[chain].text.lower() in _DETERMINERS:
        chain += 1  # "Its director, Susan Park": the role is "director"
    return chain


# How far after a title another may stand in one role ("deputy transport minister").
_ROLE_TAIL = 3


# A crowd's size opening a sentence: "Tens of thousands protested", "Thousands marched".
_CROWDS = frozenset({"Tens", "Hundreds", "Thousands", "Dozens", "Millions"})
_CROWD_SIZES = words("hundreds thousands millions")
# Determiners before a document's own name: "the Global Trends report", "its Doing Business report".
_DOCUMENT_DETERMINERS = words("the a an its their this")
# Words that open a clause after a comma, never an appositive role.
_CLAUSE_OPENERS = words("but and or yet while whereas although though so because as")


def _appositive_after(tokens: list[Token], end: int, lex: Lexicon) -> tuple[int, int] | None:
    """A role set off after a name: "Waltz, a former congressman from ..., said"."""
    if end >= len(tokens) or tokens[end].text != ",":
        return None
    k = end + 1
    if k < len(tokens) and tokens[k].text.lower() in ("a", "an", "the"):
        k += 1
    elif k < len(tokens) and (
        tokens[k].text.lower() in AUXILIARIES
        or tokens[k].text.lower() in lex.verbs
        or tokens[k].text.lower() in ("who", "which", "that", "whose", "whom")
        or tokens[k].text.lower() in _CLAUSE_OPENERS
    ):
        # "Hemedti, was a commander": a verb, not an appositive; "King, who was mayor": a
        # relative clause; "to Bellamy, but the Welshman missed": a clause of its own.
        return None
    first = k
    for j in range(k, min(k + 5, len(tokens))):
        word = tokens[j].text.lower()
        if word in lex.titles:
            if j + 1 < len(tokens) and tokens[j + 1].text in _POSSESSIVE:
                return None  # "Cheongwadae, the President's house": the title owns a thing
            stop = j + 1
            # "the deputy transport minister": the role runs to its last title.
            for m in range(j + 1, min(j + 1 + _ROLE_TAIL, len(tokens))):
                if not tokens[m].text.isalpha() or tokens[m].text[:1].isupper():
                    break
                if tokens[m].text.lower() in lex.titles:
                    stop = m + 1
            # Keep a short complement: "research chief at the IMF".
            if stop < len(tokens) and tokens[stop].text in ("at", "of", "from", "for"):
                m = stop + 1
                while m < len(tokens) and m < stop + 12 and tokens[m].text not in (",", ".", "as"):
                    m += 1
                stop = m
            return first, stop
        if not (
            word in lex.role_modifiers
            or tokens[j].text[:1].isupper()
            or word.isalpha()
            or (word.replace("-", "").isalpha() and word[0] != "-")  # "an anti-abortion activist"
            or word in _POSSESSIVE  # "Jane Smith, the city’s engineer"
        ):
            return None
    return None


# Words that open a subordinate clause before the main one: "While X declined, a staff member
# ... stated".
_SUBORDINATORS = words("while although though when whereas because since after before as if")


def _ends_opening_clause(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the name at tokens [i, j) closes a subordinate clause that opens the sentence,
    so that what follows its comma is the main clause, not its appositive ("While Chan's
    colleagues declined to comment to The New Paper, a staff member ... stated")."""
    return (
        j < len(tokens)
        and tokens[j].text == ","
        and bool(tokens)
        and tokens[0].text.lower() in _SUBORDINATORS
        and i > 0
        and not any(t.text == "," for t in tokens[1:i])
    )


def _inverted_speaker(tokens: list[Token], start: int, lex: Lexicon) -> bool:
    """ "“...,” said Jane Smith" or "..., says Jane Smith": a person's verb before the name."""
    if start < 2:
        return False
    verb = lex.verbs.get(tokens[start - 1].text.lower())
    return verb is not None and verb.person and tokens[start - 2].text in (",", "”", '"', "’", "'")


def _subject_of_verb(tokens: list[Token], caps: list[bool], end: int, lex: Lexicon) -> bool:
    """Whether the name ending at ``end`` (or the list it opens) is followed by a verb."""
    k = end
    while k + 1 < len(tokens) and tokens[k].text in (",", "and", "or"):
        m = k + 1
        if m + 1 < len(tokens) and tokens[m].text in ("and", "the") and caps[m + 1]:
            m += 1  # "Ubisoft, Microsoft, and PlayStation", "the district and the police"
        if m + 1 < len(tokens) and tokens[m].text == "the" and caps[m + 1]:
            m += 1
        if not caps[m]:
            break
        k = m
        while k < len(tokens) and caps[k]:
            k += 1
    if (
        k + 2 < len(tokens)
        and tokens[k].text == "("
        and tokens[k + 2].text == ")"
        and tokens[k + 1].text.isupper()
    ):
        k += 3  # "The National Aeronautics and Space Administration (NASA) said"
    if _verb_follows(tokens, k, lex, reporting_only=False):
        return True
    if (
        k + 1 < len(tokens)
        and tokens[k].text == ","
        and (k != end or _listed(tokens, caps, end))
        and _verb_follows(tokens, k + 1, lex, reporting_only=False)
    ):
        # "three countries, Sierra Leone, Liberia, and Nigeria, have declared": a list set off
        # by commas, then its verb.
        return True
    after = _post_modifier(tokens, caps, k, lex)
    if after != k and _verb_follows(tokens, after, lex, reporting_only=False):
        return True
    after = _past_relative_clause(tokens, k, lex)
    if after != k:
        return True
    if k < len(tokens):
        word = tokens[k].text
        # "Russia wants", "China plans": a present-tense verb right after the name (but "U.S.
        # officials", "U.S. interests": a plural noun the name modifies).
        if not (
            word.islower() and word.endswith("s") and not word.endswith("ss") and len(word) > 3
        ):
            return False
        if word in lex.group_nouns or word[:-1] in lex.titles or word[:-1] in lex.group_nouns:
            return False
        following = tokens[k + 1].text.lower() if k + 1 < len(tokens) else ""
        return not (
            following in AUXILIARIES or following in lex.verbs or following in lex.irregular_past
        )
    return False


def _listed(tokens: list[Token], caps: list[bool], end: int) -> bool:
    """Whether the name ending at ``end`` closes a list: ", and Nigeria", ", Liberia"."""
    k = end - 1
    while k > 0 and caps[k - 1]:
        k -= 1
    if k > 0 and tokens[k - 1].text == "the":
        k -= 1
    return k >= 2 and tokens[k - 1].text == "and" and tokens[k - 2].text == ","


_MODIFIER_PREPOSITIONS = words("in at of from for")
_ASIDE_OPENERS = words(
    "in with without after before while during despite under through a an the of from at"
)
_OWNERS = words("its his her their")


# How far a description of a body set off by commas may run (in tokens).
_DESCRIBED = 14


def _after_named(tokens: list[Token], caps: list[bool], k: int) -> int:
    """Past the body's name or description set off by commas at ``k`` ("of the gay rights
    organization, Stonewall, said"), if there is one; else ``k``."""
    n = len(tokens)
    if k + 2 >= n or tokens[k].text != ",":
        return k
    if tokens[k + 1].text.lower() in ("the", "a", "an"):
        # "Amos Nyaoro of Somalia Water and Land Information Management, the UN-supported
        # agency where Watson was working, told": the body described in commas
        m = next((r for r in range(k + 2, min(n, k + _DESCRIBED)) if tokens[r].text == ","), None)
        return m + 1 if m is not None else k
    if not caps[k + 1]:
        return k
    m = k + 1
    while m < n and m < k + 7 and caps[m]:
        m += 1
    return m + 1 if m < n and tokens[m].text == "," else k


def _after_head_noun(tokens: list[Token], caps: list[bool], m: int, lex: Lexicon) -> int | None:
    """Past a body named by a lower-case head noun within three words of ``m`` ("gay rights
    organization", "state health department"), and past its name in commas; else None."""
    for r in range(m, min(len(tokens), m + 3)):
        word = tokens[r].text
        if not (word.isalpha() and word.islower()):
            break
        if word in lex.org_heads:
            return _after_named(tokens, caps, r + 1)
    return None


def _post_modifier(tokens: list[Token], caps: list[bool], k: int, lex: Lexicon) -> int:
    """Where the verb may stand after a short phrase that ends a subject: a place or an owner
    ("The Chinese Embassy in Washington told", "The Embassy of China said"), an aside set off
    by commas ("Costa Rican officials, in collaboration with the U.S. Embassy, identified"), or
    a source ("The Pentagon in its annual report ... estimates"); else ``k``."""
    n = len(tokens)
    if k + 1 >= n:
        return k
    word = tokens[k].text.lower()
    if word in _MODIFIER_PREPOSITIONS:
        m = k + 1
        if tokens[m].text == "the":
            m += 1
        if m < n and caps[m]:
            limit = k + 12
            while m < n and m < limit and caps[m]:
                m += 1
                if (
                    m + 1 < n
                    and (
                        tokens[m].text in _POSSESSIVE or tokens[m].text in ("of", "for", "and", "&")
                    )
                    and caps[m + 1]
                ):
                    # "of Indonesia's Directorate of Vulcanology said"
                    m += 1
            if m < n and tokens[m].text == ",":
                return _after_named(tokens, caps, m)
            # "of the British gay rights organization, Stonewall, said": a body named by its
            # head noun after a capitalised modifier.
            headed = _after_head_noun(tokens, caps, m, lex)
            return m if headed is None else headed
        if word in ("of", "at", "from") and m > k + 1:
            # "of the agency said", "from the state health department told": a body named by
            # its head noun.
            headed = _after_head_noun(tokens, caps, m, lex)
            if headed is not None:
                return headed
        if word in ("in", "at") and tokens[m].text.lower() in _OWNERS:
            # A source: only a reporting verb ends it ("in its report released in May estimates").
            for r in range(m + 1, min(n, m + 12)):
                if tokens[r].text in (",", ".", ";", "“", '"'):
                    break
                if lex.is_reporting(tokens[r].text) and not tokens[r].text.endswith("ed"):
                    return r
        return k
    if word == "," and tokens[k + 1].text.lower() in _ASIDE_OPENERS:
        for m in range(k + 2, min(n, k + 14)):
            if tokens[m].text == ",":
                return m + 1
            if not (tokens[m].text.isalpha() or tokens[m].text in _POSSESSIVE or caps[m]):
                return k
    return k


def _past_relative_clause(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """After ", which oversees operations in the region, announced" (a relative clause set off by
    commas, at most 25 tokens), where the main clause's verb is; else ``k``."""
    if k + 1 >= len(tokens) or tokens[k].text != "," or tokens[k + 1].text not in ("which", "who"):
        return k
    for m in range(k + 2, min(k + 27, len(tokens))):
        if tokens[m].text == "," and _verb_follows(tokens, m + 1, lex, reporting_only=False):
            return m + 1
        if tokens[m].text in (".", ";", "“", "”", '"'):
            break
    return k


_OF = frozenset({"of"})
_LIST_MODIFIERS = words("former late then-current current fellow both")


def _list_governed(
    tokens: list[Token], caps: list[bool], start: int, end: int, words: frozenset[str]
) -> bool:
    """Whether a name is a later item of a list after a preposition: "with Albania and France",
    "under former Presidents Barack Obama and Joe Biden", "in Panama, El Salvador, Costa Rica,
    and Guatemala"."""
    k = start - 1
    # After "and"/"or", or after a comma when the list goes on after the name: "Speaking in
    # Guatemala City, Rubio cautioned" is no list.
    goes_on = (
        end + 1 < len(tokens)
        and tokens[end].text in (",", "and", "or")
        and (caps[end + 1] or tokens[end + 1].text in ("and", "or"))
    )
    if k < 1 or not (tokens[k].text in ("and", "or") or (tokens[k].text == "," and goes_on)):
        return False
    if tokens[k - 1].text == ",":
        k -= 1
    if k < 1 or not caps[k - 1]:
        return False
    steps = 0
    while k >= 1 and steps < 12 and (caps[k - 1] or tokens[k - 1].text in (",", "and", "or")):
        k -= 1
        steps += 1
    # "under former Presidents Barack Obama and Joe Biden": modifiers of a plural title.
    while k >= 1 and steps < 14 and tokens[k - 1].text in _LIST_MODIFIERS:
        k -= 1
        steps += 1
    # "the advisers of the U.S., South Korea and Japan talked": the list still acts.
    return _governed(tokens, k, words) and not _governed(tokens, k, frozenset({"of"}))


def _past_modifiers(
    tokens: list[Token], k: int, lex: Lexicon, reach: int, plain: bool = True
) -> int:
    """Where a body's head may stand after up to ``reach`` lower-case modifiers from ``k``:
    "presidential office", "city council"; with ``plain``, any nouns: "disaster management
    agency"."""
    m = k
    while (
        m < len(tokens)
        and m < k + reach
        and tokens[m].text in lex.role_modifiers
        and tokens[m].text not in lex.body_heads
    ):
        m += 1
    if not plain or (m < len(tokens) and tokens[m].text in lex.body_heads):
        return m
    # "the Indonesian disaster management agency": plain nouns modify a head a few words on.
    n = k
    while n < len(tokens) and n < k + reach and _plain_noun(tokens[n].text, lex):
        n += 1
    if n > k and n < len(tokens) and tokens[n].text in lex.body_heads:
        return n
    return m


def _plain_noun(word: str, lex: Lexicon) -> bool:
    """A lower-case word that can only be a noun modifier before a head: not a verb, an
    auxiliary, an adverb, a preposition or a conjunction."""
    return (
        word.isalpha()
        and word.islower()
        and word not in lex.verbs
        and word not in lex.base_verbs
        and word not in lex.irregular_past
        and not word.endswith("ed")
        and word not in lex.body_heads
        and word not in AUXILIARIES
        and word not in ADVERBS
        and word not in PREPOSITIONS
        and word not in ("and", "or", "the", "a", "an", "its", "their", "his", "her")
        and not word.endswith("ly")
    )


def _controlled(tokens: list[Token], start: int, end: int, lex: Lexicon) -> bool:
    """The object of a verb such as "allow" that does what follows: "allowed Ukraine to strike",
    "urged the United Nations to act"."""
    k = start - 1
    if k >= 0 and tokens[k].text.lower() == "the":
        k -= 1
    return (
        k >= 0
        and tokens[k].text.lower() in lex.control_verbs
        and end + 1 < len(tokens)
        and tokens[end].text == "to"
        and tokens[end + 1].text.isalpha()
        and tokens[end + 1].text.islower()
    )


# Descriptions that come before a name as a title does but rarely describe an organisation
# in that place ("the government Smith led", "an office Jones held").
_NOT_ORG_TITLES = words("government administration office court board union league")


def _appositive_acts(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """Whether a relative clause or an appositive set off by commas after a name is followed by
    the name's verb: "ActionSA, which vowed to pursue legal action, said"."""
    if end >= len(tokens) or tokens[end].text != ",":
        return False
    after = _past_relative_clause(tokens, end, lex)
    return after != end


def _document_speaks(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """ "a Pew Research Center study said", "the agency's report found": an organisation's
    document speaks for it."""
    k = end
    if k < len(tokens) and tokens[k].text in _POSSESSIVE:
        k += 1
    return (
        k + 1 < len(tokens)
        and tokens[k].text.lower() in lex.document_nouns
        and tokens[k + 1].text.lower() in lex.verbs
    )


def _org_acts(
    tokens: list[Token],
    caps: list[bool],
    start: int,
    end: int,
    lex: Lexicon,
    governed: bool,
    recipient: bool,
) -> bool:
    """Whether an organisation's mention shows it acting: as the subject of a verb ("ICE has
    detained", "Both the school district and the police have asserted") or a source ("according
    to the agency"); not when it names an affiliation or a place ("with Montana’s Department of
    Health"), modifies a noun ("Pentagon spending") or receives a statement."""
    if recipient:
        return False
    if (
        end + 2 < len(tokens)
        and tokens[end].text == "("
        and tokens[end + 2].text == ")"
        and tokens[end + 1].text[:1].isupper()
        and tokens[end + 1].text.isalpha()
        and len(tokens[end + 1].text) <= _ACRONYM_LENGTH
    ):
        end += 3  # "the United States Department of State (DoS) advised": over its acronym
    if (
        _accused(tokens, start, end, lex)
        or _source(tokens, start)
        or _controlled(tokens, start, end, lex)
        or _document_speaks(tokens, end, lex)
    ):
        return True
    # "Kalameh Sabz was shut down": acted upon, not acting.
    return (
        not governed and _subject_of_verb(tokens, caps, end, lex) and not _passive(tokens, end, lex)
    )


# The longest acronym in brackets after a name: "(DoS)", "(UNHCR)".
_ACRONYM_LENGTH = 6
_BE = words("is are was were be been being")
_PASSIVE_AUXILIARIES = words("have has had will would could may might")
# Participles after "be" that tell a state of mind, not a passive: "residents are worried".
_STATES_OF_MIND = words(
    "concerned worried scared frightened interested expected supposed allowed pleased tired "
    "divided united opposed determined convinced"
)


def _passive(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """ "players are dropped", "workers were fired", "migrants have been sent": acted upon."""
    k = end
    seen_be = False
    while k < len(tokens) and k < end + 4:
        word = tokens[k].text.lower()
        if word in _BE or word in _PASSIVE_AUXILIARIES or word in ADVERBS or word == "not":
            seen_be = seen_be or word in _BE
            k += 1
            continue
        break
    if not seen_be or k >= len(tokens):
        return False
    word = tokens[k].text.lower()
    return (
        (word.endswith("ed") or word in lex.irregular_past)
        and not word.endswith("eed")
        and word not in _STATES_OF_MIND
    )


def _stative(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """ "Myanmar is mainly Buddhist", "France is a member": a copula that describes, not an act."""
    if end >= len(tokens) or tokens[end].text.lower() not in ("is", "was", "are", "were"):
        return False
    k = end + 1
    while k < len(tokens) and tokens[k].text.lower() in ADVERBS | {"not", "mainly", "largely"}:
        k += 1
    if k >= len(tokens):
        return True
    word = tokens[k].text.lower()
    return not (
        word.endswith(("ing", "ed"))
        or word in lex.irregular_past
        or word in lex.verbs
        or word in ("set", "expected", "likely", "due", "ready", "willing", "unwilling", "able")
    )


def _country_modifier(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """ "U.S. officials", "U.S. aid", "the New Zealand flag": a country's name before a noun."""
    if end >= len(tokens):
        return False
    word = tokens[end].text
    lower = word.lower()
    if not word.isalpha() or not word.islower():
        return False
    if lower in lex.group_nouns or lower in lex.titles or lower in lex.role_modifiers:
        return True
    if lower in AUXILIARIES or lower in lex.verbs or lower in ADVERBS or lower in _FUNCTION_WORDS:
        return False
    if (
        lower in lex.irregular_past
        or lower.endswith(("ed", "ing"))
        or lower in ("and", "or", "too")
    ):
        return False
    return not (lower.endswith("s") and not lower.endswith("ss") and not lower.endswith("ies"))


# Words in -ly that are no adverbs: "the Smith family said" is the family's act.
_NOT_ADVERBS = words("family assembly ally rally reply supply italy july belly bully jelly")


def manner_adverb(word: str) -> bool:
    """ "mistakenly", "strongly": an adverb between a subject and its verb."""
    return (
        len(word) > 4 and word.endswith("ly") and word.isalpha() and word.islower()
    ) and word not in _NOT_ADVERBS


def _set_off_speaker(tokens: list[Token], start: int, end: int, lex: Lexicon) -> bool:
    """Whether the name at ``start:end`` is set off by commas after words describing it, with a
    reporting verb right after: "Their French colleague, Laurent Fabius, said"."""
    return (
        start >= 2
        and tokens[start - 1].text == ","
        and tokens[start - 2].text[:1].islower()
        and end + 1 < len(tokens)
        and tokens[end].text == ","
        and _verb_follows(tokens, end + 1, lex, reporting_only=True)
    )


def _verb_follows(tokens: list[Token], end: int, lex: Lexicon, reporting_only: bool) -> bool:
    """Whether a verb follows the words ending at ``end``: with ``reporting_only``, a reporting
    verb that is evidence of a person ("Wilmot Collins said"), else any verb-like word."""
    k = end
    if (
        k + 2 < len(tokens)
        and tokens[k].text == ","
        and tokens[k + 2].text == ","
        and tokens[k + 1].text.lower() in _SET_OFF_ADVERBS
    ):
        k += 3  # "Acme Corp, however, said": a word set off by commas
    if k < len(tokens) and tokens[k].text == ",":
        # "Prosecutors, he said, had always thought": a report set off inside the clause
        for m in range(k + 2, min(len(tokens), k + 6)):
            if tokens[m].text == ",":
                if any(tokens[i].text.lower() in lex.verbs for i in range(k + 1, m)):
                    k = m + 1
                break
    if k < len(tokens) and tokens[k].text in ("—", "–"):
        # "several nations—Panama, El Salvador and Honduras—have switched": an aside
        for m in range(k + 1, min(k + 20, len(tokens))):
            if tokens[m].text in ("—", "–"):
                k = m + 1
                break
    if not reporting_only and k + 1 < len(tokens) and tokens[k].text in ("“", '"'):
        k += 1  # 'ICE "is taking this measure ..."': the quoted words go on the clause
    while k < len(tokens) and (
        tokens[k].text.lower() in ADVERBS
        or tokens[k].text.lower() in lex.days_months
        or manner_adverb(tokens[k].text)
        or tokens[k].text == "too"  # "Later, India too ended its watch"
    ):
        k += 1
    if k >= len(tokens):
        return False
    word = tokens[k].text.lower()
    verb = lex.verbs.get(word)
    if verb is not None and (verb.person or not reporting_only):
        return True
    if reporting_only:
        return False
    return (
        word in AUXILIARIES
        or word in lex.irregular_past
        or (word.endswith("ed") and word.isalpha() and len(word) > 4)
    )


# Words set off by commas between a subject and its verb: "Acme Corp, however, said".
_SET_OFF_ADVERBS = words(
    """however meanwhile too also though moreover furthermore nevertheless nonetheless instead
    therefore separately later"""
)
# Endings of plural nouns for people by what they do or hold: "slaveholders", "economists",
# "historians", "participants", "opponents".
_AGENT_ENDINGS = ("ers", "ists", "ians", "ants", "ents")
_FIELD_ENDINGS = ("ists", "ians")


def _agent_plural(tokens: list[Token], caps: list[bool], k: int, lex: Lexicon) -> bool:
    """A plural noun for people that the group nouns do not list, as a group that speaks:
    after a capitalised or group modifier and before a reporting verb ("Confederate
    slaveholders did not agree", "local historians say")."""
    word = tokens[k].text
    lower = word.lower()
    # "Geologists warned", "the archaeologists fear": "-ists" and "-ians" name people by their
    # field, so these need no modifier before them.
    fielded = lower.endswith(_FIELD_ENDINGS) and len(lower) > 6
    opening = k == 0 or tokens[k - 1].text.lower() == "the" or tokens[k - 1].text in _OPENERS
    if not (
        word.isalpha()
        and (word.islower() or (fielded and k == 0 and word[1:].islower()))
        and lower.endswith(_AGENT_ENDINGS)
    ):
        return False
    if lower[:-1] in lex.document_nouns:  # "letters", "papers"
        return False
    if not (fielded and opening):
        if k == 0:
            return False
        before = tokens[k - 1].text
        if not (caps[k - 1] or before.lower() in lex.group_modifiers) or before in _POSSESSIVE:
            return False
    m = k + 1
    while m < len(tokens) and (
        tokens[m].text.lower() in AUXILIARIES or tokens[m].text.lower() in ("not", "n't")
    ):
        m += 1
    return m < len(tokens) and tokens[m].text.lower() in lex.verbs


def _org_apposition(tokens: list[Token], j: int, lex: Lexicon) -> str | None:
    """The head of an organisation's description set off after its name: "Resolution Copper,
    the company behind the project, said" -> "company"; else None."""
    n = len(tokens)
    if j + 2 >= n or tokens[j].text != "," or tokens[j + 1].text.lower() not in ("the", "a", "an"):
        return None
    for m in range(j + 2, min(n, j + 6)):
        word = tokens[m].text
        if not word.isalpha():
            return None
        lower = word.lower()
        if lower in lex.org_descriptions and lower in lex.private_heads:
            return lower
        if word[:1].isupper() and m > j + 2:
            continue
        if lower in lex.verbs or lower in PREPOSITIONS:
            return None
    return None


def _past_verb(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """A verb in the past tense at ``k``: "bought", "signed", "has agreed"."""
    if k >= len(tokens):
        return False
    word = tokens[k].text.lower()
    if word in ("has", "had", "have") and k + 1 < len(tokens):
        word = tokens[k + 1].text.lower()
    if word in AUXILIARIES or (k + 1 < len(tokens) and tokens[k + 1].text in ("of", "by")):
        return False  # "Gameplay was delayed", "Portrait shot of": a noun of the sentence
    return word in lex.irregular_past or (word.endswith("ed") and word.isalpha() and len(word) > 4)


_BARE_INFINITIVE_VERBS = words(
    "help helps helped helping let lets make makes made making see saw watch"
)


_SAYING = words("say tell")


def _who_reports(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """ "..., who said:", "..., who has warned": a relative clause of a person's reporting verb."""
    if end + 2 >= len(tokens) or tokens[end].text != "," or tokens[end + 1].text != "who":
        return False
    k = end + 2
    while k < len(tokens) and k < end + 5 and tokens[k].text.lower() in AUXILIARIES:
        k += 1
    return _verb_follows(tokens, k, lex, reporting_only=True)


def _says_follows(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """ "said", "told" or another verb of a person right after a word: a speaker's verb
    ("Greenpeace said", "Eurocontrol noted"), which common nouns seldom take ("Evidence
    suggests" is no speaker)."""
    if end >= len(tokens):
        return False
    verb = lex.verbs.get(tokens[end].text.lower())
    return verb is not None and (
        verb.base in _SAYING
        or (verb.person and not verb.strict and verb.base not in _THINGS_DO_TOO)
    )


# Verbs of a person that abstract nouns take as well: "Evidence suggests", "History shows".
_THINGS_DO_TOO = words("suggest feel hope expect wonder think believe continue call point describe")


def _base_verb_follows(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """Whether a plural subject ending at ``end`` is followed by a verb's base form, over
    adverbs: "investigators attempt to", "The Afghan people now own"."""
    k = end
    while k < len(tokens) and (tokens[k].text.lower() in ADVERBS or manner_adverb(tokens[k].text)):
        k += 1
    if k >= len(tokens) or not tokens[k].text.islower():
        return False
    word = tokens[k].text
    if word not in lex.base_verbs:
        return False
    # "voters use ballots" but not "the workers' union" or "people power": a determiner, a
    # pronoun, a preposition or "to" most often follows a verb; a noun compound ends a phrase.
    following = tokens[k + 1].text.lower() if k + 1 < len(tokens) else ""
    return following not in (".", ",", ";", ")") or word in lex.verbs


def _name_like(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Whether words may be a person's name (no title, head, place or known name among them);
    remembered per lexicon, as names recur."""
    known = lex.name_shapes.get(words)
    if known is None:
        known = _is_name_like(words, lex)
        if len(lex.name_shapes) < _SHAPE_MEMO:
            lex.name_shapes[words] = known
    return known


def _is_name_like(words: tuple[str, ...], lex: Lexicon, titled: bool = False) -> bool:
    """``titled``: a person's title stands right before the words, so a last word that ends
    place names ("Day", "Park", "Hill") is a surname here: "Minister Stockwell Day"."""
    if len(words) > 2 and words[-2] == "," and words[-1] in _SUFFIXES:
        words = words[:-2]  # "Martin Luther King, Jr.": the suffix set off by a comma
        if len(words) < 2:
            return False
    if not words or len(words) > 4:
        return False
    # "Robert King", "Martin Luther King": a given name, then a surname that is also a title.
    surname_title = len(words) >= 2 and words[0] in given_names()
    for position, word in enumerate(words):
        if word in _PARTICLES or (position == len(words) - 1 and position and word in _SUFFIXES):
            continue
        lower = word.lower()
        if (
            not _NAME_TOKEN.fullmatch(word)
            or _ACRONYM.fullmatch(word)
            or (
                lower in lex.titles
                and not (surname_title and position == len(words) - 1)
                # "Sultan Hashim": a title that is also a given name may open a name
                and not (position == 0 and lower in lex.given_titles and len(words) > 1)
            )
            or lower in lex.org_heads
            or lower in lex.group_nouns
            or lower in lex.honorifics
            or word in lex.demonyms
        ):
            return False
    if (
        not titled
        and (words[-1].lower() in lex.place_last or words[0].lower() in lex.place_first)
        and not (len(words) == 2 and words[0] in given_names())
    ):
        return False  # "Hyde Park"; but "Susan Park" is a person
    text = " ".join(words)
    return not (
        text in lex.country_names
        or text in lex.capitals
        or text in lex.places
        or text in lex.known_orgs
    )


def _free_name(tokens: list[Token], caps: list[bool], start: int, end: int, lex: Lexicon) -> bool:
    """Whether a name stands as a clause's subject or on its own, not as a modifier ("the Annie
    Oakley print"), a possessive, the object of a preposition or an item of a list ("such as
    Ansel Adams, Chuck Close")."""
    if start > 0:
        before = tokens[start - 1].text.lower()
        if before == ",":
            # "One refugee, Ali Karimi, the first ...": an appositive, not an item of a list.
            return (
                end + 1 < len(tokens)
                and tokens[end].text == ","
                and not tokens[end + 1].text[:1].isupper()
                and tokens[end + 1].text != "and"
            )
        if before in ("the", "a", "an", "and", "or", "as") or before in PREPOSITIONS:
            return _source(tokens, start)  # "written by Ann Hale"
    if end >= len(tokens):
        return True
    after = tokens[end].text
    if after in _POSSESSIVE:
        return False
    if not after[:1].isalnum():
        return True
    return after.lower() in ("who", "and") or _subject_of_verb(tokens, caps, end, lex)


def _person_shaped(words: tuple[str, ...]) -> bool:
    """A name only people have: a middle initial or a generational suffix ("Edwin E. Aldrin Jr.",
    "John F. Kennedy", "Martin Luther King Jr.")."""
    if len(words) >= 2 and words[-1] in _SUFFIXES:
        return True
    return len(words) >= 3 and any(_INITIAL.fullmatch(word) for word in words[1:-1])


# Verbs that name a wrongdoer as their object: "accused al-Qaeda of being behind the bombings",
# "blamed Hamas for the attack". The one accused is said to have done something.
_ACCUSING = words("accuse blame")


def _accused(tokens: list[Token], start: int, end: int, lex: Lexicon) -> bool:
    """Whether the name from ``start`` to ``end`` is the object of an accusing verb, with what
    it is accused of after it."""
    k = start - 1
    if k >= 0 and tokens[k].text.lower() == "the":
        k -= 1
    if k < 0 or end >= len(tokens) or tokens[end].text not in ("of", "for"):
        return False
    verb = lex.verbs.get(tokens[k].text.lower())
    return verb is not None and verb.base in _ACCUSING


def _aged(tokens: list[Token], end: int) -> bool:
    """Whether an age stands between commas after a name: "Yasmeen Afdhal, 24, who works for"
    (only people are given their age so)."""
    return (
        end + 2 < len(tokens)
        and tokens[end].text == ","
        and tokens[end + 1].text.isdigit()
        and 0 < int(tokens[end + 1].text) < 120
        and tokens[end + 2].text in (",", ")", ".")
    )


def _surname(words: tuple[str, ...]) -> str:
    """The last word of a name that is not a suffix: "Aldrin" of "Edwin E. Aldrin Jr."."""
    if len(words) > 1 and words[-1] in _SUFFIXES:
        return words[-2]
    return words[-1]


_ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|as|ash|an|ar|az)-(?=[A-Z])")


def _bare(word: str) -> str:
    """A surname without its Arabic article: "Awlaki" of "al-Awlaki" (the article is often
    dropped in later mentions)."""
    return _ARTICLE_PREFIX.sub("", word, count=1) if "-" in word else word


def _initials(name: str) -> str:
    letters = []
    for word in name.replace("-", " ").split():
        if word.lower() in ("of", "for", "and", "the", "on", "in"):
            continue
        if re.fullmatch(r"(?:[A-Za-z]\.)+", word):
            letters.append(word.replace(".", "").upper())
        else:
            letters.append(word[0].upper())
    return "".join(letters)


# Words of a part or an amount before "of": "half of all voters", "40 percent of Americans",
# "most of the residents" are the voters, the Americans, the residents themselves.
_PARTITIVES = words(
    """half most some many all none few several majority minority third thirds quarter quarters
    percent cent % dozens hundreds thousands millions number one two three four five six seven
    eight nine ten two-thirds three-quarters each"""
)


def _singular(noun: str) -> str:
    """One of a plural noun of people: "victims" -> "victim", "policemen" -> "policeman",
    "deputies" -> "deputy", "witnesses" -> "witness"."""
    if noun.endswith("men"):
        return noun[:-3] + "man"
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("sses", "ches", "shes")):
        return noun[:-2]
    return noun[:-1]


def _number_token(tokens: list[Token], k: int) -> bool:
    word = tokens[k].text.lower()
    if word[:1].isdigit():
        return True
    return bool(word) and all(part in _NUMBER_WORDS for part in word.split("-"))


def _count_start(tokens: list[Token], end: int) -> int | None:
    """Where a count that ends at ``tokens[end]`` begins ("Around 12,000", "at least 28",
    "1.5 million", "forty"), or None when no number ends there."""
    k = end
    if k < 0 or not _number_token(tokens, k):
        return None
    while k > 0:
        before = tokens[k - 1]
        if _number_token(tokens, k - 1):
            k -= 1
        elif (
            before.text in (",", ".")
            and k >= 2
            and tokens[k - 2].text[-1:].isdigit()
            and tokens[k].text[:1].isdigit()
            and tokens[k - 2].end == before.start
            and before.end == tokens[k].start
        ):
            k -= 2  # "12,000", "1.5": one number the tokenizer split
        else:
            break
    if k > 0 and tokens[k - 1].text.lower() in _APPROXIMATE:
        k -= 1
    elif k > 1 and (tokens[k - 2].text.lower(), tokens[k - 1].text.lower()) in _BOUNDS:
        k -= 2
    return k


def _governed(tokens: list[Token], start: int, words: frozenset[str]) -> bool:
    k = start - 1
    if k >= 0 and tokens[k].text.lower() in ("the", "a", "an"):
        k -= 1
    if k >= 1 and tokens[k].text == "of" and tokens[k - 1].text.lower() in _PARTITIVES:
        return False  # "Some of the residents complained": the residents did
    if k < 0 or tokens[k].text.lower() not in words:
        return False
    if tokens[k].text == "by" and k > 0 and _participle(tokens[k - 1].text):
        return False  # "done by Arab tribes", "was criticised by rights groups": the agent acts
    if tokens[k].text.lower() in _CLAUSE_PREPOSITIONS:
        # "after the United States discovered its first case": a clause's subject follows
        # "after", "before", "since", "until" when a verb follows the name.
        m = start
        while m < len(tokens) and (tokens[m].text[:1].isupper() or tokens[m].text in _JOINERS):
            m += 1
        if m > start and _verb_follows(tokens, m, lexicon(), reporting_only=False):
            return False
    return True


# Endings of adjectives and adverbs, which describe a group rather than name it ("frightened
# residents", "many angry protesters").
_DESCRIBING_ENDINGS = (
    *("ed", "ing", "ly", "ous", "ful", "ive", "al", "ic", "ible", "able", "ent", "ant"),
    *("less", "est", "er", "ish", "ary", "ate", "y"),
)


# Words after which a lower-case word is a verb: "to kill activists", "will clear protesters".
_VERB_OPENERS = words("to will would could can may might must should shall not never")
# Short words that end no describing suffix but name no field either.
_NOT_MODIFIERS = words(
    """because when where while whilst whereas whether though although since unless until once
    true free thousand thousands million millions billion hundred hundreds dozen dozens both
    each ways times days years"""
)  # "the ways children are injured": a noun before a clause of its own, not a modifier


def _noun_modifier(word: str, lex: Lexicon) -> bool:
    """A lower-case noun before a group's head that names its field: "campaign", "response",
    "rights", "immigration"; not an adjective, a verb or a function word."""
    lower = word.lower()
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 3
        and not lower.endswith(_DESCRIBING_ENDINGS)
        and lower not in _FUNCTION_WORDS
        and lower not in _NOT_MODIFIERS
        and lower not in QUANTIFIERS
        and lower not in lex.verbs
        and lower not in lex.base_verbs
        and lower not in lex.irregular_past
        and lower not in AUXILIARIES
        and lower not in ADVERBS
    )


def _attributive_participle(tokens: list[Token], i: int) -> bool:
    """Whether the lower-case -ed word at ``i`` describes the noun after it ("the enslaved
    people", "of displaced families", "Armed men"): it opens the sentence or follows a
    determiner, a quantifier, a number or a preposition. After a subject it is a verb ("Police
    arrested protesters"); a word of fear is a passing state ("the frightened residents" are
    residents)."""
    word = tokens[i].text
    if not (
        word.isalpha() and word[1:].islower() and word.lower().endswith("ed") and len(word) > 4
    ):
        return False
    if lexicon().stance.word_class(word.lower()) == "concern":
        return False  # "the frightened residents" are residents in a state of fear
    if word[0].isupper():
        return i == 0
    before = tokens[i - 1].text.lower() if i > 0 else ""
    return (
        before in ("the", "a", "an")
        or before in QUANTIFIERS
        or before in PREPOSITIONS
        or _number_token(tokens, i - 1)  # "The 250,000 enslaved people"
    )


def _participle(word: str) -> bool:
    """A past participle before a passive's "by": "criticised", "done", "shot"."""
    lower = word.lower()
    if lower in _SEEING:
        return False  # "a letter seen by Sky News": the agent only saw it
    return (lower.endswith("ed") and len(lower) > 3) or lower in lexicon().irregular_past


# Participles whose agent only came upon the thing: "a letter seen by Sky News".
_SEEING = frozenset({"seen", "obtained", "reviewed", "viewed", "read", "heard", "received"})


# Prepositions that open a described person's complement: "a spokesman for the ministry".
_COMPLEMENTS = frozenset({"for", "of", "at", "with"})
# Verbs that give a thing its name: "a competition called HackDC".
_NAME_GIVING = words("call dub term name label brand")
# Prepositions that also open a clause ("after Smith left").
_CLAUSE_PREPOSITIONS = frozenset({"after", "before", "since", "until"})
# Words inside a capitalised name: "Bank of England", "Procter & Gamble", "Jones-Smith".
_JOINERS = frozenset({"of", "&", "-", "."})


# How many modifiers may stand between "the" and a definite group noun ("the international
# community", "the Smith family").
_DEFINITE_REACH = 2


def _after_the(tokens: list[Token], k: int) -> bool:
    """Whether the noun at ``k`` follows "the", over at most two modifiers: "The family says",
    "the international community", "the Turkish public" (not "my wider community")."""
    for m in range(k - 1, max(-1, k - 2 - _DEFINITE_REACH), -1):
        word = tokens[m].text
        if word.lower() == "the":
            return True
        if not word.isalpha() or word.lower() in _FUNCTION_WORDS or word.lower() in ("my", "your"):
            return False
    return False


def _recipient(tokens: list[Token], start: int, lex: Lexicon) -> bool:
    """The addressee of "told": "told VOA", "told NBC’s “Meet the Press”", "told VOA's Carol"."""
    k = start - 1
    if k >= 1 and tokens[k].text in _POSSESSIVE:
        k -= 2
    if k >= 1 and tokens[k].text in ("the", "The"):
        k -= 1  # "told The Associated Press"
    verb = lex.verbs.get(tokens[k].text.lower()) if k >= 0 else None
    return verb is not None and verb.base == "tell"


# Nouns for the people a harm befell: the names listed after "The dead were" are victims,
# acted upon ("The fatalities were Nicholas Alden, 25, and Zachary Cuddeback, 21.").
_VICTIMS = words("dead fatalities victims casualties deceased injured wounded")
_LISTING = words("were are was is included include includes")
# How far back over a list of names the words that introduce it may stand (in tokens).
_LIST_REACH = 16


def _victim(tokens: list[Token], start: int) -> bool:
    """Whether the name at ``start`` is listed as a victim: "The dead were Ali, 24, and ..."."""
    k = start - 1
    while k > 0 and start - k < _LIST_REACH:
        word = tokens[k].text
        if word.lower() in _LISTING:
            return tokens[k - 1].text.lower() in _VICTIMS
        if not (word[:1].isupper() or word.isdigit() or word in (",", "and")):
            return False
        k -= 1
    return False


class _Scanner:
    """One pass over the sentences, collecting named things and person candidates."""

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.relations = _relations_of(lex)
        self.builder = _Builder(doc, lex)
        self.candidates: list[_Candidate] = []
        self.singles: list[_Single] = []
        self.definites: list[tuple[int, int, int, str, str, bool]] = []
        # "Her father", "his lawyer" acting: (sentence, start, end, relation noun).
        self.owned: list[tuple[int, int, int, str]] = []
        self.countries_named: set[str] = set()
        # Capitalised words seen inside a sentence, after a lower-case word or a comma.
        self.mid_sentence_text = frozenset(
            re.findall(r"(?<=[a-z,;] )[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b", doc.text)
        )
        # The words of countries' definite aliases ("North" of "the North").
        self.alias_words = {
            alias.split()[-1] for country in lex.countries for alias in country.definite_aliases
        }

    def run(self, checkpoint: Checkpoint) -> None:
        for sentence in self.doc.sentences:
            checkpoint()
            if sentence.role not in (BODY, CAPTION):
                continue
            self._sentence(sentence)

    def _crowd(self, tokens: list[Token], sentence: Sentence) -> None:
        """A crowd named by its size alone, acting: "Tens of thousands protested", "Thousands
        marched", "Hundreds of people gathered"."""
        k = 1
        if k + 1 < len(tokens) and tokens[k].text == "of" and tokens[k + 1].text in _CROWD_SIZES:
            k += 2  # "Tens of thousands", "Hundreds of thousands"
        if k + 1 < len(tokens) and tokens[k].text == "of" and tokens[k + 1].text == "people":
            k += 2  # "Hundreds of people"
        if _passive(tokens, k, self.lex) or not (
            _past_verb(tokens, k, self.lex)
            or _verb_follows(tokens, k, self.lex, reporting_only=True)
        ):
            return  # "Thousands have been evacuated": acted upon
        start, end = tokens[0].start, tokens[k - 1].end
        surface = self.doc.text[start:end]
        index = self.builder.entity("group:" + name_key(surface), surface, ActorKind.group)
        self.builder.mention(index, start, end, sentence.index, False, True)

    def _sentence(self, sentence: Sentence) -> None:
        doc, lex = self.doc, self.lex
        tokens = doc.tokens(sentence)
        caps = _capitalised(doc, lex, tokens)
        for i, j in _chunks(tokens, caps, lex):
            self._chunk(tokens, caps, i, j, sentence)
        # Most sentences have no group noun and no description head: a set test skips them.
        lowered = {token.text.lower() for token in tokens}
        attributes = lex.may_attribute(lowered)
        if sentence.role == BODY:
            if attributes:
                doc.keep(sentence, tokens)
            elif doc.reread is None:
                doc.reread = set()
        if not lowered.isdisjoint(lex.group_nouns) or (
            attributes and any(word.endswith(_AGENT_ENDINGS) for word in lowered)
        ):
            self._groups(tokens, caps, sentence)
        if tokens and tokens[0].text in _CROWDS:
            self._crowd(tokens, sentence)
        if not lowered.isdisjoint(self.relations) and not (
            lowered.isdisjoint(_POSSESSIVE) and lowered.isdisjoint(_OWNING_PRONOUNS)
        ):
            self._relations(tokens, caps, sentence)
        if not (
            lowered.isdisjoint(lex.describing_titles)
            and lowered.isdisjoint(lex.org_descriptions)
            and lowered.isdisjoint(_COUNTRY_DESCRIPTIONS)
        ):
            self._descriptions(tokens, caps, sentence)

    def _relations(self, tokens: list[Token], caps: list[bool], sentence: Sentence) -> None:
        """Someone named by their relation to a named person: "Biti's lawyer said", "Awlaki's
        father sued", "Franklin's family said". They act and speak for themselves (a lawyer's
        words are the lawyer's, gold/GUIDE.md); "Kim's late father, Kim Jong Il" is a name."""
        lex, text, n = self.lex, self.doc.text, len(tokens)
        for k in range(n - 1):
            noun = tokens[k + 1].text
            if (
                tokens[k].text.lower() in _OWNING_PRONOUNS
                and noun in _RELATIONS
                # "with her father"; "Collins and his wife": a companion, not an actor apart
                and (k == 0 or tokens[k - 1].text.lower() not in (*PREPOSITIONS, "and"))
                # "his wife, Maddie,", "His father Mohamed El-Hassan Mohamed": a name follows
                and not (k + 2 < n and caps[k + 2])
                and not (k + 3 < n and tokens[k + 2].text == "," and caps[k + 3])
                and (
                    _verb_follows(tokens, k + 2, lex, reporting_only=False)
                    or (k + 2 < n and tokens[k + 2].text.endswith("ed"))  # "Her mother died"
                )
                and not _passive(tokens, k + 2, lex)
            ):
                # "Her father was a preacher": the relation of the person named before, found
                # once the people are known.
                self.owned.append((sentence.index, tokens[k].start, tokens[k + 1].end, noun))
                continue
            if k == 0 or k + 2 >= n:
                continue
            if tokens[k].text not in _POSSESSIVE or not caps[k - 1] or noun not in self.relations:
                continue
            if caps[k + 2] or (tokens[k + 2].text == "," and k + 3 < n and caps[k + 3]):
                continue  # "Kim's father Kim Jong Il", "Kim's father, Kim Jong Il"
            if not _verb_follows(tokens, k + 2, lex, reporting_only=False) or _passive(
                tokens, k + 2, lex
            ):
                continue
            i = k - 1
            while i > 0 and caps[i - 1]:
                i -= 1
            owner = text[tokens[i].start : tokens[k - 1].end]
            if owner in lex.country_names or owner in lex.demonyms:
                continue  # "Russia's lawyers": the country's, read as a body elsewhere
            name = text[tokens[i].start : tokens[k + 1].end]
            kind = ActorKind.group if noun in _GROUP_RELATIONS else ActorKind.person
            index = self.builder.entity("relation:" + name_key(name), name, kind)
            self.builder.mention(
                index, tokens[i].start, tokens[k + 1].end, sentence.index, False, True
            )

    def _chunk(
        self, tokens: list[Token], caps: list[bool], i: int, j: int, sentence: Sentence
    ) -> None:
        doc, lex, builder = self.doc, self.lex, self.builder
        text = doc.text
        start, end = tokens[i].start, tokens[j - 1].end
        words = tuple([t.text for t in tokens[i:j]])
        surface = text[start:end]
        if _DIGIT.search(surface) or _role_part(tokens, caps, j, lex):
            return
        surname_title = len(words) == 2 and words[0] in given_names() and words[1][1:].islower()
        if (words[-1].lower() in lex.titles and not surname_title) or (
            len(words) == 1 and words[0].lower() in lex.kin
        ):
            # "CEO", "President", "an Ottawa New Democrat MP": a title or a role, not a name
            # (but "Robert King", "Sarah Judge": a given name, then a surname).
            return
        quotation = doc.in_quotation(start) if doc.quotations else None
        if quotation is not None and quotation.words < MIN_SPEECH_WORDS:
            return  # a title or scare quote: “Meet the Press”
        if len(words) >= 3 and words[0] in lex.demonyms and words[1] in given_names():
            # "Norwegian Erik Solskjaer said": a nationality before a person's name
            self._chunk(tokens, caps, i + 1, j, sentence)
            return
        bare = surface[4:] if surface.startswith("The ") else surface
        governed = _governed(tokens, i, PREPOSITIONS) or _list_governed(
            tokens, caps, i, j, PREPOSITIONS
        )
        possessive = j < len(tokens) and tokens[j].text in _POSSESSIVE
        recipient = _recipient(tokens, i, lex) or _victim(tokens, i)
        acts = not recipient and (not governed or _source(tokens, i) or _accused(tokens, i, j, lex))
        body = False
        after_name = j
        if (
            j + 3 < len(tokens)
            and tokens[j].text == "("
            and tokens[j + 2].text == ")"
            and tokens[j + 1].text.isupper()
        ):
            after_name = j + 3  # "a United Nations (UN) tribunal"
        elif (
            possessive
            and j + 2 < len(tokens)
            and tokens[j + 1].text.islower()
            and tokens[j + 1].text not in lex.body_heads
        ):
            after_name = j + 1  # "the UN's relief agency"
        head_at = _past_modifiers(tokens, after_name, lex, 2)  # "the Riverton city council"
        if (
            head_at < len(tokens)
            and tokens[head_at].text in lex.body_heads
            and bare not in lex.country_names
            and bare not in lex.demonyms
        ):
            # "the Trump administration", "the Conservative government", "a United Nations
            # tribunal": the body is an actor; the name is still read below (Trump is still
            # Trump), and does not act here.
            body = self._state_body(name_key(bare), tokens, after_name, sentence, start)
        known = lex.known_orgs.get(bare)
        if known is None and len(words) > 2:
            # "Amnesty International Iason Athanasiadis-Fowden": a known name, then a person's.
            for cut in range(len(words) - 1, 1, -1):
                if " ".join(words[:cut]) in lex.known_orgs and _name_like(words[cut:], lex):
                    self._chunk(tokens, caps, i, i + cut, sentence)
                    self._chunk(tokens, caps, i + cut, j, sentence)
                    return
        if known is None and len(words) > 1:
            # "British Red Cross", "Iraqi Red Crescent": a known organisation's national branch.
            for cut in range(1, len(words)):
                owner, rest = " ".join(words[:cut]), " ".join(words[cut:])
                if rest in lex.known_orgs and (owner in lex.demonyms or owner in lex.country_names):
                    known = lex.known_orgs[rest]
                    break
        if known is not None:
            kind = ActorKind(known)
            key = "org:" + name_key(bare)
            acts = not body and _org_acts(tokens, caps, i, j, lex, governed, recipient)
            self._org(key, bare, kind, tokens, i, j, sentence, governed, acts)
            return
        country = lex.country_names.get(bare)
        if country is not None and len(words) <= 4:
            self.countries_named.add(country.name)
            index = builder.entity("country:" + country.name, country.name, ActorKind.country)
            locative = _governed(tokens, i, LOCATIVE) or _address(tokens, caps, i, lex)
            # A country acts when it is the subject of a verb ("Russia has denied", "Thailand and
            # Malaysia said") or the source of a statement; named as a place or in a list of
            # destinations, it does not.
            subject = (
                (
                    not governed
                    and _subject_of_verb(tokens, caps, j, lex)
                    and not _stative(tokens, j, lex)
                )
                or (possessive and _act_follows(tokens, j + 1))
                or _controlled(tokens, i, j, lex)
                or _accused(tokens, i, j, lex)  # "accused North Korea of supplying arms"
            )
            builder.mention(
                index,
                start,
                end,
                sentence.index,
                governed,
                not locative
                and not _country_modifier(tokens, j, lex)
                and (subject or _source(tokens, i)),
            )
            self._state_body(country.name, tokens, j + 1 if possessive else j, sentence, start)
            return
        if bare in lex.demonyms:
            self._state_body(lex.demonyms[bare].name, tokens, j, sentence, start)
            return
        if bare in lex.capitals:
            capital = lex.capitals[bare]
            # "Washington, D.C." and "in Moscow" are places; "Moscow is providing" is Russia.
            district = j + 1 < len(tokens) and tokens[j + 1].text in ("D.C.", "DC")
            if not (_governed(tokens, i, LOCATIVE) or district or _modifier(tokens, j, lex)):
                self.singles.append(
                    _Single(sentence.index, start, end, bare, False, False, governed, capital.name)
                )
            return
        if bare in lex.places or len(words) == 1 and words[0].lower() in lex.group_nouns:
            return
        if len(words) == 1 and words[0] in self.alias_words:
            # "the North" for North Korea: decided once the whole article is read.
            if i > 0 and tokens[i - 1].text.lower() == "the":
                self.definites.append(
                    (sentence.index, tokens[i - 1].start, end, "cardinal", words[0], governed)
                )
            return
        if (
            i > 0
            and tokens[i - 1].text in lex.org_descriptions
            and tokens[i - 1].text not in _NOT_ORG_TITLES
            and not (words[0] in given_names() and _person_shaped(words))
            # "Thai army Colonel Winthai Suwaree": a person's title after the body's word
            and not _is_title(words[0], lex)
        ):
            # "opposition party ActionSA", "Volunteer organization Comic Corps of Canada": a
            # lower-case description before a name, as a title before a person's.
            described_from = i - 1
            while described_from > 0 and (
                tokens[described_from - 1].text.lower() in lex.role_modifiers
                or tokens[described_from - 1].text.lower() in lex.group_modifiers
                or "-" in tokens[described_from - 1].text
            ):
                described_from -= 1
            description = text[tokens[described_from].start : tokens[i - 1].end]
            kind = ActorKind.organization
            if tokens[i - 1].text in lex.gov_heads:
                kind = ActorKind.government_body
            index = builder.entity("org:" + name_key(bare), bare, kind, description)
            acts = _org_acts(tokens, caps, i, j, lex, governed, recipient) or _appositive_acts(
                tokens, j, lex
            )
            builder.mention(index, start, end, sentence.index, governed, acts)
            return
        if self._outlet_source(tokens, i, j, words, governed):
            # "according to Radio Cooperativa", "The Independent reported": a source named like
            # a body, not a person, reports.
            key = "org:" + name_key(bare)
            self._org(key, bare, ActorKind.organization, tokens, i, j, sentence, governed, True)
            return
        # A title inside the run splits it: "South Korean Unification Minister | Kim Yung-ho".
        title_at = None
        plural = False
        for k in range(len(words) - 1, -1, -1):
            lower = words[k].lower()
            if all(w == "," or w in _SUFFIXES for w in words[k + 1 :]) and k < len(words) - 1:
                continue  # "Martin Luther King, Jr.": a surname before the suffix, no title
            if (lower in lex.titles or lower in lex.honorifics) and not self._given_title(
                tokens, i, k, words
            ):
                title_at = k
                break
            if lower.endswith("s") and lower[:-1] in lex.titles:
                # "Presidents George W. Bush and ...": a list follows; the title is no evidence.
                title_at, plural = k, True
                break
        if title_at is not None and title_at < len(words) - 1:
            name_words = words[title_at + 1 :]
            if _name_like(name_words, lex) or (
                not plural and _is_name_like(name_words, lex, titled=True)
            ):
                honorific = words[title_at].lower() in lex.honorifics
                role_start = _role_chain(tokens, caps, i + title_at + 1, lex)
                role = None
                if not honorific and role_start is not None:
                    role = text[tokens[role_start].start : tokens[i + title_at].end]
                    if " " not in role and (role.endswith(".") or role.lower() in ("dr", "prof")):
                        # "Dr. James Wu, a sleep expert at Stanford": the appositive says more.
                        after = _appositive_after(tokens, j, lex)
                        if after is not None:
                            role = text[tokens[after[0]].start : tokens[after[1] - 1].end]
                name_start = tokens[i + title_at + 1].start
                self.candidates.append(
                    _Candidate(
                        sentence.index,
                        name_start,
                        end,
                        name_words,
                        None if plural else role,
                        not plural or _verb_follows(tokens, j, lex, reporting_only=True),
                        recipient
                        or _governed(tokens, role_start if role_start is not None else i, _OF),
                    )
                )
                return
        if (
            len(words) >= 3
            and self._affiliated_person(tokens, caps, i, j, words, sentence, governed, recipient)
        ) or (
            len(words) >= 2
            and self._portfolio_person(tokens, caps, i, j, words, sentence, recipient)
        ):
            return
        names = given_names()
        if len(words) >= 3 and words[-1].lower() not in lex.org_heads:
            # "Director of the Institute of Civic Relations Nadia Farouk said": the affiliation, then the
            # person's name.
            inside = _name_inside(words, names)
            if (
                inside is not None
                and _name_like(words[inside:], lex)
                and (inside > 1 or _affiliation_word(words[0], lex))
            ):
                self._chunk(tokens, caps, i + inside, j, sentence)
                return
        last = words[-1].lower()
        acronym = any(_ACRONYM.fullmatch(w) for w in words)
        linked = any(w in _CONNECTORS or w == "and" for w in words)
        if (
            last in lex.org_heads
            or acronym
            or (linked and any(w.lower() in lex.org_heads for w in words))
            or "&" in words  # "Procter & Gamble": no person's name has an ampersand
            or _org_apposition(tokens, j, lex) is not None
        ):
            kind = ActorKind.organization
            if any(w.lower() in lex.gov_heads for w in words):
                kind = ActorKind.government_body
            name = bare
            name_start = start
            # "South Korea’s Defense Ministry": the country's possessive belongs to the name.
            if i >= 2 and tokens[i - 1].text in _POSSESSIVE:
                back = i - 2
                while back > 0 and caps[back - 1]:
                    back -= 1
                owner = text[tokens[back].start : tokens[i - 2].end]
                if owner in lex.country_names:
                    name = text[tokens[back].start : end]
                    name_start = tokens[back].start
            if last in lex.sited_heads and j + 1 < len(tokens) and tokens[j].text == "in":
                # "the Chinese Embassy in Costa Rica": its city is part of its name.
                m = j + 1
                while m < len(tokens) and m < j + 5 and caps[m]:
                    m += 1
                if m > j + 1:
                    end = tokens[m - 1].end
                    name = text[name_start:end]
                    j = m
            key = "org:" + name_key(name)
            index = builder.entity(key, name, kind)
            apposed = _org_apposition(tokens, j, lex)
            if apposed is not None:
                builder.entities[index].described_as.add(apposed)  # "the company" later on
            if name_start != start:
                back_i = i - 2
                while back_i > 0 and caps[back_i - 1]:
                    back_i -= 1
                governed = governed or _governed(tokens, back_i, PREPOSITIONS)
            acts = _org_acts(tokens, caps, i, j, lex, governed, recipient)
            builder.mention(index, name_start, end, sentence.index, governed, acts)
            return
        if (words[-1].lower() in lex.place_last or words[0].lower() in lex.place_first) and not (
            len(words) == 2 and words[0] in names
        ):
            return  # "Hyde Park", "Mount Sinabung"; but "Susan Park" is a person
        if (
            j < len(tokens)
            and tokens[j].text.islower()
            and tokens[j].text in lex.place_last
            and not (j + 1 < len(tokens) and tokens[j + 1].text.lower() in lex.org_heads)
        ):
            return  # "India's West Bengal state", "Kumamoto prefecture"; not "state media"
        if (
            len(words) >= 2
            and (surface.startswith("The ") or (i > 0 and tokens[i - 1].text.lower() == "the"))
            and not (words[0] in names and _person_shaped(words))
            and not any(w.lower() in lex.titles for w in words)
            and words[0] not in lex.demonyms  # "the American Iron Dome": a thing of a state
        ):
            # "The Daily Record reported", "The New Paper": no person's name takes "the"; a
            # capitalised name after it is a newspaper's, a band's or a company's.
            index = builder.entity("org:" + name_key(bare), bare, ActorKind.organization)
            acts = _org_acts(tokens, caps, i, j, lex, governed, recipient)
            builder.mention(index, start, end, sentence.index, governed, acts)
            return
        if (
            len(words) == 2
            and words[0] not in names
            and words[1].lower() in doc.lower_words
            and words[0].lower() not in doc.lower_words
            and not governed
            and not recipient
            and _role_chain(tokens, caps, i, lex) is None
            and _subject_of_verb(tokens, caps, j, lex)
            and not _verb_follows(tokens, j, lex, reporting_only=True)
        ):
            # "Network Rail has checked 700 sets of rail points": a name whose last word the
            # article also uses as a common noun, doing something, is a company's or a body's;
            # people's surnames are seldom words of the story ("Jane Smith said" still speaks).
            index = builder.entity("org:" + name_key(bare), bare, ActorKind.organization)
            builder.mention(index, start, end, sentence.index, governed, True)
            return
        if not _name_like(words, lex):
            return
        role_start = _role_chain(tokens, caps, i, lex)
        role = None
        evidence = False
        if role_start is not None:
            role = text[tokens[role_start].start : tokens[i - 1].end]
            evidence = True
            if role.endswith(".") and " " not in role:
                # "Dr. James Wu, a sleep expert at Stanford": the appositive says more.
                after = _appositive_after(tokens, j, lex)
                if after is not None:
                    role = text[tokens[after[0]].start : tokens[after[1] - 1].end]
        else:
            before = _appositive_before(tokens, caps, i, j, lex)
            if before is not None:
                role = text[tokens[before].start : tokens[i - 2].end]
                evidence = True
            elif not _ends_opening_clause(tokens, i, j):
                after = _appositive_after(tokens, j, lex)
                if after is not None:
                    role = text[tokens[after[0]].start : tokens[after[1] - 1].end]
                    evidence = True
        if (
            possessive
            and j + 1 < len(tokens)
            and (
                tokens[j + 1].text.lower() in lex.kin
                # "Jane Smith's warning that ...": someone's own words
                or tokens[j + 1].text.lower() in lex.attribution_nouns
            )
        ):
            evidence = True
        if _inverted_speaker(tokens, i, lex) or (
            # "The Times quoted Jane Smith as saying": a speaker
            j + 1 < len(tokens)
            and tokens[j].text == "as"
            and tokens[j + 1].text.lower() == "saying"
        ):
            evidence = True
        if (
            j < len(tokens)
            and tokens[j].text.lower() in lex.document_nouns
            and i > 0
            and (
                tokens[i - 1].text.lower() in _DOCUMENT_DETERMINERS or tokens[i - 1].text.isdigit()
            )
        ):
            return  # "the 2010 Global Trends report": a document's name, no one's
        if len(words) > 1:
            evidence = (
                evidence
                # "Wilmot Collins said" (but not "Analysts at Goldman Sachs said").
                or (not governed and _verb_follows(tokens, j, lex, reporting_only=True))
                or _who_reports(tokens, j, lex)  # "including Lord Cormack, who said:"
                or _set_off_speaker(tokens, i, j, lex)
                or _person_shaped(words)
                or _aged(tokens, j)
                or _accused(tokens, i, j, lex)
                or (
                    # "Jane Smith met the board", "Ann Hale, a nurse, ...": a name that starts
                    # with a given name, as the subject of a verb or standing on its own (a
                    # run such as "Fan Expo Canada opened" is not enough).
                    words[0] in names and _free_name(tokens, caps, i, j, lex)
                )
                or (
                    not governed
                    and (words[0] in names or self._uncommon(words))
                    and _subject_of_verb(tokens, caps, j, lex)
                )
            )
            self.candidates.append(
                _Candidate(
                    sentence.index,
                    start,
                    end,
                    words,
                    role,
                    evidence,
                    # "Polaroids of fashion designer Halston": named, but not acting; "Maziar
                    # Bahari was arrested": acted upon
                    recipient
                    or (role_start is not None and _governed(tokens, role_start, _OF))
                    or _passive(tokens, j, lex),
                )
            )
        else:
            # "Surono of Indonesia's Directorate of Vulcanology said": the verb after the affiliation.
            of = j < len(tokens) and tokens[j].text == "of"
            verb_at = _post_modifier(tokens, caps, j, lex) if of else j
            verb = not governed and _verb_follows(tokens, verb_at, lex, reporting_only=True)
            # A source speaks: "according to Novak".
            verb = verb or _according_to(tokens, i)
            if role_start is not None and _governed(tokens, role_start, _OF):
                recipient = True  # "Polaroids of fashion designer Halston"
            if (i == 0 or tokens[i - 1].text in _OPENERS) and not evidence:
                # "Estimates suggest ...": a lone capitalised word opening a sentence is a name
                # only if it is also capitalised inside a sentence somewhere (decided later).
                verb = (verb and words[0] in self.mid_sentence_text) or (
                    not governed
                    and self._unknown_word(words[0])
                    and (
                        _says_follows(tokens, verb_at, lex)
                        # "Acme bought 20 planes": a past tense after a word no English has
                        or _past_verb(tokens, j, lex)
                    )
                )
            # The owner of a statement speaks, even opening a sentence: "Novak's warning that".
            verb = verb or (not governed and _owns_statement(tokens, j, lex))
            plays = (
                not governed
                and verb_at < len(tokens)
                and tokens[verb_at].text in lex.sport_verbs
                and self._unknown_word(words[0])
            )
            self.singles.append(
                _Single(
                    sentence.index,
                    start,
                    end,
                    words[0],
                    evidence or verb,
                    recipient,
                    governed,
                    plays=plays,
                )
            )
            if role is not None and evidence:
                self.candidates.append(
                    _Candidate(sentence.index, start, end, words, role, True, recipient)
                )

    def _given_title(self, tokens: list[Token], i: int, k: int, words: tuple[str, ...]) -> bool:
        """Whether the title word at ``words[k]`` (the run starts at token ``i``) is a given
        name here: one that is also a name, right after another title and before a name
        ("defense minister Sultan Hashim Ahmad al-Tal"; but "Oman's Sultan Qaboos")."""
        lex = self.lex
        if words[k].lower() not in lex.given_titles or k + 1 >= len(words):
            return False
        before = words[k - 1] if k > 0 else (tokens[i - 1].text if i > 0 else "")
        return before.lower() in lex.titles

    def _unknown_word(self, word: str) -> bool:
        """A capitalised word that is no English word this engine knows ("Greenpeace said"),
        unlike "Estimates suggest" or "Sources said": not in the article in lower case, not a
        common, stance or group word, not a plural."""
        lex, lower = self.lex, word.lower()
        return (
            len(word) > 2
            # "Greenpeace", or a word with a capital inside that no English word has: "AirAsia"
            and (word[1:].islower() or (word.isalpha() and not word[1:].isupper()))
            and not lower.endswith("s")
            and lower not in self.doc.lower_words
            and lower not in lex.common_capitalised
            and lower not in lex.group_nouns
            and lower not in lex.verbs
            and lower not in lex.base_verbs
            and lower not in lex.stance.valence
            and lex.stance.word_class(lower) is None
        )

    def _uncommon(self, words: tuple[str, ...]) -> bool:
        """No word of the run is a common word of the article, a letter or a country: "Kim
        Yung-ho", not "Epic Mickey", "Protection B" or "Fan Expo Canada"."""
        lower_words, countries = self.doc.lower_words, self.lex.country_names
        return not any(
            (len(word) < 2 and word != "&") or word.lower() in lower_words or word in countries
            for word in words
        )

    def _portfolio_person(
        self,
        tokens: list[Token],
        caps: list[bool],
        i: int,
        j: int,
        words: tuple[str, ...],
        sentence: Sentence,
        recipient: bool,
    ) -> bool:
        """A title's portfolio and a person's name in one run: "Secretary of State Marco Rubio",
        "Minister of Foreign Affairs Wang Yi", "Regional Director for Africa Luis Sambo". The name is the last two words (three with a
        middle initial or a suffix)."""
        lex, text = self.lex, self.doc.text
        # "Minister of the Interior Arye Derry": the portfolio may take "the".
        at = i - 1 if i >= 3 and tokens[i - 1].text == "the" else i
        if (
            at < 2
            or tokens[at - 1].text not in ("of", "for")
            or not _is_title(tokens[at - 2].text, lex)
            or (
                # "the Commission on Human Rights", "the Institute for Political Studies": a
                # body after "the" is named, not a portfolio and a person.
                at != i and any(w.lower() in lex.org_heads or w.islower() for w in words)
            )
        ):
            return False
        size = 3 if len(words) >= 4 and _person_shaped(words[-3:]) else 2
        if len(words) == 2:
            size = (
                1  # "Secretary of State Rubio": the surname alone, folded into the full name later
            )
        if len(words) <= size or not _name_like(words[-size:], lex):
            return False
        role_start = _role_chain(tokens, caps, at - 1, lex)
        portfolio_end = tokens[j - size - 1].end
        role = text[tokens[role_start if role_start is not None else at - 2].start : portfolio_end]
        name_start = tokens[j - size].start
        if size == 1:
            # The surname alone is read like any other ("Rubio" links to "Marco Rubio").
            self.singles.append(
                _Single(
                    sentence.index,
                    name_start,
                    tokens[j - 1].end,
                    words[-1],
                    False,  # a person only if named in full elsewhere ("CEO of Human Rights")
                    recipient,
                    False,
                )
            )
            return True
        self.candidates.append(
            _Candidate(
                sentence.index, name_start, tokens[j - 1].end, words[-size:], role, True, recipient
            )
        )
        return True

    def _affiliated_person(
        self,
        tokens: list[Token],
        caps: list[bool],
        i: int,
        j: int,
        words: tuple[str, ...],
        sentence: Sentence,
        governed: bool,
        recipient: bool,
    ) -> bool:
        """An organisation's name and a person's in one capitalised run: "CEO of the Refugee
        Council Enver Solomon". The person gets the role; the organisation is an affiliation."""
        lex, text = self.lex, self.doc.text
        heads = [k for k, word in enumerate(words[:-1]) if word.lower() in lex.org_heads]
        if not heads:
            return False
        head = heads[-1]
        name_words = words[head + 1 :]
        if not 2 <= len(name_words) <= 3 or not _name_like(name_words, lex):
            return False
        if name_words[0] not in given_names() and any(
            word in lex.places or word in lex.country_names for word in name_words
        ):
            return False  # "Radio Free Asia", "Bank Indonesia Asia": a name that goes on, no person
        org_end = tokens[i + head].end
        role = None
        k = i - 1 if i >= 1 and tokens[i - 1].text == "the" else i
        if (
            k >= 2
            and tokens[k - 1].text in ("of", "at", "for", "from")
            and _is_title(tokens[k - 2].text, lex)
        ):
            role_start = _role_chain(tokens, caps, k - 1, lex)
            role = text[tokens[role_start if role_start is not None else k - 2].start : org_end]
        name_start = tokens[i + head + 1].start
        self.candidates.append(
            _Candidate(
                sentence.index, name_start, tokens[j - 1].end, name_words, role, True, recipient
            )
        )
        org = text[tokens[i].start : org_end]
        kind = ActorKind.organization
        if any(word.lower() in lex.gov_heads for word in words[: head + 1]):
            kind = ActorKind.government_body
        index = self.builder.entity("org:" + name_key(org), org, kind)
        self.builder.mention(index, tokens[i].start, org_end, sentence.index, governed, False)
        return True

    def _outlet_source(
        self,
        tokens: list[Token],
        i: int,
        j: int,
        words: tuple[str, ...],
        governed: bool,
    ) -> bool:
        """Whether a run no rule has named is a source that reads as a body's name: after
        "according to" or before a reporting verb, after "The" or opening with an
        organisation's word ("The Independent reported", "according to Radio Cooperativa"), with
        no title or head that the rules below read, and not opening with a given name."""
        lex = self.lex
        after_the = i > 0 and tokens[i - 1].text == "The"
        if words[0] in given_names() or not (len(words) > 1 or after_the):
            return False
        reports = _according_to(tokens, i) or (
            not governed and j < len(tokens) and tokens[j].text.lower() in lex.verbs
        )
        if not reports:
            return False
        if (
            any(_is_title(word, lex) for word in words)
            or words[-1].lower() in lex.org_heads
            or words[-1].lower() in lex.place_last  # "The Grammy Awards said": an event
            # "Surono of Indonesia's Directorate of Vulcanology said": an affiliation
            or (i > 0 and tokens[i - 1].text in _POSSESSIVE)
        ):
            return False  # "U.S. President Donald Trump", "the Interior Ministry": read below
        return after_the or words[0].lower() in lex.org_heads

    def _org(
        self,
        key: str,
        name: str,
        kind: ActorKind,
        tokens: list[Token],
        i: int,
        j: int,
        sentence: Sentence,
        governed: bool,
        acts: bool,
    ) -> None:
        index = self.builder.entity(key, name, kind)
        start = tokens[i].start
        if self.doc.text.startswith("The ", start):
            start += 4
        self.builder.mention(index, start, tokens[j - 1].end, sentence.index, governed, acts)

    def _state_body(
        self, owner: str, tokens: list[Token], k: int, sentence: Sentence, start: int
    ) -> bool:
        """A body named after its state, people, leader or party: "South Korea’s presidential
        office", "North Korean media", "the Trump administration", "the Greek court"."""
        lex = self.lex
        m = _past_modifiers(tokens, k, lex, 3)
        if m >= len(tokens):
            return False
        head = tokens[m].text
        kind = lex.body_heads.get(head)
        if kind is None:
            return False
        if m + 1 < len(tokens):
            following = tokens[m + 1].text
            if following[:1].isupper() or (
                following.isalpha()
                and following.islower()
                and following not in lex.verbs
                and following not in AUXILIARIES
                and following not in ADVERBS
                and following not in PREPOSITIONS
                and following not in ("and", "or", "that", "which", "who")
                # "the Biden administration fulfilled a promise": a verb in the past
                and not _verb_follows(tokens, m + 1, lex, reporting_only=False)
            ):
                return False  # "South Korean military movements": a modifier, not a body
        if head == "agency" and m == k:
            return False  # "the UN's relief agency", "Xinhua news agency"; not "its agency"
        surface_end = tokens[m].end
        name = self.doc.text[start:surface_end]
        key = f"body:{owner}:{head}"
        before = tokens.index(next(t for t in tokens if t.start == start))
        if (
            m != _past_modifiers(tokens, k, lex, 3, plain=False)
            and before > 0
            and tokens[before - 1].text.lower() == "the"
        ):
            # "the Indonesian disaster management agency": a description, read with the others
            # once the whole article is known: a body named before with its head ("the
            # Indonesian disaster agency" after "National Disaster Agency"), else a body of its
            # own when it acts; the body most named only when it is the one named, for it may
            # be another state's.
            recipient = _recipient(tokens, before - 1, lex)
            governed = _governed(tokens, before - 1, PREPOSITIONS)
            acts = not recipient and (not governed or _source(tokens, before - 1))
            acts = acts and _verb_follows(tokens, m + 1, lex, reporting_only=False)
            self.definites.append(
                (sentence.index, tokens[before - 1].start, surface_end, "org:own", head, acts)
            )
            return True
        if head == "party" and m == k and k > 0:
            # "Mugabe's ZANU-PF party", "the Freedom Front Plus party": the party is its name.
            surface_end = tokens[k - 1].end
            name = self.doc.text[start:surface_end]
            key = "org:" + owner
        named = self._apposed_body(tokens, before, sentence)
        if named is not None:
            # "the Palestinian Legislative Council, the Palestinian parliament,": the body
            # named just before, described again.
            self.builder.mention(named, start, surface_end, sentence.index, False, False)
            self.builder.by_key.setdefault(key, named)  # "the Palestinian parliament" later
            return True
        index = self.builder.entity(key, name, kind)
        if key.startswith("org:"):
            self.builder.entities[index].described_as.add(head)  # "the party" later
        recipient = _recipient(tokens, k - 1 if k > 0 else 0, lex)
        governed = _governed(tokens, before, PREPOSITIONS)
        acts = not recipient and (not governed or _source(tokens, before))
        self.builder.mention(index, start, surface_end, sentence.index, governed, acts)
        return True

    def _apposed_body(self, tokens: list[Token], at: int, sentence: Sentence) -> int | None:
        """The organisation or body named right before ", the" at token ``at``, if any."""
        if at < 3 or tokens[at - 1].text.lower() != "the" or tokens[at - 2].text != ",":
            return None
        end = tokens[at - 3].end
        for mention in reversed(self.builder.mentions[-_RECENT_MENTIONS:]):
            if mention.sentence != sentence.index:
                break
            if mention.end == end:
                kind = self.builder.entities[mention.entity].kind
                if kind in (ActorKind.organization, ActorKind.government_body):
                    return mention.entity
                return None
        return None

    def _groups(self, tokens: list[Token], caps: list[bool], sentence: Sentence) -> None:
        """Collectives: "Some analysts", "the national security advisers of the U.S. ...".

        A group is an actor only when it acts: a verb follows it here, or it holds a concern.
        """
        lex, text = self.lex, self.doc.text
        n = len(tokens)
        k = 0
        while k < n:
            head = tokens[k].text.lower()
            generic = head in _GENERIC_GROUP_HEADS
            if (
                (
                    head not in lex.group_nouns
                    and not (head.endswith(_AGENT_ENDINGS) and _agent_plural(tokens, caps, k, lex))
                )
                or (
                    # "states", "groups" alone are too vague; "rights groups", "Western nations" act.
                    generic
                    and not (
                        k > 0
                        and tokens[k - 1].text.lower() not in QUANTIFIERS
                        and (
                            tokens[k - 1].text.lower() in lex.group_modifiers
                            or caps[k - 1]
                            # "shipping groups", "industry groups": a noun before the head
                            or (tokens[k - 1].text.isalpha() and tokens[k - 1].text.islower())
                        )
                        and tokens[k - 1].text.lower() not in _FUNCTION_WORDS
                    )
                    and not (
                        # "Many nations made statements": a quantified generic head that acts
                        k > 0
                        and tokens[k - 1].text.lower() in ("many", "several", "some", "other")
                        and _verb_follows(tokens, k + 1, lex, reporting_only=False)
                    )
                    and not (
                        # "Two rights groups sued. These groups argued ...": the groups named
                        # before, taken up again (and folded into them below).
                        k > 0
                        and tokens[k - 1].text.lower() in ("the", "these", "those")
                        and head in self.builder.named_group_heads
                    )
                )
                or (head in lex.definite_group_nouns and not _after_the(tokens, k))
                # "The Russians have always said": the state, by its people's name
                or (head in lex.people_plurals and k > 0 and tokens[k - 1].text.lower() == "the")
            ):
                k += 1
                continue
            if k + 1 < n and tokens[k + 1].text.lower() in lex.group_nouns and not caps[k + 1]:
                k += 1  # "team members", "crew members": the last noun is the head
                continue
            left = k
            # The first word after a count or a determiner: the group's name starts there.
            opened: int | None = None
            while left > 0:
                word = tokens[left - 1].text
                lower = word.lower()
                counted = _count_start(tokens, left - 1)
                if counted is not None:
                    # "Around 12,000 residents", "at least 28 states": the count is in the
                    # mention, not the name.
                    opened = left
                    left = counted
                    break
                if lower in ("the", "a", "an") or lower in QUANTIFIERS:
                    left -= 1
                    break
                if (
                    lower in lex.group_modifiers
                    or caps[left - 1]
                    # "Ingenuity team members", "audience members"
                    or (left == k and lower in lex.group_nouns and word.islower())
                    # "immigration campaign groups", "emergency response teams": nouns that
                    # name what the group does
                    or (
                        _noun_modifier(word, lex)
                        # "to kill activists", "would clear protesters": a verb, not a field
                        and not (
                            left >= 2
                            and tokens[left - 2].text.lower() in (*_VERB_OPENERS, *AUXILIARIES)
                        )
                    )
                    # "LGBT activists", "NGO workers": an acronym naming their cause or kind
                    or (word.isupper() and word.isalpha() and 2 <= len(word) <= 5)
                    # "al Qaeda members", "al Shabab fighters": the article of a name
                    or (lower in ("al", "el") and left < k and caps[left])
                    or word in lex.demonyms
                    # "shipping groups": the noun that makes a generic head a group
                    or (
                        generic
                        and left == k
                        and word.isalpha()
                        and word.islower()
                        # "a year include organizations": a verb, not what kind of groups
                        and lower not in lex.base_verbs
                        and lower not in lex.verbs
                    )
                    # "the enslaved people", "Trapped miners": a participle used as an adjective
                    or _attributive_participle(tokens, left - 1)
                ):
                    left -= 1
                    continue
                break
            if (
                left >= 2
                and tokens[left - 1].text in _POSSESSIVE
                and caps[left - 2]
                and tokens[left].text.lower() not in ("the", "a", "an")
            ):
                # "South Africa’s opposition parties": the owner is part of the group's name.
                owner = left - 2
                while owner > 0 and caps[owner - 1]:
                    owner -= 1
                left = owner
            right = k + 1
            reports = right < n and tokens[right].text == "reports" and head == "media"
            if reports:
                right += 1  # "according to media reports": the reports stand for the media
            if right + 1 < n and tokens[right].text in ("of", "in", "at", "from", "for"):
                m = right + 1
                if m < n and tokens[m].text == "the":
                    m += 1
                if m < n and caps[m]:
                    end = m
                    while end < n and caps[end]:
                        end += 1
                    if tokens[right].text == "in":
                        # "Police in New South Wales, Australia": a place and its country
                        while end + 1 < n and tokens[end].text == "," and caps[end + 1]:
                            m = end + 1
                            while m < n and caps[m]:
                                m += 1
                            if " ".join(t.text for t in tokens[end + 1 : m]) not in (
                                lex.country_names
                            ):
                                break
                            end = m
                    if tokens[right].text in ("of", "for"):
                        while end + 1 < n and tokens[end].text in (",", "and") and caps[end + 1]:
                            end += 1
                            while end < n and caps[end]:
                                end += 1
                    if end < n and tokens[end].text in lex.body_heads:
                        end += 1  # "bureaucrats of the Conservative government"
                    right = end
                elif tokens[right].text == "of" and m == right + 2:
                    # "Critics of the package have faulted", "opponents of the bill say": a
                    # short common-noun complement, when a verb follows it, names the group.
                    end = m
                    while (
                        end < n
                        and end < m + _COMPLEMENT_WORDS
                        and not (end > m and _verb_follows(tokens, end, lex, reporting_only=False))
                        and tokens[end].text.isalpha()
                        and tokens[end].text.islower()
                        and tokens[end].text not in _FUNCTION_WORDS
                        and tokens[end].text not in AUXILIARIES
                        and not tokens[end].text.endswith("ly")  # "of the newly signed law"
                    ):
                        end += 1
                    if end > m and _verb_follows(tokens, end, lex, reporting_only=False):
                        right = end
            modifiers = [
                t.text.lower()
                for t in tokens[left if opened is None else opened : k]
                if t.text.lower() not in QUANTIFIERS
                and t.text.lower() not in ("the", "a", "an", "foreign", "senior", "top")
                and not t.text.isdigit()
            ]
            if head == "people" and not modifiers and right == k + 1:
                k += 1  # "people" alone is anyone; "people in Sumatra" are a group
                continue
            first = left if opened is None else opened
            while first < k and (
                tokens[first].text.lower() in QUANTIFIERS
                or tokens[first].text.lower() in ("the", "a", "an")
            ):
                first += 1
            # The group is the media, not its reports: "Local media reports suggest".
            name = text[tokens[first].start : tokens[k if reports else right - 1].end]
            opener = name.split()[0].lower()
            # "Experts" opening a sentence is the common noun "experts"; "Democrats" stays.
            common = (
                opener in lex.group_modifiers
                or opener in lex.group_nouns
                or _attributive_participle(tokens, first)  # "Trapped miners"
            )
            if (
                name[:1].isupper()
                and opener not in lex.proper_group_nouns
                and name.split()[0] not in lex.demonyms  # "Chinese officials" keeps its capital
                # "Western Hemisphere nations": a proper name goes on
                and not (len(name.split()) > 1 and name.split()[1][:1].isupper())
                and (common or opener in self.doc.lower_words)
            ):
                name = name[0].lower() + name[1:]
            group_start, group_end = tokens[first].start, tokens[right - 1].end
            if generic and text[tokens[left].start : tokens[k].end].removeprefix("the ") in (
                lex.country_names
            ):
                k = right  # "the United States" is a country, not a group of states
                continue
            named_end = tokens[k].end if reports else group_end
            if any(
                m.sentence == sentence.index and m.start <= group_start and named_end <= m.end
                for m in self.builder.mentions[-_RECENT_MENTIONS:]
            ):
                k = right  # "North Korea’s state media": already a body, not a group as well
                continue
            joined = _joined_conjunct(tokens, caps, left, right, lex)
            if joined != right:
                # "LGBT activists and models attended": one crowd that acts together
                name = name + text[tokens[right - 1].end : tokens[joined - 1].end]
                group_end = tokens[joined - 1].end
                modifiers = [*modifiers, head, "and"]
                head = tokens[joined - 1].text.lower()
                right = joined
            key = "group:" + " ".join([*modifiers, head])
            if right == k + 1 and right < n and tokens[right].text in ("of", "at", "from", "in"):
                key += " +"  # "Officials at the launch site": a complement makes it another group
            index = self.builder.entity(key, name, ActorKind.group)
            entity = self.builder.entities[index]
            if _better_group_name(name, entity.name):
                entity.name = name
            # A group acts when a verb follows it, or as the agent of a passive or a source:
            # "interrogated by North Korean officials", "according to analysts".
            after = right
            if after + 1 < n and tokens[after].text in ("in", "at", "from", "near", "across"):
                # "Farmers in the area say": a short place phrase before the verb.
                m = after + 1
                while m < n and m < after + 5 and tokens[m].text.isalpha() and not caps[m]:
                    if _verb_follows(tokens, m, lex, reporting_only=True):
                        after = m
                        break
                    m += 1
                if after > right + 2:
                    # "Fire officials in the city said": the place belongs to the group's name
                    extended = text[tokens[first].start : tokens[after - 1].end]
                    if extended[:1].isupper() and not name[:1].isupper():
                        extended = extended[0].lower() + extended[1:]
                    entity.name = extended
                    right = after
            acts = (
                _verb_follows(tokens, after, lex, reporting_only=False)
                or (
                    # not "helped her students see": a bare infinitive after an object
                    not (left > 0 and tokens[left - 1].text.lower() in _BARE_INFINITIVE_VERBS)
                    and _base_verb_follows(tokens, after, lex)
                )
                or _source(tokens, left)
                or _inverted_speaker(tokens, left, lex)  # "..., said analysts."
            )
            if not acts and after < n and tokens[after].text == ",":
                aside = _post_modifier(tokens, caps, after, lex)  # "officials, in a ..., said"
                acts = aside != after and _verb_follows(tokens, aside, lex, reporting_only=False)
            if acts and _passive(tokens, after, lex):
                acts = False  # "players are dropped down a shaft": acted upon
            if not acts and right < n and tokens[right].text == "and":
                acts = _coordinated_verb(tokens, right + 1, lex)
            if not acts and right + 2 < n and tokens[right].text == "," and caps[right + 1]:
                m = right + 1
                while m < n and caps[m]:
                    m += 1
                if m < n and tokens[m].text == ",":
                    acts = _verb_follows(tokens, m + 1, lex, reporting_only=False)
            # "A group of scientists warned": the collective noun carries the group.
            if (
                left >= 2
                and tokens[left - 1].text == "of"
                and tokens[left - 2].text.lower() in (_COLLECTIVES)
            ):
                left -= 2
                if left > 0 and tokens[left - 1].text.lower() in ("a", "an", "the"):
                    left -= 1
                acts = acts or _verb_follows(tokens, right, lex, reporting_only=False)
            if (
                left >= 2
                and tokens[left - 1].text == "of"
                and tokens[left - 2].text.lower() == "one"
                and head.endswith("s")
                and head not in ("police", "staff", "media")
            ):
                # "One of the victims from Saraf Jidad recalled": one person, described so.
                head_token = tokens[k]
                person = (
                    text[tokens[first].start : head_token.start]
                    + _singular(head_token.text)
                    + text[head_token.end : tokens[right - 1].end]
                )
                person = person[0].lower() + person[1:] if first == k else person
                index = self.builder.entity("person:" + name_key(person), person, ActorKind.person)
                left -= 2
            governed = _governed(tokens, left, PREPOSITIONS)
            self.builder.mention(
                index, tokens[left].start, tokens[right - 1].end, sentence.index, governed, acts
            )
            k = right

    def _descriptions(self, tokens: list[Token], caps: list[bool], sentence: Sentence) -> None:
        """Definite and indefinite role descriptions: "the region’s governor", "a federal judge"."""
        lex = self.lex
        n = len(tokens)
        for k, token in enumerate(tokens):
            head = token.text.lower()
            if (
                head not in lex.describing_titles
                and head not in lex.org_descriptions
                and head not in _COUNTRY_DESCRIPTIONS
            ):
                continue
            owns = _owns_statement(tokens, k + 1, lex)  # "The mayor's warning that ..."
            if caps[k] or (
                k + 1 < n and (caps[k + 1] or (tokens[k + 1].text in _POSSESSIVE and not owns))
            ):
                continue  # a title before a name, or "the agency’s": not a description here
            left = k
            while left > 0 and left > k - 4:
                word = tokens[left - 1].text
                lower = word.lower()
                if lower in ("the", "a", "an", "another", "one"):
                    left -= 1
                    break
                if (
                    word in _POSSESSIVE
                    or _DOTTED.fullmatch(word)  # "a senior U.S. official"
                    or (word.isalpha() or "-" in word)
                    and lower not in lex.verbs
                    and lower not in AUXILIARIES
                    # "The WHO appeals to member states": a preposition ends the description
                    and lower not in PREPOSITIONS
                    # "the president and prime minister": two people, not one description
                    and lower not in ("and", "or", "but", "nor")
                ):
                    left -= 1
                    continue
                break
            determiner = tokens[left].text.lower()
            if determiner not in ("the", "a", "an", "another", "one"):
                continue
            if head not in lex.describing_titles and any(
                caps[m] and "-" not in tokens[m].text for m in range(left + 1, k)
            ):
                # "the Biden administration": a name, read as such elsewhere (but "the
                # Washington-based agency" is a description).
                continue
            right = k + 1
            if (
                determiner != "the"
                and right + 1 < n
                and tokens[right].text in ("in", "from", "at")
                and caps[right + 1]
            ):
                m = right + 1
                while m < n and caps[m]:
                    m += 1
                right = m
            elif determiner != "the" and right + 2 < n and tokens[right].text in ("in", "at"):
                # "A rebel activist in the city said": a short place phrase, then the verb
                m = right + 1
                while m < n and m < right + 5 and tokens[m].text.isalpha() and not caps[m]:
                    verb = lex.verbs.get(tokens[m].text.lower())
                    if (
                        m > right + 1
                        and _verb_follows(tokens, m, lex, reporting_only=True)
                        # "a team member at a competition called HackDC": a name, no verb
                        and not (verb is not None and verb.base in _NAME_GIVING)
                    ):
                        right = m
                        break
                    m += 1
            of_leader = False
            if (
                head in ("administration", "government")
                and right + 1 < n
                and (tokens[right].text == "of")
            ):
                # "the administration of former President George W. Bush": a body of its own
                m = right + 1
                while m < n and m < right + 4 and tokens[m].text.lower() in lex.role_modifiers:
                    m += 1
                if m < n and (caps[m] or _is_title(tokens[m].text, lex)):
                    while m < n and (caps[m] or _is_title(tokens[m].text, lex)):
                        m += 1
                    right, of_leader = m, True
            start, end = tokens[left].start, tokens[right - 1].end
            kind = "person"
            if head in lex.org_descriptions:
                kind = "org-of" if of_leader else "org"
            elif head in _COUNTRY_DESCRIPTIONS:
                kind = "country"
            # '"...," said a spokesman': a description after a reporting verb after a quote.
            inverted = (
                left > 1
                and tokens[left - 1].text.lower() in lex.verbs
                and tokens[left - 2].text in (",", "”", '"', "’", "'")
            )
            described_body = False
            if kind == "person" and right + 2 < n and tokens[right].text in _COMPLEMENTS:
                # "A spokesman for the ministry said", "The launch director of Atlantis said",
                # "One witness of the Silea attack reported": the complement before the verb
                m = right + 1
                while (
                    m < n
                    and m < right + (10 if inverted else 6)
                    # "A spokesman for Al-Shabaab told": a hyphenated name is one word
                    and tokens[m].text.replace("-", "").isalpha()
                ):
                    if tokens[m].text == "as" and m > right + 1:
                        right = m  # "the deputy minister for Malaysia as quoted by Bernama"
                        break
                    # Any reporting verb ends the complement: "said", "confirmed", "announced";
                    # not a noun in it ("the tsunami warning center") or a name given to it
                    # ("a competition called HackDC").
                    said = lex.verbs.get(tokens[m].text.lower())
                    if (
                        said is not None
                        and not tokens[m].text.lower().endswith("ing")
                        and said.base not in _NAME_GIVING
                        # "the owner of a shop near the blast": a noun after a determiner
                        and tokens[m - 1].text.lower() not in _DETERMINERS
                    ):
                        right = m
                        break
                    if (
                        not inverted
                        and m > right + 2
                        and caps[m - 1]
                        and not caps[m]
                        and _verb_follows(tokens, m, lex, reporting_only=False)
                        and not _passive(tokens, m, lex)
                        # "a team member at a competition called HackDC built": a name given
                        and not any(
                            (given := lex.verbs.get(tokens[x].text.lower())) is not None
                            and given.base in _NAME_GIVING
                            for x in range(right + 1, m)
                        )
                    ):
                        # "The manager of the Islamic Centre also offered to employ him": a
                        # verb right after the body's name ends the complement.
                        right = m
                        break
                    m += 1
                else:
                    if inverted and m >= right + 2 and (m == n or not tokens[m].text.isalpha()):
                        # "..., said a spokeswoman for the British Transport Police."
                        right = m
                    elif not inverted and m < n and tokens[m].text == "," and m > right + 1:
                        # "A spokesperson for NISA, the Japanese nuclear authority, said": the
                        # complement ends at the comma of the body's own description.
                        close = next(
                            (c for c in range(m + 1, min(n, m + 10)) if tokens[c].text == ","),
                            None,
                        )
                        if close is not None and _verb_follows(
                            tokens, close + 1, lex, reporting_only=True
                        ):
                            right, described_body = m, True
                end = tokens[right - 1].end
            acts = (
                _verb_follows(tokens, right, lex, reporting_only=False)
                or inverted
                or described_body
                or owns
            )
            if kind == "org-of":
                kind = "org"
                determiner = "of"  # named by its leader or state: never another body's alias
            if kind == "person" and not acts and _past_relative_clause(tokens, right, lex) != right:
                acts = True  # "One resident, who asked not to be named, said"
            if (
                kind == "person"
                and not acts
                and right < n
                and tokens[right].text == "who"
                and not (left > 0 and tokens[left - 1].text == ",")  # not "X, a civil engineer who"
            ):
                # "A man who lives nearby said": a reporting verb ends the relative clause.
                for m in range(right + 2, min(n, right + 12)):
                    if not tokens[m].text.isalpha():
                        break
                    verb = lex.verbs.get(tokens[m].text.lower())
                    if verb is not None and verb.person:
                        acts = True
                        break
            if kind == "org" and acts and _governed(tokens, left, PREPOSITIONS):
                acts = False  # "A spokesperson for the government confirmed": the spokesperson
            if kind != "country" and _source(tokens, left):
                # "according to a report by the national disaster council", "found by a
                # passerby": the agent or the source
                acts = True
            self.definites.append((sentence.index, start, end, f"{kind}:{determiner}", head, acts))


def _better_group_name(new: str, old: str) -> bool:
    """ "national security advisers of the U.S., ..." over "national security advisers"; else
    the plainest form ("experts" over "foreign experts")."""
    new_pp = " of " in new or " in " in new
    old_pp = " of " in old or " in " in old
    if new_pp != old_pp:
        return new_pp
    return len(new) > len(old) if new_pp else len(new) < len(old)


def _according_to(tokens: list[Token], start: int) -> bool:
    """ "according to X": the word at ``start`` is a source's name."""
    return (
        start >= 2
        and tokens[start - 1].text.lower() == "to"
        and tokens[start - 2].text.lower() == "according"
    )


def _owns_statement(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """ "X's warning", "X’s claims": the name before the possessive owns a statement."""
    return (
        end + 1 < len(tokens)
        and tokens[end].text in _POSSESSIVE
        and tokens[end + 1].text.lower() in lex.attribution_nouns
    )


def _source(tokens: list[Token], start: int) -> bool:
    """ "according to X", "a report by X": the object of the preposition is a source."""
    k = start - 1
    while k >= 0 and (
        tokens[k].text.lower() in ("the", "a", "an")
        or tokens[k].text[:1].isupper()
        or tokens[k].text in _POSSESSIVE  # "according to Saudi Arabia's Civil Defense Authority"
    ):
        k -= 1
    if k >= 0 and tokens[k].text.lower() == "by":
        return True
    return k >= 1 and tokens[k].text.lower() == "to" and tokens[k - 1].text.lower() == "according"


def _modifier(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """ "the Paris climate agreement", "Beijing Olympics": a capital naming something else.

    A capital that stands for its government is followed by a verb, a possessive, a conjunction
    or punctuation: "Moscow is providing", "Athens' bid", "between Tehran and Washington".
    """
    if end >= len(tokens):
        return False
    word = tokens[end].text
    lower = word.lower()
    if not word.isalpha() or lower in ("and", "or", "but", "has", "had"):
        return False
    if lower in lex.verbs or lower in AUXILIARIES or lower in ADVERBS:
        return False
    if word.islower() and (lower in PREPOSITIONS or lower in _FUNCTION_WORDS):
        return False  # "urged Pyongyang to return", "Moscow for talks"
    return not (lower.endswith(("ed", "ing", "s")) and word.islower())


def _address(tokens: list[Token], caps: list[bool], start: int, lex: Lexicon) -> bool:
    """ "Rio de Janeiro, Brazil": a country closing a place name is a place (not in a list of
    countries such as "Thailand, Myanmar and China")."""
    if start < 2 or tokens[start - 1].text != "," or not caps[start - 2]:
        return False
    k = start - 2
    while k > 0 and caps[k - 1]:
        k -= 1
    return " ".join(t.text for t in tokens[k : start - 1]) not in lex.country_names


def _role_part(tokens: list[Token], caps: list[bool], end: int, lex: Lexicon) -> bool:
    """Whether the run ending at ``end`` opens a title before a name ("Kremlin spokesman Dmitry")."""
    k = end
    seen_title = False
    while k < len(tokens) and k < end + 6:
        word = tokens[k].text
        lower = word.lower()
        if lower in lex.titles:
            seen_title = True
        elif seen_title and (caps[k] or word == ","):
            return word != "," or (k + 1 < len(tokens) and caps[k + 1])
        elif not (lower in lex.role_modifiers or word in _POSSESSIVE or caps[k]):
            return False
        k += 1
    return False


# How many words the second of two joined groups may have: "and al Qaeda members".
_CONJUNCT_REACH = 4


def _joined_conjunct(
    tokens: list[Token], caps: list[bool], left: int, right: int, lex: Lexicon
) -> int:
    """Where a second plural joined by "and" to the group ending at ``right`` ends, when a verb
    of doing follows the two ("LGBT activists and models attended", "black families and friends
    celebrated"): the two act as one group. Else ``right``: after a reporting verb each speaks
    for itself ("Foreign governments and experts speculate"), and after "between" they are two
    sides ("fighting between Ukrainian forces and separatists")."""
    n = len(tokens)
    if right + 1 >= n or tokens[right].text != "and":
        return right
    if tokens[left].text.lower() in ("our", "my", "your") or (
        left > 0 and tokens[left - 1].text.lower() in ("between", "both")
    ):
        return right  # "Our fathers and grandfathers fought": a speaker's own people
    m = right + 1
    while m < n and m < right + 1 + _CONJUNCT_REACH:
        word = tokens[m].text
        lower = word.lower()
        if not (word.isalpha() or "-" in word) or lower in AUXILIARIES or lower in PREPOSITIONS:
            return right
        if lower in ("the", "a", "an", "his", "her", "their", "its", "other", "some"):
            return right  # "the police": a group of its own, named apart
        plural = (
            lower in lex.group_nouns
            or (lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3)
        ) and not caps[m]
        if plural and (
            _verb_follows(tokens, m + 1, lex, reporting_only=False)
            or _base_verb_follows(tokens, m + 1, lex)
        ):
            if _passive(tokens, m + 1, lex) or _verb_follows(
                tokens, m + 1, lex, reporting_only=True
            ):
                # "Foreign governments and experts speculate": each speaks for itself
                return right
            return m + 1
        if lower in lex.verbs or lower in lex.base_verbs or lower in lex.irregular_past:
            return right
        m += 1
    return right


def _coordinated_verb(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """ "Foreign governments and experts speculate": the verb after the second conjunct."""
    m = k
    while m < len(tokens) and m < k + 4:
        if tokens[m].text.lower() in lex.verbs or tokens[m].text.lower() in AUXILIARIES:
            return True
        if not tokens[m].text.isalpha():
            return False
        m += 1
    return False


# A one-word name with shares or a business of its own: "Shares in Nokia", "the Acme factory".
_COMPANY_SIGN = re.compile(
    r"\b(?:[Ss]hares|[Ss]tock) (?:in|of) ([A-Z][\w&-]*)\b"
    r"|\b([A-Z][\w&-]*)(?:'s|’s)? (?:shares|stock|factory|factories|plant|plants|stores|brand|products)\b"
)
# A reporting verb right after a name, then "it" or "its" (over "that"): "Nokia said it would".
_ITSELF = re.compile(r" ([a-z]+) (?:that )?its?\b")


# A match result names two clubs: "Chelsea beat Arsenal 2-1", "Bayern defeated Real Madrid 4-1".
# The score is found first (a cheap search); the names are read in the words just before it.
_SCORE = re.compile(r"\b\d{1,2}[-–]\d{1,2}\b")
# The verbs of a match result, between the two clubs' names.
_MATCH_VERBS = (
    "beat",
    "beats",
    "defeated",
    "defeats",
    "edged",
    "edges",
    "thrashed",
    "thrashes",
    "drew with",
    "draws with",
    "lost to",
    "loses to",
    "eliminated",
    "eliminates",
    "overcame",
    "routed",
    "crushed",
    "stunned",
    "knocked out",
)
_CLUB = r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})"
_RESULT = re.compile(rf"\b{_CLUB} (?:{'|'.join(_MATCH_VERBS)}) (?:the )?{_CLUB}[^.!?\n]{{0,60}}$")
# The capitalised words right before a footballer's position: "Bayern Munich defender".
_NAME_BEFORE = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})(?:'s|’s)? $")
# How far before a score or a position its names may stand (in characters).
_RESULT_REACH = 160


def _has_match_verb(text: str) -> bool:
    """Whether a verb of a match result stands anywhere in the text (a quick substring test)."""
    return any(f" {verb} " in text for verb in _MATCH_VERBS)


def _match_report(text: str, lex: Lexicon) -> bool:
    """Whether the article reports a match: a score and a match verb, or a footballer's
    position ("Chelsea beat Arsenal 2-1", "Bayern's goalkeeper")."""
    # Whole words: "human rights defenders" are no footballers.
    if any(title in text for title in lex.team_titles) and re.search(
        r"\b(?:" + "|".join(map(re.escape, sorted(lex.team_titles))) + r")\b", text
    ):
        return True
    # A score after a result ("Chelsea beat Arsenal 2-1"), not any range ("10–15 passengers")
    # in a story with "beat" in it.
    if _has_match_verb(text) and any(
        _RESULT.search(text[max(0, score.start() - _RESULT_REACH) : score.start()])
        for score in _SCORE.finditer(text)
    ):
        return True
    # A score, not of something counted, and words of a match: "by scores of 3-2 and 5-3",
    # "scored in the first inning".
    if _GAME_SCORE.search(text) is None:
        return False
    sport = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(lex.sport_nouns))) + r")\b")
    return any(count >= _SPORT_WORDS for count, _ in enumerate(sport.finditer(text), start=1))


# A score that counts no plural noun after it ("3-2", not "10-15 passengers"), and how many
# words of a match (data/sport_nouns.txt) an article with one needs to be a match report.
_GAME_SCORE = re.compile(r"\b\d{1,2}[-–]\d{1,2}\b(?! ?[a-z]+s\b)")
_SPORT_WORDS = 2


def _squad_name(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Whether a run of two or three capitalised words in a match report reads as a player's
    name ("fielded a young side, including Cesc Fabregas"): no word of it names an
    organisation, a place or a country, or is a word of the language capitalised."""
    return 2 <= len(words) <= 3 and not any(
        word.lower() in lex.org_heads
        or word in lex.country_names
        or word.lower() in lex.common_capitalised
        or word in lex.places
        or word in lex.capitals
        for word in words
    )


def _squad_word(scanner: _Scanner, single: _Single) -> bool:
    """Whether a one-word name in a match report reads as a player's ("a header by
    Salihamidzic", "Sagnol's free kick"): a word no English has, not a place or a country, where
    a match report names its players."""
    lex, word = scanner.lex, single.word
    text = scanner.doc.text
    return (
        single.capital_of is None
        and word not in lex.country_names
        and word not in lex.places
        and word.lower() not in lex.org_heads
        and word not in lex.demonyms
        and scanner._unknown_word(word)
        and scanner.doc.in_quotation(single.start) is None
        and _in_play(text, single.start, single.end, lex)
    )


# Words around a player's name in a match report: "a header by Salihamidzic", "a pass from
# Xavi", "replaced by Mikel", "Diarra of Real", "Mikel and Toure".
_PLAY_BEFORE = words("by from to off past including and with for replaced")
_PLAY_AFTER = words("of and or who was were had has")


def _in_play(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a word stands where a match report names a player: after "by", "from", "to"
    and the like, before "of", "and" or a verb, or as the owner of something ("Sagnol's free
    kick"); not as an adjective ("the English side") or in words of another language."""
    after = text[end : end + 2]
    if after in ("'s", "’s") or after[:1] == ",":
        return True
    before = text[max(0, start - 20) : start].split()
    if before and before[-1].lower() in _PLAY_BEFORE:
        return True
    following = text[end : end + 20].split()
    if not following:
        return False
    word = following[0].lower().strip(".,;:")
    return (
        word in _PLAY_AFTER
        or word in lex.verbs
        or word in lex.irregular_past
        or (word.endswith("ed") and word.isalpha())
    )


def _suffixes(run: str) -> list[str]:
    """ "Yesterday Bayern Munich" -> itself, "Bayern Munich", "Munich": the name may start later."""
    words = run.split()
    return [" ".join(words[i:]) for i in range(len(words))]


def _teams(builder: _Builder, lex: Lexicon, match_report: Callable[[], bool]) -> None:
    """A name taken for a person's that a match result or a footballer's position shows to be a
    club's ("Chelsea beat Arsenal 2-1", "Bayern's goalkeeper", "Bayern Munich defender Javi
    Martinez") is an organisation's."""
    people = {
        entity.name: index
        for index, entity in enumerate(builder.entities)
        if entity.kind is ActorKind.person and entity.key.startswith("person:")
    }
    if not people:
        return
    text = builder.doc.text
    clubs: set[str] = set()
    # Cheap tests first: most articles have no match result and no footballer in them.
    results = _has_match_verb(text)
    for score in _SCORE.finditer(text) if results else ():
        window = text[max(0, score.start() - _RESULT_REACH) : score.start()]
        match = _RESULT.search(window)
        if match is not None:
            clubs.update(_suffixes(match.group(1)))
            clubs.update(_suffixes(match.group(2)))
    present = [title for title in lex.team_titles if title in text]
    positions = "|".join(sorted(present, key=len, reverse=True))
    for position in re.finditer(rf"\b(?:{positions})s?\b", text) if present else ():
        window = text[max(0, position.start() - _RESULT_REACH) : position.start()]
        match = _NAME_BEFORE.search(window)
        if match is not None:
            clubs.update(_suffixes(match.group(1)))
    # Only a one-word name, or one with a club's suffix, can be a club taken for a person.
    if (
        any(" " not in name or name.rsplit(" ", 1)[1] in _CLUB_SUFFIXES for name in people)
        and match_report()
    ):
        clubs |= _match_clubs(text, people)
    for name in clubs & people.keys():
        entity = builder.entities[people[name]]
        entity.kind = ActorKind.organization
        entity.role = None  # a club has no title


# Words of a club after its name ("the Ajax team", "Arsenal fans"), and the suffixes of a club's
# name that its short form drops ("Ajax AFC" is "Ajax").
_CLUB_NOUNS = ("team", "side", "squad", "fans", "supporters")
_CLUB_SUFFIXES = frozenset({"FC", "AFC", "CF", "SC", "F.C."})
_CLUB_WORDS = re.compile(rf"\b([A-Z][\w.'’-]*)(?:'s|’s)? (?:{'|'.join(_CLUB_NOUNS)})\b")
# "Baptista of Arsenal", "Ajax's Matthijs de Ligt": a club beside its player.
_PLAYER_OF = re.compile(r"\b[A-Z][\w'’-]+ of ([A-Z][\w'’-]+)\b")
_CLUB_OWNS = re.compile(r"\b([A-Z][\w'’-]+)(?:'s|’s) [A-Z][\w'’-]+ [A-Z]")
# "Spanish side Sevilla FC", "Premier League winners Chelsea", "FC Porto": a club after a word
# of a club's.
_CLUB_BEFORE = re.compile(r"\b(?:side|club|winners|champions|FC|AFC) ([A-Z][\w'’-]+)")


def _match_clubs(text: str, people: dict[str, int]) -> set[str]:
    """One-word names a match report shows to be clubs: before or after a word of a club ("the
    Ajax team", "Spanish side Sevilla FC"), after a player's name and "of" ("Adebayor of
    Arsenal"), owning a player named in full ("Ajax's Matthijs de Ligt"), or a club's name
    without its suffix ("Ajax AFC")."""
    clubs = {m.group(1) for m in _CLUB_WORDS.finditer(text)}
    clubs.update(m.group(1) for m in _PLAYER_OF.finditer(text) if m.group(0).split()[0] in people)
    clubs.update(m.group(1) for m in _CLUB_OWNS.finditer(text))
    clubs.update(m.group(1) for m in _CLUB_BEFORE.finditer(text))
    for name in people:
        words = name.split()
        if len(words) > 1 and words[-1] in _CLUB_SUFFIXES:
            clubs.add(" ".join(words[:-1]))
    return clubs


def _it_named(builder: _Builder, lex: Lexicon) -> None:
    """ "Oxfam issued a report. It said ...": a one-word name taken for a person's (a verb follows
    it) is an organisation's when it reports of itself as "it" ("Nokia said it would") or the
    next sentence of its paragraph opens with "It" and a reporting verb ("It said", "It
    warned"), unless the word is a given name or has a title."""
    doc = builder.doc
    sentences = doc.sentences
    names = given_names()
    wanted = {
        index
        for index, entity in enumerate(builder.entities)
        if entity.kind is ActorKind.person
        and entity.key.startswith("person:")
        and " " not in entity.name
        and not entity.role
        and entity.name not in names
    }
    if wanted:
        # "Shares in Nokia fell", "Nokia shares", "the Acme factory": a company's name (one pass
        # over the text, whatever the number of names).
        companies = {a or b for a, b in _COMPANY_SIGN.findall(doc.text)}
        for index in [i for i in wanted if builder.entities[i].name in companies]:
            builder.entities[index].kind = ActorKind.organization
            wanted.discard(index)
    for mention in builder.mentions:  # one pass: linear in the mentions
        if not wanted:
            return
        if mention.entity not in wanted:
            continue
        # "Nokia said it would cut jobs", "Acme says its profits fell": a name that calls itself
        # "it" in its own report.
        said = _ITSELF.match(doc.text, mention.end)
        if said is not None and said.group(1).lower() in lex.verbs:
            builder.entities[mention.entity].kind = ActorKind.organization
            wanted.discard(mention.entity)
            continue
        if mention.sentence + 1 >= len(sentences):
            continue
        after = sentences[mention.sentence + 1]
        if after.paragraph != sentences[mention.sentence].paragraph:
            continue
        words = doc.text[after.start : min(after.end, after.start + 40)].split()
        if len(words) >= 2 and words[0] == "It" and words[1].lower() in lex.verbs:
            builder.entities[mention.entity].kind = ActorKind.organization
            wanted.discard(mention.entity)


def _link_single(
    candidates: list[int],
    entities: list[Entity],
    position: int,
    sentence: int,
    last_seen: dict[int, tuple[int, int]],
) -> int:
    """Which of several same-name people a bare surname means.

    One named in full just before (this sentence or the previous one) wins; else the most salient.
    """
    recent = [
        c
        for c in candidates
        if c in last_seen and last_seen[c][0] < position and sentence - last_seen[c][1] <= 1
    ]
    if len(recent) == 1:
        return recent[0]
    return max(candidates, key=lambda c: (entities[c].full_mentions, -entities[c].first))


def find_actors(doc: Document, checkpoint: Checkpoint = never_stop) -> Cast:
    """Every actor of the article, with its mentions in text order."""
    lex = lexicon()
    checkpoint()
    scanner = _Scanner(doc, lex)
    checkpoint()
    scanner.run(checkpoint)
    checkpoint()
    builder = scanner.builder
    text = doc.text

    # Person candidates confirmed by evidence, by a bare token used elsewhere, or by kinship.
    single_words = {single.word for single in scanner.singles if single.capital_of is None}
    confirmed: dict[str, list[_Candidate]] = {}
    for cand in scanner.candidates:
        confirmed.setdefault(name_key(" ".join(cand.tokens)), []).append(cand)
    persons: dict[str, list[_Candidate]] = {}
    # Whether the article reports a match: asked at most once, and only when a name needs it.
    report: bool | None = None

    def is_match_report() -> bool:
        nonlocal report
        if report is None:
            report = _match_report(text, lex)
        return report

    def match_report_names(words: tuple[str, ...]) -> bool:
        return _squad_name(words, lex) and scanner._uncommon(words) and is_match_report()

    for key, group in confirmed.items():
        words = group[0].tokens
        if len(words) > 1 and any(_abbreviated(text, c.end, words) for c in group):
            continue  # "Portable Document Format (PDF)": a term with its letters, no one's name
        if (
            any(c.evidence for c in group)
            or (
                len(words) > 1
                and (_bare(_surname(words)) in single_words or words[0] in single_words)
            )
            or match_report_names(words)
        ):
            persons[key] = group
    surnames = {_bare(_surname(g[0].tokens)) for g in persons.values()} | {
        g[0].tokens[0] for g in persons.values() if len(g[0].tokens) > 2
    }
    for key, group in confirmed.items():
        words = group[0].tokens
        if (
            key not in persons
            and len(words) > 1
            and (_bare(_surname(words)) in surnames or words[0] in surnames)
        ):
            persons[key] = group

    _confirm_listed(scanner.candidates, confirmed, persons, text)

    # Fold single-token names into a unique longer name ("Trump" → "Donald Trump").
    multi = {k: g for k, g in persons.items() if len(g[0].tokens) > 1}
    for key in [k for k, g in persons.items() if len(g[0].tokens) == 1]:
        word = persons[key][0].tokens[0]
        owners = [
            k
            for k, g in multi.items()
            if word in (_surname(g[0].tokens), _bare(_surname(g[0].tokens)), g[0].tokens[0])
        ]
        if not owners:
            # "President Yusuf" for Abdullahi Yusuf Ahmed: a middle name, when only one has it
            middle = [
                k
                for k, g in multi.items()
                if len(g[0].tokens) == 3 and word == g[0].tokens[1] and word not in _PARTICLES
            ]
            owners = middle if len(middle) == 1 else []
        if owners:
            target = owners[0]
            # Its mentions are the longer name's ("Cardinal George" for Francis George); the
            # longer name's own role, if any, stays first.
            persons[target].extend(persons.pop(key))
    # A name with a middle name is the same person as its first and last names: "Aretha
    # Louise Franklin" is "Aretha Franklin".
    short = {
        (g[0].tokens[0], _surname(g[0].tokens)): k
        for k, g in persons.items()
        if len(g[0].tokens) == 2
    }
    for key in [k for k, g in persons.items() if len(g[0].tokens) > 2]:
        words = persons[key][0].tokens
        shorter = short.get((words[0], _surname(words)))
        if shorter is not None and shorter != key:
            persons[shorter].extend(persons.pop(key))
    # A shorter name that ends a longer one is the same person: "Le Toux" of "Sebastien Le
    # Toux", "Jong Un" of "Kim Jong Un".
    longer = sorted(
        ((k, g[0].tokens) for k, g in persons.items() if len(g[0].tokens) > 2),
        key=lambda item: -len(item[1]),
    )
    for key in [k for k, g in persons.items() if len(g[0].tokens) >= 2]:
        words = persons[key][0].tokens
        owners = [k for k, t in longer if len(t) > len(words) and t[-len(words) :] == words]
        if len(owners) == 1 and owners[0] in persons and owners[0] != key:
            persons[owners[0]].extend(persons.pop(key))
    # "the Whitecaps", "the Sounders": a plural with an article is a team or a band, not a
    # surname, and "Vancouver Whitecaps" an organisation.
    plurals = {word for found in _THE_PLURAL.findall(text) for word in found if word}
    token_index: dict[str, list[int]] = {}
    for key, group in persons.items():
        longest = max(group, key=lambda c: len(" ".join(c.tokens)))
        role = next((c.role for c in group if c.role), None)
        team = longest.tokens[-1] in plurals and not role and len(longest.tokens) > 1
        index = builder.entity(
            "person:" + key,
            text[longest.start : longest.end],
            ActorKind.organization if team else ActorKind.person,
            role,
        )
        entity = builder.entities[index]
        for cand in group:
            if len(cand.tokens) > 1 or cand.role:
                entity.full_mentions += 1
        words = longest.tokens
        # Surnames may stand anywhere in long names ("Daglo" of "Mohammad Hamdan Daglo Mousa").
        # A middle name too ("Yusuf" of "Abdullahi Yusuf Ahmed"), as the person named in full.
        keys = set(words) if len(words) > 2 else {words[0], _surname(words)}
        keys |= {_bare(word) for word in keys}  # "Awlaki" for "al-Awlaki"
        for word in keys:
            # Short surnames count too ("Wu", "Li"); initials ("J.") do not.
            if word not in _PARTICLES and len(word) > 1 and not word.endswith("."):
                token_index.setdefault(_unaccented(word), []).append(index)

    # Mentions in text order, so that a bare surname can go to the person named just before.
    events: list[tuple[int, str, _Candidate | _Single]] = [
        (cand.start, key, cand) for key, group in persons.items() for cand in group
    ]
    events += [(single.start, "", single) for single in scanner.singles]
    events.sort(key=lambda event: event[0])
    last_seen: dict[int, tuple[int, int]] = {}
    for count, (_, key, event) in enumerate(events):
        if count % _CHECK_EVERY == 0:
            checkpoint()
        if isinstance(event, _Candidate):
            index = builder.by_key["person:" + key]
            builder.mention(
                index, event.start, event.end, event.sentence, False, not event.recipient
            )
            last_seen[index] = (event.start, event.sentence)
        elif event.capital_of is not None and _unaccented(event.word) not in token_index:
            # A capital stands for its country unless it is a person's name here (Rome).
            country_name = event.capital_of
            if country_name not in scanner.countries_named:
                # "Moscow" in a story of the Soviet Union, where Russia is not named.
                former = historic_capitals().get(event.word, ())
                country_name = next(
                    (name for name in former if name in scanner.countries_named), country_name
                )
            if (
                country_name in scanner.countries_named
                or _unaccented(event.word) not in token_index
            ):
                index = builder.entity("country:" + country_name, country_name, ActorKind.country)
                builder.mention(index, event.start, event.end, event.sentence, event.governed, True)
        elif _unaccented(event.word) in token_index:
            index = _link_single(
                token_index[_unaccented(event.word)],
                builder.entities,
                event.start,
                event.sentence,
                last_seen,
            )
            builder.mention(
                index, event.start, event.end, event.sentence, event.governed, not event.recipient
            )
        elif (
            event.evidence or ((event.plays or _squad_word(scanner, event)) and is_match_report())
        ) and not event.recipient:
            index = builder.entity("person:" + name_key(event.word), event.word, ActorKind.person)
            builder.entities[index].full_mentions += 1
            builder.mention(index, event.start, event.end, event.sentence, event.governed, True)
            token_index.setdefault(_unaccented(event.word), []).append(index)

    checkpoint()
    _it_named(builder, lex)
    _teams(builder, lex, is_match_report)
    checkpoint()
    _own_relations(scanner, builder)
    _link_acronyms(builder)
    _fold_bare_groups(builder)
    headline = text[doc.title.start : doc.title.end] if doc.title is not None else ""
    for entity in builder.entities:
        if entity.kind is ActorKind.group and len(entity.spans) >= _CENTRAL_GROUP_MENTIONS:
            entity.acts = True  # a subject of the story, even if only acted upon
        if entity.kind is ActorKind.government_body and len(entity.spans) >= _CENTRAL_BODY_MENTIONS:
            entity.acts = True
        if (
            entity.kind is ActorKind.country
            and headline
            and any(_headline_names(headline, form) for form in entity.surfaces)
        ):
            # "Annan warns Kenya over future poll violence", "Israel issues travel ban": a state
            # the headline names, not as a place ("in Benin"), is the story's subject.
            entity.acts = True
    _link_descriptions(scanner, builder, checkpoint)
    _drop_outlets(builder, lex)
    builder.mentions.sort(key=lambda m: (m.start, -m.end))
    _unshare_surfaces(builder.entities)
    return Cast(builder.entities, builder.mentions)


# What may stand between two names of one list: "Philippe Close, Johan Van den Driessche,
# Meyrem Almaci, Pascal Smet, as well as Sven Gatz".
_LIST_GAPS = frozenset({", ", " and ", ", and ", " as well as ", ", as well as ", " or ", ", or "})


# A list of names is the subject of what follows it when a lower-case word other than a
# preposition comes next ("..., as well as Sven Gatz attended the pride"); a list that ends a
# sentence or a phrase only mentions its names ("mentioning Stevie Wonder, Elton John, and
# Lionel Richie.").
_LIST_SUBJECT = re.compile(r" (?!(?:of|in|at|on|for|from|with|to|by|and|or|as)\b)[a-z]+\b")


def _confirm_listed(
    candidates: list[_Candidate],
    confirmed: dict[str, list[_Candidate]],
    persons: dict[str, list[_Candidate]],
    text: str,
) -> None:
    """Full names listed beside a confirmed person's are people too: one list names one kind
    of thing. Only runs of names of two words or more, next to each other, count."""
    ordered = sorted(
        (c for c in candidates if len(c.tokens) > 1), key=lambda c: (c.sentence, c.start)
    )
    run: list[_Candidate] = []
    for cand in [*ordered, None]:
        if (
            cand is not None
            and run
            and run[-1].sentence == cand.sentence
            and text[run[-1].end : cand.start] in _LIST_GAPS
        ):
            run.append(cand)
            continue
        keys = [name_key(" ".join(c.tokens)) for c in run]
        if (
            len(run) > 2
            and any(key in persons for key in keys)
            and _LIST_SUBJECT.match(text, run[-1].end)
        ):
            for key in keys:
                persons.setdefault(key, confirmed[key])
        run = [cand] if cand is not None else []


def _headline_names(headline: str, form: str) -> bool:
    """Whether the headline names ``form`` other than as a place or a modifier: "Annan warns
    Kenya", not "Typhoon hits the Philippines" after "in", nor "Guatemala sinkhole"."""
    for match in re.finditer(rf"\b{re.escape(form)}\b", headline):
        before = headline[: match.start()].split()
        after = headline[match.end() :].split()
        rest = headline[match.end() :]
        if before and (
            before[-1].lower() in LOCATIVE or before[-1].endswith(",") or before[-1][:1].isupper()
        ):
            continue  # "in Benin", "Sumatra, Indonesia", "Underwater World Singapore"
        if rest.startswith((":", "-", "'", "’")) or (after and after[0][:1].isupper()):
            # "United States: Two killed", "US-flagged ship", "Malaysia Airlines", "U.S. Senate"
            continue
        if (
            after
            and after[0][:1].islower()
            and not after[0].endswith("s")
            and after[0].lower() not in PREPOSITIONS
        ):
            continue  # "Guatemala sinkhole": the place of a thing (but "Israel issues")
        return True
    return False


def _own_relations(scanner: _Scanner, builder: _Builder) -> None:
    """ "Her father was a preacher": the relation of the latest person named before it, within
    a few sentences, as an actor of its own ("Aretha Franklin's father")."""
    if not scanner.owned:
        return
    people = sorted(
        (m.start, m.sentence, m.entity)
        for m in builder.mentions
        if builder.entities[m.entity].kind is ActorKind.person
    )
    starts = [p[0] for p in people]
    for sentence, start, end, noun in scanner.owned:
        at = bisect.bisect_left(starts, start) - 1
        if at < 0 or sentence - people[at][1] > _OWNER_REACH:
            continue
        owner = builder.entities[people[at][2]]
        if owner.name.endswith(("father", "mother", "wife", "husband", "son", "daughter")):
            continue  # "her father ... his wife": no chains of relations
        name = f"{owner.name}'s {noun}"
        kind = ActorKind.group if noun in _GROUP_RELATIONS else ActorKind.person
        # "Kazemi's uncle told CNN ... His uncle spoke": one relation, by the surname too
        short = f"{owner.name.split()[-1]}'s {noun}"
        key = "relation:" + name_key(short)
        if key not in builder.by_key:
            key = "relation:" + name_key(name)
        index = builder.entity(key, name, kind)
        builder.mention(index, start, end, sentence, False, True)


# "the Whitecaps", "a diving Whitecaps goalkeeper".
_THE_PLURAL = re.compile(
    r"\b(?:[Aa]n?|[Tt]he) (?:[a-z-]+ )?([A-Z][a-z]+s)(?: (?=[a-z]+\b)|\b(?![’'])(?=[^ ]))"
    r"|\b[Tt]he ([A-Z][a-z]+s)\b(?![’'])"
)
# How many sentences back the owner of "her father" may be named.
_OWNER_REACH = 3
# Possessive pronouns that own a relation: "her father", "his lawyer".
_OWNING_PRONOUNS = frozenset({"his", "her"})


_NEWSROOM_AUXILIARIES = words("has have had")
_JOURNALISTS = words("reporters journalists correspondents")
_NEXT_WORDS = re.compile(r"[\w’'-]+")


def _drop_outlets(builder: _Builder, lex: Lexicon) -> None:
    """The article's own outlet reports the story and is not in it: an organisation named right
    before a newsroom act ("Wikinews spoke with", "VOA has reached out") is dropped, and so are
    the groups named after it ("Wikinews reporters")."""
    text = builder.doc.text
    outlets: set[str] = set()
    for entity in builder.entities:
        if entity.kind is not ActorKind.organization or not entity.spans:
            continue
        for _, end in entity.spans:
            after = [w.lower() for w in _NEXT_WORDS.findall(text, end, min(len(text), end + 60))]
            if after and after[0] in _NEWSROOM_AUXILIARIES:
                after = after[1:]
            # "The Deseret News observed that ...": a statement, not the reporting itself.
            if any(
                tuple(after[: len(act)]) == act and after[len(act) : len(act) + 1] != ["that"]
                for act in lex.newsroom_acts
            ):
                outlets.update(entity.surfaces)
                entity.spans.clear()
                entity.acts = False
                break
    acting_names = {e.name for e in builder.entities if e.acts and e.kind is not ActorKind.group}
    for entity in builder.entities:
        if entity.kind is not ActorKind.group or not entity.spans:
            continue
        words = entity.name.split()
        # "Wikinews reporters attended": the reporters of an outlet that is no actor itself.
        staff = (
            len(words) == 2
            and words[0][:1].isupper()
            and words[1].lower() in _JOURNALISTS
            and words[0] not in acting_names
        )
        if words[0] in outlets or staff:
            entity.spans.clear()
            entity.acts = False


def _unshare_surfaces(entities: list[Entity]) -> None:
    """A surface listed for two actors ("Mohamed" for a boy and for his father) stays only with the
    most salient one: actors that share a mention read as one actor (and are merged downstream).
    The mention spans stay, so concerns are still attributed to the right person."""
    owners: dict[str, list[int]] = {}
    for index, entity in enumerate(entities):
        for surface in entity.surfaces:
            if surface != entity.name:
                owners.setdefault(name_key(surface), []).append(index)
    for surface_key, indexes in owners.items():
        if len(indexes) < 2:
            continue
        keep = max(indexes, key=lambda i: (entities[i].full_mentions, len(entities[i].spans)))
        for index in indexes:
            if index != keep:
                entity = entities[index]
                shared = [s for s in entity.surfaces if name_key(s) == surface_key]
                if len(shared) < len(entity.surfaces):
                    for surface in shared:
                        del entity.surfaces[surface]


def _end_before(text: str, position: int) -> int:
    """Where the words before ``position`` end, white space skipped (without copying text)."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


def _link_acronyms(builder: _Builder) -> None:
    """ "IMF" is "International Monetary Fund", "USAID" is "U.S. Agency for International ..."."""
    orgs = [
        (i, e)
        for i, e in enumerate(builder.entities)
        if e.kind in (ActorKind.organization, ActorKind.government_body) and e.spans
    ]
    text = builder.doc.text
    # "The United Nations Children’s Fund (UNICEF)": an acronym in brackets right after a name
    # is that name's, whatever its letters.
    ends = {
        m.end: m.entity
        for m in builder.mentions
        if builder.entities[m.entity].kind in (ActorKind.organization, ActorKind.government_body)
    }
    for i, acronym in orgs:
        letters = acronym.name.replace(".", "") if _DOTTED.fullmatch(acronym.name) else acronym.name
        if not _ACRONYM.fullmatch(letters):
            continue
        defined = next(
            (
                ends[_end_before(text, start - 1)]
                for start, _ in acronym.spans
                if start > 1 and text[start - 1] == "(" and _end_before(text, start - 1) in ends
            ),
            None,
        )
        if defined is not None and defined != i and " " in builder.entities[defined].name:
            _merge(builder, source=i, target=defined)
            continue
        if any(_term_defined(text, start, acronym.name) for start, _ in acronym.spans):
            # "artificial intelligence (AI)": a term's letters, no organisation's (not "Apple
            # Intelligence")
            acronym.spans.clear()
            acronym.acts = False
            continue
        for j, full in orgs:
            if j == i or " " not in full.name or _initials(full.name) != letters:
                continue
            _merge(builder, source=i, target=j)
            break


def _abbreviated(text: str, end: int, words: tuple[str, ...]) -> bool:
    """Whether a name at ``end`` is followed by its initials in brackets: "Portable Document
    Format (PDF)" (people are not abbreviated so)."""
    letters = "".join(word[0] for word in words if word[:1].isupper())
    return text.startswith(f" ({letters})", end)


def _term_defined(text: str, start: int, acronym: str) -> bool:
    """Whether the acronym at ``start`` stands in brackets after the lower-case words it
    abbreviates: "artificial intelligence (AI)"."""
    if start < 2 or text[start - 1] != "(":
        return False
    before = text[max(0, start - 80) : start - 1].split()[-len(acronym) :]
    return (
        len(before) == len(acronym)
        and all(word.islower() for word in before)
        and "".join(word[0] for word in before).upper() == acronym
    )


def _fold_bare_groups(builder: _Builder) -> None:
    """ "Officials did not say" after "U.S. officials": a bare group noun is the one group with
    that head named before it, when there is exactly one; failing a group, the one body whose
    name ends in it ("Police warned" after "Sussex Police")."""
    by_head: dict[str, list[int]] = {}
    for index, entity in enumerate(builder.entities):
        if entity.kind is ActorKind.group and entity.spans and entity.key.startswith("group:"):
            by_head.setdefault(entity.key.rsplit(" ", 1)[-1].removeprefix("group:"), []).append(
                index
            )
    bodies_by_head: dict[str, list[int]] = {}
    for index, entity in enumerate(builder.entities):
        if (
            entity.kind in (ActorKind.organization, ActorKind.government_body)
            and entity.spans
            and " " in entity.name
        ):
            bodies_by_head.setdefault(entity.name.rsplit(" ", 1)[-1].lower(), []).append(index)
    for head, indexes in by_head.items():
        bare = [
            i
            for i in indexes
            if builder.entities[i].key == "group:" + head
            # "Officials", "the officials"; not "Officials at Mission Control"
            and all(
                surface.lower().split()[-1] == head and len(surface.split()) <= 2
                for surface in builder.entities[i].surfaces
            )
        ]
        named = [i for i in indexes if builder.entities[i].key != "group:" + head]
        if len(bare) == 1 and len(named) == 1:
            source, target = bare[0], named[0]
            if builder.entities[target].first < builder.entities[source].first:
                _merge(builder, source=source, target=target)
        elif len(bare) == 1 and not named:
            # "Sussex Police said ... Police warned": the one body named with that head before.
            bodies = [
                i
                for i in bodies_by_head.get(head, [])
                if builder.entities[i].first < builder.entities[bare[0]].first
            ]
            if len(bodies) == 1:
                _merge(builder, source=bare[0], target=bodies[0])


def _merge(builder: _Builder, source: int, target: int) -> None:
    src, dst = builder.entities[source], builder.entities[target]
    for surface, span in src.surfaces.items():
        dst.surfaces.setdefault(surface, span)
    dst.spans.extend(src.spans)
    dst.acts = dst.acts or src.acts
    if src.spans and (dst.first < 0 or src.first < dst.first):
        dst.first = src.first
    src.spans = []
    src.surfaces = {}
    src.acts = False
    builder.mentions = [
        Mention(m.start, m.end, target, m.sentence, m.governed) if m.entity == source else m
        for m in builder.mentions
    ]


def _link_descriptions(scanner: _Scanner, builder: _Builder, checkpoint: Checkpoint) -> None:
    """Role descriptions become mentions of a named actor, or unnamed people when they act."""
    text = scanner.doc.text
    role_heads: dict[str, list[int]] = {}
    for index, entity in enumerate(builder.entities):
        if entity.kind is ActorKind.person and entity.role and entity.spans:
            head = entity.role.split()[-1].lower()
            role_heads.setdefault(head, []).append(index)
    countries = sorted(
        (m.start, m.entity)
        for m in builder.mentions
        if builder.entities[m.entity].kind is ActorKind.country
    )
    by_head: dict[str, list[tuple[int, int]]] = {}
    org_mentions = sorted(
        (m.start, m.entity)
        for m in builder.mentions
        if builder.entities[m.entity].kind in (ActorKind.organization, ActorKind.government_body)
    )
    org_ends = {
        m.end: m.entity
        for m in builder.mentions
        if builder.entities[m.entity].kind in (ActorKind.organization, ActorKind.government_body)
    }
    # Where each named person's mentions start: "a spokesman for the squad, Brian Mitchelhill"
    # describes the name that follows it.
    person_starts = {
        m.start: m.entity
        for m in builder.mentions
        if builder.entities[m.entity].kind is ActorKind.person
        and not builder.entities[m.entity].key.startswith("unnamed:")
    }

    def person_mentions(head: str) -> list[tuple[int, int]]:
        """(start, entity) of every mention of the people whose role ends in ``head``, sorted."""
        if head not in by_head:
            owners = set(role_heads.get(head, []))
            by_head[head] = sorted(
                (m.start, m.entity) for m in builder.mentions if m.entity in owners
            )
        return by_head[head]

    # Unnamed people described so far, by the head of their description.
    unnamed: dict[str, int] = {}
    for count, (sentence, start, end, kind, head, acts) in enumerate(scanner.definites):
        if count % _CHECK_EVERY == 0:
            checkpoint()
        surface = text[start:end]
        if kind == "cardinal":
            # "the North": a country's definite alias, when the country is named.
            target = next(
                (
                    country.name
                    for country in scanner.lex.countries
                    if "the " + head in country.definite_aliases
                ),
                None,
            )
            if target and target in scanner.countries_named:
                index = builder.by_key["country:" + target]
                builder.mention(index, start, end, sentence, bool(acts), True)
            continue
        if kind.startswith("country:"):
            # "the country was unhappy": the country named last before it.
            country = _latest(countries, start) if kind == "country:the" else None
            if country is not None:
                builder.mention(country, start, end, sentence, False, acts)
            continue
        if kind == "org:of":
            if acts:
                name = surface.split(" ", 1)[1] if surface.lower().startswith("the ") else surface
                body = builder.entity(
                    "unnamed-org:" + name_key(name), name, ActorKind.government_body
                )
                builder.mention(body, start, end, sentence, False, True)
            continue
        if kind.startswith("org:"):
            if kind in ("org:a", "org:an"):
                # "The Ohio Library Council, a statewide advocacy group, said": the head now
                # stands for that organisation ("the group" later on).
                comma = text.rfind(",", max(0, start - 3), start)
                if comma >= 0 and not text[comma + 1 : start].strip():
                    owner = org_ends.get(_end_before(text, comma))
                    if owner is not None:
                        builder.entities[owner].described_as.add(head)
                continue
            if kind not in ("org:the", "org:own"):
                continue
            index_or_none = _org_for(
                builder,
                head,
                start,
                org_mentions,
                scanner.lex.private_heads,
                most_named=kind == "org:the",
            )
            described = surface.split()[1:]  # "the national disaster council": its own words
            if (
                index_or_none is None
                and acts
                and (len(described) > 1 or head in scanner.lex.standalone_bodies)
            ):
                # A body described, not named, that acts: "the national disaster council".
                name = " ".join(described)
                body_kind = (
                    ActorKind.government_body
                    if head in scanner.lex.gov_heads
                    else ActorKind.organization
                )
                index = builder.entity("unnamed-org:" + name_key(name), name, body_kind)
                builder.mention(index, start, end, sentence, False, True)
            elif index_or_none is not None:
                builder.mention(index_or_none, start, end, sentence, False, False)
            continue
        determiner = kind.split(":", 1)[1]
        named = _APPOSED_NAME.match(text, end)
        if named is not None and person_starts.get(named.end()) is not None:
            continue  # the role of the name set off after it
        owners = role_heads.get(head, [])
        if determiner == "the" and len(owners) == 1:
            builder.mention(owners[0], start, end, sentence, False, False)
            continue
        if determiner == "the" and len(owners) > 1:
            # Several presidents: "the president" is the one named last before it.
            latest = _latest(person_mentions(head), start)
            if latest is not None:
                builder.mention(latest, start, end, sentence, False, False)
                continue
        if determiner == "the" and head in unnamed:
            # "A hospital spokesman said ... The spokesman said": the one described before.
            builder.mention(unnamed[head], start, end, sentence, False, acts)
            continue
        if not acts or head in ("source",):
            continue
        if determiner == "the" and head in scanner.lex.indefinite_titles:
            continue  # "he thought the man was crazy": someone already in the story
        name = surface.split(" ", 1)[1] if " " in surface else surface
        index = builder.entity("unnamed:" + name_key(name), name, ActorKind.person, name)
        builder.mention(index, start, end, sentence, False, True)
        unnamed[head] = index


_APPOSED_NAME = re.compile(r"[^\S\n]*,[^\S\n]*")


def _latest(mentions: list[tuple[int, int]], position: int) -> int | None:
    """The entity of the last of ``mentions`` (sorted (start, entity) pairs) before ``position``."""
    k = bisect.bisect_left(mentions, (position, -1)) - 1
    return mentions[k][1] if k >= 0 else None


_STATE_HEADS = words("government administration")


# Bodies that "the <head>" names well enough alone when no organisation was named before it:
# "The union accused the company", "the government said".
def _org_for(
    builder: _Builder,
    head: str,
    position: int,
    org_mentions: list[tuple[int, int]],
    private: frozenset[str] = frozenset(),
    most_named: bool = True,
) -> int | None:
    """The organisation a description like "the health agency" stands for: of those named before
    it, the one named last whose name has the description's head ("the council" after two
    councils), else the most mentioned one; without ``most_named``, only the one body named
    before it."""
    k = bisect.bisect_left(org_mentions, (position, -1)) - 1
    while k >= 0:
        index = org_mentions[k][1]
        entity = builder.entities[index]
        if (
            entity.spans
            and (head in entity.name.lower() or head in entity.described_as)
            and not (head in _STATE_HEADS and entity.kind is not ActorKind.government_body)
        ):
            return index
        k -= 1
    best: int | None = None
    best_mentions = -1
    candidates = 0
    for index, entity in enumerate(builder.entities):
        if entity.kind not in (ActorKind.organization, ActorKind.government_body):
            continue
        if not entity.spans or entity.first >= position:
            continue
        if head in _STATE_HEADS and entity.kind is not ActorKind.government_body:
            continue  # "the government" is no party's or company's alias
        if head in private and entity.kind is ActorKind.government_body:
            continue  # "the group", "the company" is no ministry's alias
        if entity.key.startswith("unnamed-org:"):
            continue  # "the union" is not "the company"
        candidates += 1
        if len(entity.spans) > best_mentions:
            best, best_mentions = index, len(entity.spans)
    return best if most_named or candidates == 1 else None
