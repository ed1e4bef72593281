"""summarizer: a news article in, a grounded structured summary out.

>>> from summarizer import summarize
>>> summary = summarize(open("examples/ap-kim-russia-jets.txt").read())  # doctest: +SKIP
"""

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
