"""Long articles: counting tokens, splitting on paragraph and sentence boundaries, merging the parts.

An article longer than the model can take is split into chunks here, on paragraph, then sentence,
then word boundaries; ``summarizer.longform`` summarises each (map) and merges their results
(reduce).

Example::

    >>> [(c.start, c.end) for c in split_article("One.\\n\\nTwo.\\n\\nThree.", 2, estimate_tokens)]
    [(0, 4), (6, 10), (12, 18)]
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

# English news runs at about four characters a token; three keeps the estimate on the safe side.
_CHARS_PER_TOKEN = 3
# Room kept for the system prompt, the schema and the chat framing.
PROMPT_RESERVE = 1_500

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_SPACE = re.compile(r"\s+")


def estimate_tokens(text: str, model_name: str | None = None) -> int:
    """Tokens in text: tiktoken's count when it is installed and knows the model, else an estimate."""
    encoding = _encoding(model_name) if model_name else None
    if encoding is not None:
        return len(encoding.encode(text, disallowed_special=()))
    return math.ceil(len(text) / _CHARS_PER_TOKEN)


@cache
def _encoding(model_name: str) -> Any:
    try:
        import tiktoken
    except ImportError:
        return None
    try:
        return tiktoken.encoding_for_model(model_name)
    except Exception:  # noqa: BLE001 - unknown model, or its data cannot be had offline
        return None


def default_max_input_tokens(context_window: int, max_output_tokens: int) -> int:
    """A model's context window less the prompt and the output budget."""
    return max(context_window - PROMPT_RESERVE - max_output_tokens, 256)


def fits(text: str, limit: int, count: Callable[[str], int]) -> bool:
    """Whether text is at most ``limit`` tokens; a token is never shorter than one byte, so a text
    of no more bytes than that fits without counting (no tokenizer is loaded for it)."""
    return len(text.encode("utf-8")) <= limit or count(text) <= limit


@dataclass(frozen=True)
class Chunk:
    """A stretch of the article: ``article[start:end]``."""

    start: int
    end: int


def _pieces(text: str, start: int, end: int, pattern: re.Pattern[str]) -> Iterator[Chunk]:
    """The stretches of text[start:end] between matches of pattern."""
    cursor = start
    for match in pattern.finditer(text, start, end):
        if match.start() > cursor:
            yield Chunk(cursor, match.start())
        cursor = match.end()
    if end > cursor:
        yield Chunk(cursor, end)


def _units(text: str, limit: int, count: Callable[[str], int]) -> Iterator[Chunk]:
    """Paragraphs, or the sentences (or, at worst, words) of a paragraph that is too long."""
    for paragraph in _pieces(text, 0, len(text), _PARAGRAPH_BREAK):
        if count(text[paragraph.start : paragraph.end]) <= limit:
            yield paragraph
            continue
        for sentence in _pieces(text, paragraph.start, paragraph.end, _SENTENCE_BREAK):
            if count(text[sentence.start : sentence.end]) <= limit:
                yield sentence
            else:
                yield from _pieces(text, sentence.start, sentence.end, _SPACE)


def split_article(text: str, limit: int, count: Callable[[str], int]) -> list[Chunk]:
    """Chunks of at most ``limit`` tokens, cut only between paragraphs, sentences or words."""
    chunks: list[Chunk] = []
    current: Chunk | None = None
    for unit in _units(text, limit, count):
        if current is not None and count(text[current.start : unit.end]) <= limit:
            current = Chunk(current.start, unit.end)
            continue
        if current is not None:
            chunks.append(current)
        current = unit
    if current is not None:
        chunks.append(current)
    return chunks
