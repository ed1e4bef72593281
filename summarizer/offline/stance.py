"""Whether attributed words voice a negative stance, and of which kind, from their meaning.

The words are looked up in the stance cues of ``data/stance.txt`` and VADER's lexicon; negation
and modality then decide: a negated cue is a reassurance or a denial ("not dangerous"), a negated
expected outcome is a concern ("may not be the best solution", "won't grow normally"), and a bad
happening is a warning only when it is forecast ("could kill", "will slow"), a fact otherwise.

Example::

    >>> judge("the dam could fail").value, judge("the plan may not be the best solution").value
    ('warning', 'criticism')
    >>> judge("the storm killed three people") is None
    True
"""

from __future__ import annotations

import re

from ..models import ConcernKind
from .lexicon import NEGATIVE_VALENCE, Stance, lexicon, words

_K = ConcernKind
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*(?:-[a-z]+)*")
NEGATORS = words(
    """not no never without nor cannot neither hardly barely nobody none nothing nowhere less"""
)  # "less": "people are less afraid" voices no fear
# Words after "not" that make it no denial: "not yet ready", "not only cowardly but also".
_NOT_DENYING = words("yet only just merely simply")
# Future and possibility: a bad happening under one of these is forecast, not reported.
MODALS = words("""will would could may might can shall risk risks threatens""")
_ANSWER = re.compile(r"\b(?:no|yes)\s*[,.!]")
_OTHERS_WORRY = re.compile(r"(?<=[a-z])(?:'s|s')\s+(?:concerns?|fears?|worry|worries)\b")
# A bad happening under a condition is foreseen too: "if the dam breaks, we lose everything".
CONDITIONALS = words("if unless")
# A relative clause describes a noun and voices no stance of the speaker's: "ties with
# neighbours that have been hostile", "a yard which was bankrupt". "that" is a relative pronoun
# when an auxiliary follows it and neither a verb ("said that is") nor "so", "now", "such" comes
# before it.
# Words of an amount after "less than".
_AMOUNTS = words(
    """a an one two three four five six seven eight nine ten dozen hundred thousand half third
    quarter month year week day hour minute"""
)
# A negative past participle after one of these is a passive: something done, not a judgement.
_PASSIVE_BE = words("was were been be being is are get got gets")
_RELATIVE = re.compile(r"\b([a-z0-9']+)(,?\s+)(which|who|whom|whose|that)\s+([a-z']+)")
_AUXILIARIES = words("have has had is are was were")
_NOT_NOUNS = words("so now such")
# How far back a negator or a modal reaches (in words) within a clause.
NEGATION_REACH = 3
# How far back a modal reaches (in words) to make a harm a forecast: "the dam could fail" is
# one, "she would like to visit the town in the third year of the war" is not.
FORECAST_REACH = 6
# A remedy ("fix", "prevent") neutralises the bad words this many words after it.
REMEDY_REACH = 5
# Kinds in the order they win when a statement voices several.
_ORDER = (_K.concern, _K.doubt, _K.accusation, _K.warning, _K.criticism)
_CLASS_KIND = {
    "concern": _K.concern,
    "doubt": _K.doubt,
    "accusation": _K.accusation,
    "warning": _K.warning,
    "criticism": _K.criticism,
}


def _negated(negators: list[int], k: int) -> bool:
    """Whether a negator stands just before word ``k`` (``negators`` are the negators'
    positions); two negations cancel ("there is no reason why you can't succeed")."""
    for position, m in enumerate(negators):
        if k - NEGATION_REACH <= m < k:
            return not (position > 0 and negators[position - 1] >= m - 2 * NEGATION_REACH)
    return False


def _counted(tokens: list[str], k: int) -> bool:
    """Whether "less" at ``k`` compares a quantity ("less than 100 people", "less than half of
    the crops"), not a quality ("less than adequate" negates)."""
    return (
        k + 2 < len(tokens)
        and tokens[k + 1] == "than"
        and (tokens[k + 2][0].isdigit() or tokens[k + 2] in _AMOUNTS)
    )


def _is_modal(word: str) -> bool:
    return word in MODALS or word.endswith("'ll") or word == "won't"


def _negated_kind(stance: Stance, word: str, cls: str | None, modal: bool) -> ConcernKind | None:
    """What a negated word voices: "not true" a doubt, "won't grow" a warning, "not fair" a
    criticism; a negated negative word ("not dangerous") is a reassurance, nothing."""
    if cls == "certain":
        return _K.doubt
    if cls == "outcome":
        return _K.warning if modal else _K.criticism
    value = stance.valence.get(word)
    if cls == "merit" or (cls is None and value is not None and value >= -NEGATIVE_VALENCE):
        return _K.criticism
    return None


def _without_relatives(text: str) -> str:
    """``text`` without its relative clauses, each up to the next comma or semicolon."""
    verbs = lexicon().verbs
    pieces: list[str] = []
    at = 0
    for match in _RELATIVE.finditer(text):
        if match.start() < at:
            continue
        before, gap, relative, after = match.groups()
        if relative == "that" and (
            "," in gap or after not in _AUXILIARIES or before in verbs or before in _NOT_NOUNS
        ):
            continue
        end = match.end(3)
        stop = min((i for i in (text.find(",", end), text.find(";", end)) if i >= 0), default=-1)
        pieces.append(text[at : match.end(1)])
        at = len(text) if stop < 0 else stop
    pieces.append(text[at:])
    return " ".join(pieces) if len(pieces) > 1 else text


def amount_word(word: str) -> bool:
    """A number or a word of an amount: "5", "five", "half", "dozen"."""
    return word[:1].isdigit() or (word in _AMOUNTS and word not in ("a", "an"))


def _scant(tokens: list[str], k: int) -> bool:
    """Whether "only" at ``k`` says "too few" of an amount ("only five percent of the world is
    covered", "only a 40 percent chance"), not "merely" before a verb ("only wanted to help")."""
    for m in range(k + 1, min(len(tokens), k + 3)):
        word = tokens[m]
        if amount_word(word):
            return True
        if word not in ("a", "an", "about", "around", "some"):
            return False
    return False


def _excess(tokens: list[str], k: int) -> bool:
    """Whether "too" at ``k`` says "more than it should" ("too vague", "too late"), not "also"
    ("he, too, warned", "me too"): a word follows that is no verb."""
    if k + 1 >= len(tokens):
        return False
    following = tokens[k + 1]
    lex = lexicon()
    return (
        following.isalpha()
        and following not in lex.verbs
        and following not in lex.base_verbs
        and following not in lex.irregular_past
        and not following.endswith("ed")
        and following not in _NOT_EXCESS
    )


# Words after "too" that do not make it an excess: "too" then meaning "also".
_NOT_EXCESS = frozenset({"and", "but", "or", "the", "a", "an", "is", "was", "are", "were", "has"})


# Harms: facts when reported, warnings when forecast; violence accuses its agent.
_HARMS = ("event", "violence")
# Who does a harm: a person or people ("they set my house on fire", "one of them hit me",
# "looted by soldiers"); a storm, a fire or a virus is no agent.
_AGENT_PRONOUNS = words("they he she")
# Victims that only people harm: a harm done to them has an agent, named or not.
_NONCOMBATANTS = words("civilians civilian noncombatants")
# How far before a harm its agent may stand, and how far after it a "by" agent.
AGENT_REACH = 4


def _agent_of(tokens: list[str], k: int) -> bool:
    """Whether a person or people do the harm at ``k``: the subject shortly before it, or the
    agent of a passive just after it ("raped by soldiers")."""
    groups = lexicon().group_nouns
    # "the soldiers were killed": in the passive the subject is the victim; only "by" names
    # the agent.
    passive = k > 0 and tokens[k - 1] in _PASSIVE_BE
    for m in range(max(0, k - AGENT_REACH), 0 if passive else k):
        word = tokens[m]
        if word in _AGENT_PRONOUNS or word in groups:
            return True
        if word == "of" and m + 1 < k and tokens[m + 1] == "them":
            return True  # "one of them hit my head"
    if not passive and not _NONCOMBATANTS.isdisjoint(tokens[k + 1 : k + 1 + AGENT_REACH]):
        return True  # "the airstrike killed 8 civilians": a storm has no civilians to kill
    for m in range(k + 1, min(len(tokens) - 1, k + 1 + AGENT_REACH)):
        if tokens[m] == "by":
            after = (
                tokens[m + 1]
                if tokens[m + 1] not in ("the", "a", "an")
                else (tokens[m + 2] if m + 2 < len(tokens) else "")
            )
            return (
                after in _AGENT_PRONOUNS
                or after in groups
                or (
                    # "by Sudanese soldiers": one modifier, then the group
                    m + 2 < len(tokens) and tokens[m + 2] in groups
                )
            )
    return False


# A clause in the present: a state going on now ("is", "are", "remains"), not one reported
# as done ("was", "has been", "had").
_PRESENT = words("is are am remains remain exists exist")
_PAST = words("was were had has have did been")
_COUNTS = words("many several few some dozens hundreds thousands millions")
# How far back a "to" makes a harm an aim ("how to end Russia's nearly three-year war").
_AIM_REACH = 6


def _ongoing(tokens: list[str], harms: list[int]) -> bool:
    """Whether a harm is told as going on now: in the present, not counted ("there are
    fifteen suspected infections" reports a figure), not an aim ("to end the war")."""
    if _PRESENT.isdisjoint(tokens) or not _PAST.isdisjoint(tokens):
        return False
    if any(amount_word(word) or word in _COUNTS for word in tokens):
        return False
    return any("to" not in tokens[max(0, k - _AIM_REACH) : k] for k in harms)


_HOPES = words("hope hopes hoped hoping hopefully")


def _utmost(tokens: list[str], k: int) -> bool:
    """Whether the word at ``k`` is a comparative after "could not be": "could not be prouder"
    praises and "couldn't be worse" criticises; the negation says nothing is more so."""
    word = tokens[k]
    if k < 2 or tokens[k - 1] != "be" or not (word.endswith("er") or word == "worse"):
        return False
    before = tokens[k - 2]
    return before == "couldn't" or (
        before in ("not", "never") and k >= 3 and tokens[k - 3] == "could"
    )


# Classes of the acts a deontic passive calls for: sanctions and harms ("should be punished").
_SANCTIONED = ("neutral", "criticism", "accusation", "violence")
_DEONTIC = words("should must")


def _deontic_passive(tokens: list[str], k: int) -> bool:
    """Whether the participle at ``k`` follows "should be", "must be" or "should not be"."""
    if not tokens[k].endswith("ed") or k < 2 or tokens[k - 1] != "be":
        return False
    before = tokens[k - 2]
    return before in _DEONTIC or (
        before in ("not", "never") and k >= 3 and tokens[k - 3] in _DEONTIC
    )


def _bad(stance: Stance, word: str) -> bool:
    """A word of harm or a negative judgement: "ill", "hurt", "dangerous"."""
    cls = stance.word_class(word)
    return cls in ("event", "violence", "warning", "criticism") or (
        stance.valence.get(word, 0.0) <= NEGATIVE_VALENCE
    )


# Verbs that give something a name ("called the move childish", "described him as a murderer"):
# the name is the speaker's judgement, so a wrongdoer named is an accusation and a harm named
# ("described the situation as a crisis") a warning, not a reported fact.
NAMING_VERBS = words("call describe label brand dub term")
# How far into the words a naming verb's "as" may stand ("the situation as").
_NAME_REACH = 6


def _name_start(tokens: list[str]) -> int:
    """Where the name begins in a naming verb's words: after its "as" ("the situation as a
    crisis"), else at the first "a" ("the plan a disaster"), else after a one-word object
    ("them terrorists")."""
    head = tokens[:_NAME_REACH]
    if "as" in head:
        return head.index("as") + 1
    for article in ("a", "an"):
        if article in head[1:]:
            return head.index(article, 1)
    return 1


def judge(text: str, naming: bool = False, hoping: bool = False) -> ConcernKind | None:
    """The kind of concern ``text`` voices, or None for a neutral, positive or negated statement.

    ``naming``: the words are what a naming verb ("call", "describe") says of something, so
    the name given is the speaker's judgement ("al-Megrahi as a mass murderer").
    ``hoping``: the words are what someone hopes ("hopes the dam will not fail"), as if they
    said "hope" themselves.
    """
    stance = lexicon().stance
    # "No, it could fail": an answer, not a negation of what follows; "the farmers' concerns":
    # someone else's worry named, not one voiced.
    lowered = text.lower().replace("’", "'")
    if "no" in lowered or "yes" in lowered:
        lowered = _ANSWER.sub(" ", lowered)
    if "'" in lowered:
        lowered = _OTHERS_WORRY.sub(" ", lowered)
    if "wh" in lowered or "that" in lowered:
        lowered = _without_relatives(lowered)
    tokens = _WORD.findall(lowered)
    if not tokens:
        return None
    # "will", "won't", "is going to", "is likely to fall" (not "the likely cause", not "going
    # forward").
    modal = (
        not MODALS.isdisjoint(tokens)
        or ("'" in lowered and any(_is_modal(word) for word in tokens))
        or (
            "to" in tokens
            and any(
                tokens[k + 1] == "to"
                for k, word in enumerate(tokens[:-1])
                if word in ("likely", "going")
            )
        )
    )
    modal_at = [
        k for k, word in enumerate(tokens) if _is_modal(word) or word in ("likely", "going")
    ]

    def _foreseen(k: int) -> bool:
        # "would not necessarily result in mass deaths": a forecast denied is a reassurance.
        return modal and any(
            k - FORECAST_REACH <= m < k and not any(m < n < k for n in negators) for m in modal_at
        )

    # A harm under 'if'/'unless' is foreseen wherever it stands in the clause.
    conditional = not CONDITIONALS.isdisjoint(tokens)
    negators = [
        k
        for k, word in enumerate(tokens)
        if (
            (word in NEGATORS and not (word == "less" and _counted(tokens, k)))
            or word.endswith("n't")
        )
        # "not yet ready": a step still to come, not a quality denied; "not only cowardly but
        # also ...": more said, nothing denied
        and not (k + 1 < len(tokens) and tokens[k + 1] in _NOT_DENYING)
    ]
    found: set[ConcernKind] = set()
    named_from = _name_start(tokens) if naming else None
    # "engineers were able to fix that problem", "to defend against these threats": a bad thing
    # a remedy acts on is no concern.
    remedied = {
        m
        for k, word in enumerate(tokens)
        if stance.word_class(word) == "remedy"
        for m in range(k + 1, min(len(tokens), k + 1 + REMEDY_REACH))
    }
    # Judgements found without a negation: under a modal they forecast ("the dam could fail").
    judged = False
    forecast = harm = False
    harm_at: list[int] = []
    # "there is little risk of an accident": the clause reassures, whatever else it names.
    reassured = False
    covered: set[int] = set()
    rising = False
    # A harm someone did, told by a speaker: "they set my house on fire" accuses its agent.
    accused = False
    # "only five percent": too few of something, a criticism unless it counts a harm ("only
    # two people were hurt" reassures).
    scant = False
    utmost = False
    # "I hope these convictions will reassure the town": a forecast hoped for is a wish.
    hoping = hoping or not _HOPES.isdisjoint(tokens)
    mitigated = hoping
    for k, word in enumerate(tokens):
        if word not in stance.phrases:
            continue
        for phrase, phrase_class in stance.phrases[word]:
            size = len(phrase)
            if tuple(tokens[k : k + size]) != phrase:
                continue
            covered.update(range(k, k + size))
            if phrase_class == "reassurance":
                # "we will not leave any stone unturned": an idiom's negation is its own
                reassured = True
                continue
            if negators and _negated(negators, k):
                negated = _negated_kind(stance, word, phrase_class, modal)
                if negated is not None:
                    found.add(negated)  # "not in line with U.S. interests"
                continue
            kind = _CLASS_KIND.get(phrase_class)
            if kind is not None:
                found.add(kind)
                judged = judged or kind is _K.criticism
            mitigated = mitigated or phrase_class == "mitigating"
            reassured = reassured or phrase_class == "reassurance"
            rising = rising or phrase_class == "increase"
            if named_from is not None and k >= named_from and phrase_class in _HARMS:
                found.add(_K.warning)  # "described it as a humanitarian catastrophe"
            elif named_from is not None and k >= named_from and phrase_class == "wrongdoer":
                found.add(_K.accusation)  # "called them war criminals"
            elif phrase_class in _HARMS:  # "higher prices": a harm, foreseen or reported
                harm = True
                if phrase_class == "event":
                    harm_at.append(k)
                forecast = forecast or conditional or _foreseen(k)
                accused = accused or (phrase_class == "violence" and _agent_of(tokens, k))
    for k, word in enumerate(tokens):
        if k in covered or k in remedied:
            continue
        if word == "only" and _scant(tokens, k) and not (negators and _negated(negators, k)):
            scant = True
            continue
        if word == "too" and _excess(tokens, k):
            # "the law is too vague", "too little, too late": an excess is a judgement.
            if negators and _negated(negators, k):
                continue  # "not too bad"
            found.add(_K.criticism)
            judged = True
            continue
        cls = stance.word_class(word)
        if cls is None and word not in stance.valence:
            continue
        if _deontic_passive(tokens, k) and cls in _SANCTIONED:
            # "Mugabe should be suspended", "people should not be deported": a call for an
            # act against someone, or against the act, judges it.
            found.add(_K.criticism)
            continue
        if _utmost(tokens, k):
            utmost = True  # its "could" is no forecast
        elif negators and _negated(negators, k):
            negated = _negated_kind(stance, word, cls, modal)
            if (
                negated is not None
                and k + 1 < len(tokens)
                and (word.endswith("ly") or (k > 0 and tokens[k - 1] in ("no", "without")))
                and _bad(stance, tokens[k + 1])
            ):
                # "not seriously ill", "not badly hurt", "no safety hazard": the negation
                # denies the harm after it, not the word that qualifies it.
                covered.add(k + 1)
                continue
            if negated is not None:
                found.add(negated)
            elif hoping and _bad(stance, word):
                found.add(_K.concern)  # "I hope the dam will not fail": a worry that it will
            continue
        if (
            cls == "criticism"
            and word.endswith("ed")
            and k > 0
            and tokens[k - 1] in _PASSIVE_BE
            and not stance.listed(word)
            # "were untrained": a good quality denied, not something done to them
            and not (word.startswith("un") and stance.listed(word[2:]))
        ):
            continue  # "was interrogated", "were expelled": done to someone, not judged
        if (
            cls == "warning"
            and word.endswith("ed")
            and k > 0
            and tokens[k - 1] in _PASSIVE_BE
            and not (conditional or _foreseen(k))
        ):
            # "had been threatened", "was warned": done to someone, no warning voiced (but
            # "they would be obliterated" foresees a harm)
            continue
        if named_from is not None and k >= named_from and cls in (*_HARMS, "wrongdoer"):
            # A name the speaker gives: "described al-Megrahi as a mass murderer", "called the
            # situation a crisis".
            found.add(_K.accusation if cls == "wrongdoer" else _K.warning)
        elif cls == "mitigating":
            mitigated = True
        elif cls == "increase":
            rising = True
        elif cls in _HARMS:
            harm = True
            if cls == "event" and not word.endswith("ed"):
                harm_at.append(k)  # a state of harm ("a crisis"), not a deed ("killed")
            forecast = forecast or conditional or _foreseen(k)
            accused = accused or (cls == "violence" and _agent_of(tokens, k))
        else:
            kind = _CLASS_KIND.get(cls or "")
            if kind is not None:
                found.add(kind)
                judged = judged or kind is _K.criticism
    if tokens[0] == "why" and any(w.endswith("n't") or w == "not" for w in tokens[1:4]):
        # "Why didn't these people vote?": a question that blames, not one that asks
        found.add(_K.criticism)
    if (forecast or (harm and rising)) and not mitigated:
        found.add(_K.warning)
    elif accused and not mitigated:
        found.add(_K.accusation)
    if scant and not harm:
        found.add(_K.criticism)
    if harm_at and not found and not mitigated and not negators and _ongoing(tokens, harm_at):
        # "there is a crisis of confidence", "conditions are desperate", "they are
        # suffering": a harm the speaker says is going on now is a concern, not a past fact.
        found.add(_K.concern)
    if not found or reassured:
        return None
    kind = next(k for k in _ORDER if k in found)
    if kind is _K.criticism and judged and modal and not utmost and not hoping:
        return _K.warning
    return kind
