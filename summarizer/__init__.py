"""summarizer: a news article in, a grounded structured summary out.

>>> from summarizer import summarize
>>> summary = summarize(open("examples/ap-kim-russia-jets.txt").read())  # doctest: +SKIP

The public names are loaded on first use: the command line imports this package, and its
``--help`` and usage errors need none of pydantic, asyncio or jinja2.
"""

# Private aliases: the only public names here are those of __all__.
import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from .batch import BatchResult, BatchTotals, asummarize_many, summarize_many
    from .config import Settings
    from .core import Summarizer, asummarize, summarize
    from .errors import (
        AnswerError,
        ConfigurationError,
        GroundingError,
        InputError,
        ProviderError,
        SummarizerError,
        TruncatedOutputError,
    )
    from .models import (
        Actor,
        ActorKind,
        ArticleSummary,
        ConcernKind,
        RunMeta,
        StatedConcern,
        Usage,
    )

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorKind",
    "AnswerError",
    "ArticleSummary",
    "BatchResult",
    "BatchTotals",
    "ConcernKind",
    "ConfigurationError",
    "GroundingError",
    "InputError",
    "ProviderError",
    "RunMeta",
    "Settings",
    "StatedConcern",
    "Summarizer",
    "SummarizerError",
    "TruncatedOutputError",
    "Usage",
    "__version__",
    "asummarize",
    "asummarize_many",
    "summarize",
    "summarize_many",
]

# The module of each public name (the imports above, for type checkers and readers).
_HOMES = {
    **dict.fromkeys(["BatchResult", "BatchTotals", "asummarize_many", "summarize_many"], "batch"),
    "Settings": "config",
    **dict.fromkeys(["Summarizer", "asummarize", "summarize"], "core"),
    **dict.fromkeys(
        [
            "AnswerError",
            "ConfigurationError",
            "GroundingError",
            "InputError",
            "ProviderError",
            "SummarizerError",
            "TruncatedOutputError",
        ],
        "errors",
    ),
    **dict.fromkeys(
        [
            "Actor",
            "ActorKind",
            "ArticleSummary",
            "ConcernKind",
            "RunMeta",
            "StatedConcern",
            "Usage",
        ],
        "models",
    ),
}


def __getattr__(name: str) -> _typing.Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # loaded once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
