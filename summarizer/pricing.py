"""What a run costs: the providers' list prices (``summarizer.providers``), overridable.

Prices are US dollars per million tokens: input, cached input and output. A run's cost is
``(prompt - cached) * input + cached * cached_input + completion * output``, over every attempt
(OpenAI counts cached tokens inside ``prompt_tokens``). Local servers (Ollama, vLLM, llama.cpp, LM
Studio) and the offline engine cost nothing; a model with no known price has a cost of ``None``.

Overrides: a mapping passed as ``prices=`` (to ``Summarizer``, ``summarize`` or ``summarize_many``),
or a JSON file named by ``SUMMARIZER_PRICES``, of the form::

    {"groq/llama-3.1-8b-instant": {"input": 0.05, "cached_input": 0.05, "output": 0.08}}

Keys are ``provider/model`` names or bare model names (which then apply to any provider); an
override wins over the built-in table, and ``prices=`` over the file. Work sent through a
provider's batch service (``summarizer.engines.provider_batch``) costs the provider's batch share
of the price (half, for OpenAI), or what an entry's ``"batch"`` object says::

    {"gpt-4o-mini": {"input": 0.15, "output": 0.60, "batch": {"input": 0.075, "output": 0.30}}}

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
from pathlib import Path
from typing import Any

from .errors import ConfigurationError
from .models import Usage
from .providers import FREE, PROVIDERS, Price, provider

__all__ = ["PRICES_VARIABLE", "Price", "cost_usd", "price_for", "price_table"]

PRICES_VARIABLE = "SUMMARIZER_PRICES"
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


def price_for(
    model: str, overrides: Mapping[str, Price] | None = None, *, batch: bool = False
) -> Price | None:
    """The price of a ``provider/model``: an override, the provider's list price, free for local
    servers, else None; with ``batch``, through the provider's batch service.

    >>> price_for("openai/gpt-4o-mini", batch=True)
    Price(input=0.075, cached_input=0.0375, output=0.3)

    >>> price_for("openai/gpt-4o-mini-2024-07-18")
    Price(input=0.15, cached_input=0.075, output=0.6)
    >>> price_for("ollama/llama3.2").output, price_for("groq/llama-3.1-8b-instant")
    (0.0, None)
    >>> price_for("openrouter/openai/gpt-4o") == price_for("openai/gpt-4o")
    True
    """
    price = _list_price(model, overrides)
    if not batch or price is None:
        return price
    if price.batch is not None:
        return price.batch
    factor = provider(model.partition("/")[0]).batch_price_factor
    return price if factor is None else price.scaled(factor)


def _list_price(model: str, overrides: Mapping[str, Price] | None) -> Price | None:
    provider_name, _, name = model.partition("/")
    bare = _SNAPSHOT.sub("", name)
    for key in (model, name, f"{provider_name}/{bare}", bare):
        if overrides and key in overrides:
            return overrides[key]
    record = provider(provider_name)
    if record.local:
        return FREE
    if bare in record.prices:
        return record.prices[bare]
    # A router's name for another provider's model (openrouter/openai/gpt-4o) costs its price.
    if "/" in name:
        return _list_price(name, overrides)
    # A well-known OpenAI model served under another name is taken to cost OpenAI's price.
    return PROVIDERS["openai"].prices.get(bare)


def cost_usd(
    usage: Usage, model: str, overrides: Mapping[str, Price] | None = None, *, batch: bool = False
) -> float | None:
    """Dollars for ``usage`` on ``model`` (through its batch service with ``batch``), or None
    when its price is unknown."""
    price = price_for(model, overrides, batch=batch)
    return None if price is None else price.cost_usd(usage)


def _read_prices_file(path: str) -> dict[str, Price]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigurationError(
            f"cannot read the price file {path} ({PRICES_VARIABLE}): {exc.strerror}",
            option="prices",
        ) from exc
    except ValueError as exc:
        raise ConfigurationError(
            f"the price file {path} ({PRICES_VARIABLE}) is not valid JSON: {exc}", option="prices"
        ) from exc
    if not isinstance(data, dict):
        raise ConfigurationError(
            f"the price file {path} must hold an object of model name to prices", option="prices"
        )
    return {str(name): _price(value, f"{path}: {name!r}") for name, value in data.items()}


def _price(value: Price | Mapping[str, Any], where: str) -> Price:
    if isinstance(value, Price):
        return value
    if not isinstance(value, Mapping):
        raise ConfigurationError(
            f"{where}: expected {{'input': ..., 'output': ...}}", option="prices"
        )
    try:
        input_price = float(value["input"])
        output_price = float(value["output"])
        cached = float(value.get("cached_input", input_price))
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigurationError(
            f"{where}: needs numbers 'input' and 'output' (dollars per million tokens), "
            "and optionally 'cached_input'",
            option="prices",
        ) from exc
    if min(input_price, output_price, cached) < 0:
        raise ConfigurationError(f"{where}: prices must not be negative", option="prices")
    batch = value.get("batch")
    if batch is not None and not isinstance(batch, Price):
        if not isinstance(batch, Mapping) or "batch" in batch:
            raise ConfigurationError(
                f"{where}: 'batch' must be an object of batch prices", option="prices"
            )
        batch = _price(batch, f"{where} batch")
    return Price(input_price, cached, output_price, batch)
