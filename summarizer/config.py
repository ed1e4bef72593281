"""Settings: one frozen value object, and how a model name becomes a provider and a base URL.

Example::

    >>> settings = Settings.resolve(model="ollama/llama3.2")
    >>> settings.provider, settings.model_name, settings.base_url
    ('ollama', 'llama3.2', 'http://localhost:11434/v1')
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from .errors import ConfigurationError
from .providers import OFFLINE, PROVIDERS, Provider, canonical_provider, provider

Mode = Literal["tools", "json", "json_schema"]
MODES: tuple[Mode, ...] = ("tools", "json", "json_schema")

DEFAULT_OPENAI_MODEL = "openai/gpt-4o-mini"


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know, resolved once.

    ``max_retries`` is the re-ask budget (answers that fail validation or grounding);
    ``transport_retries`` is the budget for faults on the wire (429, 5xx, timeouts, dropped
    connections), spent with exponential backoff that honours ``Retry-After``.
    """

    provider: str
    model_name: str
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: Mode = "tools"
    timeout: float = 60.0
    max_retries: int = 2
    transport_retries: int = 3
    max_tokens: int = 4096
    strict: bool = False
    # None: the model's context window less the prompt and the output budget.
    max_input_tokens: int | None = None
    # Seconds for a whole run, every retry included; None for no bound beyond the per-request timeout.
    deadline: float | None = None

    @property
    def model(self) -> str:
        """The ``provider/model`` name recorded in results."""
        return OFFLINE if self.is_offline else f"{self.provider}/{self.model_name}"

    @property
    def is_offline(self) -> bool:
        return self.provider == OFFLINE

    @property
    def record(self) -> Provider:
        """What the provider registry knows of this provider."""
        return provider(self.provider)

    def with_options(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_options(cls, model: str | None, options: Mapping[str, Any]) -> Settings:
        """``resolve`` for options collected as keywords: an unknown one is a
        ``ConfigurationError`` that names it (not a ``TypeError``)."""
        for name in options:
            if name not in _OPTIONS:
                raise ConfigurationError(
                    f"unknown option {name!r}: the options are {', '.join(sorted(_OPTIONS))}",
                    option=name,
                )
        return cls.resolve(model, **options)

    @classmethod
    def resolve(
        cls,
        model: str | None = None,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        mode: str = "tools",
        timeout: float = 60.0,
        max_retries: int = 2,
        transport_retries: int = 3,
        max_tokens: int = 4096,
        strict: bool = False,
        max_input_tokens: int | None = None,
        deadline: float | None = None,
        environ: Mapping[str, str] | None = None,
        key_required: bool = True,
    ) -> Settings:
        """Settings from arguments, then the environment, then defaults.

        Model: ``model``, else ``SUMMARIZER_MODEL``, else ``openai/gpt-4o-mini`` when
        ``OPENAI_API_KEY`` is set, else the offline engine. Base URL: ``base_url``, else
        ``OPENAI_BASE_URL``, else the provider's. Key: ``api_key``, else the provider's variable;
        ``key_required=False`` for work that never reaches the provider (request files written
        for someone else to run).
        """
        env = os.environ if environ is None else environ
        _check_options(
            mode=mode,
            timeout=timeout,
            max_retries=max_retries,
            transport_retries=transport_retries,
            max_tokens=max_tokens,
            max_input_tokens=max_input_tokens,
            deadline=deadline,
        )
        base_url = base_url or env.get("OPENAI_BASE_URL") or None
        name = model or env.get("SUMMARIZER_MODEL") or None
        if name is None:
            if env.get("OPENAI_API_KEY") or api_key:
                name = DEFAULT_OPENAI_MODEL
            elif base_url:
                raise ConfigurationError(
                    "a base URL is set but no model: pass model= (or set SUMMARIZER_MODEL), "
                    "e.g. model='ollama/llama3.2'",
                    option="model",
                )
            else:
                name = OFFLINE
        common: dict[str, Any] = {
            "mode": mode,
            "timeout": float(timeout),
            "max_retries": max_retries,
            "transport_retries": transport_retries,
            "max_tokens": max_tokens,
            "strict": bool(strict),
            "max_input_tokens": max_input_tokens,
            "deadline": None if deadline is None else float(deadline),
        }
        if name == OFFLINE:
            return cls(provider=OFFLINE, model_name=OFFLINE, **common)
        provider_name, model_name = _split_model(name)
        known = provider_name in PROVIDERS
        if not known and not base_url and not _is_plugin(provider_name):
            raise ConfigurationError(
                f"unknown provider {provider_name!r} in {name!r}: use one of "
                f"{', '.join(sorted(PROVIDERS))}, an installed engine plugin, or give base_url "
                "for another OpenAI-compatible server",
                option="model",
            )
        record = provider(provider_name)
        url = base_url or record.base_url
        key = api_key or (env.get(record.key_variable) if record.key_variable else None) or None
        if key is None and base_url:
            # A server of one's own: a key is optional, and OPENAI_API_KEY is the usual place.
            key = env.get("OPENAI_API_KEY") or None
        if key is None and record.key_variable and not base_url and key_required:
            raise ConfigurationError(
                f"no API key for {provider_name}: set {record.key_variable} (or pass api_key=), "
                "or point base_url (OPENAI_BASE_URL) at a local OpenAI-compatible server, or use "
                "model='offline'",
                option="api_key",
            )
        return cls(
            provider=provider_name, model_name=model_name, base_url=url, api_key=key, **common
        )


_OPTIONS = frozenset(f.name for f in fields(Settings)) - {"provider", "model_name"}


def _check_options(
    *,
    mode: str,
    timeout: float,
    max_retries: int,
    transport_retries: int,
    max_tokens: int,
    max_input_tokens: int | None,
    deadline: float | None,
) -> None:
    if mode not in MODES:
        raise ConfigurationError(
            f"unknown mode {mode!r}: choose one of {', '.join(MODES)}", option="mode"
        )
    _number("timeout", timeout, positive=True)
    _whole("max_retries", max_retries, at_least=0)
    _whole("transport_retries", transport_retries, at_least=0)
    _whole("max_tokens", max_tokens, at_least=1)
    if max_input_tokens is not None:
        _whole("max_input_tokens", max_input_tokens, at_least=64)
    if deadline is not None:
        _number("deadline", deadline, positive=True)


def _number(name: str, value: object, *, positive: bool) -> None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or (positive and value <= 0):  # type: ignore[operator]
        raise ConfigurationError(f"{name} must be a positive number of seconds", option=name)


def _whole(name: str, value: object, *, at_least: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < at_least:
        what = "zero or more" if at_least == 0 else f"at least {at_least}"
        raise ConfigurationError(f"{name} must be a whole number, {what}", option=name)


def _is_plugin(name: str) -> bool:
    from .engines import plugin_names

    return name in plugin_names()


def _split_model(name: str) -> tuple[str, str]:
    """``provider/model`` into its parts; a bare name means OpenAI."""
    if "/" not in name:
        return "openai", name
    provider_name, model_name = name.split("/", 1)
    provider_name = canonical_provider(provider_name)
    if not provider_name or not model_name:
        raise ConfigurationError(
            f"model {name!r} is not of the form provider/model", option="model"
        )
    return provider_name, model_name
