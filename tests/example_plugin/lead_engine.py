"""An example engine plugin for summarizer: the lead paragraph as the summary, and every sentence
in which someone "warned" as a concern of the person named before the verb.

It shows what an engine gets for free from the pipeline: its answers are grounded, an answer that
cites words the article does not have is asked again (this engine, to show it, copies its first
first quote and corrects it when asked again), and the cache, batches and evaluation apply.

Install it (``pip install ./tests/example_plugin``) and run::

    summarizer summarize article.txt --model lead/v1
"""

from __future__ import annotations

import re

from summarizer.engines import Answer, BaseEngine, Task
from summarizer.models import (
    ActorKind,
    ConcernKind,
    ExtractedActor,
    ExtractedConcern,
    ExtractedSummary,
)

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
_WARNING = re.compile(r"\b((?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+) warned (?:that )?([^.]+)")


class LeadEngine(BaseEngine):
    prompt_version = "lead-1"

    async def answer(self, task: Task) -> Answer:
        text = task.article.text
        sentences = [s.strip() for s in _SENTENCE.findall(text)] or [text.strip()[:200]]
        actors: dict[str, ExtractedActor] = {}
        concerns = []
        for match in _WARNING.finditer(text):
            name, said = match.group(1), match.group(2)
            actors.setdefault(
                name, ExtractedActor(name=name, kind=ActorKind.person, mentions=[name])
            )
            # Invents its first quote; gets it right when asked again.
            quote = said if task.reask else "words the article never had"
            concerns.append(
                ExtractedConcern(holder=name, kind=ConcernKind.warning, concern=said, quote=quote)
            )
        record = ExtractedSummary(
            headline=sentences[0][:150],
            summary=" ".join(sentences[:2]),
            key_points=sentences[:3],
            actors=list(actors.values()),
            stated_concerns=concerns,
        )
        return Answer(record, attempts=1)
