"""summarizer: a news article in, a grounded structured summary out.

>>> from pathlib import Path
>>> from summarizer import summarize
>>> summary = summarize(Path("examples/ap-kim-russia-jets.txt").read_text(), model="offline")
>>> summary.meta.model
'offline'
"""

from importlib import metadata as _metadata

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

try:
    __version__ = _metadata.version("summarizer")
except _metadata.PackageNotFoundError:  # a checkout that was never installed
    __version__ = "0+unknown"

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
