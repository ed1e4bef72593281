"""The article as the pipeline carries it: its text, and what is computed from it once.

The normalised text (for grounding), the word index (for near-miss quotes) and the SHA-256 are
built on first use and kept, so every step that needs them shares one copy.

Example::

    >>> article = Article("Mayor Jane Doe warned that the bridge was unsafe.")
    >>> article.index.text[:14], len(article.sha256)
    ('mayor jane doe', 64)
"""

from __future__ import annotations

import hashlib

from .grounding import NormalisedText, WordIndex


class Article:
    """A text to summarise; ``offset`` is where it starts in the whole article (for a part)."""

    __slots__ = ("text", "offset", "_index", "_words", "_sha256")

    def __init__(self, text: str, offset: int = 0) -> None:
        self.text = text
        self.offset = offset
        self._index: NormalisedText | None = None
        self._words: WordIndex | None = None
        self._sha256: str | None = None

    def __repr__(self) -> str:
        return f"Article({len(self.text)} characters, offset={self.offset})"

    @property
    def index(self) -> NormalisedText:
        if self._index is None:
            self._index = NormalisedText(self.text)
        return self._index

    @property
    def words(self) -> WordIndex:
        if self._words is None:
            self._words = WordIndex(self.index)
        return self._words

    @property
    def sha256(self) -> str:
        if self._sha256 is None:
            self._sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return self._sha256

    def part(self, start: int, end: int) -> Article:
        """``text[start:end]`` as an article of its own, knowing where it stands."""
        return Article(self.text[start:end], self.offset + start)
