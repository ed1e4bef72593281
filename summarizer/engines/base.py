"""The engine seam: what the pipeline asks of an engine, and what an engine answers.

An engine makes one answer per call: ``await engine.answer(task)``. Everything around it is the
pipeline's, the same for every engine: the re-ask budget (an answer that does not parse or is not
grounded is asked again, with the reason, in a new ``Task`` carrying a ``Reask``), long articles
(split into parts, each a task, then a reduce task over the parts' prose), grounding, merging,
``meta``, the cache, batches and evaluation.

A third-party engine subclasses ``BaseEngine`` (or implements ``Engine``) and is registered under
the entry-point group ``summarizer.engines``; see ``summarizer.engines``.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..article import Article
from ..models import SummaryText, Usage

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["Answer", "BaseEngine", "Engine", "Reask", "Task"]


@dataclass(frozen=True)
class Answer:
    """One answer of an engine to one task.

    ``record`` is the parsed answer: an ``ExtractedSummary`` for an article (or a part), a
    ``SummaryText`` for a reduce task; None when the answer could not be parsed, and then
    ``problem`` says why in a line the model can act on. ``partial`` marks an answer to a
    grounding re-ask that holds only the corrected records (its prose is not used). ``attempts``
    counts the answers asked of the model (0 for an engine without one); ``state`` is the
    engine's own (what a re-ask of this answer continues from).
    """

    record: SummaryText | None
    usage: Usage = Usage()
    attempts: int = 1
    problem: str | None = None
    truncated: bool = False
    refusal: str | None = None
    partial: bool = False
    raw: str | None = None
    warnings: tuple[str, ...] = ()
    state: object = None


@dataclass(frozen=True)
class Reask:
    """Why the previous answer to a task is asked again.

    With ``actors`` or ``concerns`` set (indices into the previous record), only those records
    failed grounding: an engine may answer with just their corrections (``Answer.partial``).
    Otherwise the whole answer is asked again (it did not parse or fit the schema).
    """

    previous: Answer
    problems: tuple[str, ...]
    actors: tuple[int, ...] = ()
    concerns: tuple[int, ...] = ()

    @property
    def records_only(self) -> bool:
        return self.previous.record is not None and bool(self.actors or self.concerns)


@dataclass(frozen=True)
class Task:
    """One thing asked of an engine: summarise ``article``, or, with ``parts``, merge the prose
    of a long article's parts into the whole article's headline, summary and key points."""

    article: Article
    max_tokens: int
    reask: Reask | None = None
    parts: tuple[SummaryText, ...] | None = None

    @property
    def is_reduce(self) -> bool:
        return self.parts is not None


@runtime_checkable
class Engine(Protocol):
    """What the pipeline needs of an engine."""

    #: Recorded in ``meta.prompt_version`` and part of the cache key: change it when answers change.
    prompt_version: str
    #: True when asking again gives the same answer (then nothing is re-asked).
    deterministic: bool

    @property
    def max_input_tokens(self) -> int | None:
        """The longest text one task may carry, in tokens; None for any length (no splitting)."""

    def count_tokens(self, text: str) -> int:
        """Tokens in ``text`` as this engine's model counts them."""

    async def answer(self, task: Task) -> Answer:
        """One answer to ``task``; transport faults are retried inside, within their own budget,
        and end in a ``ProviderError``."""

    async def aclose(self) -> None:
        """Release what the engine holds in the running event loop."""

    def close(self) -> None:
        """Release what the engine holds that blocking code can reach."""


class BaseEngine(ABC):
    """Defaults for an engine: no splitting, an estimated token count, nothing to close.

    A plugin needs only ``__init__(self, settings)`` and ``answer``::

        class EchoEngine(BaseEngine):
            prompt_version = "echo-1"

            async def answer(self, task: Task) -> Answer:
                ...
    """

    prompt_version = "engine-1"
    deterministic = False

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def max_input_tokens(self) -> int | None:
        return None

    def count_tokens(self, text: str) -> int:
        return math.ceil(len(text) / 3)

    @abstractmethod
    async def answer(self, task: Task) -> Answer:
        """One answer to ``task`` (see ``Engine.answer``)."""

    async def aclose(self) -> None:
        return None

    def close(self) -> None:
        return None
