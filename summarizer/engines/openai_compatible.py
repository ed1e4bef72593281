"""The engine for OpenAI and every OpenAI-compatible server: requests built and answers parsed by
instructor, sent by ``Transport``.

instructor's handlers for the chosen mode (tools, json, json_schema) turn the response model into
the request's tools or schema instructions, parse the answer into the model, and word the re-ask
of an answer that does not fit. The response models are built once, as instructor's own
``ResponseSchema`` kind, and the parts of a request that never change (the tools, the system
message) are prepared once per process, so a call spends its time on the article. The re-ask loop
itself is the pipeline's; this engine answers one task per call.

Example::

    >>> from summarizer.config import Settings
    >>> engine = OpenAIEngine(Settings.resolve("ollama/llama3.2"))
    >>> engine.max_input_tokens
    2596
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from instructor.v2.core.errors import IncompleteOutputException, ResponseParsingError
from instructor.v2.core.function_calls import ResponseSchema
from instructor.v2.core.mode import Mode
from instructor.v2.core.providers import Provider as InstructorProvider
from instructor.v2.core.registry import mode_registry
from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from ..chunking import default_max_input_tokens, estimate_tokens
from ..config import Settings
from ..models import ExtractedSummary, SummaryText, Usage
from ..prompts import PROMPT_VERSION, reask_message, render_messages, render_reduce_messages
from .base import Answer, BaseEngine, Task
from .transport import Transport

__all__ = ["ArticleRecord", "OpenAIEngine", "WholeArticleRecord"]

_MODES = {"tools": Mode.TOOLS, "json": Mode.JSON, "json_schema": Mode.JSON_SCHEMA}
# What makes an answer unusable but worth asking again: not JSON, not the schema, not the shape the
# mode asks for (text instead of a tool call).
_UNFIT = (ValidationError, json.JSONDecodeError, ResponseParsingError)


class ArticleRecord(ExtractedSummary, ResponseSchema):  # type: ignore[misc]
    """A structured record of one news article: headline, summary, key points, actors and the
    concerns they state, every mention and quote copied exactly from the article."""


class WholeArticleRecord(SummaryText, ResponseSchema):  # type: ignore[misc]
    """The headline, summary and key points of a whole article, from the summaries of its parts."""


@dataclass(frozen=True)
class _Exchange:
    """One request and its response: what a re-ask of the answer continues from."""

    body: dict[str, Any]
    response: ChatCompletion
    error: Exception | None = None


class OpenAIEngine(BaseEngine):
    """Answers from an OpenAI-compatible chat-completions model."""

    prompt_version = PROMPT_VERSION
    deterministic = False

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.record = settings.record
        self.transport = Transport(settings)
        self._handlers = mode_registry.get_handlers(
            InstructorProvider.OPENAI, _MODES[settings.mode]
        )
        # Per response model and system message: the request fields the mode adds (tools,
        # tool_choice, response_format) and the system message as the mode words it.
        self._prepared: dict[tuple[type[SummaryText], str], tuple[dict[str, Any], Any]] = {}

    @property
    def max_input_tokens(self) -> int | None:
        window = self.record.context_window(self.settings.model_name)
        return self.settings.max_input_tokens or default_max_input_tokens(
            window, self.settings.max_tokens
        )

    def count_tokens(self, text: str) -> int:
        return estimate_tokens(text, self.settings.model_name)

    async def answer(self, task: Task) -> Answer:
        body = self.request_body(task)
        return self.read(task, body, await self.transport.chat(body))

    def request_body(self, task: Task) -> dict[str, Any]:
        """The chat-completions request for ``task``, exactly as it is sent (a provider batch job
        writes the same bodies into its files)."""
        return self._body(task, _model_for(task))

    def read(self, task: Task, body: dict[str, Any], response: ChatCompletion) -> Answer:
        """The answer in ``response`` to the request ``body`` made for ``task``."""
        partial = bool(task.reask and task.reask.records_only)
        return self._read(response, body, _model_for(task), partial=partial)

    async def aclose(self) -> None:
        await self.transport.aclose()

    # -- requests --------------------------------------------------------------------------------

    def _body(self, task: Task, model: type[SummaryText]) -> dict[str, Any]:
        reask = task.reask
        if reask is None:
            if task.parts is not None:
                messages = render_reduce_messages(task.parts)
            else:
                messages = render_messages(task.article.text)
            return self._request(model, messages, task.max_tokens)
        previous = reask.previous.state
        if not isinstance(previous, _Exchange):
            raise TypeError("a re-ask needs the exchange of the answer it corrects")
        if reask.records_only:
            # Only the failing records go back: the article (a prefix the provider has cached)
            # and a note of what to correct, not the whole previous answer.
            record = reask.previous.record
            if not isinstance(record, ExtractedSummary):
                raise TypeError("a grounding re-ask corrects an article's record")
            failing = {
                "actors": [record.actors[i].model_dump(mode="json") for i in reask.actors],
                "stated_concerns": [
                    record.stated_concerns[i].model_dump(mode="json") for i in reask.concerns
                ],
            }
            note = reask_message(reask.problems, json.dumps(failing, ensure_ascii=False))
            body = dict(previous.body)
            body["messages"] = [*previous.body["messages"][:2], {"role": "user", "content": note}]
            return self._with_room(body, task.max_tokens)
        # The whole answer is asked again, in the mode's own words (instructor's re-ask).
        body = dict(previous.body)
        body["messages"] = list(previous.body["messages"])
        body = self._handlers.reask_handler(
            kwargs=body, response=previous.response, exception=previous.error
        )
        return self._with_room(body, task.max_tokens)

    def _request(
        self, model: type[SummaryText], messages: list[dict[str, str]], max_tokens: int
    ) -> dict[str, Any]:
        extra, system = self._prepare(model, messages[0])
        body: dict[str, Any] = {
            "model": self.settings.model_name,
            "messages": [system, *messages[1:]],
        }
        body[self.record.token_parameter] = max_tokens
        if self.record.accepts_temperature(self.settings.model_name):
            body["temperature"] = 0
        body.update(extra)
        return body

    def _prepare(
        self, model: type[SummaryText], system: dict[str, str]
    ) -> tuple[dict[str, Any], Any]:
        key = (model, system["content"])
        prepared = self._prepared.get(key)
        if prepared is None:
            _, kwargs = self._handlers.request_handler(
                response_model=model, kwargs={"messages": [system]}
            )
            messages = kwargs.pop("messages")
            prepared = self._prepared[key] = (kwargs, messages[0])
        return prepared

    def _with_room(self, body: dict[str, Any], max_tokens: int) -> dict[str, Any]:
        body[self.record.token_parameter] = max_tokens
        return body

    # -- answers ---------------------------------------------------------------------------------

    def _read(
        self,
        response: ChatCompletion,
        body: dict[str, Any],
        model: type[SummaryText],
        *,
        partial: bool,
    ) -> Answer:
        usage = _usage_of(response)
        raw = _raw_answer(response)
        message = response.choices[0].message
        refusal = getattr(message, "refusal", None)
        if refusal:
            return Answer(None, usage, refusal=str(refusal), raw=raw)
        try:
            record = self._handlers.response_parser(
                response=response,
                response_model=model,
                validation_context=None,
                strict=True,
                stream=False,
                is_async=True,
            )
        except IncompleteOutputException:
            return Answer(None, usage, truncated=True, raw=raw)
        except _UNFIT as exc:
            return Answer(
                None, usage, problem=first_line(exc), raw=raw, state=_Exchange(body, response, exc)
            )
        return Answer(record, usage, partial=partial, raw=raw, state=_Exchange(body, response))


def _model_for(task: Task) -> type[SummaryText]:
    return WholeArticleRecord if task.is_reduce else ArticleRecord


def _usage_of(response: ChatCompletion) -> Usage:
    usage = response.usage
    if usage is None:
        return Usage()
    details = usage.prompt_tokens_details
    return Usage(
        prompt_tokens=usage.prompt_tokens or 0,
        completion_tokens=usage.completion_tokens or 0,
        cached_tokens=(details.cached_tokens or 0) if details else 0,
    )


def _raw_answer(response: ChatCompletion) -> str | None:
    """The text of an answer, for error reports: the tool call's arguments, or the content."""
    message = response.choices[0].message
    calls = message.tool_calls or []
    if calls:
        function = getattr(calls[0], "function", None)
        return None if function is None else str(function.arguments)
    return message.content


def first_line(error: BaseException) -> str:
    """The gist of why an answer was refused, in one line."""
    if isinstance(error, ValidationError) and error.errors():
        item = error.errors()[0]
        where = ".".join(str(part) for part in item["loc"])
        return f"{where}: {item['msg']}" if where else str(item["msg"]).splitlines()[0]
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
