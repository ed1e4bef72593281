"""The data contract.

Two layers live here:

* what the model is asked for (``ExtractedActor``, ``ExtractedConcern``, ``ExtractedSummary``): the
  response model handed to instructor, with no field the library computes;
* what the library returns (``Actor``, ``StatedConcern``, ``ArticleSummary``): the same fields plus
  character spans into the article and the run's ``RunMeta``.

Example::

    >>> from summarizer import ArticleSummary
    >>> sorted(ArticleSummary.model_json_schema()["properties"])[:3]
    ['actors', 'headline', 'key_points']
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "2"

Span = Annotated[
    tuple[int, int],
    Field(
        description="[start, end) character offsets into the article text as passed by the caller"
    ),
]

_WORD = re.compile(r"\S+")
# A sentence ends at . ! or ? followed by space and a capital; rough, used only to bound the summary.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z])")

MAX_HEADLINE_WORDS = 30
MAX_SUMMARY_SENTENCES = 6


class ActorKind(str, Enum):
    person = "person"
    organization = "organization"
    country = "country"
    government_body = "government_body"
    group = "group"
    other = "other"


class ConcernKind(str, Enum):
    concern = "concern"
    warning = "warning"
    accusation = "accusation"
    criticism = "criticism"
    doubt = "doubt"
    other = "other"


class ExtractedActor(BaseModel):
    """An actor as the model reports it."""

    name: str = Field(
        description="Canonical full name, e.g. 'Vladimir Putin' or 'the White House'."
    )
    kind: ActorKind = Field(description="What sort of actor this is.")
    role: str | None = Field(
        default=None,
        description="Title or role as the article gives it, e.g. 'Kremlin spokesman'; null if none.",
    )
    mentions: list[str] = Field(
        min_length=1,
        description=(
            "Surface forms copied exactly from the article that refer to this actor, "
            "e.g. ['Vladimir Putin', 'Putin']."
        ),
    )

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("an actor name must not be empty")
        return value


class ExtractedConcern(BaseModel):
    """A stated concern as the model reports it."""

    holder: str = Field(description="Who states it: the `name` of an actor listed in `actors`.")
    kind: ConcernKind = Field(
        description="concern, warning, accusation, criticism, doubt or other."
    )
    concern: str = Field(description="What the concern is, in brief, in your own words.")
    quote: str = Field(
        description="The words of the article that show the concern, copied verbatim from the article."
    )


class SummaryText(BaseModel):
    """The prose of a record: headline, summary and key points."""

    headline: str = Field(description="One line, at most 25 words.")
    summary: str = Field(description="2 to 5 neutral sentences, only what the article says.")
    key_points: list[str] = Field(min_length=1, max_length=8, description="1 to 8 short items.")

    @field_validator("headline")
    @classmethod
    def _one_line_headline(cls, value: str) -> str:
        value = value.strip()
        if not value or "\n" in value:
            raise ValueError("the headline must be a single non-empty line")
        if len(_WORD.findall(value)) > MAX_HEADLINE_WORDS:
            raise ValueError(f"the headline must have at most {MAX_HEADLINE_WORDS - 5} words or so")
        return value

    @field_validator("summary")
    @classmethod
    def _short_summary(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("the summary must not be empty")
        if len(_SENTENCE_END.findall(value)) + 1 > MAX_SUMMARY_SENTENCES:
            raise ValueError("the summary must have 2 to 5 sentences")
        return value

    @field_validator("key_points")
    @classmethod
    def _no_blank_points(cls, value: list[str]) -> list[str]:
        points = [point.strip() for point in value]
        if any(not point for point in points):
            raise ValueError("key points must not be empty")
        return points


class ExtractedSummary(SummaryText):
    """The response model: exactly what the model is asked to produce."""

    actors: list[ExtractedActor] = Field(
        description="Every person, organisation, country, government body or group that acts or speaks."
    )
    stated_concerns: list[ExtractedConcern] = Field(
        description="Every concern, warning, accusation, criticism or doubt that someone states."
    )


class Actor(ExtractedActor):
    """An actor, with where each mention stands in the article."""

    mention_spans: list[Span] = Field(
        default_factory=list,
        description="One [start, end) span for each entry of `mentions`, in the same order.",
    )


class StatedConcern(ExtractedConcern):
    """A stated concern, with where its quote stands in the article."""

    quote_span: Span = Field(
        description="[start, end) of the quote in the article; article[start:end] shows the words."
    )


class Usage(BaseModel):
    """Tokens summed over every attempt of a run."""

    model_config = ConfigDict(frozen=True)

    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cached_tokens=self.cached_tokens + other.cached_tokens,
        )


class DroppedRecord(BaseModel):
    """A record of the answer left out because it is not grounded in the article."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["mention", "actor", "concern"]
    actor: str = Field(description="The actor's name (for a concern, its holder).")
    text: str = Field(description="The mention or quote that was not found, as the answer gave it.")
    reason: Literal["not_in_article", "holder_not_an_actor"]
    part: int | None = Field(
        default=None, description="For a long article, the part (1, 2, ...) whose answer it was."
    )


class RunMeta(BaseModel):
    """How the summary was made. Filled by the library, never asked of the model."""

    model: str
    prompt_version: str
    schema_version: str = SCHEMA_VERSION
    attempts: int = Field(ge=0, description="Answers requested from the model (1 + re-asks).")
    usage: Usage = Field(default_factory=Usage)
    cost_usd: float | None = Field(
        default=None,
        description="Estimated US dollars for `usage`; 0 for local models, null when the price is unknown.",
    )
    cached: bool = Field(
        default=False,
        description="Taken from the cache: no model request was made (usage and cost are then 0).",
    )
    elapsed_s: float = 0.0
    article_sha256: str
    warnings: list[str] = Field(default_factory=list)
    dropped: list[DroppedRecord] = Field(
        default_factory=list,
        description="Records of the answer left out as ungrounded (also named in `warnings`).",
    )


class ArticleSummary(SummaryText):
    """A grounded structured summary of one article.

    Example::

        >>> from summarizer import summarize
        >>> result = summarize(Path("examples/ap-kim-russia-jets.txt").read_text())  # doctest: +SKIP
        >>> [actor.name for actor in result.actors][:2]  # doctest: +SKIP
        ['Kim Jong Un', 'Vladimir Putin']
    """

    actors: list[Actor]
    stated_concerns: list[StatedConcern]
    meta: RunMeta
    source_text: str | None = Field(
        default=None,
        description=(
            "The exact text the spans refer to, when it is not the input as most tools read it "
            "(extracted from HTML, a byte order mark removed, CR line ends kept); else null."
        ),
    )
