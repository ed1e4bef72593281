"""Long articles: counting tokens, splitting on paragraph and sentence boundaries, merging the parts.

An article longer than the model can take is split into chunks, each summarised on its own (map);
the chunks' actors and concerns are merged here, with every span in whole-article offsets, and the
headline, summary and key points come from one more call over the chunk results (reduce).

Example::

    >>> [(c.start, c.end) for c in split_article("One.\\n\\nTwo.\\n\\nThree.", 2, estimate_tokens)]
    [(0, 4), (6, 10), (12, 18)]
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from .grounding import NormalisedText, locate_mention, normalise
from .models import Actor, StatedConcern

# English news runs at about four characters a token; three keeps the estimate on the safe side.
_CHARS_PER_TOKEN = 3
# Context windows of well-known models, in tokens; anything else is assumed to be small.
CONTEXT_WINDOWS = {
    "gpt-4o": 128_000,
    "gpt-4o-mini": 128_000,
    "gpt-4.1": 1_000_000,
    "gpt-4.1-mini": 1_000_000,
    "gpt-4.1-nano": 1_000_000,
    "o4-mini": 200_000,
    "o3": 200_000,
    "o3-mini": 200_000,
}
DEFAULT_CONTEXT_WINDOW = 8_192
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


def default_max_input_tokens(model_name: str, max_output_tokens: int) -> int:
    """The model's context window less the prompt and the output budget."""
    window = CONTEXT_WINDOWS.get(model_name, DEFAULT_CONTEXT_WINDOW)
    return max(window - PROMPT_RESERVE - max_output_tokens, 256)


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


def shift_concern(concern: StatedConcern, offset: int) -> StatedConcern:
    start, end = concern.quote_span
    return concern.model_copy(update={"quote_span": (start + offset, end + offset)})


def merge_records(
    article: NormalisedText,
    parts: Iterable[tuple[list[Actor], list[StatedConcern]]],
) -> tuple[list[Actor], list[StatedConcern]]:
    """Actors merged by name and mentions, concerns by holder and quote, spans in the article's
    own offsets. A passage repeated in the article yields one concern, at its first place."""
    actors: list[Actor] = []
    by_key: dict[str, int] = {}
    concerns: list[StatedConcern] = []
    concern_index: dict[tuple[int, str], int] = {}
    for part_actors, part_concerns in parts:
        local: dict[str, int] = {}
        for actor in part_actors:
            keys = [normalise(actor.name)] + [normalise(m) for m in actor.mentions]
            found = next((by_key[k] for k in keys if k in by_key), None)
            if found is None:
                found = len(actors)
                actors.append(actor.model_copy(update={"mentions": [], "mention_spans": []}))
            merged = actors[found]
            for mention in actor.mentions:
                if normalise(mention) not in {normalise(m) for m in merged.mentions}:
                    merged.mentions.append(mention)
            if merged.role is None and actor.role:
                actors[found] = merged = merged.model_copy(update={"role": actor.role})
            for key in keys:
                by_key.setdefault(key, found)
                local[key] = found
        for concern in part_concerns:
            holder = local.get(normalise(concern.holder), by_key.get(normalise(concern.holder)))
            if holder is None:
                continue
            identity = (holder, normalise(concern.quote))
            if identity in concern_index:
                continue
            concern_index[identity] = len(concerns)
            concerns.append(concern.model_copy(update={"holder": actors[holder].name}))
    for index, actor in enumerate(actors):
        spans = [locate_mention(article, mention) for mention in actor.mentions]
        kept = [(m, s) for m, s in zip(actor.mentions, spans, strict=True) if s is not None]
        actors[index] = actor.model_copy(
            update={"mentions": [m for m, _ in kept], "mention_spans": [s for _, s in kept]}
        )
    return [actor for actor in actors if actor.mentions], concerns
