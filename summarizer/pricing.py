"""What a run costs: a small price table for well-known models, overridable in configuration.

Prices are US dollars per million tokens: input, cached input and output. A run's cost is
``(prompt - cached) * input + cached * cached_input + completion * output``, over every attempt
(OpenAI counts cached tokens inside ``prompt_tokens``). Local servers (Ollama, vLLM, llama.cpp, LM
Studio) and the offline engine cost nothing; a model with no known price has a cost of ``None``.

Overrides: a mapping passed as ``prices=`` (to ``Summarizer``, ``summarize`` or ``summarize_many``),
or a JSON file named by ``SUMMARIZER_PRICES``, of the form::

    {"groq/llama-3.1-8b-instant": {"input": 0.05, "cached_input": 0.05, "output": 0.08}}

Keys are ``provider/model`` names or bare model names (which then apply to any provider); an
override wins over the built-in table, and ``prices=`` over the file.

Example::

    >>> from summarizer.models import Usage
    >>> cost_usd(Usage(prompt_tokens=1_000_000, completion_tokens=100_000), "openai/gpt-4o-mini")
    0.21
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigurationError
from .models import Usage

PRICES_VARIABLE = "SUMMARIZER_PRICES"


@dataclass(frozen=True)
class Price:
    """US dollars per million tokens."""

    input: float
    cached_input: float
    output: float

    def cost_usd(self, usage: Usage) -> float:
        fresh = max(usage.prompt_tokens - usage.cached_tokens, 0)
        dollars = (
            fresh * self.input
            + usage.cached_tokens * self.cached_input
            + usage.completion_tokens * self.output
        ) / 1_000_000
        # Sub-micro-dollar digits are float noise, not information.
        return round(dollars, 8)


# OpenAI's list prices (standard tier), checked in 2025; providers change them, so override them
# with SUMMARIZER_PRICES rather than trusting this table for billing.
BUILTIN_PRICES: Mapping[str, Price] = {
    "openai/gpt-4o-mini": Price(0.15, 0.075, 0.60),
    "openai/gpt-4o": Price(2.50, 1.25, 10.00),
    "openai/gpt-4.1": Price(2.00, 0.50, 8.00),
    "openai/gpt-4.1-mini": Price(0.40, 0.10, 1.60),
    "openai/gpt-4.1-nano": Price(0.10, 0.025, 0.40),
    "openai/o4-mini": Price(1.10, 0.275, 4.40),
    "openai/o3": Price(2.00, 0.50, 8.00),
    "openai/o3-mini": Price(1.10, 0.55, 4.40),
    "openai/gpt-5": Price(1.25, 0.125, 10.00),
    "openai/gpt-5-mini": Price(0.25, 0.025, 2.00),
    "openai/gpt-5-nano": Price(0.05, 0.005, 0.40),
}
# Models served on one's own hardware: no bill per token.
FREE_PROVIDERS = frozenset({"offline", "ollama", "vllm", "llamacpp", "lmstudio"})
_FREE = Price(0.0, 0.0, 0.0)
# A dated snapshot (gpt-4o-mini-2024-07-18) costs what its model costs.
_SNAPSHOT = re.compile(r"-\d{4}-\d{2}-\d{2}$")


def price_table(
    prices: Mapping[str, Price | Mapping[str, Any]] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
) -> dict[str, Price]:
    """The overrides in force: the file named by ``SUMMARIZER_PRICES``, then ``prices``.

    >>> price_table({"acme/m1": {"input": 1, "output": 2}})["acme/m1"]
    Price(input=1.0, cached_input=1.0, output=2.0)
    """
    env = os.environ if environ is None else environ
    table: dict[str, Price] = {}
    path = env.get(PRICES_VARIABLE)
    if path:
        table.update(_read_prices_file(path))
    for name, value in (prices or {}).items():
        table[name] = _price(value, f"prices[{name!r}]")
    return table


def price_for(model: str, overrides: Mapping[str, Price] | None = None) -> Price | None:
    """The price of a ``provider/model``: an override, the built-in table, free for local
    servers, else None.

    >>> price_for("openai/gpt-4o-mini-2024-07-18")
    Price(input=0.15, cached_input=0.075, output=0.6)
    >>> price_for("ollama/llama3.2").output, price_for("groq/llama-3.1-8b-instant")
    (0.0, None)
    >>> price_for("openrouter/openai/gpt-4o") == price_for("openai/gpt-4o")
    True
    """
    provider, _, name = model.partition("/")
    bare = _SNAPSHOT.sub("", name)
    for key in (model, name, f"{provider}/{bare}", bare):
        if overrides and key in overrides:
            return overrides[key]
    if provider in FREE_PROVIDERS:
        return _FREE
    # A router's name for an OpenAI model (openrouter/openai/gpt-4o) is billed at OpenAI's price.
    return BUILTIN_PRICES.get(f"{provider}/{bare}") or BUILTIN_PRICES.get(bare)


def cost_usd(
    usage: Usage, model: str, overrides: Mapping[str, Price] | None = None
) -> float | None:
    """Dollars for ``usage`` on ``model``, or None when its price is unknown."""
    price = price_for(model, overrides)
    return None if price is None else price.cost_usd(usage)


def _read_prices_file(path: str) -> dict[str, Price]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigurationError(
            f"cannot read the price file {path} ({PRICES_VARIABLE}): {exc.strerror}"
        ) from exc
    except ValueError as exc:
        raise ConfigurationError(
            f"the price file {path} ({PRICES_VARIABLE}) is not valid JSON: {exc}"
        ) from exc
    if not isinstance(data, dict):
        raise ConfigurationError(
            f"the price file {path} must hold an object of model name to prices"
        )
    return {str(name): _price(value, f"{path}: {name!r}") for name, value in data.items()}


def _price(value: Price | Mapping[str, Any], where: str) -> Price:
    if isinstance(value, Price):
        return value
    if not isinstance(value, Mapping):
        raise ConfigurationError(f"{where}: expected {{'input': ..., 'output': ...}}")
    try:
        input_price = float(value["input"])
        output_price = float(value["output"])
        cached = float(value.get("cached_input", input_price))
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigurationError(
            f"{where}: needs numbers 'input' and 'output' (dollars per million tokens), "
            "and optionally 'cached_input'"
        ) from exc
    if min(input_price, output_price, cached) < 0:
        raise ConfigurationError(f"{where}: prices must not be negative")
    return Price(input_price, cached, output_price)
