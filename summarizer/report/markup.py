"""The article as HTML, with every span marked and not one character changed.

The text is cut only at span boundaries, each piece escaped, and the marks opened and closed in one
sweep over the sorted boundaries. Spans that nest (a mention inside a quote, "Kim" inside "Kim Jong
Un", two actors sharing a word) nest as elements. Spans that *cross* (a quote that starts inside a
name) cannot both be elements of one tree, so each crossing span goes to an overlay: a second copy
of the text laid exactly over the first, transparent but for its own marks. Every span is thus one
element whose text is exactly ``article[start:end]``.

Example::

    >>> html, overlays = mark_up("Kim said no.", [Mark(0, 3, '<mark data-span="0">')])
    >>> html, overlays
    ('<mark data-span="0">Kim</mark> said no.', [])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Only what the HTML parser would read as markup is escaped, and CR, which it would fold into LF (a
# numeric reference survives as U+000D). Nothing else is touched, so no grapheme cluster is cut.
# (Chained str.replace: several times quicker than str.translate with a table.)
# Text of an overlay that is not one of its marks: there only to keep the marks in place.
_GHOST_OPEN = '<span class="ghost" aria-hidden="true">'
_GHOST_CLOSE = "</span>"


def escape_text(text: str) -> str:
    """Text content: ``&``, ``<``, ``>`` and CR escaped, every other character as it is."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;") if "\r" in text else text


def escape_attribute(text: str) -> str:
    """A quoted attribute value (or text content)."""
    return escape_text(text).replace('"', "&quot;").replace("'", "&#39;")


@dataclass(frozen=True)
class Mark:
    """A span to mark: [start, end) of the text, and the element's opening tag (already escaped)."""

    start: int
    end: int
    opening: str
    closing: str = "</mark>"


def layers(marks: Sequence[Mark]) -> list[list[Mark]]:
    """Split marks into layers in which no two cross (each layer nests), fewest first-come.

    Marks are taken by start, longer first; a mark goes to the first layer where it fits inside, or
    after, the marks open there. In a nesting layer the open marks form a chain, so only the
    innermost needs checking.
    """
    ordered = sorted(range(len(marks)), key=lambda i: (marks[i].start, -marks[i].end, i))
    placed: list[list[Mark]] = []
    open_ends: list[list[int]] = []  # per layer: the ends of its open marks, outermost first
    for index in ordered:
        mark = marks[index]
        for layer, stack in zip(placed, open_ends, strict=True):
            while stack and stack[-1] <= mark.start:
                stack.pop()
            if not stack or stack[-1] >= mark.end:
                layer.append(mark)
                stack.append(mark.end)
                break
        else:
            placed.append([mark])
            open_ends.append([mark.end])
    return placed


def _nest(text: str, layer: Sequence[Mark], ghost: bool) -> str:
    """One layer's HTML: the text cut at its marks' boundaries, in one sweep (marks sorted)."""
    parts: list[str] = []
    stack: list[Mark] = []
    cursor = 0

    def emit(upto: int) -> None:
        nonlocal cursor
        if upto > cursor:
            piece = escape_text(text[cursor:upto])
            parts.append(f"{_GHOST_OPEN}{piece}{_GHOST_CLOSE}" if ghost and not stack else piece)
            cursor = upto

    for mark in layer:
        while stack and stack[-1].end <= mark.start:
            emit(stack[-1].end)
            parts.append(stack.pop().closing)
        emit(mark.start)
        parts.append(mark.opening)
        stack.append(mark)
    while stack:
        emit(stack[-1].end)
        parts.append(stack.pop().closing)
    emit(len(text))
    return "".join(parts)


def mark_up(text: str, marks: Sequence[Mark]) -> tuple[str, list[str]]:
    """The text with its marks: the main layer's HTML, and the HTML of each overlay (often none).

    Every mark must satisfy ``0 <= start < end <= len(text)``; the caller drops the others.
    """
    for mark in marks:
        if not 0 <= mark.start < mark.end <= len(text):
            raise ValueError(f"span [{mark.start}, {mark.end}) is not inside the text")
    stacked = layers(marks)
    if not stacked:
        return escape_text(text), []
    main, *overlays = stacked
    return _nest(text, main, ghost=False), [_nest(text, layer, ghost=True) for layer in overlays]
