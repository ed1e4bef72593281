"""Locating quotes and mentions in the article.

The article is normalised once per call into a ``NormalisedText``: case folded, Unicode compatibility
forms folded (NFKC), curly quotation marks and apostrophes made straight, dashes made plain, and runs of
white space made one space, with a map from every normalised character back to the original offset. A
quote is normalised the same way and searched with ``str.find``, so grounding stays linear in the length
of the article, and the span recorded is the real location in the original text.

Example::

    >>> text = NormalisedText("Putin said: “That’s why we have come here.”")
    >>> locate_quote(text, '"that\\'s why we  have come here"')
    (13, 42)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .models import Actor, ExtractedConcern, ExtractedSummary, StatedConcern

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
    """The article, normalised for matching, with a map back to original offsets."""

    __slots__ = ("original", "text", "_origin")

    def __init__(self, original: str) -> None:
        self.original = original
        parts: list[str] = []
        origin: list[int] = []
        pos = 0
        length = len(original)
        last_space = True  # drop leading white space
        while pos < length:
            run = _PLAIN_RUN.match(original, pos)
            if run is not None:
                end = run.end()
                parts.append(original[pos:end].lower())
                origin.extend(range(pos, end))
                pos = end
                last_space = False
                continue
            char = original[pos]
            if char.isspace() or char == "\u00a0":
                if not last_space:
                    parts.append(" ")
                    origin.append(pos)
                    last_space = True
                pos += 1
                continue
            folded = _fold_char(char)
            parts.append(folded)
            origin.extend([pos] * len(folded))
            last_space = folded.endswith(" ")
            pos += 1
        self.text = "".join(parts)
        self._origin = origin

    def span(self, start: int, end: int) -> Span:
        """Map a normalised [start, end) back to original offsets."""
        return self._origin[start], self._origin[end - 1] + 1


def _fold_char(char: str) -> str:
    if char in _FOLD:
        return _FOLD[char]
    folded = unicodedata.normalize("NFKC", char).casefold()
    return "".join(_FOLD.get(c, c) for c in folded)


def normalise(fragment: str) -> str:
    """Normalise a quote or mention the way the article is normalised, edges stripped."""
    return NormalisedText(fragment).text.strip(_EDGE)


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
    needle = _Needle.of(NormalisedText(mention).text)
    if not needle.core:
        return None
    pos = _find_whole_word(article.text, needle.core)
    if pos == -1:
        return None
    return article.span(*needle.widen(article.text, pos, pos + len(needle.core)))


def locate_quote(article: NormalisedText, quote: str) -> Span | None:
    """Where a quote stands in the article; an ellipsis in the quote matches a short gap."""
    parts = [_Needle.of(part) for part in _ELLIPSIS.split(NormalisedText(quote).text)]
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


@dataclass
class GroundingReport:
    """What grounding found: spans for what stands in the article, and every problem."""

    mention_spans: list[list[Span | None]] = field(default_factory=list)
    quote_spans: list[Span | None] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

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


def check_answer(article: NormalisedText, answer: ExtractedSummary) -> GroundingReport:
    """Locate every mention and quote of an answer, and check every holder names an actor."""
    report = GroundingReport()
    for index, actor in enumerate(answer.actors):
        spans = []
        for mention in actor.mentions:
            span = locate_mention(article, mention)
            if span is None:
                report.problems.append(
                    f"actors[{index}] ({actor.name!r}): the mention {mention!r} does not occur "
                    "in the article"
                )
            spans.append(span)
        report.mention_spans.append(spans)
    holders = _holder_names((actor.name, actor.mentions) for actor in answer.actors)
    for index, concern in enumerate(answer.stated_concerns):
        span = locate_quote(article, concern.quote)
        if span is None:
            report.problems.append(
                f"stated_concerns[{index}]: the quote {concern.quote!r} does not occur in the article"
            )
        report.quote_spans.append(span)
        if normalise(concern.holder) not in holders:
            report.problems.append(
                f"stated_concerns[{index}]: the holder {concern.holder!r} is not the name or a "
                "mention of any actor in `actors`"
            )
    return report


def grounded_records(
    answer: ExtractedSummary, report: GroundingReport
) -> tuple[list[Actor], list[StatedConcern], list[str]]:
    """Keep only what is grounded: the actors, the concerns, and a warning for each thing dropped."""
    warnings: list[str] = []
    actors: list[Actor] = []
    for extracted, spans in zip(answer.actors, report.mention_spans, strict=True):
        kept = [(m, s) for m, s in zip(extracted.mentions, spans, strict=True) if s is not None]
        for mention, span in zip(extracted.mentions, spans, strict=True):
            if span is None:
                warnings.append(
                    f"dropped mention {mention!r} of {extracted.name!r}: not in the article"
                )
        if not kept:
            warnings.append(
                f"dropped actor {extracted.name!r}: none of its mentions is in the article"
            )
            continue
        actors.append(
            Actor(
                name=extracted.name,
                kind=extracted.kind,
                role=extracted.role,
                mentions=[m for m, _ in kept],
                mention_spans=[s for _, s in kept],
            )
        )
    holders = _holder_names((actor.name, actor.mentions) for actor in actors)
    concerns: list[StatedConcern] = []
    for extracted_concern, quote_span in zip(
        answer.stated_concerns, report.quote_spans, strict=True
    ):
        if quote_span is None:
            warnings.append(
                f"dropped concern of {extracted_concern.holder!r}: the quote "
                f"{extracted_concern.quote!r} is not in the article"
            )
            continue
        if normalise(extracted_concern.holder) not in holders:
            warnings.append(
                f"dropped concern of {extracted_concern.holder!r}: the holder is not a grounded actor"
            )
            continue
        # Only the answer's own fields: an engine's records (the offline engine's) come with a span.
        fields = extracted_concern.model_dump(include=set(ExtractedConcern.model_fields))
        concerns.append(StatedConcern(**fields, quote_span=quote_span))
    return actors, concerns, warnings
