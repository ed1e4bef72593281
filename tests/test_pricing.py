"""Cost estimates: the built-in prices, local models at no cost, unknown models, overrides."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer import (
    AnswerError,
    BatchTotals,
    ConfigurationError,
    Summarizer,
    Usage,
    summarize,
    summarize_many,
)
from summarizer.pricing import Price, cost_usd, price_for, price_table

from cli_runner import run_cli
from conftest import REFERENCE_ARTICLE
from scripted_server import ScriptedServer


@pytest.fixture(autouse=True)
def _builtin_prices_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own price file must not change the figures these tests expect."""
    monkeypatch.delenv("SUMMARIZER_PRICES", raising=False)


def test_cached_input_tokens_are_billed_at_the_cached_price() -> None:
    usage = Usage(prompt_tokens=2_000_000, completion_tokens=1_000_000, cached_tokens=1_000_000)
    # 1M fresh at $0.15, 1M cached at $0.075, 1M out at $0.60.
    assert cost_usd(usage, "openai/gpt-4o-mini") == pytest.approx(0.825)


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("openai/gpt-4.1-mini", Price(0.40, 0.10, 1.60)),
        ("openai/gpt-4o-2024-08-06", Price(2.50, 1.25, 10.00)),
        ("openrouter/openai/o4-mini", Price(1.10, 0.275, 4.40)),
        ("ollama/llama3.2", Price(0.0, 0.0, 0.0)),
        ("offline", Price(0.0, 0.0, 0.0)),
        ("groq/llama-3.1-8b-instant", None),
    ],
)
def test_prices_by_model_name(model: str, expected: Price | None) -> None:
    assert price_for(model) == expected


def test_overrides_win_and_a_price_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prices = tmp_path / "prices.json"
    prices.write_text(
        json.dumps(
            {
                "groq/llama-3.1-8b-instant": {"input": 0.05, "output": 0.08},
                "gpt-4o-mini": {"input": 1, "cached_input": 0.5, "output": 2},
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("SUMMARIZER_PRICES", str(prices))

    table = price_table({"gpt-4o-mini": {"input": 3, "output": 4}})

    assert price_for("groq/llama-3.1-8b-instant", table) == Price(0.05, 0.05, 0.08)
    assert price_for("openai/gpt-4o-mini", table) == Price(3, 3, 4)  # prices= beats the file


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON"),
        ('["gpt-4o"]', "must hold an object"),
        ('{"m": {"input": 1}}', "needs numbers 'input' and 'output'"),
        ('{"m": {"input": -1, "output": 1}}', "must not be negative"),
    ],
)
def test_a_bad_price_file_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, expected: str
) -> None:
    prices = tmp_path / "prices.json"
    prices.write_text(content, encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_PRICES", str(prices))

    with pytest.raises(ConfigurationError, match=expected):
        Summarizer(model="offline")
    result = run_cli("summarize", str(REFERENCE_ARTICLE), "--model", "offline")
    assert result.exit_code == 2 and expected in result.stderr


def test_meta_carries_the_cost(
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
    reference_article: str,
) -> None:
    usage = {"prompt_tokens": 3000, "completion_tokens": 500, "cached_tokens": 1000}
    model_server.reply_answer(reference_answer, usage=usage)
    model_server.reply_answer(reference_answer, usage=usage)
    options = {"base_url": model_server.base_url, "api_key": "test-key-not-secret"}

    priced = summarize(reference_article, "openai/gpt-4o-mini", **options)
    unknown = summarize(reference_article, "acme/model-1", **options)

    # 2000 fresh at $0.15, 1000 cached at $0.075, 500 out at $0.60 (per million).
    assert priced.meta.cost_usd == pytest.approx(0.000675)
    assert unknown.meta.cost_usd is None
    assert Summarizer(model="offline").summarize(reference_article).meta.cost_usd == 0.0


def test_a_failed_run_is_priced_and_counted_in_batch_totals(
    model_server: ScriptedServer, reference_article: str
) -> None:
    for _ in range(3):  # the first answer and both re-asks: never valid
        model_server.reply_tool_call(
            "not JSON", usage={"prompt_tokens": 1_000_000, "completion_tokens": 100_000}
        )
    options = {"base_url": model_server.base_url, "api_key": "test-key-not-secret"}

    results = list(summarize_many([reference_article], model="openai/gpt-4o-mini", **options))

    error = results[0].error
    assert isinstance(error, AnswerError)
    # 3,000,000 in at $0.15 and 300,000 out at $0.60 (per million): billed although it failed.
    assert error.cost_usd == pytest.approx(0.63)
    totals = BatchTotals()
    totals.add(results[0])
    assert totals.failed == 1 and totals.cost_usd == pytest.approx(0.63)


def test_a_failed_run_on_an_unknown_price_has_no_cost(
    model_server: ScriptedServer, reference_article: str
) -> None:
    for _ in range(3):
        model_server.reply_tool_call("not JSON")
    options = {"base_url": model_server.base_url, "api_key": "test-key-not-secret"}

    with pytest.raises(AnswerError) as caught:
        summarize(reference_article, "acme/model-1", **options)

    assert caught.value.usage.total_tokens > 0 and caught.value.cost_usd is None
