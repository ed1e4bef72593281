"""Locating quotes and mentions in the article.

The article is normalised once per call into a ``NormalisedText``: case folded, Unicode compatibility
forms folded (NFKC), curly quotation marks and apostrophes made straight, dashes made plain, and runs of
white space made one space, with a map from every normalised character back to the original offset. A
quote is normalised the same way and searched with ``str.find``, so grounding stays linear in the length
of the article, and the span recorded is the real location in the original text.

Example::

    >>> text = NormalisedText("Putin said: “That’s why we have come here.”")
    >>> start, end = locate_quote(text, '"that\\'s why we  have come here"')
    >>> text.original[start:end]
    '“That’s why we have come here'

"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from .models import (
    Actor,
    DroppedRecord,
    ExtractedActor,
    ExtractedConcern,
    ExtractedSummary,
    StatedConcern,
)

Span = tuple[int, int]

# Characters folded to a plain ASCII equivalent before matching.
_FOLD = {
    **dict.fromkeys("‘’‚‛′´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "\u00a0": " ",
}
# Printable ASCII words joined by single spaces: lower() maps them one-to-one, so this fast path
# takes the bulk of any article in a few regex matches.
_PLAIN_RUN = re.compile(r"[!-~]+(?: [!-~]+)*")
_SPACE_RUN = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\s*(?:\.\s*\.\s*\.|…)\s*")
# Stripped from both ends of a quote or mention: punctuation, quotation marks and white space.
_EDGE = " \t\n\r\"'.,;:!?()[]{}-*_"
# How far apart (in normalised characters) the fragments of an elided quote may stand.
MAX_ELLIPSIS_GAP = 300


class NormalisedText:
    """The article, normalised for matching, with a map back to original offsets.

    The map is kept as segments (where a stretch of the normalised text starts, the original
    offset it comes from, and whether it advances with it), not one entry per character: a long
    article's map takes a few thousand entries, and building it costs a few regex matches.
    """

    __slots__ = ("original", "text", "_starts", "_origins", "_steps")

    def __init__(self, original: str) -> None:
        self.original = original
        parts: list[str] = []
        starts: list[int] = []
        origins: list[int] = []
        steps: list[int] = []
        size = 0  # length of the normalised text so far

        def segment(origin: int, length: int, step: int) -> None:
            nonlocal size
            # A stretch that carries on where the previous one ended extends it.
            if step and steps and steps[-1] and origins[-1] + (size - starts[-1]) == origin:
                size += length
                return
            starts.append(size)
            origins.append(origin)
            steps.append(step)
            size += length

        pos = 0
        length = len(original)
        last_space = True  # drop leading white space
        while pos < length:
            run = _PLAIN_RUN.match(original, pos)
            if run is not None:
                end = run.end()
                parts.append(original[pos:end].lower())
                segment(pos, end - pos, 1)
                pos = end
                last_space = False
                continue
            char = original[pos]
            if char.isspace() or char == "\u00a0":
                if not last_space:
                    parts.append(" ")
                    segment(pos, 1, 1)
                    last_space = True
                pos += 1
                continue
            folded = _fold_char(char)
            if folded:
                parts.append(folded)
                # A character folded into several maps them all back to itself.
                segment(pos, len(folded), 1 if len(folded) == 1 else 0)
                last_space = folded.endswith(" ")
            pos += 1
        self.text = "".join(parts)
        self._starts, self._origins, self._steps = starts, origins, steps

    def _origin(self, index: int) -> int:
        segment = bisect_right(self._starts, index) - 1
        return self._origins[segment] + (index - self._starts[segment]) * self._steps[segment]

    def span(self, start: int, end: int) -> Span:
        """Map a normalised [start, end) back to original offsets."""
        return self._origin(start), self._origin(end - 1) + 1


def _fold_char(char: str) -> str:
    if char in _FOLD:
        return _FOLD[char]
    folded = unicodedata.normalize("NFKC", char).casefold()
    return "".join(_FOLD.get(c, c) for c in folded)


@lru_cache(maxsize=8192)
def folded(fragment: str) -> str:
    """A quote or mention folded the way the article is (names recur from answer to answer and
    within one, so the results are kept; plain ASCII takes a shortcut)."""
    if _PLAIN_RUN.fullmatch(fragment):
        return fragment.lower()
    return NormalisedText(fragment).text


def normalise(fragment: str) -> str:
    """Normalise a quote or mention the way the article is normalised, edges stripped."""
    return folded(fragment).strip(_EDGE)


@dataclass(frozen=True)
class _Needle:
    """A normalised fragment, and the punctuation stripped from its edges."""

    core: str
    prefix: str
    suffix: str

    @classmethod
    def of(cls, normalised: str) -> _Needle:
        text = normalised.strip()
        core = text.strip(_EDGE)
        if not core:
            return cls("", "", "")
        start = text.index(core)
        return cls(core, text[:start], text[start + len(core) :])

    def widen(self, haystack: str, start: int, end: int) -> tuple[int, int]:
        """Take in the stripped punctuation where the article has it too, so spans look natural."""
        prefix = self.prefix
        while prefix and start > 0 and haystack[start - 1] == prefix[-1]:
            start -= 1
            prefix = prefix[:-1]
        suffix = self.suffix
        while suffix and end < len(haystack) and haystack[end] == suffix[0]:
            end += 1
            suffix = suffix[1:]
        return start, end


def _is_word(char: str) -> bool:
    return char.isalnum()


def _find_whole_word(haystack: str, needle: str, start: int = 0) -> int:
    """First occurrence of needle not glued to letters or digits on either side, else -1."""
    first = haystack.find(needle, start)
    pos = first
    while pos != -1:
        before = haystack[pos - 1] if pos > 0 else " "
        after_index = pos + len(needle)
        after = haystack[after_index] if after_index < len(haystack) else " "
        left_ok = not (_is_word(before) and _is_word(needle[0]))
        right_ok = not (_is_word(after) and _is_word(needle[-1]))
        if left_ok and right_ok:
            return pos
        pos = haystack.find(needle, pos + 1)
    return -1


def locate_mention(article: NormalisedText, mention: str) -> Span | None:
    """Where a mention first stands in the article, preferring a whole-word occurrence."""
    needle = _Needle.of(folded(mention))
    if not needle.core:
        return None
    pos = _find_whole_word(article.text, needle.core)
    if pos == -1:
        return None
    return article.span(*needle.widen(article.text, pos, pos + len(needle.core)))


def locate_quote(article: NormalisedText, quote: str) -> Span | None:
    """Where a quote stands in the article; an ellipsis in the quote matches a short gap."""
    parts = [_Needle.of(part) for part in _ELLIPSIS.split(folded(quote))]
    parts = [part for part in parts if part.core]
    if not parts:
        return None
    haystack = article.text
    first = parts[0].core
    rest = [part.core for part in parts[1:]]
    pos = haystack.find(first)
    while pos != -1:
        end = _match_rest(haystack, pos + len(first), rest)
        if end is not None:
            start, _ = parts[0].widen(haystack, pos, pos)
            _, end = parts[-1].widen(haystack, end, end)
            return article.span(start, end)
        pos = haystack.find(first, pos + 1)
    return None


def _match_rest(haystack: str, cursor: int, fragments: Sequence[str]) -> int | None:
    """End of the last fragment when every fragment follows the previous one closely, in order."""
    for fragment in fragments:
        pos = haystack.find(fragment, cursor, cursor + MAX_ELLIPSIS_GAP + len(fragment))
        if pos == -1:
            return None
        cursor = pos + len(fragment)
    return cursor


# -- near misses: a quote with a word dropped or changed -------------------------------------------

_WORD_RE = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
# A near miss is taken for the article's words when at least this share of the quote's words
# stand in the article in order, within a window little longer than the quote.
NEAR_MATCH_SHARE = 0.9
# Shorter quotes must match exactly: a changed word in five is a different statement.
NEAR_MATCH_MIN_WORDS = 6
# Quote words looked at as anchors for where the quote may start (the first may be the changed one).
_ANCHORS = 3


class WordIndex:
    """The article's normalised words with their positions, for finding near misses."""

    __slots__ = ("words", "starts", "ends", "positions")

    def __init__(self, article: NormalisedText) -> None:
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.positions: dict[str, list[int]] = {}
        for match in _WORD_RE.finditer(article.text):
            self.positions.setdefault(match.group(), []).append(len(self.words))
            self.words.append(match.group())
            self.starts.append(match.start())
            self.ends.append(match.end())


def locate_near_quote(article: NormalisedText, words: WordIndex, quote: str) -> Span | None:
    """Where a quote stands that the article gives with a word dropped, added or changed: at least
    ``NEAR_MATCH_SHARE`` of its words in order within a window, else None.

    >>> text = NormalisedText("The minister said the new dam could fail within a decade or two.")
    >>> start, end = locate_near_quote(text, WordIndex(text), "the new dam would fail within a decade")
    >>> text.original[start:end]
    'the new dam could fail within a decade'
    """
    needle = _WORD_RE.findall(folded(quote))
    size = len(needle)
    if size < NEAR_MATCH_MIN_WORDS:
        return None
    wanted = math.floor(size * NEAR_MATCH_SHARE)
    slack = size - wanted + 1
    best: tuple[int, int, int] | None = None  # (matched, first, last) article word positions
    tried: set[int] = set()
    for anchor in range(min(_ANCHORS, size - wanted + 1)):
        for position in words.positions.get(needle[anchor], ()):
            start = position - anchor
            if start in tried:
                continue
            tried.add(start)
            found = _align(words.words, max(start, 0), needle, slack)
            if found is not None and found[0] >= wanted and (best is None or found[0] > best[0]):
                best = found
    if best is None:
        return None
    _, first, last = best
    return article.span(words.starts[first], words.ends[last])


def _align(
    haystack: Sequence[str], start: int, needle: Sequence[str], slack: int
) -> tuple[int, int, int] | None:
    """Greedy in-order alignment of needle's words from haystack[start]: (matched, first, last)."""
    cursor, matched, first, last = start, 0, -1, -1
    limit = min(len(haystack), start + len(needle) + slack)
    for word in needle:
        for probe in range(cursor, min(cursor + slack + 1, limit)):
            if haystack[probe] == word:
                matched += 1
                first = probe if first < 0 else first
                last, cursor = probe, probe + 1
                break
    if matched == 0:
        return None
    # The window may be at most a little longer than the quote.
    if last - first + 1 > len(needle) + slack:
        return None
    return matched, first, last


# -- checking an answer -----------------------------------------------------------------------------


class Located(Protocol):
    """An article as grounding reads it (``summarizer.article.Article``): its text, and its
    normalised text and word index, built only when a search needs them."""

    @property
    def text(self) -> str: ...

    @property
    def index(self) -> NormalisedText: ...

    @property
    def words(self) -> WordIndex: ...


@dataclass(frozen=True)
class Repair:
    """A quote the answer gave with a word or two off, taken as the article's own words."""

    index: int
    quote: str
    span: Span


@dataclass
class GroundingReport:
    """What grounding found: spans for what stands in the article, repairs, and every problem."""

    mention_spans: list[list[Span | None]] = field(default_factory=list)
    quote_spans: list[Span | None] = field(default_factory=list)
    holders_ok: list[bool] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def failing_actors(self) -> list[int]:
        """Indices of actors with a mention that is not in the article."""
        return [i for i, spans in enumerate(self.mention_spans) if None in spans]

    @property
    def failing_concerns(self) -> list[int]:
        """Indices of concerns whose quote is not in the article or whose holder is no actor."""
        return [
            i
            for i, (span, holder_ok) in enumerate(
                zip(self.quote_spans, self.holders_ok, strict=True)
            )
            if span is None or not holder_ok
        ]

    def message(self) -> str:
        """The re-ask message: which quote or mention was not found, and what to do."""
        listed = "\n".join(f"- {problem}" for problem in self.problems)
        return (
            "Some of your answer is not grounded in the article:\n"
            f"{listed}\n"
            "Copy every quote and mention exactly as it appears in the article, or leave it out."
        )


def _holder_names(actors: Iterable[tuple[str, Sequence[str]]]) -> set[str]:
    names: set[str] = set()
    for name, mentions in actors:
        names.add(normalise(name))
        names.update(normalise(mention) for mention in mentions)
    return names


def _known(original: str, text: str, span: Span) -> Span | None:
    """A span an engine already gave, if it holds ``text`` (a cheap check, no search)."""
    start, end = span
    if 0 <= start < end <= len(original) and normalise(original[start:end]) == normalise(text):
        return span
    return None


def check_answer(
    article: Located, answer: ExtractedSummary, *, near: bool = True
) -> GroundingReport:
    """Locate every mention and quote of an answer, and check that every holder names an actor.

    Spans the records already carry (an engine that cut them out of the article) are checked, not
    searched for. With ``near``, a quote off by a word is located with ``locate_near_quote`` and
    listed in ``repairs``.
    """
    report = GroundingReport()
    original = article.text
    for index, actor in enumerate(answer.actors):
        given = getattr(actor, "mention_spans", None) or []
        spans: list[Span | None] = []
        for position, mention in enumerate(actor.mentions):
            span = _known(original, mention, given[position]) if position < len(given) else None
            if span is None:
                span = locate_mention(article.index, mention)
            if span is None:
                report.problems.append(
                    f"actors[{index}] ({actor.name!r}): the mention {mention!r} does not occur "
                    "in the article"
                )
            spans.append(span)
        report.mention_spans.append(spans)
    holders = _holder_names((actor.name, actor.mentions) for actor in answer.actors)
    for index, concern in enumerate(answer.stated_concerns):
        given_span = getattr(concern, "quote_span", None)
        span = _known(original, concern.quote, given_span) if given_span else None
        if span is None:
            span = locate_quote(article.index, concern.quote)
        if span is None and near:
            span = locate_near_quote(article.index, article.words, concern.quote)
            if span is not None:
                report.repairs.append(Repair(index, concern.quote, span))
        if span is None:
            report.problems.append(
                f"stated_concerns[{index}]: the quote {concern.quote!r} does not occur in the article"
            )
        report.quote_spans.append(span)
        holder_ok = normalise(concern.holder) in holders
        report.holders_ok.append(holder_ok)
        if not holder_ok:
            report.problems.append(
                f"stated_concerns[{index}]: the holder {concern.holder!r} is not the name or a "
                "mention of any actor in `actors`"
            )
    return report


@dataclass
class Grounded:
    """An answer's records that stand in the article, with what was dropped or repaired."""

    actors: list[Actor]
    concerns: list[StatedConcern]
    dropped: list[DroppedRecord]
    warnings: list[str]


def grounded_records(
    article: Located, answer: ExtractedSummary, report: GroundingReport
) -> Grounded:
    """Keep only what is grounded: the actors, the concerns (a repaired quote as the article's
    own words), and a dropped record and a warning for each thing left out."""
    dropped: list[DroppedRecord] = []
    warnings: list[str] = []
    actors: list[Actor] = []
    for extracted, spans in zip(answer.actors, report.mention_spans, strict=True):
        kept = [(m, s) for m, s in zip(extracted.mentions, spans, strict=True) if s is not None]
        for mention, span in zip(extracted.mentions, spans, strict=True):
            if span is None:
                dropped.append(
                    DroppedRecord(
                        kind="mention", actor=extracted.name, text=mention, reason="not_in_article"
                    )
                )
                warnings.append(
                    f"dropped mention {mention!r} of {extracted.name!r}: not in the article"
                )
        if not kept:
            dropped.append(
                DroppedRecord(
                    kind="actor", actor=extracted.name, text=extracted.name, reason="not_in_article"
                )
            )
            warnings.append(
                f"dropped actor {extracted.name!r}: none of its mentions is in the article"
            )
            continue
        actors.append(_actor(extracted, [m for m, _ in kept], [s for _, s in kept]))
    holders = _holder_names((actor.name, actor.mentions) for actor in actors)
    repaired = {repair.index: repair for repair in report.repairs}
    concerns: list[StatedConcern] = []
    for index, (said, span) in enumerate(
        zip(answer.stated_concerns, report.quote_spans, strict=True)
    ):
        if span is None:
            dropped.append(
                DroppedRecord(
                    kind="concern",
                    actor=said.holder,
                    text=said.quote,
                    reason="not_in_article",
                )
            )
            warnings.append(
                f"dropped concern of {said.holder!r}: the quote {said.quote!r} is not in "
                "the article"
            )
            continue
        if normalise(said.holder) not in holders:
            dropped.append(
                DroppedRecord(
                    kind="concern",
                    actor=said.holder,
                    text=said.quote,
                    reason="holder_not_an_actor",
                )
            )
            warnings.append(
                f"dropped concern of {said.holder!r}: the holder is not a grounded actor"
            )
            continue
        quote = said.quote
        if index in repaired:
            quote = article.text[span[0] : span[1]]
            warnings.append(
                f"quote of {said.holder!r} taken as the article's words {quote!r} "
                f"(the answer had {said.quote!r})"
            )
        concerns.append(_concern(said, quote, span))
    return Grounded(actors, concerns, dropped, warnings)


def _actor(extracted: ExtractedActor, mentions: list[str], spans: list[Span]) -> Actor:
    return Actor(
        name=extracted.name,
        kind=extracted.kind,
        role=extracted.role,
        mentions=mentions,
        mention_spans=spans,
    )


def _concern(extracted: ExtractedConcern, quote: str, span: Span) -> StatedConcern:
    # Built field by field: the record may already be a StatedConcern with a span of its own.
    return StatedConcern(
        holder=extracted.holder,
        kind=extracted.kind,
        concern=extracted.concern,
        quote=quote,
        quote_span=span,
    )
