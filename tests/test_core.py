"""summarize() over an OpenAI-compatible model: grounding, re-asks, transport faults, usage.

Each test talks to the scripted server through a cassette; on replay (the default) the cassette
answers and the exchanges must match the recorded request bodies exactly.
"""

from __future__ import annotations

import asyncio
import copy
import json
from typing import Any

import pytest

from summarizer import (
    ArticleSummary,
    GroundingError,
    ProviderError,
    Summarizer,
    TruncatedOutputError,
    asummarize,
    summarize,
)

from conftest import recorded_bodies
from scripted_server import ScriptedServer


def assert_grounded(summary: ArticleSummary, article: str) -> None:
    """Every span points at the words it claims to locate."""
    for concern in summary.stated_concerns:
        start, end = concern.quote_span
        assert article[start:end].strip() != ""
        assert _loose(article[start:end]) in _loose(concern.quote) or _loose(
            concern.quote
        ) in _loose(article[start:end])
    for actor in summary.actors:
        assert len(actor.mention_spans) == len(actor.mentions)
        for mention, (start, end) in zip(actor.mentions, actor.mention_spans, strict=True):
            assert _loose(article[start:end]) == _loose(mention)


def _loose(text: str) -> str:
    table = str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"})
    return " ".join(text.translate(table).lower().split()).strip("\"'., ")


def with_invented_records(answer: dict[str, Any]) -> dict[str, Any]:
    bad = copy.deepcopy(answer)
    bad["stated_concerns"].append(
        {
            "holder": "Vladimir Putin",
            "kind": "warning",
            "concern": "Invented",
            "quote": "Putin warned that Japan would be next",
        }
    )
    bad["actors"].append(
        {"name": "Xi Jinping", "kind": "person", "role": "President", "mentions": ["Xi Jinping"]}
    )
    return bad


@pytest.mark.vcr
def test_faithful_answer_validates_with_one_request(
    cassette: Any, reference_article: str, reference_llm: dict[str, Any]
) -> None:
    summary = summarize(reference_article, **reference_llm)

    assert summary.meta.attempts == 1
    assert len(cassette.requests) == 1
    assert summary.meta.warnings == []
    assert summary.meta.usage.prompt_tokens > 0
    assert summary.meta.prompt_version == "summarize-v2"
    assert len(summary.meta.article_sha256) == 64
    names = {actor.name for actor in summary.actors}
    assert {"Kim Jong Un", "Vladimir Putin"} <= names
    assert summary.stated_concerns
    assert_grounded(summary, reference_article)


@pytest.mark.vcr
def test_concern_span_points_at_the_quoted_words(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
) -> None:
    model_server.reply_answer(reference_answer)
    summary = summarize(reference_article, **llm)

    first = summary.stated_concerns[0]
    start, end = first.quote_span
    assert reference_article[start:end] == (
        "expressed “serious concerns” about prospective weapons deals between Russia and North Korea"
    )
    peskov = next(actor for actor in summary.actors if actor.name == "Dmitry Peskov")
    start, end = peskov.mention_spans[0]
    assert reference_article[start:end] == "Dmitry Peskov"


@pytest.mark.vcr
def test_invented_quote_and_actor_are_reasked_once_with_the_reason(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
) -> None:
    model_server.reply_answer(with_invented_records(reference_answer))
    model_server.reply_answer(reference_answer)

    summary = summarize(reference_article, **llm)

    assert summary.meta.attempts == 2
    assert summary.meta.warnings == []
    assert all("Japan would be next" not in c.quote for c in summary.stated_concerns)
    reask = json.dumps(recorded_bodies(cassette)[1]["messages"][2:], ensure_ascii=False)
    assert "Putin warned that Japan would be next" in reask
    assert "Xi Jinping" in reask
    assert "does not occur in the article" in reask
    # Usage counts both answers, not just the accepted one.
    assert summary.meta.usage.completion_tokens > 0


@pytest.mark.vcr
def test_typographic_variants_of_a_real_quote_are_accepted_without_a_reask(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
) -> None:
    answer = copy.deepcopy(reference_answer)
    answer["stated_concerns"][1]["quote"] = (
        'They WARNED Russia and North Korea would "pay a clear price"  if they go ahead'
    )
    answer["actors"][0]["mentions"] = ["KIM JONG UN", "Kim"]
    model_server.reply_answer(answer)

    summary = summarize(reference_article, **llm)

    assert summary.meta.attempts == 1
    start, end = summary.stated_concerns[1].quote_span
    assert reference_article[start:end] == (
        "They warned Russia and North Korea would “pay a clear price” if they go ahead"
    )


@pytest.mark.vcr
def test_when_the_reask_budget_runs_out_ungrounded_records_are_dropped_and_listed(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
) -> None:
    bad = with_invented_records(reference_answer)
    for _ in range(2):
        model_server.reply_answer(bad)

    summary = summarize(reference_article, **llm, max_retries=1)

    assert summary.meta.attempts == 2
    assert all("Japan would be next" not in c.quote for c in summary.stated_concerns)
    assert "Xi Jinping" not in {actor.name for actor in summary.actors}
    assert len(summary.stated_concerns) == len(reference_answer["stated_concerns"])
    warnings = "\n".join(summary.meta.warnings)
    assert "Putin warned that Japan would be next" in warnings
    assert "Xi Jinping" in warnings
    assert_grounded(summary, reference_article)


@pytest.mark.vcr
def test_strict_mode_fails_instead_of_dropping(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
) -> None:
    bad = with_invented_records(reference_answer)
    for _ in range(2):
        model_server.reply_answer(bad)

    with pytest.raises(GroundingError) as caught:
        summarize(reference_article, **llm, max_retries=1, strict=True)

    assert caught.value.attempts == 2
    assert "Japan would be next" in str(caught.value)


@pytest.mark.vcr
def test_schema_errors_are_reasked(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
) -> None:
    broken = copy.deepcopy(reference_answer)
    broken["key_points"] = []
    model_server.reply_answer(broken)
    model_server.reply_answer(reference_answer)

    summary = summarize(reference_article, **llm)

    assert summary.meta.attempts == 2
    assert "key_points" in json.dumps(recorded_bodies(cassette)[1]["messages"][2:])


@pytest.mark.vcr
def test_429_with_retry_after_is_retried_by_the_transport_budget(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
    slept: list[float],
) -> None:
    model_server.fail(429, headers={"Retry-After": "1"}, message="Rate limit reached")
    model_server.reply_answer(reference_answer)

    summary = summarize(reference_article, **llm)

    # One answer asked for; the 429 was absorbed by a transport retry, not a re-ask.
    assert summary.meta.attempts == 1
    assert len(cassette.requests) == 2
    assert slept == [1.0]  # as the server asked


@pytest.mark.vcr
def test_5xx_is_retried(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
) -> None:
    model_server.fail(503, message="overloaded")
    model_server.fail(500, message="internal")
    model_server.reply_answer(reference_answer)

    summary = summarize(reference_article, **llm)

    assert summary.meta.attempts == 1
    assert len(cassette.requests) == 3


@pytest.mark.vcr
def test_5xx_that_persists_ends_in_a_provider_error(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
) -> None:
    for _ in range(2):
        model_server.fail(502, message="bad gateway")

    with pytest.raises(ProviderError) as caught:
        summarize(reference_article, **llm, transport_retries=1)

    assert caught.value.status_code == 502
    assert "502" in str(caught.value) and "2 tries" in str(caught.value)


@pytest.mark.vcr
def test_401_fails_at_once_with_a_clear_message(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
) -> None:
    model_server.fail(401, message="Incorrect API key provided: test-key-not-secret")

    with pytest.raises(ProviderError) as caught:
        summarize(reference_article, **llm)

    assert caught.value.status_code == 401
    assert "refused the API key" in str(caught.value)
    assert "test-key-not-secret" not in str(caught.value)
    assert len(cassette.requests) == 1


@pytest.mark.vcr
def test_unknown_model_404_says_what_to_fix(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
) -> None:
    model_server.fail(404, message="The model `nope` does not exist", code="model_not_found")

    with pytest.raises(ProviderError, match="does not know the model") as caught:
        summarize(reference_article, **llm)

    assert caught.value.status_code == 404
    assert len(cassette.requests) == 1


TEMPLATE_ARTICLE = """Council weighs {{ budget }} plan

The council's spreadsheet used the formula {{ 7 * 7 }} and a block {% for x in y %}{{ x }}{% endfor %}
beside a comment {# keep #}, Mayor Ana Ruiz said on Monday. Ruiz warned that "{{ config }}" leaks.
"""


@pytest.mark.vcr
def test_template_syntax_in_the_article_reaches_the_model_unchanged(
    cassette: Any, llm: dict[str, Any], model_server: ScriptedServer
) -> None:
    model_server.reply_answer(
        {
            "headline": "Council weighs a budget plan",
            "summary": "The council weighed a plan. The mayor warned about a leak.",
            "key_points": ["The mayor warned about a leak."],
            "actors": [
                {"name": "Ana Ruiz", "kind": "person", "role": "Mayor", "mentions": ["Ana Ruiz"]}
            ],
            "stated_concerns": [
                {
                    "holder": "Ana Ruiz",
                    "kind": "warning",
                    "concern": "A leak",
                    "quote": 'Ruiz warned that "{{ config }}" leaks',
                }
            ],
        }
    )

    summary = summarize(TEMPLATE_ARTICLE, **llm)

    user_message = recorded_bodies(cassette)[0]["messages"][-1]["content"]
    assert TEMPLATE_ARTICLE.strip() in user_message
    system_message = recorded_bodies(cassette)[0]["messages"][0]["content"]
    assert "{{" not in system_message and "Ruiz" not in system_message
    start, end = summary.stated_concerns[0].quote_span
    assert TEMPLATE_ARTICLE[start:end] == 'Ruiz warned that "{{ config }}" leaks'


@pytest.mark.vcr
def test_json_mode_for_servers_without_tool_calling(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
) -> None:
    model_server.reply_answer(reference_answer)

    summary = summarize(reference_article, **llm, mode="json")

    assert "tools" not in recorded_bodies(cassette)[0]
    assert summary.meta.attempts == 1 and summary.actors


@pytest.mark.vcr
def test_an_answer_cut_off_gets_more_room_once_then_a_clear_error(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
) -> None:
    for _ in range(2):
        model_server.reply_tool_call('{"headline": "Kim tours', finish_reason="length")

    with pytest.raises(TruncatedOutputError, match="cut off"):
        summarize(reference_article, **llm, max_tokens=50)

    first, second = recorded_bodies(cassette)
    assert (first["max_tokens"], second["max_tokens"]) == (50, 100)


@pytest.mark.vcr
def test_async_twin(
    cassette: Any,
    reference_article: str,
    llm: dict[str, Any],
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
) -> None:
    model_server.reply_answer(with_invented_records(reference_answer))
    model_server.reply_answer(reference_answer)

    summary = asyncio.run(asummarize(reference_article, **llm))

    assert summary.meta.attempts == 2
    assert_grounded(summary, reference_article)


def test_static_instructions_come_first_and_are_the_same_for_every_article(
    model_server: ScriptedServer,
    llm: dict[str, Any],
    reference_answer: dict[str, Any],
    reference_article: str,
) -> None:
    summarizer = Summarizer(**llm)
    for article in (reference_article, reference_article.replace("Friday", "Saturday")):
        model_server.reply_answer(reference_answer)
        summarizer.summarize(article)

    first, second = (request["json"]["messages"] for request in model_server.requests)
    assert first[0] == second[0] and first[0]["role"] == "system"
    assert first[-1]["role"] == "user" and first[-1]["content"].startswith("<article>")
    assert "Saturday" in second[-1]["content"]


def test_a_quote_off_by_a_word_is_taken_as_the_article_s_words_without_a_reask(
    model_server: ScriptedServer,
    llm: dict[str, Any],
    reference_article: str,
    reference_answer: dict[str, Any],
) -> None:
    answer = copy.deepcopy(reference_answer)
    original = answer["stated_concerns"][0]["quote"]
    answer["stated_concerns"][0]["quote"] = original.replace("prospective", "possible")
    model_server.reply_answer(answer)

    summary = summarize(reference_article, **llm)

    assert summary.meta.attempts == 1 and len(model_server.requests) == 1
    concern = summary.stated_concerns[0]
    start, end = concern.quote_span
    assert concern.quote == reference_article[start:end] == original
    assert any("possible weapons deals" in warning for warning in summary.meta.warnings)


def test_a_grounding_reask_asks_only_for_the_failing_records(
    model_server: ScriptedServer,
    llm: dict[str, Any],
    reference_article: str,
    reference_answer: dict[str, Any],
) -> None:
    model_server.reply_answer(with_invented_records(reference_answer))
    # The model answers the re-ask with nothing to add: the invented records are left out.
    model_server.reply_answer({**reference_answer, "actors": [], "stated_concerns": []})

    summary = summarize(reference_article, **llm)

    reask = model_server.requests[1]["json"]["messages"]
    # The article prefix is the first request's; the previous answer is not sent back whole.
    assert reask[:2] == model_server.requests[0]["json"]["messages"]
    assert len(reask) == 3 and "Xi Jinping" in reask[2]["content"]
    assert "Kim Yung-ho" not in reask[2]["content"]  # a grounded record is not asked for again
    # The rest of the first answer is kept.
    assert len(summary.actors) == len(reference_answer["actors"])
    assert len(summary.stated_concerns) == len(reference_answer["stated_concerns"])
    assert summary.meta.attempts == 2 and summary.meta.warnings == []
