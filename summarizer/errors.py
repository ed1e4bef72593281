"""The error tree. Every error the library raises on purpose is a ``SummarizerError``::

    SummarizerError              .usage (tokens the failed run spent), .cost_usd (their price)
    ├── ConfigurationError       settings that cannot work: no key, unknown provider, bad option
    │                            (.option: the option at fault, when there is one)
    ├── InputError               the article: empty, binary, not UTF-8, missing file, too large
    ├── ProviderError            the model's server said no, or could not be reached
    │   │                        (.status_code, .request_id; transport retries already spent)
    │   ├── TruncatedOutputError the answer was cut off at the output token limit
    │   └── DeadlineExceeded     the run's deadline passed before a result (.deadline)
    └── AnswerError              the answers never fit the contract within the re-ask budget
        │                        (.attempts, .last_answer)
        └── GroundingError       ... because quotes or mentions are not in the article (strict mode)

The CLI maps ``ConfigurationError`` and ``InputError`` to exit code 2 and the rest to exit code 1.

Example::

    >>> from summarizer import SummarizerError, summarize
    >>> try:
    ...     summarize("   ")
    ... except SummarizerError as exc:
    ...     print(type(exc).__name__)
    InputError
"""

from __future__ import annotations

from .models import Usage


class SummarizerError(Exception):
    """Root of every error raised by summarizer.

    ``usage`` holds the tokens the failed run spent (zero when it made no model request), and
    ``cost_usd`` their estimated price (None when the model's price is unknown).
    """

    usage: Usage = Usage()
    cost_usd: float | None = 0.0

    def __reduce__(self) -> tuple[object, ...]:
        # Errors travel between processes (batch workers) whole: message, attributes and usage,
        # whatever the keyword arguments of their constructors.
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


def _rebuild(
    cls: type[SummarizerError], args: tuple[object, ...], state: dict[str, object]
) -> SummarizerError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ConfigurationError(SummarizerError):
    """The settings cannot work (no key, no base URL, unknown provider, bad option).

    ``option`` names the option at fault (``"model"``, ``"base_url"``, ``"timeout"``, ...), so
    that a caller (the CLI) can name it in its own terms.
    """

    def __init__(self, message: str, *, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


class InputError(SummarizerError):
    """The article cannot be read or is not text."""


class ProviderError(SummarizerError):
    """The model's server refused the request or could not be reached."""

    def __init__(
        self, message: str, *, status_code: int | None = None, request_id: str | None = None
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.request_id = request_id


class TruncatedOutputError(ProviderError):
    """The model ran out of output tokens before it finished its answer."""


class DeadlineExceeded(ProviderError):
    """The run's deadline passed before a result."""

    def __init__(self, deadline: float) -> None:
        super().__init__(
            f"no result within the deadline of {deadline:g} s: raise the deadline or try later"
        )
        self.deadline = deadline


class AnswerError(SummarizerError):
    """The model's answers did not fit the contract within the re-ask budget."""

    def __init__(self, message: str, *, attempts: int, last_answer: str | None = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_answer = last_answer


class GroundingError(AnswerError):
    """Quotes or mentions in the answer are not in the article (raised in strict mode)."""
