"""Long articles: split into parts, each summarised, merged with whole-article spans."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer import ArticleSummary, ProviderError, Summarizer
from summarizer.chunking import estimate_tokens, split_article
from summarizer.engines import _plugins
from summarizer.grounding import normalise

from scripted_server import ScriptedServer

REDUCED = {
    "headline": "Kim tours Russian jet plant amid arms deal concerns",
    "summary": "Kim Jong Un visited a Russian fighter-jet plant. Allies warned of a price for arms deals.",
    "key_points": ["Kim toured the plant.", "Allies warned Russia and North Korea."],
}


def answer_for_part(reference_answer: dict[str, Any]) -> Any:
    """What a faithful model says about one part: only the records whose words the part holds."""

    def answer(request: dict[str, Any]) -> dict[str, Any]:
        content = request["messages"][-1]["content"]
        if content.startswith("<parts>"):
            return REDUCED
        text = re.search(r"<article>\n(.*)\n</article>", content, re.S).group(1)  # type: ignore[union-attr]
        actors = [
            {**a, "mentions": [m for m in a["mentions"] if m in text]}
            for a in reference_answer["actors"]
        ]
        actors = [a for a in actors if a["mentions"]]
        names = {a["name"] for a in actors}
        concerns = [
            c
            for c in reference_answer["stated_concerns"]
            if c["quote"] in text and c["holder"] in names
        ]
        return {**reference_answer, "actors": actors, "stated_concerns": concerns}

    return answer


def test_split_cuts_between_paragraphs_and_keeps_every_character(reference_article: str) -> None:
    chunks = split_article(reference_article, 400, estimate_tokens)
    assert len(chunks) > 3
    for before, after in zip(chunks, chunks[1:], strict=False):
        assert reference_article[before.end : after.start].strip() == ""
        assert (
            reference_article[before.end - 1] in '.”"'
            or "\n" in reference_article[before.end : after.start]
        )
    assert all(estimate_tokens(reference_article[c.start : c.end]) <= 400 for c in chunks)
    covered = "".join(reference_article[c.start : c.end] for c in chunks)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", reference_article)


def test_a_paragraph_longer_than_the_limit_is_cut_between_sentences(reference_article: str) -> None:
    one_paragraph = " ".join(reference_article.split())
    chunks = split_article(one_paragraph, 200, estimate_tokens)
    assert len(chunks) > 1
    for chunk in chunks[:-1]:
        assert one_paragraph[chunk.end - 1] in '.”"?!'


def _assert_no_duplicates(summary: ArticleSummary, article: str) -> None:
    names = [normalise(actor.name) for actor in summary.actors]
    assert len(names) == len(set(names))
    mentions = [normalise(m) for actor in summary.actors for m in actor.mentions]
    assert len(mentions) == len(set(mentions))
    identities = [(c.holder, normalise(c.quote)) for c in summary.stated_concerns]
    assert len(identities) == len(set(identities))
    for concern in summary.stated_concerns:
        start, end = concern.quote_span
        assert normalise(article[start:end]) == normalise(concern.quote)
    for actor in summary.actors:
        for mention, (start, end) in zip(actor.mentions, actor.mention_spans, strict=True):
            assert normalise(article[start:end]) == normalise(mention)


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_forty_fold_article_comes_back_without_duplicates_and_a_bounded_reduce(
    model_server: ScriptedServer,
    llm: dict[str, Any],
    reference_article: str,
    reference_answer: dict[str, Any],
    use_async: bool,
) -> None:
    article = "\n\n".join([reference_article] * 40)
    limit = 4000
    parts = len(split_article(article, limit, estimate_tokens))
    for _ in range(parts + 10):
        model_server.reply_with(answer_for_part(reference_answer))
    summarizer = Summarizer(**llm, max_input_tokens=limit)

    if use_async:
        summary = asyncio.run(summarizer.asummarize(article))
    else:
        summary = summarizer.summarize(article)

    reduces = [
        request["json"]["messages"][-1]["content"]
        for request in model_server.requests
        if request["json"]["messages"][-1]["content"].startswith("<parts>")
    ]
    assert len(model_server.requests) == parts + len(reduces)
    assert summary.meta.attempts == parts + len(reduces)
    # The parts' prose does not fit one request of 4000 tokens: it is reduced in rounds, each
    # request within the budget.
    assert len(reduces) > 1
    assert all(estimate_tokens(content) <= limit for content in reduces)
    assert summary.headline == REDUCED["headline"]
    assert len(summary.actors) == len(reference_answer["actors"])
    assert len(summary.stated_concerns) == len(reference_answer["stated_concerns"])
    _assert_no_duplicates(summary, article)
    # Spans are whole-article offsets: the first place each quote stands.
    first = summary.stated_concerns[0]
    assert first.quote_span[0] == article.index("expressed “serious concerns”")
    usage = summary.meta.usage
    assert usage.prompt_tokens > 0 and usage.completion_tokens > 0


def test_a_short_article_is_one_request(
    model_server: ScriptedServer,
    llm: dict[str, Any],
    reference_article: str,
    reference_answer: dict[str, Any],
) -> None:
    model_server.reply_answer(reference_answer)
    summary = Summarizer(**llm).summarize(reference_article)
    assert len(model_server.requests) == 1 and summary.meta.attempts == 1


def test_offline_engine_on_a_forty_fold_article_has_no_duplicates(reference_article: str) -> None:
    article = "\n\n".join([reference_article] * 40)
    summary = Summarizer(model="offline").summarize(article)
    assert summary.actors and summary.stated_concerns
    _assert_no_duplicates(summary, article)


def test_a_long_article_that_fails_in_a_later_part_reports_every_part_s_tokens(
    model_server: ScriptedServer,
    llm: dict[str, Any],
    reference_article: str,
    reference_answer: dict[str, Any],
) -> None:
    article = "\n\n".join([reference_article] * 2)
    limit = 2500
    assert len(split_article(article, limit, estimate_tokens)) > 1
    model_server.reply_with(answer_for_part(reference_answer))  # the first part is answered
    model_server.fail(400, message="the second part is refused")

    with pytest.raises(ProviderError) as caught:
        Summarizer(**llm, max_input_tokens=limit).summarize(article)

    # The first part's answer was billed: its tokens are on the error.
    assert len(model_server.requests) == 2
    assert caught.value.usage.prompt_tokens > 0


# An engine plugin whose first part is answered only after the second part has failed.
_LATE_ENGINE = """
import asyncio

from summarizer.engines import Answer, BaseEngine, Task
from summarizer.errors import ProviderError
from summarizer.models import ExtractedSummary, Usage


class LateEngine(BaseEngine):
    prompt_version = "late-1"
    calls = 0

    @property
    def max_input_tokens(self):
        return 400

    async def answer(self, task: Task) -> Answer:
        LateEngine.calls += 1
        if LateEngine.calls == 1:
            for _ in range(20):  # the second part fails meanwhile
                await asyncio.sleep(0)
            text = task.article.text.strip().split("\\\\n")[0]
            record = ExtractedSummary(
                headline=text[:100],
                summary=text[:200],
                key_points=[text[:100]],
                actors=[],
                stated_concerns=[],
            )
            return Answer(record, usage=Usage(prompt_tokens=120, completion_tokens=30))
        raise ProviderError("the second part is refused", status_code=400)
"""


def test_a_part_answered_after_another_part_failed_is_counted_on_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference_article: str
) -> None:
    site = tmp_path / "site"
    info = site / "late_engine-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: late-engine\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[summarizer.engines]\nlate = late_engine:LateEngine\n")
    (site / "late_engine.py").write_text(_LATE_ENGINE)
    monkeypatch.syspath_prepend(str(site))
    _plugins.cache_clear()
    try:
        article = "\n\n".join(reference_article.split("\n\n")[:4])
        with pytest.raises(ProviderError) as caught:
            Summarizer("late/v1").summarize(article)
    finally:
        _plugins.cache_clear()
        sys.modules.pop("late_engine", None)
    # The first part was answered (and billed) after the second failed: its tokens are on the
    # error, not lost with the run.
    assert caught.value.usage.prompt_tokens == 120
