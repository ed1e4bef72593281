"""summarizer: a news article in, a grounded structured summary out.

>>> from pathlib import Path
>>> from summarizer import summarize
>>> summary = summarize(Path("examples/ap-kim-russia-jets.txt").read_text(), model="offline")
>>> summary.meta.model
'offline'

The public names are loaded on first use: the command line imports this package, and its
``--help`` and usage errors need none of pydantic, asyncio or jinja2.
"""

# Private aliases: the only public names here are those of __all__.
import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from .batch import BatchResult, BatchTotals, asummarize_many, summarize_many
    from .cache import SummaryCache
    from .config import Settings
    from .core import Summarizer, asummarize, summarize
    from .errors import (
        AnswerError,
        ConfigurationError,
        DeadlineExceeded,
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
        DroppedRecord,
        RunMeta,
        StatedConcern,
        Usage,
    )
    from .pricing import Price

    __version__: str

__all__ = [
    "Actor",
    "ActorKind",
    "AnswerError",
    "ArticleSummary",
    "BatchResult",
    "BatchTotals",
    "ConcernKind",
    "ConfigurationError",
    "DeadlineExceeded",
    "DroppedRecord",
    "GroundingError",
    "InputError",
    "Price",
    "ProviderError",
    "RunMeta",
    "Settings",
    "StatedConcern",
    "Summarizer",
    "SummarizerError",
    "SummaryCache",
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
    "SummaryCache": "cache",
    "Settings": "config",
    **dict.fromkeys(["Summarizer", "asummarize", "summarize"], "core"),
    **dict.fromkeys(
        [
            "AnswerError",
            "ConfigurationError",
            "DeadlineExceeded",
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
            "DroppedRecord",
            "RunMeta",
            "StatedConcern",
            "Usage",
        ],
        "models",
    ),
    "Price": "pricing",
}


def _version() -> str:
    # From the installed package's metadata (the version is written once, in pyproject.toml).
    from importlib import metadata

    try:
        return metadata.version("summarizer")
    except metadata.PackageNotFoundError:  # a checkout that was never installed
        return "0+unknown"


def __getattr__(name: str) -> _typing.Any:
    if name == "__version__":
        value: _typing.Any = _version()
    else:
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(_importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # loaded once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
