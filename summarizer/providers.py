"""One record per provider: where it listens, where its key comes from, what it accepts, what it costs.

Adding an OpenAI-compatible provider is one ``Provider`` record here. A different kind of engine
arrives as a plugin: a package that declares an entry point in the group ``summarizer.engines``
(``myengine = "mypkg:MyEngine"``) makes ``model="myengine/anything"`` use ``MyEngine`` (see
``summarizer.engines``); such a provider needs no record.

Example::

    >>> record = provider("ollama")
    >>> record.base_url, record.local, record.token_parameter
    ('http://localhost:11434/v1', True, 'max_tokens')
    >>> provider("openai").context_window("gpt-4o-mini")
    128000
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from .models import Usage

__all__ = [
    "ENGINE_GROUP",
    "OFFLINE",
    "PROVIDERS",
    "Price",
    "Provider",
    "canonical_provider",
    "provider",
]

OFFLINE = "offline"
# The entry-point group through which engines other than the built-in ones are found.
ENGINE_GROUP = "summarizer.engines"


@dataclass(frozen=True)
class Price:
    """US dollars per million tokens; ``batch``: the price through the provider's batch service,
    when it is not the provider's usual share of this one."""

    input: float
    cached_input: float
    output: float
    batch: Price | None = None

    def cost_usd(self, usage: Usage) -> float:
        fresh = max(usage.prompt_tokens - usage.cached_tokens, 0)
        dollars = (
            fresh * self.input
            + usage.cached_tokens * self.cached_input
            + usage.completion_tokens * self.output
        ) / 1_000_000
        # Sub-micro-dollar digits are float noise, not information.
        return round(dollars, 8)

    def scaled(self, factor: float) -> Price:
        return Price(self.input * factor, self.cached_input * factor, self.output * factor)

    def __repr__(self) -> str:
        batch = "" if self.batch is None else f", batch={self.batch!r}"
        return (
            f"Price(input={self.input}, cached_input={self.cached_input}, "
            f"output={self.output}{batch})"
        )


FREE = Price(0.0, 0.0, 0.0)


def _frozen(mapping: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Provider:
    """What the library knows of one provider.

    ``engine`` names the engine that serves it (``"openai"``: the OpenAI-compatible engine).
    ``local`` providers run on the user's own hardware: they need no key, cost nothing, and a
    connection refused there means the server is not running (it is not retried).
    """

    name: str
    base_url: str | None = None
    key_variable: str | None = None
    local: bool = False
    engine: str = "openai"
    # The request field that bounds the answer's length.
    token_parameter: Literal["max_tokens", "max_completion_tokens"] = "max_tokens"
    # Models that accept only their default temperature (reasoning models).
    fixed_temperature: re.Pattern[str] | None = None
    context_windows: Mapping[str, int] = field(default_factory=dict)
    default_context_window: int = 8_192
    # List prices per model name (dated snapshots cost what their model costs).
    prices: Mapping[str, Price] = field(default_factory=dict)
    # The price of the provider's batch service relative to its list price; None: it has none.
    batch_price_factor: float | None = None

    def context_window(self, model_name: str) -> int:
        return self.context_windows.get(model_name, self.default_context_window)

    def accepts_temperature(self, model_name: str) -> bool:
        return self.fixed_temperature is None or not self.fixed_temperature.match(model_name)


# OpenAI's list prices (standard tier), checked in 2025; providers change them, so override them
# with SUMMARIZER_PRICES rather than trusting this table for billing.
_OPENAI_PRICES = {
    "gpt-4o-mini": Price(0.15, 0.075, 0.60),
    "gpt-4o": Price(2.50, 1.25, 10.00),
    "gpt-4.1": Price(2.00, 0.50, 8.00),
    "gpt-4.1-mini": Price(0.40, 0.10, 1.60),
    "gpt-4.1-nano": Price(0.10, 0.025, 0.40),
    "o4-mini": Price(1.10, 0.275, 4.40),
    "o3": Price(2.00, 0.50, 8.00),
    "o3-mini": Price(1.10, 0.55, 4.40),
    "gpt-5": Price(1.25, 0.125, 10.00),
    "gpt-5-mini": Price(0.25, 0.025, 2.00),
    "gpt-5-nano": Price(0.05, 0.005, 0.40),
}
_OPENAI_WINDOWS = {
    "gpt-4o": 128_000,
    "gpt-4o-mini": 128_000,
    "gpt-4.1": 1_000_000,
    "gpt-4.1-mini": 1_000_000,
    "gpt-4.1-nano": 1_000_000,
    "o4-mini": 200_000,
    "o3": 200_000,
    "o3-mini": 200_000,
    "gpt-5": 400_000,
    "gpt-5-mini": 400_000,
    "gpt-5-nano": 400_000,
}

_RECORDS = [
    Provider(
        "openai",
        key_variable="OPENAI_API_KEY",
        # OpenAI's reasoning models refuse max_tokens; every OpenAI model knows this one.
        token_parameter="max_completion_tokens",
        fixed_temperature=re.compile(r"^(o\d|gpt-5)", re.IGNORECASE),
        context_windows=_OPENAI_WINDOWS,
        prices=_OPENAI_PRICES,
        batch_price_factor=0.5,
    ),
    Provider("ollama", "http://localhost:11434/v1", local=True),
    Provider("vllm", "http://localhost:8000/v1", local=True),
    Provider("llamacpp", "http://localhost:8080/v1", local=True),
    Provider("lmstudio", "http://localhost:1234/v1", local=True),
    Provider("openrouter", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY"),
    Provider("groq", "https://api.groq.com/openai/v1", "GROQ_API_KEY"),
    Provider("deepseek", "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY"),
    Provider("together", "https://api.together.xyz/v1", "TOGETHER_API_KEY"),
    Provider(OFFLINE, local=True, engine=OFFLINE),
]
PROVIDERS: Mapping[str, Provider] = MappingProxyType({record.name: record for record in _RECORDS})
_ALIASES = {"llama.cpp": "llamacpp", "llama-cpp": "llamacpp", "lm-studio": "lmstudio"}


def canonical_provider(name: str) -> str:
    """A provider's name as the registry spells it (aliases resolved, lower case)."""
    lowered = name.lower()
    return _ALIASES.get(lowered, lowered)


def provider(name: str) -> Provider:
    """The record of a provider; an unknown one (a server named by its base URL, or a plugin's
    provider) gets a neutral record: a key is optional, its price unknown."""
    name = canonical_provider(name)
    return PROVIDERS.get(name) or Provider(name)
