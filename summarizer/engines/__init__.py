"""Engines: what turns a task into an answer, behind one seam (``Engine``).

Built in: ``openai`` (OpenAI and every OpenAI-compatible server) and ``offline`` (the rules). Others
arrive as plugins through the entry-point group ``summarizer.engines``. A package declares, in its
``pyproject.toml``::

    [project.entry-points."summarizer.engines"]
    myengine = "mypkg:MyEngine"

and then ``summarize(article, model="myengine/anything")`` (or ``--model myengine/anything``)
builds ``MyEngine(settings)`` (``settings.model_name`` is ``"anything"``) and runs it through the
same pipeline as the built-in engines: grounding, re-asks of its answers, long-article splitting,
the cache, batches and evaluation apply unchanged. ``tests/example_plugin/`` is a complete example.

Example::

    >>> from summarizer.config import Settings
    >>> type(create_engine(Settings.resolve("offline"))).__name__
    'OfflineEngine'
"""

from __future__ import annotations

import importlib
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from ..config import Settings
from ..errors import ConfigurationError
from ..providers import ENGINE_GROUP, OFFLINE
from .base import Answer, BaseEngine, Engine, Reask, Task

__all__ = ["Answer", "BaseEngine", "Engine", "Reask", "Task", "create_engine", "plugin_names"]

# The built-in engines, imported only when used (openai and instructor take a second to import).
_BUILTIN = {
    "openai": "summarizer.engines.openai_compatible:OpenAIEngine",
    OFFLINE: "summarizer.engines.offline:OfflineEngine",
}


@cache
def _plugins() -> dict[str, EntryPoint]:
    return {point.name: point for point in entry_points(group=ENGINE_GROUP)}


def plugin_names() -> frozenset[str]:
    """The engines installed as plugins."""
    return frozenset(_plugins())


def _load(reference: str) -> Any:
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(module), name)


def create_engine(settings: Settings) -> Engine:
    """The engine for these settings: the provider's plugin if one is installed under its name,
    else the provider's built-in engine."""
    plugin = _plugins().get(settings.provider)
    if plugin is not None and settings.provider not in _BUILTIN:
        try:
            factory = plugin.load()
        except Exception as exc:  # noqa: BLE001 - a broken plugin is the user's to fix
            raise ConfigurationError(
                f"the engine plugin {plugin.name!r} ({plugin.value}) cannot be loaded: {exc}",
                option="model",
            ) from exc
    else:
        factory = _load(_BUILTIN[settings.record.engine])
    engine = factory(settings)
    if not isinstance(engine, Engine):
        raise ConfigurationError(
            f"{settings.provider!r} does not make an engine: it lacks what summarizer.engines.Engine "
            "asks for (prompt_version, deterministic, max_input_tokens, count_tokens, answer, "
            "aclose, close); subclass summarizer.engines.BaseEngine",
            option="model",
        )
    return engine
