"""Stated concerns from attribution structure: who says, warns, accuses or doubts what.

A *frame* is a reporting verb or noun with its subject and its content. Cue verbs ("warned",
"accused", "expressed concerns", "question") make a concern by themselves, with the kind taken
from the cue; plain reporting verbs ("said", "told", "according to") make one only when the
reported content voices a worry, a negative forecast or a negative judgement. Direct quotations
are attributed to the nearest speaker, falling back on the previous paragraph's.

Example::

    >>> from summarizer.offline.sentences import read_document
    >>> from summarizer.offline.actors import find_actors
    >>> doc = read_document("Analysts said the deal would fail. Mayor Ana Ruiz warned of floods.")
    >>> [(c.kind.value, doc.text[c.start:c.end]) for c in find_concerns(doc, find_actors(doc))]
    [('warning', 'Analysts said the deal would fail'), ('warning', 'Ana Ruiz warned of floods')]
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from dataclasses import dataclass

from ..models import ActorKind, ConcernKind
from .actors import (
    ADVERBS,
    AUXILIARIES,
    PREPOSITIONS,
    Cast,
    Mention,
    given_name_pronouns,
    manner_adverb,
)
from .lexicon import COPULAS as _COPULAS
from .lexicon import LIGHT_VERBS as _LIGHT_VERBS
from .lexicon import MOOD_CLASSES as _MOOD_CLASSES
from .lexicon import MOODS_AFTER as _MOODS_AFTER
from .lexicon import PHRASAL_VERBS as _PHRASAL_VERBS
from .lexicon import Lexicon, lexicon, words
from .sentences import (
    BODY,
    MIN_SPEECH_WORDS,
    Checkpoint,
    Document,
    Quotation,
    Sentence,
    Token,
    never_stop,
)
from .stance import MODALS, NAMING_VERBS, NEGATORS, amount_word, judge

# Prepositions of movement: a reporting verb before one moves something ("slammed into",
# "lashed onto"), it reports nothing.
_MOTION = frozenset({"into", "onto"})
_K = ConcernKind
# Nouns for people who criticise: the actors named as their examples are critics ("critics such
# as ...").
_CRITICS = words("critics critic opponents detractors sceptics skeptics")
# "X, a vocal critic of the plan," and "X was a fierce critic of the regime": an appositive or a
# copula, at most two words of description, then the critic's noun and "of".
_CRITIC_STEMS = ("critic", "opponent", "detractor")
_CRITIC_OF = re.compile(
    r"(?P<link>,\s+|\s+(?:is|was|are|were|has\s+been|had\s+been|became|remains|remained)"
    r"(?:\s+(?:also|long|always|still))?\s+)(?:(?:a|an|the|one\s+of\s+the)\s+)?"
    r"(?P<description>(?:[a-z-]+\s+){0,2}?(?:critic|opponent|detractor)s?\s+of\s+)"
)
# Where the phrase after "critic of" ends: a comma, a semicolon, a dash or a full stop.
_PHRASE_END = re.compile(r"\s*(?:[,;:]|\s[—–-]\s|\.(?:\s|$))")
# At most this many words (a title) stand between "such as" and an example's name.
_EXAMPLE_GAP = 4
# How far (in tokens) an appositive after "according to X," may run to its closing comma.
_APPOSITIVE_REACH = 12
_LIGHT_REACH = 4
_MOOD_OBJECTS = words("about of over that at")
_DEGREE = words("very so deeply increasingly particularly still really too quite extremely also")
# Words that open an adverbial phrase before the subject, not a quotation.
_OPENING_WORDS = words("after before while when as since although though despite meanwhile")
# How far after a reporting verb "that" still opens its content: "said in a statement that".
_THAT_REACH = 8
# Rejections that, aimed at a fear or a warning, reassure: "dismissed fears that ...".
_ALLAYING = words("dismiss reject")
# How far "quoted" may stand from "as saying": "was quoted by the Associated Press as saying".
_QUOTED_REACH = 10
# The words before a document's author: "a statement released by X", "a letter from X".
_AUTHORS = words("by from of")
# Verbs of issuing a document: "filed a complaint", "released a report".
_ISSUING = words(
    "filed files issued issues released releases published publishes submitted lodged sent"
)
# How many words may stand between the verb and the document's noun ("an antitrust complaint",
# "a 40-page report"), and for how many sentences "the complaint" still means that one.
_DOCUMENT_REACH = 3
# How many words of time or occasion may stand between a document and the participle that
# gives its words ("a statement following the press conference saying").
_OCCASION_REACH = 6
_DOCUMENT_SENTENCES = 12
# How many words of its own name a document may have: "the 2010 Global Trends report".
_DOCUMENT_NAME = 4
# Reporting verbs whose object follows them: "..., told VOA" names a recipient, not a speaker.
_OBJECT_VERBS = words("tell ask")
_DAYS = words(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday evening"""
)
_EDGE = " \t\n\"'“”‘’,;:—–-"
# Marks of a list item, never part of its words.
_BULLETS = "•·▪◦●*"
_QUOTE_MARKS = '"“”'
MAX_CONCERN_WORDS = 30
# Fewer words than this before an inner report leave nothing of the outer one's own.
MIN_POINT_WORDS = 4
# A quote starts at its holder's words when they stand this close before the verb.
MAX_SUBJECT_WORDS = 6
# ... and before an infinitive of purpose in the subject's own clause.
MAX_PURPOSE_WORDS = 14
# Two quotes of one holder sharing this share of words repeat the same point.
REPEATED = 0.8
# How many of a holder's latest concerns a new one is compared with.
RECENT_CONCERNS = 24
_WORDS = re.compile(r"\w+")


# The words (commas aside) that may join two actors listed as one subject.
_LIST_JOINS: tuple[list[str], ...] = ([], ["and"], ["and", "the"], ["the"])
# The longest phrase (ending in a title) before a subject's comma read as a description of the
# subject rather than as words it reports ("Afghanistan's president, Hamid Karzai criticized").
_DESCRIPTION_WORDS = 4


def _denies(words: str) -> bool:
    """Whether asserted words deny something: a negation in their first clause, not under a
    modal ("there was no commitment", "he was not involved"; not "the plan would not work")."""
    first = re.split(r"[,;:]", words.lower().replace("’", "'"), maxsplit=1)[0]
    for word in re.findall(r"[a-z']+", first):
        if word in MODALS or word.endswith(("'ll", "'d")):
            return False
        if word in NEGATORS or word.endswith("n't"):
            return not word.startswith(("won't", "wouldn't", "couldn't", "can't", "mightn't"))
    return False


@dataclass(frozen=True)
class FoundConcern:
    holder: int
    kind: ConcernKind
    start: int
    end: int
    concern: str


# Words that open an affiliation set off by commas after a speaker's name: "Smith, of the
# Warning Foundation, predicted", "North Korea, through its state-run KCNA, expressed".
_AFFILIATIONS = frozenset({"of", "from", "at", "through", "via"})


@dataclass
class _Frame:
    sentence: Sentence
    verb: int  # token index
    cue: ConcernKind | None
    holder: int | None
    subject_start: int | None  # character offset where the holder's words begin
    content: tuple[int, int] | None
    # A denial: the words attributed are never a concern.
    silent: bool = False


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _EDGE or text[start] in _BULLETS):
        start += 1
    trimmed = True
    while trimmed:
        trimmed = False
        while end > start and (text[end - 1] in _EDGE or text[end - 1] == "."):
            end -= 1
        # 'called the decision "short-sighted" and': a conjunction left at the end goes too.
        for conjunction in (" and", " but", " or"):
            if text.endswith(conjunction, start, end) and end - len(conjunction) > start:
                end -= len(conjunction)
                trimmed = True
    # Keep quotation marks balanced: drop a lone opening mark, keep a closing one if it was opened.
    inner = text[start:end]
    if inner.count("“") > inner.count("”") or inner.count('"') % 2:
        # The closing mark may follow the sentence's own full stop: 'the move "childish."'.
        for closing in ("”", '"', ".”", '."', ",”", ',"'):
            if text.startswith(closing, end):
                end += len(closing)
                break
        else:
            end = _to_closing_mark(text, end, '"' if inner.count('"') % 2 else "”")
    if inner.count("“") < inner.count("”") and start > 0 and text[start - 1] == "“":
        start -= 1
    # Single marks (British style): "’" is an apostrophe too, so only a closing mark right
    # after the words is taken, when an opening "‘" stands inside them.
    if "‘" in text[start:end] and not text[start:end].endswith("’"):
        for closing in ("’", ".’", ",’"):
            if text.startswith(closing, end):
                end += len(closing)
                break
    return start, end


# How far a quotation opened inside a statement may run on to its closing mark.
_CLOSING_REACH = 120
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _to_closing_mark(text: str, end: int, mark: str) -> int:
    """Where a quotation opened before ``end`` closes, when it closes soon in the same sentence
    ('described it as "a horrible thing to see, to understand the force involved"'): the words
    of the quotation belong together. Else ``end`` itself."""
    close = text.find(mark, end, end + _CLOSING_REACH)
    if (
        close < 0
        or _SENTENCE_END.search(text, end, close)
        or "“" in text[end:close]
        or _CLAUSE_BREAK.search(text[end - 1 : close])  # a point of its own follows
    ):
        return end
    return close + 1


def _summary_of(text: str, start: int, end: int) -> str:
    words = text[start:end].replace("\n", " ").split()
    words = [w.strip(_QUOTE_MARKS) or w for w in words]
    cut = words[:MAX_CONCERN_WORDS]
    sentence = " ".join(w for w in cut if w)
    if len(words) > MAX_CONCERN_WORDS:
        sentence += " …"
    return sentence[:1].upper() + sentence[1:]


_DETERMINERS = words(
    """the a an this that these those his her its their our my your any every each no 's ’s"""
)


_LOWER_WORDS = re.compile(r"[a-z]+")
# Where one point of a statement ends and another begins: a semicolon or a spaced dash, and
# before "but", "while", "although" or an "and" that opens a new predicate ("and could ...").
_CLAUSE_BREAK = re.compile(
    r"\s*;\s+|\s+[—–]\s+|,?\s+(?=(?:but|while|whereas|although|though)\s)"
    # "yet" joins clauses after a comma; without one it is an adverb ("is yet another result").
    r"|,\s+(?=yet\s)"
    # A new sentence of the reported words: 'said: "We are trying. But I cannot promise ..."'.
    r"|(?<=[a-z]{3}[.!?])\s+(?=[A-Z])"
    r"|,?\s+(?=and\s+(?:that|could|would|will|may|might|can|should|must|is|are|was|were)\s)"
)


# A clause that turns against the one before it.
_CONCEDED = re.compile(r"(?:but|yet)\s", re.IGNORECASE)
_DASH = re.compile(r"\s+[—–]\s+")
# At most this many characters between two dashes that set off an aside.
_ASIDE_REACH = 120


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]`` as spans. Two dashes close together set off an
    aside, not a clause ("journalists – whose job it is to inform – are being detained")."""
    spans: list[tuple[int, int]] = []
    begin = start
    paired: set[int] = set()
    if "—" in text[start:end] or "–" in text[start:end]:
        dashes = [m.start() for m in _DASH.finditer(text, start, end)]
        for a, b in zip(dashes, dashes[1:], strict=False):
            if b - a <= _ASIDE_REACH and a not in paired:
                paired.update((a, b))
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.start() in paired:
            continue
        if match.start() > begin:
            spans.append((begin, match.start()))
        begin = match.end()
    if end > begin:
        spans.append((begin, end))
    return spans


# A paragraph that opens as an item of a list: a bullet or a dash, or a number or a letter with
# a full stop or a bracket ("1.", "(b)").
# A speaker's label opening a paragraph of an interview: "AAF: ...", "Andrew Bor: ...",
# "((WN)) ...". The label names who speaks the paragraph: a person's full name or initials.
_LABEL = re.compile(
    r"(?:\(\((?P<wrapped>[A-Z][\w.’' -]{0,40}?)\)\)|(?P<plain>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}):)\s+"
)
# The most letters of an interview label made of initials ("WN", "AAF").
_LABEL_INITIALS = 4
_LIST_ITEM = re.compile(
    rf"[ \t]*(?:[{re.escape(_BULLETS)}–—-][ \t]*|\(?(?:\d{{1,2}}|[a-z])[.)][ \t]+)(?=\w)"
)
# Words that open a phrase setting the scene before a subject, never reported words.
_OPENERS = PREPOSITIONS | words("when while as although though because since if after before")
# Pronouns that may be the subject of a verb quoted after them: 'it "deplores"'.
_SUBJECT_PRONOUNS = words("it he she they we i")
# Words before an attributing noun that make it the reason for the subject's act: "pulled out
# due to fears of violence", "left because of concerns over safety", "resigned in protest".
_CAUSES = (("due", "to"), ("because", "of"), ("out", "of"), ("citing",), ("in",))
# Nouns that after "in" name a state of the thing, not a reason: "in question", "in doubt".
_NOT_IN_REASON = words("question questions doubt")
# How far back the act a reason is given for may begin (in tokens).
_ACT_REACH = 8
# A document "seen by" or "obtained by" someone is not theirs: "a letter seen by Sky News".
_SEEN = words("seen obtained reviewed viewed read heard received")
# Words after which a verb's base form is a noun: "took charge of", "the man in charge".
_NOUN_BEFORE = words("take takes took taken taking in")
# Forms of "quote" that open "X quoted Y as saying": "quoted", "quotes", "quoting"; and
# "reported" in "Smith was reported as saying".
_QUOTES = words("quoted quotes quote quoting reported")
# How many characters may stand between a quotation's closing mark and the verb that tags it
# ('"...," the ministry's spokesman said').
_TAG_REACH = 40
# Particles after "call" that make it no naming: "called for a ceasefire", "called on Israel".
_CALL_PARTICLES = words("for on off upon up in out")
# How many words after an inverted verb its speaker must end: "..., said a defense ministry
# spokesman" (twice as far when a possessor describes the speaker named after it).
_INVERTED_REACH = 7
# How many words after a passive cue its "by" agent may stand, past the complement
# ("were charged with corruption by Egyptian authorities").
_LATE_AGENT_REACH = 8
# Words that open a relative clause ("WHO" in capitals is the health agency).
_RELATIVES = words("who which whose where when")
# Verbs that give something a name (in stance.py): the judgement is the name, up to the end of
# its clause ("calling the move “childish”", "labelled the rebels as “rats”").


def _may_report(sentence: str, lex: Lexicon) -> bool:
    """A quick test, on the sentence's words alone, that it may attribute something (most
    sentences of a long article do not, and are then never tokenised again)."""
    return lex.may_attribute(set(_LOWER_WORDS.findall(sentence.lower())))


def _light_cue(tokens: list[Token], k: int, lex: Lexicon) -> ConcernKind | None:
    """The stance a light verb's object names: "expressed serious concerns" is a concern."""
    for m in range(k + 1, min(len(tokens), k + 1 + _LIGHT_REACH)):
        noun = tokens[m].text.lower()
        named = lex.attribution_nouns.get(noun)
        if named is not None and named[0] is not None:
            return named[0]  # "raised questions", "voiced objections"
        if _LIGHT_VERBS[tokens[k].text.lower()]:
            continue  # "made accusations", not "made things worse"
        cls = lex.stance.word_class(noun)
        if cls in ("concern", "doubt", "criticism", "warning"):
            return ConcernKind(cls)
    return None


def _phrasal_cue(tokens: list[Token], k: int) -> ConcernKind | None:
    """The cue of a verb at ``k`` followed by its particles: "lashed out at", "cried foul"."""
    for particles, cue in _PHRASAL_VERBS[tokens[k].text.lower()]:
        following = [t.text.lower() for t in tokens[k + 1 : k + 1 + len(particles)]]
        if tuple(following) == particles:
            return cue
    return None


def _holds_responsible(tokens: list[Token], k: int) -> bool:
    """ "held CSX responsible", "holds the ministry accountable": blame laid on a short object
    (not "held a meeting with the ministry responsible for roads")."""
    for m in range(k + 1, min(len(tokens), k + 2 + _HELD_OBJECT)):
        word = tokens[m].text.lower()
        if word in ("responsible", "accountable", "liable"):
            return m > k + 1
        if not (word.isalpha() or word in _POSSESSIVE_MARKS) or word in PREPOSITIONS:
            return False
    return False


def _introduces_words(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether a light verb's object is a neutral statement that a colon or a quotation follows:
    "issued a statement: “These people are trying to ...”", "made the remarks: ...". The words
    after it are the subject's, judged like any reported words."""
    for m in range(k + 1, min(len(tokens) - 1, k + 1 + _LIGHT_REACH)):
        named = lex.attribution_nouns.get(tokens[m].text.lower())
        if named is not None:
            return named[0] is None and tokens[m + 1].text in (":", "“", '"')
    return False


@dataclass
class _Predicates:
    """The attributing words of one sentence: each hit is (token index, cue kind or None,
    strict); the sets hold the hits that are states of mind ("is worried"), those whose words
    are never a concern ("denied") and the nouns of a possessor ("his warning")."""

    hits: list[tuple[int, ConcernKind | None, bool]]
    moods: set[int]
    silent: set[int]
    nouns: set[int]


_POSSESSORS = words("his her their its ’s 's")
_BE = words("is are was were be been being 's")
# The kinds of actor a pronoun may stand for: "it" a body, a company or a country ("It warned");
# "they" a group, or a country or a body in the plural sense ("China ... They reject").
# Words of a person's title or family role that say "he" or "she" ("Mrs. Brown", "his mother").
_PRONOUN_WORDS = {
    **dict.fromkeys(
        words(
            """mr mr. sir lord king prince duke father son brother husband uncle grandfather
            nephew boyfriend"""
        ),
        "he",
    ),
    **dict.fromkeys(
        words(
            """mrs mrs. ms ms. miss lady dame baroness queen princess duchess mother daughter
            sister wife aunt grandmother niece girlfriend"""
        ),
        "she",
    ),
}
# "Nicolas Sarkozy said he was delighted": a person's own report of "he" or "she".
_SAYS_PRONOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:said|says|added|stated|insisted|argued|told\s+\S+)\s+(?:that\s+)?(he|she)\b"
)
_PRONOUN_KINDS = {
    "he": (ActorKind.person,),
    "she": (ActorKind.person,),
    "they": (ActorKind.group, ActorKind.country, ActorKind.organization, ActorKind.government_body),
    "it": (ActorKind.organization, ActorKind.government_body, ActorKind.country),
}


# Words that may stand between a possessor and its noun: "Smith's main concern", "her biggest
# fear", "their repeated warnings".
_NOUN_MODIFIERS = words(
    """main biggest greatest chief primary major real only serious deep deepest growing
    repeated latest strong sharp harsh key gravest"""
)


def _possessive_mark(tokens: list[Token], k: int) -> int | None:
    """The index of the possessive ("’s", "his", "their") that owns the noun at ``k``."""
    if k > 0 and tokens[k - 1].text.lower() in _POSSESSORS:
        return k - 1
    if (
        k > 1
        and tokens[k - 1].text.lower() in _NOUN_MODIFIERS
        and tokens[k - 2].text.lower() in _POSSESSORS
    ):
        return k - 2
    return None


_PRONOUNS = words("he she they it we i you")
# How far after a stance noun its source may stand: "allegations of discrimination from X".
_SOURCE_REACH = 5
# Dashes that set off an aside, and the most words one may hold.
_DASHES = ("—", "–")
_DASH_ASIDE = 40
# Verbs by which a deed meets a stance of others: "drew the criticism of Human Rights Watch".
_DRAWING = words(
    "draw draws drew drawn drawing attract attracts attracted earn earns earned incur incurred"
)
# "held CSX responsible": the forms of "hold", and how many words its object may have.
_HOLDING = words("hold holds held holding")
_HELD_OBJECT = 4
_POSSESSIVE_MARKS = words("’s 's")
# How many words may follow a passive light verb before its agent ("made against him by").
_AFTER_LIGHT = 3


def _source_after(tokens: list[Token], k: int) -> int | None:
    """The token after "from" or "by" that names the source of the noun at ``k``, or after the
    "of" of a stance drawn ("has drawn the criticism of Human Rights Watch")."""
    if (
        k + 2 < len(tokens)
        and tokens[k + 1].text == "of"
        and k > 1
        and tokens[k - 1].text.lower() == "the"
        and tokens[k - 2].text.lower() in _DRAWING
    ):
        return k + 2
    limit = k + 1 + _SOURCE_REACH
    m = k + 1
    while m < min(len(tokens) - 1, limit):
        word = tokens[m].text
        m += 1
        if word in (",", ".", ";", ":", "“", '"', "that"):
            return None
        if word in ("from", "by"):
            return m
        if word.lower() in _LIGHT_VERBS:
            # "Allegations of abuse were made against him by young men": the light verb's
            # own words stand before its agent.
            limit = max(limit, m + _AFTER_LIGHT)
            continue
        if word.endswith("ed"):
            # "the threat posed by Iran": the agent of another deed, not who voiced the noun
            # (but "concerns raised by", "criticism voiced by" name their source).
            return None
    return None


def triggers(lex: Lexicon) -> frozenset[str]:
    """Every word that can start an attribution: a word not among them is passed over."""
    return frozenset(
        {
            "according",
            *_LIGHT_VERBS,
            *_COPULAS,
            *_MOODS_AFTER,
            *_HOLDING,
            *_PHRASAL_VERBS,
            *lex.attribution_nouns,
            *lex.verbs,
        }
    )


def _caused(tokens: list[Token], k: int) -> bool:
    """Whether the attributing noun at ``k`` is given as the reason for an act: "due to fears
    of", "citing concerns over"."""
    before = tuple(t.text.lower() for t in tokens[max(0, k - 2) : k])
    if before[-1:] == ("in",) and tokens[k].text.lower() in _NOT_IN_REASON:
        return False  # "the letter in question", "the results are in doubt"
    return any(before[len(before) - len(cause) :] == cause for cause in _CAUSES)


def _act_start(tokens: list[Token], k: int) -> int:
    """Where the act a reason is given for begins: the verb before "due to" ("pulled out due
    to fears"), over its object, up to a comma or the sentence's start."""
    m = k - 1
    while m > 0 and tokens[m - 1].text not in (",", ";") and k - m < _ACT_REACH:
        m -= 1
    return tokens[m].start


def _role_head(role: str) -> str:
    """The head word of a role: "United States federal judge for the District Court" ->
    "judge", "Justice Minister" -> "minister"."""
    head = ""
    for word in role.lower().replace(".", " ").split():
        if word in PREPOSITIONS:
            break
        head = word
    return head


def _inside_name(tokens: list[Token], k: int) -> bool:
    """Whether the capitalised word at ``k``, not the first of its sentence, stands between other
    capitalised words: a word of a name ("Disaster Warning Foundation"), not a verb."""

    def capital(m: int) -> bool:
        return 0 <= m < len(tokens) and tokens[m].text[:1].isupper()

    if k > 1 and capital(k) and tokens[k - 1].text == "of" and capital(k - 2):
        return True  # "the Department of State (DoS) advised", "Secretary of State": a name
    return k > 0 and capital(k) and capital(k - 1) and capital(k + 1)


def _named_noun(tokens: list[Token], k: int) -> bool:
    """Whether the word at ``k`` follows a determiner and capitalised words or a year: "the BBC
    report", "the 2010 Global Trends report"."""
    m = k - 1
    while m >= 0 and (tokens[m].text[:1].isupper() or tokens[m].text.isdigit()):
        m -= 1
    return 0 <= m < k - 1 and tokens[m].text.lower() in _DETERMINERS


def _ends_known_name(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether the capitalised word at ``k`` ends a name with the word before it: "States" of
    "United States" is no form of "state"."""
    if k == 0 or not tokens[k].text[:1].isupper():
        return False
    name = f"{tokens[k - 1].text} {tokens[k].text}"
    if name in lex.country_names or name in lex.places or name in lex.known_orgs:
        return True
    # "Consumer Reports said": a capitalised word after a capitalised one, before a reporting
    # verb, is the end of the speaker's name.
    return (
        tokens[k - 1].text[:1].isupper()
        and k + 1 < len(tokens)
        and tokens[k + 1].text.islower()
        and tokens[k + 1].text in lex.verbs
    )


def _predicates(
    tokens: list[Token], lex: Lexicon, starters: frozenset[str] | None = None
) -> _Predicates:
    """Reporting verbs, "according to", states of mind, light-verb cues and attributing nouns."""
    starters = starters if starters is not None else triggers(lex)
    hits: list[tuple[int, ConcernKind | None, bool]] = []
    moods: set[int] = set()
    silent: set[int] = set()
    nouns: set[int] = set()
    stance = lex.stance
    n = len(tokens)
    for k, token in enumerate(tokens):
        word = token.text.lower()
        if word not in starters:
            continue
        if _inside_name(tokens, k) or _ends_known_name(tokens, k, lex):
            continue  # "the National Disaster Warning Foundation", "the United States said"
        if word == "according" and k + 1 < n and tokens[k + 1].text == "to":
            hits.append((k, None, False))
            continue
        phrasal = _phrasal_cue(tokens, k) if word in _PHRASAL_VERBS else None
        if phrasal is not None:
            hits.append((k, phrasal, False))  # "lashed out at the government"
            continue
        if word in _HOLDING and _holds_responsible(tokens, k):
            hits.append((k, ConcernKind.accusation, False))  # "held CSX responsible"
            continue
        if word in _LIGHT_VERBS:
            kind = _light_cue(tokens, k, lex)
            if kind is not None:
                hits.append((k, kind, False))
                continue
            if _introduces_words(tokens, k, lex):
                hits.append((k, None, False))  # "issued a statement: ...": words to judge
                continue
        if (
            word in _MOODS_AFTER
            and 0 < k < n - 1
            and tokens[k + 1].text.lower() in _MOOD_OBJECTS
            and (tokens[k - 1].text.lower() in lex.group_nouns or tokens[k - 1].text[:1].isupper())
        ):
            # "U.S. allies concerned about Iranian influence", "parents fearful of the virus":
            # a mood that describes the people right before it is theirs.
            cls = stance.word_class(word)
            if cls in _MOOD_CLASSES:
                hits.append((k, ConcernKind(cls), True))
                moods.add(k)
                continue
        if word in _COPULAS:
            m = k + 1
            while m < n and tokens[m].text.lower() in _DEGREE:
                m += 1
            negated_mood = m + 1 < n and tokens[m].text.lower() in ("not", "n't")
            if negated_mood:
                # "residents are not convinced": a certainty denied is a doubt
                m += 1
                while m < n and tokens[m].text.lower() in _DEGREE:
                    m += 1
            if m < n and negated_mood:
                if stance.word_class(tokens[m].text.lower()) == "certain":
                    hits.append((k, ConcernKind.doubt, True))
                    moods.add(k)
                    continue
            elif m < n:
                adjective = tokens[m].text.lower()
                cls = stance.word_class(adjective)
                if adjective.endswith(("ed", "ing")) and not stance.listed(adjective):
                    # "was interrogated": a passive; "are struggling": a progressive tense; neither
                    # is a state of mind (the listed "is worried", "is troubling" are).
                    cls = None
                said = lex.verbs.get(adjective) if adjective.endswith("ed") else None
                if said is not None and said.cue is not ConcernKind.concern:
                    cls = None  # "was criticized by fans", "was accused": a passive cue
                if cls == "criticism" and not stance.listed(adjective):
                    # "the driver was drunk", "the man was crazy": a negative word of VADER's
                    # describes someone; only a listed word ("unhappy", "angry") is a mood.
                    cls = None
                if adjective == "critical" and m + 1 < n and tokens[m + 1].text == "of":
                    cls = "criticism"
                if cls in _MOOD_CLASSES and adjective.isalpha():
                    hits.append((k, ConcernKind(cls), True))
                    moods.add(k)
                    continue
        noun = lex.attribution_nouns.get(word)
        if (
            noun is not None
            and _possessive_mark(tokens, k) is not None
            # "South Africa’s opposition parties": a modifier of a group, not a stance
            and not (k + 1 < n and tokens[k + 1].text.lower() in lex.group_nouns)
        ):
            # "the mayor’s warning that ...", "his criticism of ...": the possessor holds it.
            hits.append((k, noun[0], False))
            nouns.add(k)
            if noun[1]:
                silent.add(k)
            continue
        if noun is not None and noun[0] is not None and _caused(tokens, k):
            # "pulled out due to fears of violence": the subject's own reason
            hits.append((k, noun[0], False))
            nouns.add(k)
            continue
        if (
            noun is not None
            and noun[0] is not None
            and _source_after(tokens, k) is not None
            # "Bong doubts the commitment made by Kim": a verb after its subject, no noun
            and not (
                word in lex.verbs
                and k > 0
                and (
                    tokens[k - 1].text[:1].isupper()
                    or tokens[k - 1].text in (",", "—")
                    or tokens[k - 1].text.lower() in _PRONOUNS
                )
            )
        ):
            # "allegations of discrimination from Mexican diplomats", "warnings by the
            # government": the source after the noun holds it.
            hits.append((k, noun[0], False))
            nouns.add(k)
            continue
        verb = lex.verbs.get(word)
        if verb is None:
            continue
        if k > 0 and tokens[k - 1].text.lower() in _DETERMINERS:
            continue  # "the report", "a warning", "his claim": a noun
        if k > 0 and word == verb.base and tokens[k - 1].text.lower() in _NOUN_BEFORE:
            continue  # "took charge of", "in charge": a noun
        if word == verb.base and _named_noun(tokens, k):
            continue  # "the BBC report", "a UN report": a noun after a name and a determiner
        if k == 0 and word == verb.base and token.text[:1].isupper() and word != "according":
            continue  # "State television flashed a message": news opens with no imperative
        if (
            k > 0
            and word.endswith("s")
            and word != verb.base
            and tokens[k - 1].text.lower() in PREPOSITIONS
        ):
            continue  # "in a rebuttal to claims that ...", "amid warnings": a plural noun
        hits.append((k, verb.cue, verb.strict))
        if verb.silences:
            silent.add(k)
    return _Predicates(hits, moods, silent, nouns)


def _initials_of(name: str) -> str:
    """ "AAF" of "Amir Abbas Fakhravar": the first letters of a name's capitalised words."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


class _Finder:
    def __init__(self, doc: Document, cast: Cast) -> None:
        self.doc = doc
        self.cast = cast
        self.lex = lexicon()
        self.starters = triggers(self.lex)
        self._ends_of: tuple[int, set[int]] = (-1, set())
        # Where reported words end: ", according to", ", he said", a semicolon.
        forms = "|".join(sorted((re.escape(f) for f in self.lex.verbs), key=len, reverse=True))
        self.cut = re.compile(
            rf",\s+(?:according to\b|(?:he|she|they|it)\s+(?:{forms})\b)|;\s", re.IGNORECASE
        )
        self.text = doc.text
        self.speaker_of_sentence: dict[int, int] = {}
        self.speaker_of_paragraph: dict[int, int] = {}
        self.attributed: set[int] = set()
        self.found: list[FoundConcern] = []
        self.sentences_of: dict[int, list[Sentence]] = {}
        for sentence in doc.sentences:
            self.sentences_of.setdefault(sentence.paragraph, []).append(sentence)
        self.by_sentence: dict[int, list[Mention]] = {}
        for mention in cast.mentions:
            self.by_sentence.setdefault(mention.sentence, []).append(mention)
        self.pronoun_of = self._pronouns()
        # Documents an actor filed or issued: noun -> (the actor, the sentence), so that "the
        # complaint alleges" and "according to the report" later speak for it.
        self.published: dict[str, tuple[int, int]] = {}

    def _pronouns(self) -> dict[int, str]:
        """ "he" or "she" for the people reported saying it of themselves ("Sarkozy said he was
        delighted"), else whose title or family role says which ("Mrs.", "his mother"), else
        whose given name does (the weakest sign: "Kim" is a woman's name in English)."""
        names = given_name_pronouns()
        found: dict[int, str] = {}
        for mention in self.cast.mentions:
            if mention.entity in found or (
                self.cast.entities[mention.entity].kind is not ActorKind.person
            ):
                continue
            said = _SAYS_PRONOUN.match(self.text, mention.end)
            if said is not None:
                found[mention.entity] = said.group(1)
        for index, entity in enumerate(self.cast.entities):
            if entity.kind is not ActorKind.person or index in found:
                continue
            role_words = (entity.role or "").lower().split()
            opening = [surface.split()[0] for surface in entity.surfaces if surface]
            pronoun = next(
                (
                    _PRONOUN_WORDS[w]
                    for w in role_words[-1:] + role_words[:1]
                    if w in _PRONOUN_WORDS
                ),
                None,
            ) or next((names[w] for w in opening if w in names), None)
            if pronoun is not None:
                found[index] = pronoun
        return found

    def _fits(self, entity: int | None, word: str) -> bool:
        """Whether "he" or "she" can stand for the entity (nothing says otherwise)."""
        if entity is None or word not in ("he", "she"):
            return True
        return self.pronoun_of.get(entity, word) == word

    # Holders ---------------------------------------------------------------------------------
    def _candidates(
        self, sentence: Sentence, tokens: list[Token], lo: int, hi: int, speaking: bool = True
    ) -> list[tuple[int, int, int | None, bool]]:
        """Possible subjects in token range [lo, hi): (start, end, entity, governed)."""
        if lo >= hi:
            return []
        start, end = tokens[lo].start, tokens[hi - 1].end
        found: list[tuple[int, int, int | None, bool]] = []
        for mention in self.by_sentence.get(sentence.index, []):
            if start <= mention.start and mention.end <= end:
                if self.cast.entities[mention.entity].kind is ActorKind.country and any(
                    other.start <= mention.start
                    and mention.end <= other.end
                    and other is not mention
                    for other in self.by_sentence.get(sentence.index, [])
                ):
                    continue  # a country inside a group's name
                found.append((mention.start, mention.end, mention.entity, mention.governed))
        for k in range(lo, hi):
            word = tokens[k].text.lower()
            if word == "it" and not (
                speaking
                and self._right_before(tokens, k, hi)
                and not any(tokens[m].text.lower() in _BE for m in range(k + 1, hi))
            ):
                # "it" speaks only as the subject of a reporting verb ("It warned"), not in an
                # impersonal passive ("it is thought", "it was feared").
                continue
            if (
                word in ("he", "she", "they", "it")
                and self.doc.in_quotation(tokens[k].start) is None
            ):
                resolved = self._pronoun(word, tokens[k].start, sentence.index, speaking)
                governed = k > 0 and tokens[k - 1].text.lower() in PREPOSITIONS
                found.append((tokens[k].start, tokens[k].end, resolved, governed))
        found.sort()
        # Drop mentions nested in a longer one ("U.S." inside the advisers' group).
        outer = [
            f
            for f in found
            if not any(
                o is not f and o[0] <= f[0] and f[1] <= o[1] and o[1] - o[0] > f[1] - f[0]
                for o in found
            )
        ]
        return outer

    def _relays(self, tokens: list[Token], lo: int, start: int) -> bool:
        """Whether the candidate starting at character ``start`` is the agent of a relaying
        participle ("A top Russia diplomat quoted by the state news agency Tass said"): it only
        passes on the subject's words."""
        at = next((m for m in range(lo, len(tokens)) if tokens[m].start >= start), lo)
        for m in range(at - 1, max(lo, at - 7) - 1, -1):
            if tokens[m].text == "by" and m > lo:
                verb = self.lex.verbs.get(tokens[m - 1].text.lower())
                return verb is not None and verb.relayed and tokens[m - 1].text.endswith("ed")
            if not (tokens[m].text.isalpha() or "-" in tokens[m].text):
                return False
        return False

    @staticmethod
    def _right_before(tokens: list[Token], k: int, hi: int) -> bool:
        """Whether only adverbs and auxiliaries stand between token ``k`` and ``hi``."""
        return all(
            tokens[m].text.lower() in ADVERBS or tokens[m].text.lower() in AUXILIARIES
            for m in range(k + 1, hi)
        )

    def _pronoun(self, word: str, position: int, sentence: int, speaking: bool) -> int | None:
        """He or she: the latest person nothing says is of the other sex; they: the latest group.

        The subject of a reporting verb is most often the last speaker; the subject of anything
        else, the last sentence's subject ("Patrick ... was happy, Tyler says. But he was ...").
        """
        wanted = _PRONOUN_KINDS[word]
        for index in range(sentence, max(-1, sentence - 5), -1):
            speaker = self.speaker_of_sentence.get(index)
            if (
                speaking
                and speaker is not None
                and index != sentence
                and self.cast.entities[speaker].kind in wanted
                and self._fits(speaker, word)
            ):
                return speaker
            # Names inside a quotation are the speaker's words, not the story's subjects.
            mentions = [
                m
                for m in self.by_sentence.get(index, [])
                if m.start < position
                and self.cast.entities[m.entity].kind in wanted
                and self._fits(m.entity, word)
                and self.doc.in_quotation(m.start) is None
            ]
            subjects = [m for m in mentions if not m.governed]
            if subjects:
                return subjects[0].entity if index != sentence else subjects[-1].entity
            if mentions:
                return mentions[-1].entity
        return None

    def _subject(
        self,
        sentence: Sentence,
        tokens: list[Token],
        verb: int,
        floor: int,
        strict: bool,
        speaking: bool = True,
    ) -> tuple[int | None, int | None, bool]:
        """(holder, start of its words, found after the verb) for the verb at token ``verb``."""
        said = self.lex.verbs.get(tokens[verb].text.lower())
        if (
            not strict
            and said is not None
            and said.cue is None
            and said.person
            and said.base not in _OBJECT_VERBS
            and verb > floor
            and tokens[verb - 1].text in (",", "”", '"')
        ):
            # "..., said analysts.": a speaker right after the verb, ending the clause, settles
            # it, whatever the reported words name.
            right_after = self._candidates(sentence, tokens, verb + 1, min(len(tokens), verb + 12))
            first = tokens[verb + 1].start if verb + 1 < len(tokens) else -1
            if right_after and right_after[0][0] == first and right_after[0][2] is not None:
                tail = self.text[right_after[0][1] : right_after[0][1] + 2].lstrip()
                if not tail or tail[0] in ',.;:”"':
                    return right_after[0][2], right_after[0][0], True
        # Commas inside a mention ("advisers of the U.S., South Korea and Japan") do not split.
        spans = [(m.start, m.end) for m in self.by_sentence.get(sentence.index, [])]
        cuts = [floor]
        # ", however," ", too,": a word set off by commas is no clause of its own.
        asides = {
            m
            for k in range(floor, verb - 2)
            if tokens[k].text == ","
            and tokens[k + 2].text == ","
            and tokens[k + 1].text.isalpha()
            and tokens[k + 1].text.islower()
            for m in (k, k + 1, k + 2)
        }
        # "South African politicians — both ... that Trump was referring to — fired back": a
        # name inside a pair of dashes is the aside's, not the subject.
        dashes = [tokens[k].start for k in range(verb) if tokens[k].text in _DASHES]
        dashed = list(zip(dashes[::2], dashes[1::2], strict=False))
        depth = 0
        for k in range(floor, verb):
            text = tokens[k].text
            depth += (text == "(") - (text == ")")
            if k in asides or depth > 0:
                continue  # "(Action Contre La Faim, ACF)": a comma inside brackets splits nothing
            if text == "," and not any(s < tokens[k].start < e for s, e in spans):
                cuts.append(k + 1)
        cuts.append(verb)
        # "X apologized for the loss, but also said that ...": a verb after a bare coordinator
        # shares the subject of the clause before it.
        shared = False
        for seg in range(len(cuts) - 2, -1, -1):
            lo, hi = cuts[seg], cuts[seg + 1]
            if hi > lo and tokens[hi - 1].text == ",":
                hi -= 1
            if seg > 0 and self._apposition(sentence, tokens, cuts[seg - 1], lo, hi):
                continue  # "Jens Oppermann, the country director of ACF, told": his description
            if lo < hi and tokens[lo].text.lower() in _RELATIVES and not tokens[lo].text.isupper():
                continue  # "Rasoulof, who has fled Iran, urged": skip the relative clause
            if lo < hi and seg > 0 and tokens[lo].text.lower() in _AFFILIATIONS:
                continue  # "Smith, of the Warning Foundation, predicted": an affiliation
            if (
                seg > 0
                and hi - lo <= 3
                and any(
                    tokens[m].text.lower() in self.lex.verbs and self._set_off(tokens, m, verb)
                    for m in range(lo, hi)
                )
            ):
                continue  # "Prosecutors, he said, had always thought": the aside's speaker
            candidates = [
                c
                for c in self._candidates(sentence, tokens, lo, hi, speaking)
                if not c[3]
                and not self._relays(tokens, lo, c[0])
                and not any(a <= c[0] < b for a, b in dashed)
            ]
            if (
                not candidates
                and not strict
                and seg == len(cuts) - 2
                and seg > 0
                and tokens[lo].text.lower() in ("and", "but")
                and all(
                    t.text.lower() in ADVERBS or t.text.lower() in AUXILIARIES
                    for t in tokens[lo + 1 : hi]
                )
            ):
                shared = True
                continue
            if (
                not candidates
                and seg == len(cuts) - 2
                and hi - lo > 1
                and tokens[lo].text.lower() in ("and", "but", "or", "while")
            ):
                # "..., and shipping groups warned": a clause of its own, whose subject is no
                # actor; the previous clause's subject does not speak here.
                return None, None, False
            if strict:
                # The cue must follow its subject directly: "analysts question", "Bong ... doubts"
                # (over adverbs and auxiliaries: "Democrats, however, have repeatedly questioned").
                last = hi - 1
                while last >= lo and (
                    tokens[last].text.lower() in ADVERBS
                    or tokens[last].text.lower() in AUXILIARIES
                    or manner_adverb(tokens[last].text)
                    or last in asides
                    or tokens[last].text.lower() in ("not", "never", "n't", "n’t")
                    # "caused the home fans to worry": the object of a causative does it
                    # (not "Riverton was to blame": a duty, not a deed)
                    or (
                        last == hi - 1
                        and tokens[last].text.lower() == "to"
                        and last > lo
                        and tokens[last - 1].text.lower() not in AUXILIARIES
                    )
                ):
                    last -= 1
                adjacent = last >= lo and any(c[1] == tokens[last].end for c in candidates)
                if not adjacent and seg == len(cuts) - 2 and hi > lo:
                    return None, None, False
            if not candidates and seg == len(cuts) - 2 and hi - lo > 2:
                # "A statement released by Acme Corp said": a document speaks for its author.
                author = self._document_author(sentence, tokens, lo, hi)
                if author is not None:
                    return author
            if not candidates and seg == len(cuts) - 2 and 2 <= hi - lo <= 3:
                # "The complaint says", "The complaint also alleges": the document filed before.
                noun = hi - 1
                while noun > lo and tokens[noun].text.lower() in ADVERBS:
                    noun -= 1
                if noun > lo and tokens[noun].text.lower() in self.lex.document_nouns:
                    owner = self._document_owner(sentence, tokens, noun)
                    if owner is not None:
                        return owner, tokens[noun - 1].start, False
            if candidates:
                # The words right before the verb are its subject when they name an actor
                # ("... and withdrew the U.S. from what he calls"); else the segment's first.
                last = hi - 1
                while last >= lo and (
                    tokens[last].text.lower() in ADVERBS or tokens[last].text.lower() in AUXILIARIES
                ):
                    last -= 1
                nearest = [c for c in candidates if last >= lo and c[1] == tokens[last].end]
                if shared:
                    # The clause's subject, which its own verb follows: "Smith apologized for
                    # the loss, but also said" (not the object in "criticized Brown, but also
                    # said").
                    subject = candidates[0]
                    if not any(
                        self._verb_like(t.text) for t in tokens[lo:hi] if t.start >= subject[1]
                    ):
                        return None, None, False
                    return subject[2], subject[0], False
                chosen = nearest[0] if nearest and nearest[0][2] is not None else candidates[0]
                before = [c for c in candidates if c[1] <= chosen[0]]
                if before and self.text[before[-1][1] : chosen[0]].strip() in ("and", "or"):
                    chosen = before[-1]  # "Foreign governments and experts speculate"
                return chosen[2], chosen[0], False
            if seg == len(cuts) - 2 and hi > lo and strict:
                return None, None, False
        # Inverted: "..., said a defense ministry spokesman" (only right after a comma or quote).
        if strict or (verb > floor and tokens[verb - 1].text not in (",", "”", '"')):
            return None, None, False
        after = self._candidates(
            sentence, tokens, verb + 1, min(len(tokens), verb + 1 + 2 * _INVERTED_REACH)
        )
        # "said the CDC's deputy director, Anne Schuchat": the possessor only describes the
        # speaker named after it.
        owned = [c for c in after if self.text.startswith(("'s", "’s"), c[1])]
        if owned and owned[0] is after[0] and len(after) > 1 and after[1][2] is not None:
            return after[1][2], after[0][0], True
        near = tokens[min(len(tokens) - 1, verb + _INVERTED_REACH)].end
        if after and after[0][1] <= near:
            return after[0][2], after[0][0], True
        if after and after[0][2] is not None:
            # "said the CDC's interim public health deputy director, Anne Schuchat": a long
            # title set off before the name.
            at = next(m for m, t in enumerate(tokens) if t.start >= after[0][0])
            if (
                at >= 2
                and tokens[at - 1].text == ","
                and tokens[at - 2].text.lower() in self.lex.titles
            ):
                return after[0][2], after[0][0], True
        return None, None, False

    def _apposition(
        self, sentence: Sentence, tokens: list[Token], before: int, lo: int, hi: int
    ) -> bool:
        """Whether tokens [lo, hi) set off by commas describe the person named just before them
        (tokens [before, lo)): "Smith, the country director of ACF,", "Maulid Warfa, UNICEF
        emergency officer,", "forty leaders, including Kofi Annan,"."""
        if hi <= lo or lo < 1 or tokens[lo - 1].text != ",":
            return False
        first = tokens[lo].text.lower()
        examples = first == "including" or (
            first == "such" and lo + 1 < hi and tokens[lo + 1].text == "as"
        )
        described = first in ("the", "a", "an") or tokens[hi - 1].text.lower() in self.lex.titles
        if not (examples or described):
            return False
        previous = [c for c in self._candidates(sentence, tokens, before, lo - 1) if not c[3]]
        if not previous or previous[-1][1] != tokens[lo - 2].end:
            return False  # the name must stand right before the comma
        holder = previous[-1][2]
        if holder is None:
            return False
        kind = self.cast.entities[holder].kind
        # A description is a person's; examples follow a group ("forty leaders, including").
        return kind is (ActorKind.group if examples else ActorKind.person)

    # Frames ----------------------------------------------------------------------------------
    def _boundaries(self, tokens: list[Token], verb: int, verbs: list[int]) -> int:
        """Where the words of the verb at ``verb`` may begin: after the last quotation mark,
        colon, "that" or other reporting verb before it. A parenthetical participle ("Smith,
        speaking on Monday, said") is no boundary, nor is a closing mark right before the
        subject ('"This is unacceptable," Smith said': the quotation is the verb's)."""
        floor = 0
        straight = 0
        aside = verb
        if verb > 2 and tokens[verb - 1].text == ",":
            # "ActionSA, which vowed to pursue legal action, said": the relative clause is no
            # boundary either.
            for m in range(verb - 2, max(0, verb - 25), -1):
                if tokens[m].text == ",":
                    if m + 1 < verb and tokens[m + 1].text.lower() in ("which", "who"):
                        aside = m
                    break
        # "South African politicians — both ... that Trump was referring to — quickly fired
        # back": words between dashes right before the verb are no boundary either.
        m = verb - 1
        while m > 0 and (tokens[m].text.lower() in ADVERBS or manner_adverb(tokens[m].text)):
            m -= 1
        if m > 0 and tokens[m].text in _DASHES:
            opening = next(
                (
                    j
                    for j in range(m - 1, max(-1, m - _DASH_ASIDE), -1)
                    if tokens[j].text in _DASHES
                ),
                None,
            )
            if opening is not None:
                aside = min(aside, opening)
        for k in range(verb):
            if aside <= k < verb:
                continue
            word = tokens[k].text
            if word == '"':
                straight += 1
            closing = word == "”" or (
                word == '"'
                and (
                    straight % 2 == 0
                    # a quotation opened in an earlier sentence closes here
                    or self.doc.in_quotation(max(0, tokens[k].start - 1)) is not None
                )
            )
            if closing and k > 0 and tokens[k - 1].text in (",", "!", "?") and k + 1 < verb:
                continue
            if k in verbs and word.endswith("ing") and k > 0:
                before = tokens[k - 1].text
                if before == "," or (
                    # "Mujahid, while speaking on Monday, rejected"
                    before.lower() in _OPENING_WORDS and k > 1 and tokens[k - 2].text == ","
                ):
                    continue
            if k in verbs and self._set_off(tokens, k, verb):
                continue  # "Prosecutors, he said, had always thought": an aside in the clause
            if k in verbs and k + 1 < verb and tokens[k + 1].text == "by":
                relay = self.lex.verbs.get(word.lower())
                if relay is not None and relay.relayed:
                    continue  # "A top diplomat quoted by Tass said": the participle only relays
            if word in ("“", "”", '"', ":", ";") or word.lower() in ("that", "which") or k in verbs:
                floor = k + 1
        return floor

    def _verb_like(self, word: str) -> bool:
        """A word that can be a clause's verb: an auxiliary, a past form, a listed verb."""
        lower = word.lower()
        return (
            lower in AUXILIARIES
            or lower in self.lex.verbs
            or lower in self.lex.irregular_past
            or lower in self.lex.base_verbs
            or (lower.endswith("ed") and len(lower) > 3)
        )

    @staticmethod
    def _set_off(tokens: list[Token], k: int, verb: int) -> bool:
        """Whether the reporting verb at ``k`` stands in a short aside set off by commas before
        ``verb``, after the subject: "Prosecutors, he said, had always thought"."""
        if not (k + 2 < verb and tokens[k + 1].text == ","):
            return False
        # ", he said,", ", Smith said,": a pronoun or a short name between the commas, and a
        # word (not a closing quotation mark) before the first one.
        for m in range(k - 1, max(0, k - 4), -1):
            if tokens[m].text == ",":
                between = tokens[m + 1 : k]
                return (
                    bool(between)
                    and all(t.text.isalpha() for t in between)
                    and (
                        (len(between) == 1 and between[0].text.lower() in _PRONOUNS)
                        or all(t.text[:1].isupper() for t in between)
                    )
                    and tokens[m - 1].text.isalpha()
                )
        return False

    def _content(
        self, sentence: Sentence, tokens: list[Token], verb: int, floor: int, inverted: bool
    ) -> tuple[int, int] | None:
        text = self.text
        if inverted:
            if floor == 0 and verb > 0:
                start = sentence.start
            else:
                start = tokens[floor].start if floor < len(tokens) else sentence.start
            # Up to the closing quote of the words ('"...," Smith, 54, said'), else the comma
            # before the subject.
            closing = next(
                (
                    m
                    for m in range(floor + 1, verb)
                    if tokens[m].text in ("”", '"') and tokens[m - 1].text in (",", "!", "?")
                ),
                None,
            )
            k = verb - 1
            while k > floor and tokens[k].text not in (",", "”", '"'):
                k -= 1
            if closing is not None:
                k = closing
            end = tokens[k].start if k > floor else tokens[verb].start
            first = next((t for t in tokens if t.start >= start), tokens[0])
            opened = tokens[0].text.lower() in _OPENERS or first.text.lower() in _OPENERS
            if opened and closing is None:
                # "In a rebuttal to claims that ..., Smith responded": a phrase that sets the
                # scene opens the sentence, not the words reported.
                return None
            return _trim(text, start, end) if end > start else None
        k = verb + 1
        word = tokens[verb].text.lower()
        verb_entry = self.lex.verbs.get(word)
        base = verb_entry.base if verb_entry is not None else word
        # Skip an addressee or a phrase of place and time: "told reporters that", "said in a
        # statement that", "warned on Sunday that".
        opener = tokens[k].text.lower() if k < len(tokens) else ""
        if base == "tell" or opener in PREPOSITIONS or opener in ADVERBS or opener in _DAYS:
            for m in range(k, min(len(tokens), k + _THAT_REACH)):
                if tokens[m].text.lower() == "that":
                    k = m
                    break
                if tokens[m].text in _QUOTE_MARKS or tokens[m].text in (";", ":"):
                    if base == "tell" and tokens[m].text != ";":
                        k = m  # "told AFP: ..." the words follow the addressee
                    break
            else:
                if base == "tell":
                    k = min(k + 1, len(tokens))
        # Skip what stands between the verb and the reported words: "warned Thursday that".
        skip = k
        while (
            skip < len(tokens)
            and skip < k + 4
            and (tokens[skip].text.lower() in ADVERBS or tokens[skip].text.lower() in _DAYS)
        ):
            skip += 1
        if skip < len(tokens) and tokens[skip].text.lower() == "that":
            k = skip
        while k < len(tokens) and (
            tokens[k].text.lower() in ("that", ":", ",")
            # "said only that ...", but "said only five percent ...": too few, a judgement
            or (
                tokens[k].text.lower() == "only"
                and not (k + 1 < len(tokens) and amount_word(tokens[k + 1].text.lower()))
            )
        ):
            k += 1
        if k >= len(tokens):
            return None
        if (
            verb_entry is not None
            and verb_entry.cue is None
            and k == verb + 1
            and tokens[k].text.lower() in ("on", "about", "of")
        ):
            return None  # "report on Kim’s activities", "spoke about the trip": a topic, no words
        if (
            verb_entry is not None
            and verb_entry.cue is None
            and k == verb + 1
            and tokens[k].text.lower() in PREPOSITIONS
            and any(t.text in ("”", '"') for t in tokens[:verb])
            and not any(self._verb_like(t.text) for t in tokens[k + 1 :])
        ):
            return None  # '"...," Mugabe said at the funeral of a fighter.': a place, no words
        start = tokens[k].start
        end = sentence.end
        if base in NAMING_VERBS:
            # "calling the move “childish”": the judgement ends with its clause, unless the
            # comma only separates quoted words: called it "arbitrary", "tangibly illegal" (or,
            # with the comma inside the marks, "reckless," "costly").
            relative = False
            for m in range(k + 1, len(tokens)):
                if tokens[m].text not in (",", ";"):
                    continue
                if relative:
                    relative = False  # the end of "..., who had been fighting for months,"
                    continue
                if m + 1 < len(tokens) and tokens[m + 1].text in ("who", "which"):
                    relative = True
                    continue
                after = [t.text for t in tokens[m + 1 : m + 3]]
                outside = tokens[m - 1].text in _QUOTE_MARKS and after[:1] in (["“"], ['"'])
                inside = after == ["”", "“"] or after == ['"', '"']
                listed = tokens[m].text == "," and (outside or inside)
                if not listed:
                    end = tokens[m].start
                    break
        quotation = self.doc.in_quotation(start + 1) if text[start] in '“"' else None
        if quotation is not None and quotation.end > end:
            end = quotation.end
        cut = self.cut.search(text, start, end)
        if cut:
            end = cut.start()
        start, end = _trim(text, start, end)
        return (start, end) if end > start else None

    def _inverted(self, tokens: list[Token], verb: int, subject_after: bool, floor: int) -> bool:
        """Whether the content stands before the subject: "“...,” he said in a statement."."""
        if subject_after:
            return True
        before = [t for t in tokens[floor:verb] if t.text == "," or t.text in _QUOTE_MARKS]
        if not before or verb < 3:
            return False
        opener = tokens[floor].text.lower() if floor < verb else ""
        if (
            opener in PREPOSITIONS
            or opener in _OPENING_WORDS
            or (opener.endswith("ing") and tokens[floor].text[:1].isupper())
        ):
            # "Speaking in Guatemala City, Rubio cautioned against ...", "In a statement, she
            # said ...": an opening phrase, not the reported words.
            return False
        commas = [m for m in range(floor, verb) if tokens[m].text == ","]
        if commas and not any(t.text in _QUOTE_MARKS for t in tokens[floor:verb]):
            described = tokens[floor : commas[0]]
            if (
                0 < len(described) <= _DESCRIPTION_WORDS
                and described[-1].text.lower() in self.lex.describing_titles
                and not any(self._verb_like(t.text) for t in described)
            ):
                # "Afghanistan's president, Hamid Karzai criticized ...": a short phrase ending in
                # a title, with no verb, before the subject describes it and reports nothing.
                return False
        k = verb + 1
        entry = self.lex.verbs.get(tokens[verb].text.lower())
        if entry is not None and entry.base == "tell":
            # Skip the addressee: "told Russian media", "told reporters", "told VOA".
            while (
                k < len(tokens)
                and k < verb + 5
                and (
                    tokens[k].text[:1].isupper()
                    or tokens[k].text in ("’s", "'s", "the", "“", "”", '"')
                    or tokens[k].text.lower() in ("reporters", "journalists", "media")
                )
            ):
                k += 1
        rest = [t.text.lower() for t in tokens[k:] if t.text not in (".", "!", "?", "”", '"')]
        if "that" in rest[:_THAT_REACH]:
            return False  # "said in a statement that ...": the content follows
        if rest[:2] in (["at", "least"], ["at", "most"], ["more", "than"], ["up", "to"]):
            return False  # "believe at least 10 women were victims": an amount opens the words
        return not rest or rest[0] in PREPOSITIONS or rest[0] in ADVERBS

    def sentence_frames(self, sentence: Sentence) -> list[_Frame]:
        reread = self.doc.reread
        if reread is not None:
            if sentence.index not in reread:
                return []
        elif not _may_report(self.text[sentence.start : sentence.end], self.lex):
            return []
        tokens = self.doc.tokens(sentence)
        if not tokens:
            return []
        found = _predicates(tokens, self.lex, self.starters)
        moods, silent = found.moods, found.silent
        hits = [
            h
            for h in found.hits
            if self.doc.in_quotation(tokens[h[0]].start) is None or self._quoted_verb(tokens, h[0])
        ]
        if any(h[1] is None for h in hits):
            # A quotation here has a speaker of its own, even one that is not an actor
            # ("the report says"): the previous paragraph's speaker does not inherit it.
            self.attributed.add(sentence.paragraph)
        hits.sort()
        verbs = [k for k, _, _ in hits]
        frames: list[_Frame] = []
        for k, cue, strict in hits:
            word = tokens[k].text.lower()
            if k + 1 < len(tokens) and tokens[k + 1].text.lower() in _MOTION:
                continue  # "the train slammed into a freight train": a movement, no words
            verb = self.lex.verbs.get(word)
            if (
                cue is None
                and verb is not None
                and verb.negated is not None
                and self._negated(tokens, k)
            ):
                # "did not agree with it": the negated verb voices the concern itself.
                cue = verb.negated
            elif cue is not None and self._decides(tokens, k, cue):
                # "rejected his asylum request": a decision; the request is someone else's
                # words, and only what the speaker goes on to say (after a colon) is judged.
                cue = None
                if not any(t.text == ":" for t in tokens[k + 1 :]):
                    silent.add(k)
            elif cue is not None and (self._negated(tokens, k) or self._allays(tokens, k, cue)):
                # "did not criticise", "has never accused"; "dismissed fears that ...": the
                # speaker voices no concern, and the words reported are not one either.
                cue = None
                silent.add(k)
            if word == "according":
                frames.append(self._according(sentence, tokens, k))
                continue
            quoted = self._quoted_as_saying(tokens, k)
            if quoted is not None:
                if quoted < k:
                    # "Smith was quoted (by Reuters) as saying ...": the subject of "quoted"
                    # speaks; the agent only reports. "Reuters quoted Smith as saying ...": the
                    # object does.
                    quoted_object = [
                        c
                        for c in self._candidates(sentence, tokens, quoted + 1, k - 1)
                        if c[2] is not None
                    ]
                    holder: int | None
                    subject_start: int | None
                    if quoted_object and tokens[quoted - 1].text.lower() not in _BE:
                        holder, subject_start = quoted_object[0][2], quoted_object[0][0]
                    else:
                        holder, subject_start, _ = self._main_subject(sentence, tokens, quoted)
                    content = self._content(sentence, tokens, k, k, inverted=False)
                    frames.append(_Frame(sentence, k, cue, holder, subject_start, content))
                continue
            floor = self._boundaries(tokens, k, verbs)
            if k in found.nouns:
                if k + 1 < len(tokens) and tokens[k + 1].text.lower() == "as":
                    # "described Rubio's remarks as slander": the words after "as" are the
                    # describer's, not the remarks'.
                    continue
                holder, subject_start = self._possessor(sentence, tokens, k)
                if holder is None and _caused(tokens, k):
                    # "Tsvangirai pulled out due to fears of violence": the fears that move the
                    # subject to act are the subject's; the words run from its act.
                    actors = [c for c in self._candidates(sentence, tokens, 0, k) if not c[3]]
                    holder = actors[-1][2] if actors else None
                    subject_start = _act_start(tokens, k)
                source = _source_after(tokens, k)
                if holder is None and source is not None and _possessive_mark(tokens, k) is None:
                    # The source right after "from"/"by" holds the noun's stance; the words
                    # run from the noun to the source.
                    near = min(len(tokens), source + 6)
                    sources = self._candidates(sentence, tokens, source, near)
                    first = source + (tokens[source].text.lower() in ("the", "a", "an"))
                    if (
                        sources
                        and sources[0][2] is not None
                        and sources[0][0] <= tokens[first].start
                    ):
                        content = (tokens[k].start, sources[0][1])
                        frames.append(
                            _Frame(sentence, k, cue, sources[0][2], tokens[k].start, content, False)
                        )
                    continue
                if holder is not None:
                    content = self._content(sentence, tokens, k, k, inverted=False)
                    frames.append(
                        _Frame(sentence, k, cue, holder, subject_start, content, k in silent)
                    )
                continue
            if (
                word.endswith("ed")
                and k + 1 < len(tokens)
                and tokens[k + 1].text.lower() in ("of", "for", "as", "with")
                and (
                    tokens[k - 1].text.lower() in ("was", "were", "been", "being", "is", "are")
                    or tokens[k - 1].end not in self._mention_ends(sentence)
                )
            ):
                # "nationals accused of entering", "was criticised for": a passive without its
                # agent; the one named before it is accused, not accusing ("Shipping groups
                # warned of delays" is active). With its agent further on ("were charged with
                # corruption by Egyptian authorities"), the agent holds the words.
                late = self._late_agent(sentence, tokens, k)
                if late is not None:
                    holder, subject_start, agent_end = late
                    content = _trim(self.text, tokens[k].start, agent_end)
                    frames.append(
                        _Frame(sentence, k, cue, holder, subject_start, content, k in silent)
                    )
                continue
            passive = self._agent(sentence, tokens, k)
            relayed = self.lex.verbs.get(word)
            if passive is not None and relayed is not None and relayed.relayed:
                # "Cardinal George is quoted by Fox 32 Chicago responding: ...": the outlet only
                # relays; the subject speaks.
                holder, subject_start, _ = self._main_subject(sentence, tokens, k)
                if holder is not None:
                    content = self._content(sentence, tokens, k, passive[2], inverted=False)
                    frames.append(
                        _Frame(sentence, k, cue, holder, subject_start, content, k in silent)
                    )
                continue
            if passive is not None:
                # "described by U.S. officials as ...", "was criticised by rights groups": the
                # agent of a passive holds the words.
                holder, subject_start, content_from = passive
                content = None
                if content_from < len(tokens):
                    content = _trim(self.text, tokens[content_from].start, sentence.end)
                frames.append(_Frame(sentence, k, cue, holder, subject_start, content, k in silent))
                continue
            if word.endswith("ing") and k > 1 and tokens[k - 1].text.lower() == "by":
                # "Smith responded by warning that ...", "reacted by claiming": the means of
                # the main clause's act, whose subject speaks.
                holder, subject_start, _ = self._main_subject(sentence, tokens, k)
                if holder is not None:
                    frames.append(
                        self._verb_frame(sentence, tokens, k, cue, holder, subject_start, silent)
                    )
                continue
            document = self._document_before(tokens, k) if word.endswith("ing") else None
            if document is not None:
                # "Hamas issued a statement saying ...", "released a report on Sunday warning
                # that ...": the document's words, its author's.
                owner = self.published.get(tokens[document].text.lower())
                if owner is not None and owner[1] == sentence.index:
                    holder, subject_start = owner[0], None
                else:
                    holder, subject_start, _ = self._main_subject(sentence, tokens, k)
                if holder is not None:
                    frames.append(
                        self._verb_frame(sentence, tokens, k, cue, holder, subject_start, silent)
                    )
                continue
            if (
                word.endswith("ing")
                and (k == 0 or tokens[k - 1].text.lower() not in (",", "and", *AUXILIARIES))
                and not (k > 0 and tokens[k - 1].text.lower() in ("is", "are", "am", "been", "be"))
                and not (k > 0 and tokens[k - 1].end in self._mention_ends(sentence))
                # "committed to boycotting", "vowed to keep protesting": the subject's deed
                and not (
                    k > 1
                    and tokens[k - 1].text.lower() == "to"
                    and tokens[k - 2].text.lower().endswith("ed")
                    and tokens[k - 2].text.lower() not in ("used", "opposed")
                )
                # "are also boycotting", "is now warning": a tense over an adverb
                and not (
                    k > 1
                    and tokens[k - 1].text.lower() in ADVERBS
                    and tokens[k - 2].text.lower() in AUXILIARIES
                )
            ):
                # "with some pledging to ...", "Speaking in Guatemala City, ...": a participle
                # that is neither a tense ("is warning"), nor attached to the main clause, nor
                # right after its own subject ("with Boswell stating").
                continue
            if word.endswith("ing") and k > 1 and tokens[k - 1].end in self._mention_ends(sentence):
                # "with the White House telling VOA ...", "with Boswell stating": the participle's
                # own subject, right before it.
                # Not a recipient's: "a letter to Secretary Kristi Noem warning that ..." is the
                # letter's.
                own = [
                    m
                    for m in self.by_sentence.get(sentence.index, [])
                    if m.end == tokens[k - 1].end and not self._after_preposition(tokens, m.start)
                ]
                own.sort(key=lambda m: m.start)
                holder, subject_start = (own[0].entity, own[0].start) if own else (None, None)
                if holder is None:
                    holder, subject_start, _ = self._main_subject(sentence, tokens, k)
                if holder is not None:
                    frames.append(
                        self._verb_frame(sentence, tokens, k, cue, holder, subject_start, silent)
                    )
                    continue
            if word.endswith("ing") and k > 0 and tokens[k - 1].text in (",", "and", ";"):
                # "..., warning that ...": the participle's subject is the main clause's, or
                # that of a clause between ("gathered days after Trump upended the policy,
                # suggesting ...": Trump's).
                holder, subject_start = self._nearest_subject(sentence, tokens, k, verbs)
                if holder is None:
                    holder, subject_start, _ = self._main_subject(sentence, tokens, k)
                content = self._content(sentence, tokens, k, floor, inverted=False)
                frames.append(_Frame(sentence, k, cue, holder, subject_start, content, k in silent))
                continue
            if (
                k > 1
                and tokens[k - 1].text.lower() in ("and", "but")
                and frames
                and frames[-1].holder is not None
                and frames[-1].verb < k
                and k not in moods
            ):
                # "The agency said the quakes were strong and warned there could be more": the
                # second verb shares the first one's subject.
                content = self._content(sentence, tokens, k, k, inverted=False)
                # Its subject stands before the first verb: the quote starts at this one.
                frames.append(
                    _Frame(sentence, k, cue, frames[-1].holder, None, content, k in silent)
                )
                continue
            if (
                cue is not None
                and cue is not ConcernKind.concern
                and word.endswith("ed")
                and k > 0
                and tokens[k - 1].text.lower() in _BE
            ):
                continue  # "Officials, who were criticised, resigned": done to them, no agent
            # 'it "deplores ..."': the subject stands before the quotation mark.
            at = k
            if self._quoted_verb(tokens, k):
                at = k - 1
                floor = min(floor, self._boundaries(tokens, at, verbs))
            holder, subject_start, after = self._subject(
                sentence, tokens, at, floor, strict, speaking=k not in moods
            )
            if holder is None or self._rules(tokens, at):
                continue
            inverted = self._inverted(tokens, k, after, floor)
            verb = self.lex.verbs.get(word)
            if (
                verb is not None
                and verb.spoken
                and not inverted
                and (k + 1 >= len(tokens) or tokens[k + 1].text not in (":", "“", '"', ","))
            ):
                continue  # "continue to get paid": no words reported
            content = self._content(sentence, tokens, k, floor, inverted)
            frames.append(_Frame(sentence, k, cue, holder, subject_start, content, k in silent))
        return frames

    def _rules(self, tokens: list[Token], k: int) -> bool:
        """Whether the verb at ``k`` follows a court or a judge as its subject ("the Netherlands'
        highest court rejected the case", "their judge dismissed his plea"): a ruling, a fact of
        the story, whoever the possessor is."""
        m = k - 1
        while m >= 0 and (
            tokens[m].text.lower() in ADVERBS or tokens[m].text.lower() in AUXILIARIES
        ):
            m -= 1
        word = tokens[m].text.lower() if m >= 0 else ""
        return word in self.lex.ruling_heads or word in self.lex.ruling_titles

    def _quoted_verb(self, tokens: list[Token], k: int) -> bool:
        """Whether the verb at ``k`` opens a quotation whose subject stands outside it: 'saying
        it "deplores the unilateral action"', 'Smith "strongly condemned" the attack'."""
        if k < 2 or tokens[k - 1].text not in ('"', "“"):
            return False
        quotation = self.doc.in_quotation(tokens[k].start)
        if quotation is None or quotation.start != tokens[k].start:
            return False
        subject = tokens[k - 2].text
        return subject.lower() in _SUBJECT_PRONOUNS or (subject[:1].isupper() and subject.isalpha())

    @staticmethod
    def _negated(tokens: list[Token], k: int) -> bool:
        """Whether a negation stands before the cue at ``k``, over adverbs and auxiliaries
        ("did not criticise", "has never accused"), but not "not only criticised"."""
        for m in range(k - 1, max(-1, k - 4), -1):
            word = tokens[m].text.lower()
            if word in ("not", "never", "n't") or word.endswith("n't"):
                return True
            if word == "only" or not (word in ADVERBS or word in AUXILIARIES):
                return False
        return False

    def _decides(self, tokens: list[Token], k: int, cue: ConcernKind) -> bool:
        """Whether a rejection turns down a request ("rejected his asylum request", "rejected a
        call for a boycott"): a decision, no judgement; what the speaker says with it is judged
        like any words."""
        verb = self.lex.verbs.get(tokens[k].text.lower())
        if cue is not ConcernKind.criticism or verb is None or verb.base not in _ALLAYING:
            return False
        return any(
            tokens[m].text.lower() in self.lex.request_nouns
            for m in range(k + 1, min(len(tokens), k + 4))
        )

    def _allays(self, tokens: list[Token], k: int, cue: ConcernKind) -> bool:
        """Whether a rejection rejects a concern ("dismissed fears", "rejected warnings"): a
        reassurance (gold/GUIDE.md)."""
        if cue is not ConcernKind.criticism:
            return False
        verb = self.lex.verbs.get(tokens[k].text.lower())
        if verb is None or verb.base not in _ALLAYING:
            return False
        for m in range(k + 1, min(len(tokens), k + 4)):
            named = self.lex.attribution_nouns.get(tokens[m].text.lower())
            if named is not None:
                return named[0] in (ConcernKind.concern, ConcernKind.warning, ConcernKind.doubt)
        return False

    def _quoted_as_saying(self, tokens: list[Token], k: int) -> int | None:
        """For "saying" in "quoted ... as saying", the index of "quoted"; for that "quoted",
        the index of "saying" (a larger one); else None."""
        word = tokens[k].text.lower()
        if word == "saying" and k > 1 and tokens[k - 1].text.lower() == "as":
            for m in range(k - 2, max(-1, k - _QUOTED_REACH), -1):
                if tokens[m].text.lower() in _QUOTES:
                    return m
        elif word in _QUOTES:
            for m in range(k + 1, min(len(tokens) - 1, k + _QUOTED_REACH)):
                if tokens[m].text.lower() == "as" and tokens[m + 1].text.lower() == "saying":
                    return m + 1
        return None

    def _mention_ends(self, sentence: Sentence) -> set[int]:
        if self._ends_of[0] != sentence.index:
            self._ends_of = (
                sentence.index,
                {m.end for m in self.by_sentence.get(sentence.index, [])},
            )
        return self._ends_of[1]

    def _agent(
        self, sentence: Sentence, tokens: list[Token], verb: int, after_complement: bool = False
    ) -> tuple[int, int, int] | None:
        """(agent, its start, where the words begin) for a passive reporting verb with its
        "by" agent ("described by officials as"), else None."""
        word = tokens[verb].text.lower()
        # A regular participle, or an irregular one after a be-form ("was told by Smith").
        passive = (
            after_complement
            or word.endswith("ed")
            or (verb > 0 and tokens[verb - 1].text.lower() in _BE)
        )
        if not passive or verb + 2 >= len(tokens) or tokens[verb + 1].text != "by":
            return None
        after = [
            c
            for c in self._candidates(sentence, tokens, verb + 2, min(len(tokens), verb + 10))
            if c[2] is not None
        ]
        # The agent follows "by" at once, or after its title: "by Prime Minister Boris Johnson".
        if not after or any(
            t.start < after[0][0] and not (t.text[:1].isupper() or t.text in _DETERMINERS)
            for t in tokens[verb + 2 : verb + 10]
        ):
            return None
        agent_end = after[0][1]
        k = verb + 2
        while k < len(tokens) and tokens[k].start < agent_end:
            k += 1
        if k < len(tokens) and tokens[k].text.lower() in ("as", "of", "for", "that"):
            k += 1
        agent = after[0][2]
        return None if agent is None else (agent, after[0][0], k)

    def _verb_frame(
        self,
        sentence: Sentence,
        tokens: list[Token],
        k: int,
        cue: ConcernKind | None,
        holder: int,
        subject_start: int | None,
        silent: set[int],
    ) -> _Frame:
        """The frame of the verb at ``k`` whose words follow it, for a holder found apart."""
        content = self._content(sentence, tokens, k, k, inverted=False)
        return _Frame(sentence, k, cue, holder, subject_start, content, k in silent)

    def _late_agent(
        self, sentence: Sentence, tokens: list[Token], verb: int
    ) -> tuple[int, int, int] | None:
        """(agent, its start, where it ends) of a passive cue whose "by" agent follows its
        complement ("accused of fraud by prosecutors"), within the clause, else None."""
        for m in range(verb + 2, min(len(tokens) - 1, verb + 2 + _LATE_AGENT_REACH)):
            text = tokens[m].text
            if text in (",", ";", ":") or text.lower() in _RELATIVES or text.lower() == "that":
                return None
            if text == "by":
                agent = self._agent(sentence, tokens, m - 1, after_complement=True)
                if agent is None:
                    return None
                return agent[0], agent[1], tokens[agent[2] - 1].end
        return None

    def _possessor(
        self, sentence: Sentence, tokens: list[Token], noun: int
    ) -> tuple[int | None, int | None]:
        """Who owns an attributing noun: the name before its "’s", or the actor a possessive
        pronoun stands for ("his" the latest person, "their" the latest group)."""
        at = _possessive_mark(tokens, noun)
        mark = tokens[noun - 1 if at is None else at]
        pronoun = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(mark.text.lower())
        if pronoun is not None:
            opener = tokens[0].text.lower()
            comma = next((m for m in range(noun, len(tokens)) if tokens[m].text == ","), None)
            if comma is not None and (opener.endswith("ing") or opener in PREPOSITIONS):
                # "Discussing his concern in a statement, Malaysia’s Prime Minister ... said":
                # the pronoun of an opening phrase is the main clause's subject.
                after = [
                    c
                    for c in self._candidates(sentence, tokens, comma + 1, len(tokens))
                    if not c[3]
                ]
                if after:
                    return after[0][2], None
            # The quote starts at the pronoun: "Her biggest fear is that ...".
            return self._pronoun(pronoun, mark.start, sentence.index, speaking=True), mark.start
        for mention in self.by_sentence.get(sentence.index, []):
            if mention.end <= mark.start and not self.text[mention.end : mark.start].strip():
                return mention.entity, mention.start
        return None, None

    def _according_words(
        self, sentence: Sentence, tokens: list[Token], k: int
    ) -> tuple[int, int] | None:
        """The words an "according to" at ``k`` gives its source: the clause before it, or the
        one after its comma."""
        text = self.text
        content: tuple[int, int] | None
        if k > 0 and tokens[k - 1].text == ",":
            content = _trim(text, sentence.start, tokens[k - 1].start)
        else:
            comma = next((m for m in range(k, len(tokens)) if tokens[m].text == ","), None)
            # "According to Novak, a local engineer, the dam ...": the source's role is no part
            # of its words.
            if (
                comma is not None
                and comma + 1 < len(tokens)
                and tokens[comma + 1].text.lower() in ("a", "an")
            ):
                second = next(
                    (
                        m
                        for m in range(comma + 2, min(len(tokens), comma + _APPOSITIVE_REACH))
                        if tokens[m].text == ","
                    ),
                    None,
                )
                if (
                    second is not None
                    and second + 1 < len(tokens)
                    and not any(
                        tokens[m].text.lower() in _BE or tokens[m].text.lower() in MODALS
                        for m in range(comma + 2, second)
                    )
                ):
                    comma = second
            content = _trim(text, tokens[comma].end, sentence.end) if comma else None
        return content

    def _according(self, sentence: Sentence, tokens: list[Token], k: int) -> _Frame:
        # "according to the complaint": the document's author, when the article named one
        holder = self._document_owner(sentence, tokens, k + 3) if k + 3 < len(tokens) else None
        if holder is None:
            # "according to the 2010 Global Trends report by the UNHCR": the document's author
            # speaks, not the words that name the document.
            noun = self._document_named(tokens, k + 2)
            if noun is not None:
                authored = self._document_author(
                    sentence, tokens, noun, min(len(tokens), noun + _APPOSITIVE_REACH)
                )
                holder = authored[0] if authored is not None else None
                if holder is None:
                    # "According to the report, violence is rising": the report speaks, not
                    # the first actor its words name; its author if one was named before.
                    owner = self.published.get(tokens[noun].text.lower())
                    holder = owner[0] if owner is not None else None
                    return _Frame(
                        sentence, k, None, holder, None, self._according_words(sentence, tokens, k)
                    )
        if holder is None:
            after = self._candidates(sentence, tokens, k + 2, min(len(tokens), k + 10))
            holder = after[0][2] if after else None
        content = self._according_words(sentence, tokens, k)
        return _Frame(sentence, k, None, holder, None, content)

    def _document_named(self, tokens: list[Token], k: int) -> int | None:
        """The document noun of a phrase opening at ``k`` over its determiner, a year and the
        document's own name: "the 2010 Global Trends report", "a new report"."""
        for m in range(k, min(len(tokens), k + 2 + _DOCUMENT_REACH + _DOCUMENT_NAME)):
            word = tokens[m].text
            if word.lower() in self.lex.document_nouns:
                return m
            if not (
                word.isdigit()
                or word[:1].isupper()
                or word.lower() in ("the", "a", "an", "its", "their", "new", "latest", "annual")
            ):
                return None
        return None

    def _document_before(self, tokens: list[Token], k: int) -> int | None:
        """The document noun a participle at ``k`` follows, over a short phrase of time or
        occasion: "a statement saying", "a report on Sunday warning", "a statement following
        the press conference saying"."""
        for m in range(k - 1, max(-1, k - 1 - _OCCASION_REACH), -1):
            word = tokens[m].text.lower()
            if word in self.lex.document_nouns:
                return m
            if not word.isalpha() or word in self.lex.verbs:
                return None
        return None

    def _publishes(self, sentence: Sentence) -> None:
        """ "AMD filed an antitrust complaint", "Oxfam released a report": the actor right before
        a verb of issuing is the author of the document named a few words after it."""
        mentions = self.by_sentence.get(sentence.index)
        if not mentions:
            return
        tokens = self.doc.tokens(sentence)
        starts = [t.start for t in tokens]
        for mention in mentions:
            k = bisect.bisect_left(starts, mention.end)
            if k < len(tokens) and tokens[k].text.lower() in self.lex.document_nouns:
                # "A World Bank report released yesterday": the name before the document's
                # noun is its author.
                self.published[tokens[k].text.lower()] = (mention.entity, sentence.index)
                continue
            while k < len(tokens) and tokens[k].text.lower() in AUXILIARIES:
                k += 1
            if k >= len(tokens) or tokens[k].text.lower() not in _ISSUING:
                continue
            for m in range(k + 1, min(len(tokens), k + 2 + _DOCUMENT_REACH)):
                word = tokens[m].text.lower()
                if word in self.lex.document_nouns:
                    self.published[word] = (mention.entity, sentence.index)
                    break
                if not word.isalpha() and "-" not in word:
                    break

    def _document_owner(self, sentence: Sentence, tokens: list[Token], k: int) -> int | None:
        """Who issued "the <document>" at ``k`` (the noun): the author of the last such
        document named in a recent sentence, if the article names one."""
        if k < 1 or tokens[k - 1].text.lower() not in ("the", "this", "its", "their"):
            return None
        owner = self.published.get(tokens[k].text.lower())
        if owner is None or sentence.index - owner[1] > _DOCUMENT_SENTENCES:
            # "The ministry confirmed that ... The statement said": a document nobody was
            # named issuing is the one whose words the sentence before reported.
            if (
                k == 1
                and tokens[0].text == "The"
                and len(tokens) > 2
                and tokens[2].text.lower() in self.lex.verbs
            ):
                return self.speaker_of_sentence.get(sentence.index - 1)
            return None
        return owner[0]

    def _document_author(
        self, sentence: Sentence, tokens: list[Token], lo: int, hi: int
    ) -> tuple[int | None, int | None, bool] | None:
        """For a subject such as "A statement released by Acme Corp" or "a letter from the
        ministry", the author named after the document's noun."""
        nouns = [
            k
            for k in range(lo, min(hi, lo + 3))
            if tokens[k].text.lower() in self.lex.document_nouns
        ]
        if not nouns:
            return None
        for start, _, entity, _ in self._candidates(sentence, tokens, nouns[0] + 1, hi):
            k = next((m for m in range(nouns[0] + 1, hi) if tokens[m].start == start), None)
            if k is not None and tokens[k - 1].text.lower() in ("the", "a", "an"):
                k -= 1
            if (
                entity is not None
                and k is not None
                and tokens[k - 1].text.lower() in _AUTHORS
                and tokens[k - 2].text.lower() not in _SEEN
            ):
                return entity, start, False
        owner = self._document_owner(sentence, tokens, nouns[0])
        if owner is not None:
            # "AMD filed a complaint. ... The complaint alleges": its author speaks.
            return owner, tokens[nouns[0] - 1].start, False
        return None

    def _after_preposition(self, tokens: list[Token], start: int) -> bool:
        """Whether the name starting at ``start`` follows a preposition, over its title: "to
        Homeland Security Secretary Kristi Noem"."""
        k = next((i for i, t in enumerate(tokens) if t.start == start), None)
        if k is None:
            return False
        k -= 1
        while k >= 0 and (
            tokens[k].text[:1].isupper() or tokens[k].text.lower() in self.lex.titles
        ):
            k -= 1
        if k >= 0 and tokens[k].text.lower() in ("the", "a", "an"):
            k -= 1
        # "with the White House telling ...": "with" opens a clause of its own.
        return k >= 0 and tokens[k].text.lower() in PREPOSITIONS and tokens[k].text != "with"

    def _nearest_subject(
        self, sentence: Sentence, tokens: list[Token], verb: int, verbs: list[int]
    ) -> tuple[int | None, int | None]:
        """The actor right before the verb of the last clause before ``verb``, unless that clause
        is inside reported words (after the sentence's first reporting verb the words are the
        speaker's): "gathered days after Trump upended the policy, suggesting" gives Trump."""
        first_report = min((v for v in verbs if v < verb), default=verb)
        starts = [t.start for t in tokens]
        best: Mention | None = None
        for mention in self.by_sentence.get(sentence.index, []):
            after = bisect.bisect_left(starts, mention.end)
            if after >= verb or after > first_report:
                continue
            word = tokens[after].text.lower()
            if (
                after in verbs
                or word in self.lex.irregular_past
                or (word.isalpha() and len(word) > 4 and word.endswith("ed"))
            ) and (best is None or mention.start > best.start):
                best = mention
        return (best.entity, best.start) if best is not None else (None, None)

    def _main_subject(
        self, sentence: Sentence, tokens: list[Token], verb: int
    ) -> tuple[int | None, int | None, bool]:
        begin = 0
        if tokens and tokens[0].text.lower() in _OPENERS:
            # "In a rebuttal to claims that his country oppressed women, Smith responded": the
            # subject follows the scene-setting phrase.
            begin = next((m + 1 for m in range(verb) if tokens[m].text == ","), 0)
        for candidate in self._candidates(sentence, tokens, begin, verb):
            if not candidate[3]:
                return candidate[2], candidate[0], False
        return None, None, False

    # Concerns --------------------------------------------------------------------------------
    def run(self, checkpoint: Checkpoint) -> list[FoundConcern]:
        doc = self.doc
        paragraph_frames: dict[int, list[_Frame]] = {}
        # A paragraph that ends "..., stating:" hands the next one to its speaker, quotation
        # marks or not: (the next paragraph, the speaker).
        announced: tuple[int, int] | None = None
        # The announced paragraph when it is an item of a list: the items after it are the
        # speaker's too ("The complaint alleges:" then "• Intel paid ...", "• Intel threatened ...").
        listed: int | None = None
        previous_paragraph = -1
        # The paragraph an interview label gives to a speaker: (paragraph, speaker, where the
        # label's words end).
        labelled: tuple[int, int, int] | None = None
        # The paragraph the interviewer's label opens: the outlet asks, nobody in the story.
        asking = -1
        for sentence in doc.sentences:
            checkpoint()
            if sentence.role != BODY:
                continue
            opens = sentence.paragraph != previous_paragraph
            previous_paragraph = sentence.paragraph
            if opens:
                label = self._label(sentence)
                labelled = (sentence.paragraph, *label) if label is not None else None
                if label is None and self._interviewer(sentence):
                    asking = sentence.paragraph
            if asking == sentence.paragraph:
                continue  # "((WN)) Do you think ...?": the outlet's questions voice nothing
            if opens and announced is not None:
                item = _LIST_ITEM.match(self.text, sentence.start) is not None
                if item and listed is not None and sentence.paragraph == listed + 1:
                    announced = (sentence.paragraph, announced[1])
                listed = sentence.paragraph if item and announced[0] == sentence.paragraph else None
            self._publishes(sentence)
            frames = self.sentence_frames(sentence)
            if labelled is not None and labelled[0] == sentence.paragraph:
                self.speaker_of_paragraph[sentence.paragraph] = labelled[1]
                if not any(f.holder is not None for f in frames):
                    start = max(sentence.start, labelled[2])
                    for kind, point_start, end in self._points(start, sentence.end):
                        self._add(labelled[1], kind, point_start, end, point_start)
            for frame in frames:
                if frame.holder is not None:
                    self.speaker_of_sentence[sentence.index] = frame.holder
                    self.speaker_of_paragraph[sentence.paragraph] = frame.holder
            if not any(f.holder is not None for f in frames):
                self._introduces(sentence)
                if announced is not None and announced[0] == sentence.paragraph:
                    for kind, start, end in self._points(sentence.start, sentence.end):
                        self._add(announced[1], kind, start, end, start)
            speaker = next((f.holder for f in reversed(frames) if f.holder is not None), None)
            if speaker is not None and self.text[sentence.start : sentence.end].rstrip().endswith(
                ":"
            ):
                announced = (sentence.paragraph + 1, speaker)
            paragraph_frames.setdefault(sentence.paragraph, []).extend(frames)
            self._frame_concerns(frames)
            self._named_critics(sentence)
            self._critic_of(sentence)
        for quotation in doc.quotations:
            checkpoint()
            self._quotation_concern(quotation, paragraph_frames)
        checkpoint()
        return self._dedupe()

    def _ends_clause(self, sentence: Sentence, k: int) -> bool:
        """Whether the word at ``k`` is the last of its clause: a stop, a comma or a dash next."""
        tokens = self.doc.tokens(sentence)
        return k + 1 >= len(tokens) or tokens[k + 1].text in (".", ",", ";", "!", "?", "—", "”")

    def _label(self, sentence: Sentence) -> tuple[int, int] | None:
        """The speaker an interview label at the start of a paragraph names, and where the
        label ends: "Andrew Bor: ..." by a mention of a person, "AAF: ..." by the initials of
        a person named in the article. A label of nobody ("WN:", "Note:") names no one."""
        match = _LABEL.match(self.text, sentence.start)
        if match is None:
            return None
        label = match.group("wrapped") or match.group("plain")
        label_end = match.start() + len(label) + (2 if match.group("wrapped") else 0)
        for mention in self.by_sentence.get(sentence.index, []):
            if (
                mention.start == match.start()
                and mention.end == label_end
                and self.cast.entities[mention.entity].kind is ActorKind.person
            ):
                return mention.entity, match.end()
        if not (label.isalpha() and label.isupper() and 2 <= len(label) <= _LABEL_INITIALS):
            return None
        owners = [
            index
            for index, entity in enumerate(self.cast.entities)
            if entity.kind is ActorKind.person and _initials_of(entity.name) == label
        ]
        return (owners[0], match.end()) if len(owners) == 1 else None

    def _interviewer(self, sentence: Sentence) -> bool:
        """Whether a paragraph opens with a label that names nobody in the story: the outlet's
        "((WN))", "((Wikinews))" or "WN:"."""
        match = _LABEL.match(self.text, sentence.start)
        if match is None:
            return False
        if match.group("wrapped") is not None:
            return True
        # "WN: Do you think ...?" asks; "KABUL: The Taliban warned ..." is a dateline's report.
        label = match.group("plain")
        paragraph = self.sentences_of.get(sentence.paragraph, [sentence])
        asks = any("?" in self.text[s.start : s.end] for s in paragraph)
        return label.isalpha() and label.isupper() and len(label) <= _LABEL_INITIALS and asks

    def _named_critics(self, sentence: Sentence) -> None:
        """ "critics such as Senator Ann Hale", "opponents including the farmers' union": each
        actor named as an example of the critics holds a criticism, quoted from the group noun to
        its name."""
        tokens = self.doc.tokens(sentence)
        mentions = self.by_sentence.get(sentence.index)
        if not mentions:
            return
        for k in range(len(tokens) - 2):
            if tokens[k].text.lower() not in _CRITICS:
                continue
            m = k + 1
            if tokens[m].text.lower() == "such" and tokens[m + 1].text.lower() == "as":
                m += 1
            elif tokens[m].text.lower() not in ("like", "including"):
                continue
            # The examples: mentions from the word after the link to the end of the list.
            start = tokens[m].end
            for mention in mentions:
                if mention.start <= start:
                    continue
                gap = self.text[start : mention.start]
                if len(gap.split()) > _EXAMPLE_GAP or any(c in gap for c in ".;:()"):
                    break
                self._add(
                    mention.entity, _K.criticism, tokens[k].start, mention.end, tokens[k].start
                )
                start = mention.end
                if not self.text.startswith((",", " and", ", and", " or"), start):
                    break

    def _critic_of(self, sentence: Sentence) -> None:
        """ "Sakharov was a fierce critic of the lack of civil liberties", "Jane Smith, a vocal
        opponent of the plan,": an actor described as a critic of something holds a criticism of
        it, quoted from the description to the end of its phrase."""
        text = self.text
        chunk = text[sentence.start : sentence.end]
        if "of" not in chunk or not any(word in chunk for word in _CRITIC_STEMS):
            return
        tokens = self.doc.tokens(sentence)
        starts = [t.start for t in tokens]
        for match in _CRITIC_OF.finditer(text, sentence.start, sentence.end):
            start = match.start("description")
            end = next(
                (m.start() for m in _PHRASE_END.finditer(text, match.end(), sentence.end)),
                sentence.end,
            )
            holder: int | None = None
            if match.group("link").startswith(","):
                before = [
                    m for m in self.by_sentence.get(sentence.index, []) if m.end == match.start()
                ]
                holder = before[-1].entity if before else None
            else:
                verb = bisect.bisect_left(starts, match.start("link") + 1)
                holder, _, _ = self._main_subject(sentence, tokens, verb)
            if holder is not None:
                self._add(holder, _K.criticism, start, end, start)

    def _introduces(self, sentence: Sentence) -> None:
        """A sentence that ends in a colon without a reporting verb ("She put it this way:")
        introduces the next paragraph's words: its subject speaks them."""
        if not self.text[sentence.start : sentence.end].rstrip().endswith(":"):
            return
        tokens = self.doc.tokens(sentence)
        holder, _, _ = self._main_subject(sentence, tokens, len(tokens))
        if holder is not None:
            self.speaker_of_sentence[sentence.index] = holder
            self.speaker_of_paragraph[sentence.paragraph] = holder

    def _frame_concerns(self, frames: list[_Frame]) -> None:
        # Nested frames: the innermost speaker with a concern holds it ("X said Y noted that ...").
        made: list[tuple[int, int]] = []
        for frame in sorted(frames, key=lambda f: -f.verb):
            if frame.holder is None:
                continue
            if frame.content is None:
                if frame.cue is not None and not frame.silent and frame.subject_start is not None:
                    # "which caused the home fans to worry", "Many residents protested": a cue
                    # that ends its clause voices the concern by itself.
                    verb_token = self.doc.tokens(frame.sentence)[frame.verb]
                    if self._ends_clause(frame.sentence, frame.verb):
                        self._add(
                            frame.holder,
                            frame.cue,
                            frame.subject_start,
                            verb_token.end,
                            frame.subject_start,
                        )
                continue
            start, end = frame.content
            if (
                frame.cue is None
                and (frame.subject_start or -1) > start
                and any(
                    other is not frame
                    and other.holder is not None
                    and other.holder != frame.holder
                    and other.content is not None
                    and other.verb < frame.verb
                    and other.content[0] <= start < other.content[1]
                    and other.cue is not None
                    for other in frames
                )
            ):
                # "Authorities are concerned that ..., Mr. Haddox said": the words are the
                # authorities' concern, which Haddox only reports.
                continue
            if frame.cue is None:
                # The report of a report: the inner speaker holds what follows its own words
                # ("X said the plan would fail, but retailers fear shortages").
                inner = [
                    other.subject_start
                    if other.subject_start is not None and other.subject_start > start
                    else self.doc.tokens(other.sentence)[other.verb].start
                    for other in frames
                    if other is not frame
                    and other.holder is not None
                    and start <= self.doc.tokens(other.sentence)[other.verb].start < end
                ]
                if inner:
                    end = min(inner)
                    if len(self.text[start:end].split()) < MIN_POINT_WORDS:
                        continue
                if any(s <= start < e or start <= s < end for s, e in made):
                    continue
            if frame.cue is None:
                if frame.silent:
                    continue
                verb = self.lex.verbs.get(self.doc.tokens(frame.sentence)[frame.verb].text.lower())
                if verb is not None and verb.asserts and _denies(self.text[start:end]):
                    continue  # "Israeli officials insist that there was no commitment"
                # Each point of the reported words is its own concern; the first keeps the
                # speaker's words before it.
                points = self._points(
                    start,
                    end,
                    naming=self._names(frame),
                    hoping=verb is not None and verb.wishes,
                )
                if not points:
                    continue
                for kind, point_start, point_end in points[1:]:
                    self._add_all(frame, kind, point_start, point_end, point_start)
                kind, first_start, end = points[0]
                if first_start > start:
                    self._add_all(frame, kind, first_start, end, first_start)
                    made.append((start, end))
                    continue
            else:
                kind = frame.cue
            quote_start = start
            tokens = self.doc.tokens(frame.sentence)
            verb_start = tokens[frame.verb].start
            if frame.subject_start is not None and frame.subject_start < verb_start < start:
                # The subject is kept when it stands close to its verb: "Experts said ...".
                gap = self.text[frame.subject_start : verb_start].split()
                # "Demonstrators gathered in the streets of Mogadishu to denounce the move":
                # a purpose in the subject's own clause keeps the subject however far.
                purpose = (
                    frame.verb > 0
                    and tokens[frame.verb - 1].text.lower() == "to"
                    and not any(c in self.text[frame.subject_start : verb_start] for c in ",;:—")
                )
                if len(gap) <= (MAX_PURPOSE_WORDS if purpose else MAX_SUBJECT_WORDS):
                    quote_start = frame.subject_start
                    opening = self.text[frame.sentence.start : quote_start]
                    if (
                        gap[-1].endswith(",")
                        and opening.endswith(", ")
                        and len(opening.split()) <= MAX_SUBJECT_WORDS
                    ):
                        # "Jane Smith's spokesman, Tom Brown, said": the description set off
                        # before the name opens the words, not the name and its comma.
                        quote_start = frame.sentence.start
            if frame.cue is not None:
                # The cue is the concern: "Tom Brown, an engineer, disagreed" keeps its verb.
                quote_start = min(quote_start, verb_start)
                end = max(end, tokens[frame.verb].end)
            # A holder's article belongs to its words: "the U.S. accused".
            for article_word in ("the ", "The "):
                if self.text.startswith(article_word, quote_start - 4):
                    quote_start -= 4
            quote_start, quote_end = _trim(self.text, quote_start, end)
            if len(self.text[quote_start:quote_end].split()) < 3:
                continue
            made.append((start, end))
            # A cue's own sentence reads best as the summary ("the U.S. accused North Korea of").
            summary_start = quote_start if frame.cue is not None else start
            self._add_all(frame, kind, quote_start, quote_end, summary_start)

    def _add_all(
        self, frame: _Frame, kind: ConcernKind, start: int, end: int, summary: int
    ) -> None:
        """The frame's concern for its holder and for each actor joined to it in the subject:
        "Both the United States and Iraq have warned Turkey" is the warning of both."""
        if frame.holder is None:
            return
        self._add(frame.holder, kind, start, end, summary)
        for other in self._conjuncts(frame):
            self._add(other, kind, start, end, summary)

    def _conjuncts(self, frame: _Frame) -> list[int]:
        """The actors joined by "and" or commas to the frame's subject, right before its verb."""
        if frame.subject_start is None:
            return []
        tokens = self.doc.tokens(frame.sentence)
        verb_start = tokens[frame.verb].start
        if not frame.subject_start < verb_start:
            return []
        inside = sorted(
            (
                m
                for m in self.by_sentence.get(frame.sentence.index, [])
                if frame.subject_start <= m.start and m.end <= verb_start
            ),
            key=lambda m: (m.start, -m.end),
        )
        chain: list[Mention] = []
        for mention in inside:
            if chain and mention.start < chain[-1].end:
                continue  # "U.S." inside "U.S. officials"
            if not chain:
                if mention.start != frame.subject_start:
                    return []
                chain.append(mention)
                continue
            # ", ", " and ", ", and the ": what may join two items of the list
            between = self.text[chain[-1].end : mention.start]
            joining = [word for word in between.split() if word != ","]
            if not ("," in between or joining[:1] == ["and"]) or joining not in _LIST_JOINS:
                break
            chain.append(mention)
        if len(chain) < 2 or "and" not in self.text[chain[0].end : chain[-1].start].split():
            return []
        # "Jane Smith, Tom Brown and Maria Lopez said": the list's first items, before the one
        # read as the subject.
        before = sorted(
            (
                m
                for m in self.by_sentence.get(frame.sentence.index, [])
                if frame.sentence.start <= m.start and m.end < frame.subject_start
            ),
            key=lambda m: m.end,
        )
        while before and self.text[before[-1].end : chain[0].start] == ", ":
            chain.insert(0, before.pop())
        # Only adverbs and auxiliaries stand between the list and its verb ("have recently warned").
        rest = self.text[chain[-1].end : verb_start].split()
        if any(word.lower() not in ADVERBS and word.lower() not in AUXILIARIES for word in rest):
            return []
        return [m.entity for m in chain if m.entity != frame.holder]

    def _add(self, holder: int, kind: ConcernKind, start: int, end: int, summary: int) -> None:
        entity = self.cast.entities[holder]
        if entity.kind is not ActorKind.person and entity.name.split()[-1].lower() in (
            self.lex.ruling_heads
        ):
            return  # "the tribunal dismissed the claims": a ruling, a fact of the story
        if entity.role is not None and _role_head(entity.role) in self.lex.ruling_titles:
            # "Mr. Justice Gary Trotter was not convinced": a judge's finding (but a "Justice
            # Department spokesman" is no judge).
            return
        start, end = _trim(self.text, start, end)
        if len(self.text[start:end].split()) < 3:
            return
        concern = _summary_of(self.text, max(start, summary), end)
        self.found.append(FoundConcern(holder, kind, start, end, concern))

    def _names(self, frame: _Frame) -> bool:
        """Whether the frame's verb gives something a name of the speaker's ("called them
        terrorists"): not a name it bears ("came to be called Star Wars", "is called"), nor a
        call for something ("called for a ceasefire")."""
        tokens = self.doc.tokens(frame.sentence)
        k = frame.verb
        entry = self.lex.verbs.get(tokens[k].text.lower())
        if entry is None or entry.base not in NAMING_VERBS:
            return False
        if k > 0 and tokens[k - 1].text.lower() in _BE:
            return False
        return not (k + 1 < len(tokens) and tokens[k + 1].text.lower() in _CALL_PARTICLES)

    def _points(
        self, start: int, end: int, naming: bool = False, hoping: bool = False
    ) -> list[tuple[ConcernKind, int, int]]:
        """The negative points of attributed words: clauses judged one by one, neighbours of the
        same kind joined ("clumsy, unthinking | and could put people’s safety at risk").
        ``naming``: the words are a naming verb's, whose first clause gives the name;
        ``hoping``: they are what someone hopes for."""
        points: list[tuple[ConcernKind, int, int]] = []
        previous_negative = False
        previous_start: int | None = None
        for index, (clause_start, clause_end) in enumerate(_clauses(self.text, start, end)):
            kind = judge(
                self.text[clause_start:clause_end], naming=naming and index == 0, hoping=hoping
            )
            if kind is None:
                previous_negative = False
                previous_start = clause_start
                continue
            if previous_negative and points and points[-1][0] is kind:
                points[-1] = (kind, points[-1][1], clause_end)
            elif (
                previous_start is not None
                and _CONCEDED.match(self.text, clause_start)
                # within one sentence: "We are doing everything. But I cannot promise" is two
                and not re.search(r"[.!?]", self.text[previous_start:clause_start])
            ):
                # "I tried to speed up the play, but it didn't work": the turn is told against
                # what comes before it, so the point holds both.
                points.append((kind, previous_start, clause_end))
            else:
                points.append((kind, clause_start, clause_end))
            previous_negative = True
            previous_start = None
        return points

    def _quotation_concern(
        self, quotation: Quotation, paragraph_frames: dict[int, list[_Frame]]
    ) -> None:
        if quotation.words < MIN_SPEECH_WORDS:
            return
        speaker = self._speaker(quotation, paragraph_frames.get(quotation.paragraph, []))
        if speaker is None:
            return
        parts = [
            s
            for s in self.sentences_of.get(quotation.paragraph, [])
            if s.end > quotation.start and s.start < quotation.end
        ]
        points: list[tuple[ConcernKind, int, int]] = []
        for part in parts:
            start, end = max(part.start, quotation.start), min(part.end, quotation.end)
            found = self._points(start, end)
            if found and points and points[-1][0] is found[0][0] and found[0][1] == start:
                points[-1] = (found[0][0], points[-1][1], found[0][2])
                found = found[1:]
            points.extend(found)
        for kind, start, end in points:
            self._add(speaker, kind, start, end, start)

    def _speaker(self, quotation: Quotation, frames: list[_Frame]) -> int | None:
        """Who speaks a quotation: the innermost report that contains it, a frame beside it, else
        the paragraph's or the last one's."""
        containing = [
            frame
            for frame in frames
            if frame.holder is not None
            and frame.content is not None
            and frame.content[0] <= quotation.start + 1
            and quotation.end - 1 <= frame.content[1]
        ]
        if containing:
            inner = min(containing, key=lambda f: f.content[1] - f.content[0] if f.content else 0)
            return inner.holder
        for frame in frames:
            # '"...," it read.': the verb right after the closing mark names the speaker.
            if frame.holder is None:
                continue
            verb_at = self.doc.tokens(frame.sentence)[frame.verb].start
            between = self.text[quotation.end : verb_at]
            if 0 <= verb_at - quotation.end <= _TAG_REACH and not any(c in between for c in ".!?"):
                return frame.holder
        best: tuple[int, int] | None = None
        for frame in frames:
            if frame.holder is None:
                continue
            tokens = self.doc.tokens(frame.sentence)
            verb_at = tokens[frame.verb].start
            distance = (
                verb_at - quotation.end if verb_at >= quotation.end else quotation.start - verb_at
            )
            if best is None or distance < best[0]:
                best = (distance, frame.holder)
        if best is not None:
            return best[1]
        paragraph = quotation.paragraph
        if paragraph in self.attributed:
            return None
        for previous in (paragraph - 1, paragraph - 2):
            if previous in self.speaker_of_paragraph:
                return self.speaker_of_paragraph[previous]
        return None

    def _dedupe(self) -> list[FoundConcern]:
        """One concern per point: overlapping or repeated words of one holder count once.

        Each concern is compared with the holder's latest few kept ones, so the pass stays linear.
        """
        kept: list[FoundConcern] = []
        recent: dict[int, deque[tuple[FoundConcern, set[str]]]] = {}
        for concern in sorted(self.found, key=lambda c: (c.start, -(c.end - c.start))):
            words = set(_WORDS.findall(self.text[concern.start : concern.end].lower()))
            mine = recent.setdefault(concern.holder, deque(maxlen=RECENT_CONCERNS))
            if not any(
                (k.start < concern.end and concern.start < k.end)
                or _overlap(words, other_words) > REPEATED
                for k, other_words in mine
            ):
                kept.append(concern)
                mine.append((concern, words))
        return kept


def find_concerns(
    doc: Document, cast: Cast, checkpoint: Checkpoint = never_stop
) -> list[FoundConcern]:
    """Concerns stated in the article's body, each with its holder and its span."""
    return _Finder(doc, cast).run(checkpoint)
