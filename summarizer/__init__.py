"""summarizer: a news article in, a grounded structured summary out.

>>> from pathlib import Path
>>> from summarizer import summarize
>>> summary = summarize(Path("examples/ap-kim-russia-jets.txt").read_text(), model="offline")
>>> summary.meta.model
'offline'
"""

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


def __getattr__(name: str) -> str:
    # The version comes from the installed package's metadata, read when first asked for (reading
    # it costs a tenth of a second that a command-line start-up does not need to pay).
    if name == "__version__":
        from importlib import metadata

        try:
            version = metadata.version("summarizer")
        except metadata.PackageNotFoundError:  # a checkout that was never installed
            version = "0+unknown"
        globals()["__version__"] = version
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
