"""The LLM path: the instructor client, the two retry budgets, and the usage ledger.

Two budgets, kept apart on purpose:

* transport faults (408/409/429/5xx, timeouts, dropped connections) are retried by the openai
  client itself, ``Settings.transport_retries`` times, with exponential backoff and jitter that
  honours ``Retry-After`` (seconds, milliseconds or an HTTP date); 400/401/403/404 fail at once;
* answers that fail the schema, the JSON syntax or grounding are re-asked by instructor,
  ``Settings.max_retries`` times, through a tenacity ``Retrying`` that retries nothing else.

The article reaches validators through a ``ContextVar``, never through instructor's ``context=``,
which would render every message as a Jinja template.

Example::

    >>> from summarizer.config import Settings
    >>> engine = LLMEngine(Settings.resolve("ollama/llama3.2"))
    >>> engine.settings.model
    'ollama/llama3.2'
"""

from __future__ import annotations

import asyncio
import copy
import importlib
import json
import re
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import instructor
import openai
from instructor.core.exceptions import (
    IncompleteOutputException,
    InstructorRetryException,
    ResponseParsingError,
)
from pydantic import BaseModel, ValidationError, model_validator
from tenacity import AsyncRetrying, Retrying, retry_if_exception_type, stop_after_attempt

from .background import current_loop, running_background_loop
from .chunking import (
    Chunk,
    default_max_input_tokens,
    estimate_tokens,
    merge_records,
    shift_concern,
    split_article,
)
from .config import Settings
from .errors import (
    AnswerError,
    GroundingError,
    ProviderError,
    SummarizerError,
    TruncatedOutputError,
)
from .grounding import GroundingReport, NormalisedText, check_answer, grounded_records
from .models import Actor, ExtractedSummary, StatedConcern, SummaryText, Usage
from .pacing import before_request
from .prompts import render_messages, render_reduce_messages
from .redaction import NO_KEY, redact

# instructor loads its OpenAI provider, and the openai client its chat resources, on first use:
# about a second of imports. Loading them with this module keeps them out of the first call, where
# an async deadline could not interrupt them.
_from_openai = instructor.from_openai
importlib.import_module("openai.resources.chat")
_MODES = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "json_schema": instructor.Mode.JSON_SCHEMA,
}
# What instructor may re-ask: answers that are not JSON, do not validate, or are not in the shape the
# mode asks for (text instead of a tool call). Nothing else.
_REASKABLE = (ValidationError, json.JSONDecodeError, ResponseParsingError)
# The answer may be cut off once; then it gets this many times the room, once.
_TRUNCATION_GROWTH = 2
_REASONING_MODEL = re.compile(r"^(o\d|gpt-5)", re.IGNORECASE)
# Parts of a long article asked for at once by the async path.
_PARALLEL_CHUNKS = 4


@dataclass
class _Attempts:
    """Everything one run learns as it goes; reached by validators and hooks through a ContextVar."""

    article: NormalisedText
    attempts: int = 0
    usage: Usage = field(default_factory=Usage)
    last_answer: ExtractedSummary | None = None
    last_report: GroundingReport | None = None
    last_raw: str | None = None
    refusal: str | None = None
    no_choices: bool = False


_RUN: ContextVar[_Attempts | None] = ContextVar("summarizer_run", default=None)


@dataclass
class _Ledger:
    """The tokens of a whole ``summarize`` call: every part of a long article, every attempt."""

    usage: Usage = field(default_factory=Usage)


# Shared by the tasks of one call (they copy the context, not the ledger), so nothing is lost when
# the call fails in one part or is cut off by the deadline.
_LEDGER: ContextVar[_Ledger | None] = ContextVar("summarizer_ledger", default=None)


@contextmanager
def _counting_tokens() -> Iterator[None]:
    """Count the tokens of one call; an error leaving it carries them all (every part of a long
    article, and what was spent before a deadline), not only the failed attempt's."""
    ledger = _Ledger()
    token = _LEDGER.set(ledger)
    try:
        yield
    except SummarizerError as exc:
        exc.usage = ledger.usage
        raise
    finally:
        _LEDGER.reset(token)


class DeadlineExceeded(ProviderError):
    """The run's deadline passed before a result."""

    def __init__(self, deadline: float) -> None:
        super().__init__(
            f"no result within the deadline of {deadline:g} s: raise --deadline or try later"
        )


_SCHEMAS: dict[Any, dict[str, Any]] = {}


class _CachedSchema(BaseModel):
    """A response model whose JSON Schema is built once per process.

    instructor wraps the response model in a fresh subclass on every call, so its own schema cache
    never hits and pydantic rebuilds the schema each time: about a third of a call's CPU time. The
    wrapper (``functools.wraps``: it names its model in ``__wrapped__``) adds no field, so it has the
    model's schema; callers get a copy to change.
    """

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        model = cls.__dict__.get("__wrapped__", cls)
        key = (model, tuple(cls.model_fields), args, tuple(sorted(kwargs.items())))
        schema = _SCHEMAS.get(key)
        if schema is None:
            schema = _SCHEMAS[key] = super().model_json_schema(*args, **kwargs)
        return copy.deepcopy(schema)


class ArticleRecord(_CachedSchema, ExtractedSummary):
    """A structured record of one news article: headline, summary, key points, actors and the
    concerns they state, every mention and quote copied exactly from the article."""

    @model_validator(mode="after")
    def _grounded(self) -> ArticleRecord:
        run = _RUN.get()
        if run is None:
            return self
        report = check_answer(run.article, self)
        run.last_answer, run.last_report = self, report
        if not report.ok:
            raise ValueError(report.message())
        return self


class WholeArticleRecord(_CachedSchema, SummaryText):
    """The headline, summary and key points of a whole article, from the summaries of its parts."""


@dataclass(frozen=True)
class LLMResult:
    """A grounded answer and what it cost."""

    answer: SummaryText
    actors: list[Actor]
    stated_concerns: list[StatedConcern]
    attempts: int
    usage: Usage
    warnings: list[str]


def _usage_of(response: Any) -> Usage:
    usage = getattr(response, "usage", None)
    if usage is None:
        return Usage()
    details = getattr(usage, "prompt_tokens_details", None)
    return Usage(
        prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
        completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
        cached_tokens=(getattr(details, "cached_tokens", 0) or 0) if details else 0,
    )


def _raw_answer(response: Any) -> str | None:
    """The text of an answer, for error reports: the tool call's arguments, or the content."""
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return str(calls[0].function.arguments)
    content = getattr(message, "content", None)
    return str(content) if content is not None else None


def _on_kwargs(*args: Any, **kwargs: Any) -> None:
    run = _RUN.get()
    if run is not None:
        run.attempts += 1


def _on_response(response: Any) -> None:
    run = _RUN.get()
    if run is None:
        return
    usage = _usage_of(response)
    run.usage = run.usage + usage
    ledger = _LEDGER.get()
    if ledger is not None:
        ledger.usage = ledger.usage + usage
    run.last_raw = _raw_answer(response)
    choices = getattr(response, "choices", None)
    run.no_choices = not choices
    if choices:
        run.refusal = getattr(choices[0].message, "refusal", None)


def provider_error(exc: Exception, settings: Settings) -> ProviderError:
    """One clear sentence for a transport or API failure, with what to fix."""
    where = settings.base_url or "the OpenAI API"
    tries = settings.transport_retries
    if isinstance(exc, openai.APITimeoutError):
        return ProviderError(
            f"{where} did not answer within {settings.timeout:g} s "
            f"(tried {tries + 1} times); raise --timeout or try later"
        )
    if isinstance(exc, openai.APIConnectionError):
        return ProviderError(
            f"could not reach {where} (tried {tries + 1} times): check --base-url and that "
            "the server is running"
        )
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        request_id = exc.request_id
        detail = redact(_server_message(exc), settings.api_key)
        if status == 401:
            message = "the provider refused the API key (401): check OPENAI_API_KEY"
        elif status == 403:
            message = f"the API key may not use {settings.model} (403): {detail}"
        elif status == 404:
            message = (
                f"the server does not know the model {settings.model_name!r} or the endpoint "
                f"(404): check --model and --base-url ({detail})"
            )
        elif status == 400:
            message = f"the provider rejected the request (400): {detail}"
        elif status == 429:
            message = (
                f"rate limited (429) after {tries + 1} tries: {detail}; try later or lower the load"
            )
        else:
            message = f"the provider failed ({status}) after {tries + 1} tries: {detail}"
        return ProviderError(message, status_code=status, request_id=request_id)
    return ProviderError(redact(f"the provider failed: {exc}", settings.api_key))


def _server_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"])
    return str(exc.message)


class LLMEngine:
    """Summaries from an OpenAI-compatible model: one blocking client, and one async client per
    event loop (connections belong to the loop that opened them), each created on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._sync: Any = None
        self._sync_raw: openai.OpenAI | None = None
        # One per loop; entries of closed loops are dropped when a new loop asks for a client.
        self._async_clients: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, tuple[openai.AsyncOpenAI, Any]
        ] = weakref.WeakKeyDictionary()

    def close(self) -> None:
        """Close the blocking client's connections, and the async client's on the background
        loop (sync calls with a deadline, ``summarize_many``); ``aclose`` reaches the others."""
        self._close_sync()
        loop = running_background_loop()
        if loop is not None and loop in self._async_clients and current_loop() is not loop:
            asyncio.run_coroutine_threadsafe(self._close_async(loop), loop).result()

    async def aclose(self) -> None:
        """Close the blocking client, this loop's async client, and the background loop's."""
        self._close_sync()
        here = asyncio.get_running_loop()
        await self._close_async(here)
        loop = running_background_loop()
        if loop is not None and loop is not here and loop in self._async_clients:
            await asyncio.wrap_future(
                asyncio.run_coroutine_threadsafe(self._close_async(loop), loop)
            )

    def _close_sync(self) -> None:
        if self._sync_raw is not None:
            self._sync_raw.close()
            self._sync = self._sync_raw = None

    async def _close_async(self, loop: asyncio.AbstractEventLoop) -> None:
        entry = self._async_clients.pop(loop, None)
        if entry is not None:
            await entry[0].close()

    def _client_options(self) -> dict[str, Any]:
        return {
            "base_url": self.settings.base_url,
            "api_key": self.settings.api_key or NO_KEY,
            "timeout": self.settings.timeout,
            "max_retries": self.settings.transport_retries,
        }

    def _instructor(self, client: Any) -> Any:
        patched = _from_openai(client, mode=_MODES[self.settings.mode])
        patched.on("completion:kwargs", _on_kwargs)
        patched.on("completion:response", _on_response)
        return patched

    @property
    def sync_client(self) -> Any:
        if self._sync is None:
            self._sync_raw = openai.OpenAI(**self._client_options())
            self._sync = self._instructor(self._sync_raw)
        return self._sync

    @property
    def async_client(self) -> Any:
        """The running loop's async client: never one whose connections another loop opened."""
        loop = asyncio.get_running_loop()
        entry = self._async_clients.get(loop)
        if entry is None:
            # A kept-alive connection refers to its loop, so a closed loop's entry may never be
            # collected on its own: drop it here (its connections cannot be used again anyway).
            for closed in [other for other in self._async_clients if other.is_closed()]:
                del self._async_clients[closed]
            # Every request, retries included, passes the batch's pacer (when --rpm sets one).
            http_client = openai.DefaultAsyncHttpxClient(event_hooks={"request": [before_request]})
            raw = openai.AsyncOpenAI(**self._client_options(), http_client=http_client)
            entry = self._async_clients[loop] = (raw, self._instructor(raw))
        return entry[1]

    def _reask_budget(self) -> dict[str, Any]:
        return {
            "stop": stop_after_attempt(self.settings.max_retries + 1),
            "retry": retry_if_exception_type(_REASKABLE),
            "reraise": True,
        }

    @property
    def max_input_tokens(self) -> int:
        return self.settings.max_input_tokens or default_max_input_tokens(
            self.settings.model_name, self.settings.max_tokens
        )

    def _count(self, text: str) -> int:
        return estimate_tokens(text, self.settings.model_name)

    def _chunks(self, article: str) -> list[Chunk] | None:
        """The article's chunks when it is too long for one request, else None."""
        limit = self.max_input_tokens
        if self._count(article) <= limit:
            return None
        return split_article(article, limit, self._count)

    def summarize(self, article: str, index: NormalisedText) -> LLMResult:
        """Sync, with no deadline: ``Summarizer`` runs a deadline through ``asummarize``."""
        with _counting_tokens():
            return self._summarize(article, index)

    def _summarize(self, article: str, index: NormalisedText) -> LLMResult:
        chunks = self._chunks(article)
        if chunks is None:
            return self._summarize_one(article, index)
        parts = []
        for chunk in chunks:
            text = article[chunk.start : chunk.end]
            parts.append((chunk, self._summarize_one(text, NormalisedText(text))))
        run = _Attempts(article=index)
        reduced = self._ask(
            run, WholeArticleRecord, render_reduce_messages([p.answer for _, p in parts])
        )
        return _combine(index, parts, reduced, run)

    async def asummarize(self, article: str, index: NormalisedText) -> LLMResult:
        """Async: the deadline bounds the whole run exactly."""
        with _counting_tokens():
            if self.settings.deadline is None:
                return await self._asummarize(article, index)
            try:
                return await asyncio.wait_for(
                    self._asummarize(article, index), timeout=self.settings.deadline
                )
            except asyncio.TimeoutError as exc:
                raise DeadlineExceeded(self.settings.deadline) from exc

    async def _asummarize(self, article: str, index: NormalisedText) -> LLMResult:
        chunks = self._chunks(article)
        if chunks is None:
            return await self._asummarize_one(article, index)
        # Parts are independent: ask for a few at once, so a long article takes less wall time.
        slots = asyncio.Semaphore(_PARALLEL_CHUNKS)

        async def part(chunk: Chunk) -> tuple[Chunk, LLMResult]:
            text = article[chunk.start : chunk.end]
            async with slots:
                return chunk, await self._asummarize_one(text, NormalisedText(text))

        parts = list(await asyncio.gather(*(part(chunk) for chunk in chunks)))
        run = _Attempts(article=index)
        messages = render_reduce_messages([p.answer for _, p in parts])
        reduced = await self._aask(run, WholeArticleRecord, messages)
        return _combine(index, parts, reduced, run)

    def _summarize_one(self, article: str, index: NormalisedText) -> LLMResult:
        run = _Attempts(article=index)
        answer = self._ask(run, ArticleRecord, render_messages(article))
        return answer if isinstance(answer, LLMResult) else self._result(run, answer)

    async def _asummarize_one(self, article: str, index: NormalisedText) -> LLMResult:
        run = _Attempts(article=index)
        answer = await self._aask(run, ArticleRecord, render_messages(article))
        return answer if isinstance(answer, LLMResult) else self._result(run, answer)

    def _request(
        self, response_model: type[SummaryText], messages: list[dict[str, str]], max_tokens: int
    ) -> dict[str, Any]:
        request: dict[str, Any] = {
            "model": self.settings.model_name,
            "response_model": response_model,
            "messages": messages,
        }
        # OpenAI's own API wants max_completion_tokens (its reasoning models refuse max_tokens);
        # other OpenAI-compatible servers know max_tokens.
        if self.settings.provider == "openai":
            request["max_completion_tokens"] = max_tokens
        else:
            request["max_tokens"] = max_tokens
        # Reasoning models accept only their default temperature.
        if not _REASONING_MODEL.match(self.settings.model_name):
            request["temperature"] = 0
        return request

    def _ask(
        self, run: _Attempts, response_model: type[SummaryText], messages: list[dict[str, str]]
    ) -> Any:
        """One answer, re-asked within the budget; or an LLMResult when the budget ran out."""
        token = _RUN.set(run)
        try:
            max_tokens = self.settings.max_tokens
            while True:
                try:
                    return self.sync_client.chat.completions.create(
                        **self._request(response_model, messages, max_tokens),
                        max_retries=Retrying(**self._reask_budget()),
                    )
                except Exception as exc:  # noqa: BLE001 - sorted out by _outcome
                    outcome = self._spent(run, exc, max_tokens)
                    if isinstance(outcome, LLMResult):
                        return outcome
                    max_tokens = outcome
        finally:
            _RUN.reset(token)

    async def _aask(
        self, run: _Attempts, response_model: type[SummaryText], messages: list[dict[str, str]]
    ) -> Any:
        """The async twin of ``_ask``."""
        token = _RUN.set(run)
        try:
            max_tokens = self.settings.max_tokens
            while True:
                try:
                    return await self.async_client.chat.completions.create(
                        **self._request(response_model, messages, max_tokens),
                        max_retries=AsyncRetrying(**self._reask_budget()),
                    )
                except Exception as exc:  # noqa: BLE001 - sorted out by _outcome
                    outcome = self._spent(run, exc, max_tokens)
                    if isinstance(outcome, LLMResult):
                        return outcome
                    max_tokens = outcome
        finally:
            _RUN.reset(token)

    def _result(self, run: _Attempts, answer: ExtractedSummary) -> LLMResult:
        report = run.last_report
        if report is None or run.last_answer is not answer:
            report = check_answer(run.article, answer)
        actors, concerns, warnings = grounded_records(answer, report)
        return LLMResult(answer, actors, concerns, run.attempts, run.usage, warnings)

    def _spent(self, run: _Attempts, exc: Exception, max_tokens: int) -> int | LLMResult:
        """``_outcome``, with the tokens the failed run spent recorded on the error it raises."""
        try:
            return self._outcome(run, exc, max_tokens)
        except SummarizerError as error:
            error.usage = run.usage
            raise

    def _outcome(self, run: _Attempts, exc: Exception, max_tokens: int) -> int | LLMResult:
        """Decide what a failed call means: more room once, a partial result, or an error."""
        cause: BaseException = exc
        if isinstance(exc, InstructorRetryException) and exc.__cause__ is not None:
            cause = exc.__cause__
        if isinstance(cause, IncompleteOutputException):
            if max_tokens == self.settings.max_tokens:
                return max_tokens * _TRUNCATION_GROWTH
            raise TruncatedOutputError(
                f"the answer was cut off at {max_tokens} output tokens even after one retry with "
                "more room: raise --max-tokens or use a model with a larger output limit"
            ) from exc
        if isinstance(cause, openai.OpenAIError):
            raise provider_error(cause, self.settings) from exc
        if run.refusal:
            raise AnswerError(
                f"the model refused to answer: {run.refusal}", attempts=run.attempts
            ) from exc
        if run.no_choices:
            where = self.settings.base_url or "the OpenAI API"
            raise ProviderError(
                f"{where} sent an answer with no choices: is it an OpenAI-compatible "
                "chat-completions endpoint? Check --base-url"
            ) from exc
        if isinstance(cause, _REASKABLE):
            return self._exhausted(run, cause, exc)
        raise ProviderError(
            redact(f"the model call failed: {cause}", self.settings.api_key)
        ) from exc

    def _exhausted(self, run: _Attempts, cause: BaseException, exc: Exception) -> LLMResult:
        """The re-ask budget ran out: keep what is grounded, or fail in strict mode."""
        answer, report = run.last_answer, run.last_report
        grounding_only = isinstance(cause, ValidationError) and _only_grounding(cause)
        if answer is None or report is None or not grounding_only:
            raise AnswerError(
                f"no valid answer after {run.attempts} attempts: {_first_line(cause)}",
                attempts=run.attempts,
                last_answer=run.last_raw,
            ) from exc
        if self.settings.strict:
            raise GroundingError(
                f"answers still cite words the article does not contain after {run.attempts} "
                f"attempts: {'; '.join(report.problems[:3])}",
                attempts=run.attempts,
                last_answer=run.last_raw,
            ) from exc
        actors, concerns, warnings = grounded_records(answer, report)
        return LLMResult(answer, actors, concerns, run.attempts, run.usage, warnings)


def _combine(
    index: NormalisedText,
    parts: list[tuple[Chunk, LLMResult]],
    reduced: Any,
    reduce_run: _Attempts,
) -> LLMResult:
    """One result for a long article: merged records in whole-article offsets, the reduced prose,
    and the attempts and usage of every call."""
    if isinstance(reduced, LLMResult):  # the reduce call never gave valid prose
        raise AnswerError(
            "no valid summary of the long article's parts", attempts=reduce_run.attempts
        )
    actors, concerns = merge_records(
        index,
        (
            (result.actors, [shift_concern(c, chunk.start) for c in result.stated_concerns])
            for chunk, result in parts
        ),
    )
    warnings = [
        f"part {number}: {warning}"
        for number, (_, result) in enumerate(parts, start=1)
        for warning in result.warnings
    ]
    usage = sum((result.usage for _, result in parts), reduce_run.usage)
    attempts = sum(result.attempts for _, result in parts) + reduce_run.attempts
    return LLMResult(reduced, actors, concerns, attempts, usage, warnings)


def _only_grounding(error: ValidationError) -> bool:
    return all(
        item["type"] == "value_error" and not item["loc"] and "not grounded" in item["msg"]
        for item in error.errors()
    )


def _first_line(error: BaseException) -> str:
    """The gist of why an answer was refused, in one line."""
    if isinstance(error, ValidationError) and error.errors():
        item = error.errors()[0]
        where = ".".join(str(part) for part in item["loc"])
        return f"{where}: {item['msg']}" if where else str(item["msg"]).splitlines()[0]
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
