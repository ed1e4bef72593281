"""Headline, extractive summary and key points: lead-biased centrality ranking of sentences.

Each body sentence is a TF-IDF vector of its content words; its centrality is its mean cosine
similarity to the others. The score mixes centrality with a bonus for standing early (news puts
the most important first), with penalties for sentences that read badly out of context.

Example::

    >>> from summarizer.offline.sentences import read_document
    >>> doc = read_document("Storm hits\\n\\nA storm hit the coast. It was big. The coast was hit.")
    >>> headline(doc)
    'Storm hits'
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..models import MAX_HEADLINE_WORDS, MAX_SUMMARY_SENTENCES
from .lexicon import words
from .sentences import BODY, Checkpoint, Document, Sentence, never_stop

MAX_KEY_POINTS = 6
KEY_POINT_WORDS = 28
SUMMARY_SENTENCES = 3
MAX_SUMMARY_WORDS = 110
HEADLINE_WORDS = 20
# Only the first sentences of a very long text are ranked (a 4 MB text has about 25,000).
MAX_RANKED_SENTENCES = 1000
# Two sentences this similar say the same thing; only the better-ranked one is kept.
NEAR_DUPLICATE = 0.5

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.]*")
# The validator's own rule for counting sentences in a summary (models._SENTENCE_END).
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z])")
_STOP = words(
    """a an the and or but if of to in on at by for with from as into about over after before
    between through during without within under against among is are was were be been being has
    have had do does did will would could should may might must can shall that this these those
    it its it's they them their he him his she her we our you your i me my who whom whose which
    what when where why how not no nor so than then there here also just only very more most
    such said says say told tells according one two three new other some any all each both while
    because although though since until up down out off again further once mr mrs ms"""
)
_WEAK_OPENERS = words(
    """he she it they this that these those but and also however his her their its so then"""
)
_TRAILERS = words(
    """which who whose where including while whereas although though as after before according
    likely possibly apparently despite amid"""
)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")


def _terms(text: str) -> list[str]:
    terms = []
    for word in _WORD.findall(text.lower()):
        word = word.replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if word in _STOP or word[0].isdigit() or len(word) < 3:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        terms.append(word)
    return terms


def _cosine(a: dict[str, float], b: dict[str, float], norm_a: float, norm_b: float) -> float:
    if not norm_a or not norm_b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items()) / (norm_a * norm_b)


class Ranking:
    """Body sentences ranked for a summary, with their similarity to each other."""

    def __init__(self, doc: Document, checkpoint: Checkpoint = never_stop) -> None:
        self.doc = doc
        body = [s for s in doc.sentences if s.role == BODY]
        if not body:
            body = [s for s in doc.sentences if s.role != "byline"] or list(doc.sentences)
        # News puts the most important first: a very long text is summarised from its start.
        body = body[:MAX_RANKED_SENTENCES]
        self.sentences = body
        texts = [doc.text[s.start : s.end] for s in body]
        counts = []
        for position, text in enumerate(texts):
            if position % 100 == 0:
                checkpoint()
            counts.append(Counter(_terms(text)))
        df: Counter[str] = Counter()
        for count in counts:
            df.update(count.keys())
        n = len(body)
        self.vectors = [
            {t: c * math.log(1 + n / df[t]) for t, c in count.items()} for count in counts
        ]
        self.norms = [math.sqrt(sum(w * w for w in v.values())) for v in self.vectors]
        # The sum of cosines to all others is one dot product with the sum of unit vectors,
        # which keeps the ranking linear in the number of sentences.
        total: dict[str, float] = {}
        for vector, norm in zip(self.vectors, self.norms, strict=True):
            for term, weight in vector.items():
                total[term] = total.get(term, 0.0) + (weight / norm if norm else 0.0)
        central = []
        for vector, norm in zip(self.vectors, self.norms, strict=True):
            if not norm or n < 2:
                central.append(1.0 if n < 2 else 0.0)
                continue
            dot = sum(weight * total[term] for term, weight in vector.items()) / norm
            central.append((dot - 1.0) / (n - 1))
        top = max(central) or 1.0
        self.scores = [
            (0.5 * central[i] / top + 0.5 / (1 + i / 3)) * _readability(texts[i]) for i in range(n)
        ]
        self.order = sorted(range(n), key=lambda i: -self.scores[i])

    def similar(self, i: int, j: int) -> float:
        return _cosine(self.vectors[i], self.vectors[j], self.norms[i], self.norms[j])

    def distinct(self, limit: int, max_words: int | None = None) -> list[int]:
        """Best-ranked sentences, no two near-duplicates, in rank order."""
        chosen: list[int] = []
        words = 0
        for i in self.order:
            if any(self.similar(i, j) > NEAR_DUPLICATE for j in chosen):
                continue
            length = len(self.text(i).split())
            if max_words is not None and chosen and words + length > max_words:
                continue
            chosen.append(i)
            words += length
            if len(chosen) == limit:
                break
        return chosen

    def text(self, i: int) -> str:
        sentence: Sentence = self.sentences[i]
        return " ".join(self.doc.text[sentence.start : sentence.end].split())


def _readability(text: str) -> float:
    """Penalties for sentences that read badly alone: quotations, fragments, run-ons."""
    words = text.split()
    factor = 1.0
    if text[:1] in "\"“‘'(":
        # A bare quotation ("“The second genocide.”") needs its speaker to make sense.
        factor *= 0.3 if text.rstrip()[-1:] in "\"”’'" else 0.6
    if text.count("“") != text.count("”") or text.count('"') % 2:
        factor *= 0.5
    if len(words) < 8:
        factor *= 0.6
    if len(words) > 50:
        factor *= 0.7
    if words and words[0].lower().strip(",") in _WEAK_OPENERS:
        factor *= 0.75
    return factor


def summary(ranking: Ranking) -> str:
    """Two to five of the best distinct sentences, in article order."""
    if not ranking.sentences:
        return ""
    chosen = ranking.distinct(SUMMARY_SENTENCES, MAX_SUMMARY_WORDS)
    if len(chosen) < 2 and len(ranking.sentences) > 1:
        extra = [i for i in ranking.order if i not in chosen]
        chosen += extra[: 2 - len(chosen)]
    chosen.sort()
    while True:
        text = " ".join(ranking.text(i) for i in chosen)
        if len(_SENTENCE_END.findall(text)) + 1 <= MAX_SUMMARY_SENTENCES - 1 or len(chosen) == 1:
            return text
        # "U.S. Army" counts as a sentence end for the validator: drop the weakest sentence.
        chosen.remove(min(chosen, key=lambda i: ranking.scores[i]))


def compress(sentence: str) -> str:
    """A long sentence cut to its main clause: parentheses and trailing clauses dropped.

    A cut is made only at a comma outside any quotation, so no quotation is left open.
    """
    text = _PARENTHESIS.sub("", sentence)
    words = text.split()
    if len(words) <= KEY_POINT_WORDS:
        return text
    depth = 0
    for k, word in enumerate(words):
        depth += word.count("“") - word.count("”") + word.count('"') % 2 * (1 if depth == 0 else -1)
        if (
            k >= 10
            and depth == 0
            and word.endswith(",")
            and k < len(words) - 4
            and _trailing_clause(words[k + 1])
        ):
            return " ".join(words[: k + 1]).rstrip(",") + "."
    return text


def _trailing_clause(word: str) -> bool:
    """Whether a word after a comma opens a clause the main statement can do without."""
    word = word.lower()
    return word in _TRAILERS or (word.endswith("ing") and len(word) > 5)


def key_points(ranking: Ranking) -> list[str]:
    """The best-ranked distinct sentences, most important first, each cut to its main clause."""
    points = [compress(ranking.text(i)) for i in ranking.distinct(MAX_KEY_POINTS)]
    return [point for point in points if point] or [ranking.text(0)]


def headline(doc: Document) -> str:
    """The title line when the article has one, else its lead sentence compressed."""
    if doc.title is not None:
        return " ".join(doc.text[doc.title.start : doc.title.end].split())
    body = [s for s in doc.sentences if s.role == BODY] or list(doc.sentences)
    if not body:
        return " ".join(doc.text.split()[:HEADLINE_WORDS])
    lead = _PARENTHESIS.sub("", doc.text[body[0].start : body[0].end])
    words = lead.split()
    if len(words) > HEADLINE_WORDS:
        # Keep the main clause: cut at the first comma or dash after the subject and verb.
        for k in range(6, HEADLINE_WORDS):
            if words[k].endswith(",") or words[k + 1 : k + 2] in (["—"], ["–"]):
                words = words[: k + 1]
                break
        words = words[:HEADLINE_WORDS]
    text = " ".join(words).rstrip(" ,;:.—–-")
    return " ".join(text.split()[: MAX_HEADLINE_WORDS - 5])
