"""Measuring a model against hand-annotated articles (a gold set).

A gold directory holds ``NAME.txt`` (the article) beside ``NAME.json`` (its gold answer: the JSON of an
``ExtractedSummary``; spans, if present, are ignored and recomputed from the text). Each article is
summarised through ``Summarizer.asummarize`` (the code path of ``summarize``, so retries, the cache and
the offline engine all apply) and scored against its gold answer:

* ``actor_precision`` / ``actor_recall`` / ``actor_f1``: a predicted actor matches a gold actor when
  their names or any of their mentions are equal after normalisation (``grounding.normalise``, then a
  leading "the"/"a"/"an" and a trailing "'s" dropped); for persons a surname alone matches the full
  name. Matching is one-to-one, so a duplicated actor is not counted twice.
* ``concern_precision`` / ``concern_recall``: a predicted concern matches a gold one when its holder is
  the gold holder (each holder resolved to its actor, then through the actor matching) and the quote
  spans overlap by at least half of the gold quote. Also one-to-one.
* ``quote_grounding``: the share of predicted quotes and mentions found in the article (those the
  library dropped as ungrounded count as not found).
* ``rouge1_f`` / ``rougeL_f``: ROUGE-1 and ROUGE-L F-measure of the predicted summary against the gold
  summary (rouge-score, Porter stemming).
* ``summary_actor_recall``: of the gold actors the gold summary names, the share the predicted summary
  names too.
* ``tokens``, ``cost_usd`` (when the run reports one), ``elapsed_s``.

Aggregates: ``micro`` pools the counts of every article (tokens, cost and time are totals); ``macro``
is the mean of the per-article figures (tokens, cost and time per article). Where both sides of a ratio
are empty (no gold concerns and none predicted) it is 1.0; where only the denominator is, 0.0.

Example::

    >>> from summarizer.evaluation import evaluate
    >>> report = evaluate("gold", model="offline")  # doctest: +SKIP
    >>> report.aggregate.micro.actor_recall  # doctest: +SKIP
    0.61
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError
from rich.table import Table

from . import bridge
from .article import Article
from .core import Summarizer
from .errors import ConfigurationError, InputError, SummarizerError
from .grounding import (
    NormalisedText,
    check_answer,
    grounded_records,
    locate_mention,
    locate_quote,
    normalise,
)
from .models import Actor, ActorKind, ArticleSummary, ExtractedSummary, StatedConcern

__all__ = [
    "METRICS",
    "Aggregate",
    "ArticleResult",
    "EvaluationReport",
    "GoldArticle",
    "Scores",
    "aevaluate",
    "aggregate",
    "evaluate",
    "load_gold",
    "report_table",
    "score_article",
]

DEFAULT_CONCURRENCY = 4
# The quality figures, in the order reports show them.
METRICS = (
    "actor_precision",
    "actor_recall",
    "actor_f1",
    "concern_precision",
    "concern_recall",
    "quote_grounding",
    "rouge1_f",
    "rougeL_f",
    "summary_actor_recall",
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")


# -- the gold set ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article: its text and its gold answer, grounded (spans computed on load)."""

    name: str
    text: str
    answer: ExtractedSummary
    actors: list[Actor]
    stated_concerns: list[StatedConcern]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def load_gold(directory: str | Path) -> list[GoldArticle]:
    """Every ``NAME.txt`` of a directory with its ``NAME.json``, checked and grounded.

    Raises ``InputError`` (one line) for a missing or empty directory, a ``.txt`` without its
    ``.json``, an annotation that is not a valid answer, or one whose quotes or mentions are not in
    the article.

    >>> [article.name for article in load_gold("gold")][:1]  # doctest: +SKIP
    ['ap-kim-russia-jets']
    """
    path = Path(directory)
    if not path.exists():
        raise InputError(f"{path}: no such directory")
    if not path.is_dir():
        raise InputError(f"{path}: not a directory (give a folder of NAME.txt and NAME.json files)")
    texts = sorted(path.glob("*.txt"))
    if not texts:
        raise InputError(f"{path}: no gold articles in it (NAME.txt beside NAME.json)")
    return [_load_one(text_path) for text_path in texts]


def _load_one(text_path: Path) -> GoldArticle:
    json_path = text_path.with_suffix(".json")
    if not json_path.is_file():
        raise InputError(f"{text_path}: no gold annotation {json_path.name} beside it")
    try:
        text = text_path.read_text(encoding="utf-8")
        raw = json_path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{text_path.parent}: {exc.reason} in a gold file: not UTF-8") from exc
    if not text.strip():
        raise InputError(f"{text_path}: the article is empty")
    try:
        answer = ExtractedSummary.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the document"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise InputError(
            _one_line(f"{json_path}: not a valid gold answer: {where}: {first['msg']}{more}")
        ) from exc
    article = Article(text)
    report = check_answer(article, answer, near=False)
    if not report.ok:
        more = f" (and {len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
        raise InputError(_one_line(f"{json_path}: {report.problems[0]}{more}"))
    grounded = grounded_records(article, answer, report)
    return GoldArticle(text_path.stem, text, answer, grounded.actors, grounded.concerns)


# -- matching --------------------------------------------------------------------------------------


def _key(text: str) -> str:
    """A name or mention as compared: normalised, without a leading article or a possessive."""
    key = _LEADING_ARTICLE.sub("", normalise(text))
    if key.endswith("'s"):
        key = key[:-2]
    return key.strip()


@dataclass(frozen=True)
class _ActorKeys:
    name: str
    keys: frozenset[str]
    single_words: frozenset[str]
    surname: str | None
    person: bool

    @classmethod
    def of(cls, name: str, mentions: Sequence[str], kind: ActorKind | None) -> _ActorKeys:
        keys = frozenset(key for key in map(_key, [name, *mentions]) if key)
        name_key = _key(name)
        words = name_key.split()
        return cls(
            name=name_key,
            keys=keys,
            single_words=frozenset(key for key in keys if " " not in key),
            surname=words[-1] if len(words) > 1 else None,
            person=kind is ActorKind.person,
        )

    def strength(self, other: _ActorKeys) -> int:
        """3: the same name; 2: a shared name or mention; 1: a surname alone; 0: no match."""
        if self.name and self.name == other.name:
            return 3
        if self.keys & other.keys:
            return 2
        if self.person or other.person:
            if other.surname is not None and other.surname in self.single_words:
                return 1
            if self.surname is not None and self.surname in other.single_words:
                return 1
        return 0


def _actor_keys(actor: Actor) -> _ActorKeys:
    return _ActorKeys.of(actor.name, actor.mentions, actor.kind)


def _max_matching(left: int, right: int, strength: Callable[[int, int], int]) -> dict[int, int]:
    """A maximum one-to-one matching (left index -> right index); stronger pairs are tried first."""
    candidates: list[list[int]] = []
    best: list[int] = []
    for i in range(left):
        scored = [(strength(i, j), j) for j in range(right)]
        ranked = sorted(((s, j) for s, j in scored if s > 0), key=lambda sj: (-sj[0], sj[1]))
        candidates.append([j for _, j in ranked])
        best.append(ranked[0][0] if ranked else 0)
    owner: dict[int, int] = {}  # right -> left

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in sorted(range(left), key=lambda i: (-best[i], i)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _resolve_holder(holder: str, actors: Sequence[_ActorKeys]) -> int | None:
    """The actor a holder names: by name first, then by any mention."""
    key = _key(holder)
    for index, actor in enumerate(actors):
        if actor.name == key:
            return index
    for index, actor in enumerate(actors):
        if key in actor.keys:
            return index
    return None


def _overlap(predicted: tuple[int, int] | None, gold: tuple[int, int]) -> bool:
    """At least half of the gold quote is covered by the predicted one."""
    if predicted is None:
        return False
    shared = min(predicted[1], gold[1]) - max(predicted[0], gold[0])
    return shared > 0 and 2 * shared >= gold[1] - gold[0]


def _named_in(summary: NormalisedText, actor: Actor) -> bool:
    forms = [actor.name, *actor.mentions]
    words = actor.name.split()
    if actor.kind is ActorKind.person and len(words) > 1:
        forms.append(words[-1])
    return any(locate_mention(summary, form) is not None for form in forms)


# -- ROUGE -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rouge:
    """rouge-score's scorer and its tokenizer, loaded once (it is an optional dependency)."""

    score: Callable[[str, str], dict[str, Any]]
    tokenize: Callable[[str], list[str]]

    @classmethod
    def load(cls) -> _Rouge:
        try:
            from rouge_score import rouge_scorer, tokenizers
        except ImportError as exc:
            raise ConfigurationError(
                "evaluation needs rouge-score: pip install 'summarizer[eval]'"
            ) from exc
        scorer = rouge_scorer.RougeScorer(["rouge1", "rougeL"], use_stemmer=True)
        tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
        return cls(score=scorer.score, tokenize=tokenizer.tokenize)


@cache
def _rouge_scorer() -> _Rouge:
    return _Rouge.load()


# -- results ---------------------------------------------------------------------------------------


class Scores(BaseModel):
    """The figures of one article, or of an aggregate (None where they cannot be computed)."""

    actor_precision: float | None = None
    actor_recall: float | None = None
    actor_f1: float | None = None
    concern_precision: float | None = None
    concern_recall: float | None = None
    quote_grounding: float | None = None
    rouge1_f: float | None = None
    rougeL_f: float | None = None  # the name the ROUGE literature uses
    summary_actor_recall: float | None = None
    tokens: float | None = Field(default=None, description="Prompt and completion tokens.")
    cost_usd: float | None = Field(default=None, description="When the run reports a cost.")
    elapsed_s: float | None = None


class Counts(BaseModel):
    """What the ratios of one article are made of; the micro aggregate adds these up."""

    gold_actors: int = 0
    predicted_actors: int = 0
    matched_actors: int = 0
    gold_concerns: int = 0
    predicted_concerns: int = 0
    matched_concerns: int = 0
    predicted_items: int = 0
    grounded_items: int = 0
    gold_summary_tokens: int = 0
    predicted_summary_tokens: int = 0
    rouge1_overlap: int = 0
    rougeL_lcs: int = 0
    summary_gold_actors: int = 0
    summary_named_actors: int = 0


class ArticleResult(Scores):
    """The scores of one article, what they count, and what was missed or added."""

    name: str
    status: Literal["ok", "error"] = "ok"
    error: str | None = None
    cached: bool = Field(
        default=False,
        description="The answer came from the summary cache: tokens, cost and time are the lookup's.",
    )
    counts: Counts = Field(default_factory=Counts)
    missed_actors: list[str] = Field(default_factory=list, description="Gold actors not found.")
    spurious_actors: list[str] = Field(
        default_factory=list, description="Predicted actors that match no gold actor."
    )


class Aggregate(BaseModel):
    """Micro (pooled counts; totals of tokens, cost, time) and macro (means per article)."""

    articles: int
    failed: int
    cached: int = Field(default=0, description="Answers taken from the summary cache.")
    micro: Scores
    macro: Scores


class EvaluationReport(BaseModel):
    """A whole run: the model, each article's result and the aggregates."""

    model: str
    gold: str
    concurrency: int
    wall_s: float
    articles: list[ArticleResult]
    aggregate: Aggregate


def _ratio(hits: int, total: int, other_total: int) -> float:
    """hits / total; with nothing on either side the answer agrees perfectly, else not at all."""
    if total:
        return hits / total
    return 1.0 if other_total == 0 else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _scores_from(counts: Counts) -> dict[str, float]:
    """The quality ratios of a set of counts (one article's, or all articles' pooled)."""
    c = counts
    actor_precision = _ratio(c.matched_actors, c.predicted_actors, c.gold_actors)
    actor_recall = _ratio(c.matched_actors, c.gold_actors, c.predicted_actors)
    summary_tokens = c.gold_summary_tokens + c.predicted_summary_tokens
    return {
        "actor_precision": actor_precision,
        "actor_recall": actor_recall,
        "actor_f1": _f1(actor_precision, actor_recall),
        "concern_precision": _ratio(c.matched_concerns, c.predicted_concerns, c.gold_concerns),
        "concern_recall": _ratio(c.matched_concerns, c.gold_concerns, c.predicted_concerns),
        "quote_grounding": _ratio(c.grounded_items, c.predicted_items, 0),
        # F = 2PR / (P + R) = 2 * overlap / (predicted tokens + gold tokens)
        "rouge1_f": 2 * c.rouge1_overlap / summary_tokens if summary_tokens else 1.0,
        "rougeL_f": 2 * c.rougeL_lcs / summary_tokens if summary_tokens else 1.0,
        "summary_actor_recall": _ratio(c.summary_named_actors, c.summary_gold_actors, 0),
    }


def score_article(gold: GoldArticle, summary: ArticleSummary) -> ArticleResult:
    """Score one predicted summary against its gold article.

    >>> gold = load_gold("gold")[0]  # doctest: +SKIP
    >>> score_article(gold, summarize(gold.text, model="offline")).actor_f1  # doctest: +SKIP
    0.72
    """
    index = NormalisedText(gold.text)
    gold_keys = [_actor_keys(actor) for actor in gold.actors]
    predicted_keys = [_actor_keys(actor) for actor in summary.actors]
    pairs = _max_matching(
        len(predicted_keys), len(gold_keys), lambda i, j: predicted_keys[i].strength(gold_keys[j])
    )

    def holder_matches(predicted: StatedConcern, wanted: StatedConcern) -> bool:
        gold_actor = _resolve_holder(wanted.holder, gold_keys)
        if gold_actor is None:
            return False
        actor = _resolve_holder(predicted.holder, predicted_keys)
        if actor is not None and actor in pairs:
            return pairs[actor] == gold_actor
        # The holder's actor matched no gold actor (or is not listed): compare the holder itself.
        if actor is not None:
            holder = predicted_keys[actor]
        else:
            holder = _ActorKeys.of(predicted.holder, [], None)
        return holder.strength(gold_keys[gold_actor]) > 0

    predicted_spans = [locate_quote(index, concern.quote) for concern in summary.stated_concerns]
    gold_spans = [concern.quote_span for concern in gold.stated_concerns]
    concern_pairs = _max_matching(
        len(summary.stated_concerns),
        len(gold.stated_concerns),
        lambda i, j: int(
            _overlap(predicted_spans[i], gold_spans[j])
            and holder_matches(summary.stated_concerns[i], gold.stated_concerns[j])
        ),
    )

    mentions = [mention for actor in summary.actors for mention in actor.mentions]
    grounded = sum(locate_mention(index, mention) is not None for mention in mentions)
    grounded += sum(span is not None for span in predicted_spans)
    # Mentions and quotes the library dropped as not in the article count as not found.
    dropped = sum(
        record.reason == "not_in_article" and record.kind in ("mention", "concern")
        for record in summary.meta.dropped
    )

    rouge = _rouge_scorer()
    gold_summary, predicted_summary = gold.answer.summary, summary.summary
    rouge_scores = rouge.score(gold_summary, predicted_summary)
    gold_tokens = len(rouge.tokenize(gold_summary))
    gold_summary_index = NormalisedText(gold_summary)
    predicted_summary_index = NormalisedText(predicted_summary)
    in_gold_summary = [actor for actor in gold.actors if _named_in(gold_summary_index, actor)]

    counts = Counts(
        gold_actors=len(gold.actors),
        predicted_actors=len(summary.actors),
        matched_actors=len(pairs),
        gold_concerns=len(gold.stated_concerns),
        predicted_concerns=len(summary.stated_concerns),
        matched_concerns=len(concern_pairs),
        predicted_items=len(mentions) + len(predicted_spans) + dropped,
        grounded_items=grounded,
        gold_summary_tokens=gold_tokens,
        predicted_summary_tokens=len(rouge.tokenize(predicted_summary)),
        # rouge-score gives recall = overlap / gold tokens: the counts the micro figures pool.
        rouge1_overlap=round(rouge_scores["rouge1"].recall * gold_tokens),
        rougeL_lcs=round(rouge_scores["rougeL"].recall * gold_tokens),
        summary_gold_actors=len(in_gold_summary),
        summary_named_actors=sum(
            _named_in(predicted_summary_index, actor) for actor in in_gold_summary
        ),
    )
    matched_gold = set(pairs.values())
    meta = summary.meta
    cost = getattr(meta, "cost_usd", None)
    return ArticleResult(
        name=gold.name,
        counts=counts,
        missed_actors=[a.name for j, a in enumerate(gold.actors) if j not in matched_gold],
        spurious_actors=[a.name for i, a in enumerate(summary.actors) if i not in pairs],
        cached=meta.cached,
        tokens=meta.usage.total_tokens,
        cost_usd=float(cost) if cost is not None else None,
        elapsed_s=meta.elapsed_s,
        **{
            **_scores_from(counts),
            # Per article, rouge-score's own F-measure (the pooled one is for the micro row).
            "rouge1_f": rouge_scores["rouge1"].fmeasure,
            "rougeL_f": rouge_scores["rougeL"].fmeasure,
        },
    )


def _mean(values: Sequence[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return sum(known) / len(known) if known else None


def _total(values: Sequence[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return sum(known) if known else None


def aggregate(results: Sequence[ArticleResult]) -> Aggregate:
    """Micro and macro figures over the articles that ran (failed ones are counted apart)."""
    done = [result for result in results if result.status == "ok"]
    failed = len(results) - len(done)
    if not done:
        return Aggregate(articles=len(results), failed=failed, micro=Scores(), macro=Scores())
    pooled = Counts(
        **{
            name: sum(getattr(result.counts, name) for result in done)
            for name in Counts.model_fields
        }
    )
    usage_fields = ("tokens", "cost_usd", "elapsed_s")
    micro = Scores(
        **_scores_from(pooled),
        **{name: _total([getattr(result, name) for result in done]) for name in usage_fields},
    )
    macro = Scores(
        **{
            name: _mean([getattr(result, name) for result in done])
            for name in (*METRICS, *usage_fields)
        }
    )
    cached = sum(result.cached for result in done)
    return Aggregate(articles=len(results), failed=failed, cached=cached, micro=micro, macro=macro)


# -- running ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    summarizer: Summarizer
    slots: asyncio.Semaphore

    async def one(self, article: GoldArticle) -> ArticleResult:
        async with self.slots:
            started = time.perf_counter()
            try:
                summary = await self.summarizer.asummarize(article.text)
            except SummarizerError as exc:
                return ArticleResult(
                    name=article.name,
                    status="error",
                    error=f"{type(exc).__name__}: {_one_line(str(exc))}",
                    elapsed_s=round(time.perf_counter() - started, 4),
                )
        return score_article(article, summary)


async def aevaluate(
    gold: str | Path | Sequence[GoldArticle],
    model: str | None = None,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    summarizer: Summarizer | None = None,
    **options: Any,
) -> EvaluationReport:
    """Summarise every gold article (at most ``concurrency`` at once) and score the answers.

    ``gold`` is a directory or articles from ``load_gold``; ``model`` and ``options`` are those of
    ``Summarizer`` (or pass a ``summarizer``). An article whose run fails is reported with
    ``status == "error"`` and left out of the aggregates.
    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ConfigurationError(
            "concurrency must be a whole number of at least 1", option="concurrency"
        )
    articles = load_gold(gold) if isinstance(gold, (str, Path)) else list(gold)
    _rouge_scorer()  # a missing optional dependency fails before any request is made
    runner = summarizer if summarizer is not None else Summarizer(model, **options)
    run = _Run(runner, asyncio.Semaphore(concurrency))
    started = time.perf_counter()
    tasks = [asyncio.ensure_future(run.one(article)) for article in articles]
    try:
        results = list(await asyncio.gather(*tasks))
    finally:
        # An unexpected error in one article must not leave the others running behind it.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if summarizer is None:  # made here, so closed here, in the loop that used it
            await runner.aclose()
    return EvaluationReport(
        model=runner.settings.model,
        gold=str(gold) if isinstance(gold, (str, Path)) else "(articles)",
        concurrency=concurrency,
        wall_s=round(time.perf_counter() - started, 4),
        articles=results,
        aggregate=aggregate(results),
    )


def evaluate(
    gold: str | Path | Sequence[GoldArticle],
    model: str | None = None,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    summarizer: Summarizer | None = None,
    **options: Any,
) -> EvaluationReport:
    """The blocking twin of ``aevaluate`` (on the bridge's event loop, so it works anywhere).

    >>> report = evaluate("gold", model="offline")  # doctest: +SKIP
    >>> report.aggregate.failed  # doctest: +SKIP
    0
    """
    return bridge.run(
        aevaluate(gold, model, concurrency=concurrency, summarizer=summarizer, **options)
    )


# -- the table ------------------------------------------------------------------------------------

_COLUMNS = (
    ("actor_precision", "actor P"),
    ("actor_recall", "actor R"),
    ("actor_f1", "actor F1"),
    ("concern_precision", "concern P"),
    ("concern_recall", "concern R"),
    ("quote_grounding", "grounded"),
    ("rouge1_f", "ROUGE-1"),
    ("rougeL_f", "ROUGE-L"),
    ("summary_actor_recall", "named"),
)


def _cells(scores: Scores) -> list[str]:
    figures = [getattr(scores, name) for name, _ in _COLUMNS]
    cells = ["-" if value is None else f"{value:.2f}" for value in figures]
    cells.append("-" if scores.tokens is None else f"{scores.tokens:,.0f}")
    cells.append("-" if scores.cost_usd is None else f"{scores.cost_usd:.4f}")
    cells.append("-" if scores.elapsed_s is None else f"{scores.elapsed_s:.2f}")
    return cells


def report_table(report: EvaluationReport) -> Table:
    """The report as a rich table: a row per article, then the micro and macro rows."""
    caption = (
        "micro: pooled counts, total tokens, cost and s; macro: mean per article. "
        "grounded: quotes and mentions found; named: gold-summary actors named"
    )
    if report.aggregate.cached:
        answered = report.aggregate.articles - report.aggregate.failed
        caption += (
            f". {report.aggregate.cached} of {answered} answers came from the "
            "summary cache (marked *): their tokens, cost and s are the lookup's; --no-cache "
            "asks the model again"
        )
    table = Table(
        title=f"{report.model} on {report.gold}",
        caption=caption,
        title_justify="left",
        caption_justify="left",
    )
    table.add_column("article", overflow="fold", min_width=20)
    for _, header in (*_COLUMNS, ("tokens", "tokens"), ("cost_usd", "cost $"), ("s", "s")):
        table.add_column(header, justify="right")
    blanks = [""] * (len(_COLUMNS) + 2)
    for index, result in enumerate(report.articles):
        last = index == len(report.articles) - 1
        if result.status == "error":
            table.add_row(
                result.name, "[red]failed[/red]", *blanks[:-1], _cells(result)[-1], end_section=last
            )
        else:
            name = f"{result.name} *" if result.cached else result.name
            table.add_row(name, *_cells(result), end_section=last)
    done = report.aggregate.articles - report.aggregate.failed
    table.add_row(f"micro ({done} articles)", *_cells(report.aggregate.micro), style="bold")
    table.add_row("macro", *_cells(report.aggregate.macro), style="bold")
    return table
