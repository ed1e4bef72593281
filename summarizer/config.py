"""Settings: one frozen value object, and how a model name becomes a provider and a base URL.

Example::

    >>> settings = Settings.resolve(model="ollama/llama3.2")
    >>> settings.provider, settings.model_name, settings.base_url
    ('ollama', 'llama3.2', 'http://localhost:11434/v1')
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from .errors import ConfigurationError

Mode = Literal["tools", "json", "json_schema"]
MODES: tuple[Mode, ...] = ("tools", "json", "json_schema")

OFFLINE = "offline"
DEFAULT_OPENAI_MODEL = "openai/gpt-4o-mini"


@dataclass(frozen=True)
class ProviderInfo:
    """An OpenAI-compatible provider: where it listens, and where its key comes from."""

    base_url: str | None
    key_variable: str | None


# Every provider here speaks the OpenAI chat-completions protocol.
PROVIDERS: Mapping[str, ProviderInfo] = {
    "openai": ProviderInfo(None, "OPENAI_API_KEY"),
    "ollama": ProviderInfo("http://localhost:11434/v1", None),
    "vllm": ProviderInfo("http://localhost:8000/v1", None),
    "llamacpp": ProviderInfo("http://localhost:8080/v1", None),
    "lmstudio": ProviderInfo("http://localhost:1234/v1", None),
    "openrouter": ProviderInfo("https://openrouter.ai/api/v1", "OPENROUTER_API_KEY"),
    "groq": ProviderInfo("https://api.groq.com/openai/v1", "GROQ_API_KEY"),
    "deepseek": ProviderInfo("https://api.deepseek.com/v1", "DEEPSEEK_API_KEY"),
    "together": ProviderInfo("https://api.together.xyz/v1", "TOGETHER_API_KEY"),
}
PROVIDER_ALIASES = {"llama.cpp": "llamacpp", "llama-cpp": "llamacpp", "lm-studio": "lmstudio"}


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

    def with_options(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

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
    ) -> Settings:
        """Settings from arguments, then the environment, then defaults.

        Model: ``model``, else ``SUMMARIZER_MODEL``, else ``openai/gpt-4o-mini`` when
        ``OPENAI_API_KEY`` is set, else the offline engine. Base URL: ``base_url``, else
        ``OPENAI_BASE_URL``, else the provider's. Key: ``api_key``, else the provider's variable.
        """
        env = os.environ if environ is None else environ
        if mode not in MODES:
            raise ConfigurationError(f"unknown mode {mode!r}: choose one of {', '.join(MODES)}")
        if timeout <= 0:
            raise ConfigurationError("the timeout must be a positive number of seconds")
        if max_retries < 0 or transport_retries < 0:
            raise ConfigurationError("retry budgets must be zero or more")
        if max_tokens < 1:
            raise ConfigurationError("max_tokens must be at least 1")
        if deadline is not None and deadline <= 0:
            raise ConfigurationError("the deadline must be a positive number of seconds")
        if max_input_tokens is not None and max_input_tokens < 64:
            raise ConfigurationError("max_input_tokens must be at least 64")
        base_url = base_url or env.get("OPENAI_BASE_URL") or None
        name = model or env.get("SUMMARIZER_MODEL") or None
        if name is None:
            if env.get("OPENAI_API_KEY") or api_key:
                name = DEFAULT_OPENAI_MODEL
            elif base_url:
                raise ConfigurationError(
                    "a base URL is set but no model: pass --model (model=) or set SUMMARIZER_MODEL, "
                    "e.g. --model ollama/llama3.2"
                )
            else:
                name = OFFLINE
        common = {
            "mode": mode,
            "timeout": timeout,
            "max_retries": max_retries,
            "transport_retries": transport_retries,
            "max_tokens": max_tokens,
            "strict": strict,
            "max_input_tokens": max_input_tokens,
            "deadline": deadline,
        }
        if name == OFFLINE:
            return cls(provider=OFFLINE, model_name=OFFLINE, **common)  # type: ignore[arg-type]
        provider, model_name = _split_model(name)
        info = PROVIDERS.get(provider)
        if info is None and not base_url:
            known = ", ".join(sorted(PROVIDERS))
            raise ConfigurationError(
                f"unknown provider {provider!r} in {name!r}: use one of {known}, "
                "or give --base-url for another OpenAI-compatible server"
            )
        url = base_url or (info.base_url if info else None)
        key_variable = info.key_variable if info else None
        key = api_key or (env.get(key_variable) if key_variable else None) or None
        if key is None and base_url:
            # A server of one's own: a key is optional, and OPENAI_API_KEY is the usual place.
            key = env.get("OPENAI_API_KEY") or None
        if key is None and key_variable and not base_url:
            raise ConfigurationError(
                f"no API key for {provider}: set {key_variable}, or point --base-url "
                "(OPENAI_BASE_URL) at a local OpenAI-compatible server, or use --model offline"
            )
        return cls(
            provider=provider,
            model_name=model_name,
            base_url=url,
            api_key=key,
            **common,  # type: ignore[arg-type]
        )


def _split_model(name: str) -> tuple[str, str]:
    """``provider/model`` into its parts; a bare name means OpenAI."""
    if "/" not in name:
        return "openai", name
    provider, model_name = name.split("/", 1)
    provider = PROVIDER_ALIASES.get(provider.lower(), provider.lower())
    if not provider or not model_name:
        raise ConfigurationError(f"model {name!r} is not of the form provider/model")
    return provider, model_name
