"""The wire: one OpenAI client per event loop, and the transport retry budget.

Every request is tried up to ``1 + Settings.transport_retries`` times:

* 408, 409, 429 and 5xx, timeouts, dropped connections and answers with no ``choices`` are
  retried, after the server's ``Retry-After`` (seconds, milliseconds or an HTTP date, up to two
  minutes; longer is not waited for) or else exponential backoff with jitter (0.5 s, 1 s, 2 s ...
  up to 8 s); an answer with no choices is retried once;
* 400, 401, 403, 404 and other client errors fail at once, with a message that says what to fix;
* a connection refused on this machine (nothing listening on a local port) fails at once; one
  refused by a remote host gets one quick retry.

Requests go out on an httpx client of our own (one per event loop), JSON in and a parsed
``ChatCompletion`` out: the openai client's request and response machinery cost more CPU than the
rest of a call. This loop sees every try, so an error says what happened on each, the batch pacer
spaces every try, and tests replace the sleep (``sleep``) so that no test waits for real. Keys never
appear in messages.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import math
import random
import time
import weakref
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

import httpx2
from openai._models import construct_type
from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from .. import __version__
from ..config import Settings
from ..errors import DeadlineExceeded, ProviderError
from ..pacing import DEADLINE, PACER
from ..redaction import redact

__all__ = ["StatusError", "Transport", "provider_error", "sleep"]

T = TypeVar("T")

# The sleep between tries; tests put a recorder in its place.
sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 120.0
_REFUSED_REMOTE_DELAY = 0.2
_RETRIED_STATUSES = frozenset({408, 409, 429})
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0", "[::1]"})
OPENAI_URL = "https://api.openai.com/v1"


class StatusError(Exception):
    """The server answered with an error status."""

    def __init__(self, response: httpx2.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.status_code = response.status_code
        self.headers = response.headers
        self.request_id = response.headers.get("x-request-id")
        self.detail = _server_message(response)


class _Retry(Exception):
    """One try failed in a way worth another try: what happened, and how long to wait."""

    def __init__(self, outcome: str, delay: float | None, error: Exception) -> None:
        super().__init__(outcome)
        self.outcome = outcome
        self.delay = delay
        self.error = error


class Transport:
    """Chat-completion requests to an OpenAI-compatible server, each within the transport budget."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.where = settings.base_url or "the OpenAI API"
        # One per loop: a kept-alive connection belongs to the loop that opened it.
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, httpx2.AsyncClient] = (
            weakref.WeakKeyDictionary()
        )

    # -- clients ---------------------------------------------------------------------------------

    def client(self) -> httpx2.AsyncClient:
        """The running loop's client, made on first use."""
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            # A closed loop's client can never be used again: drop it here (its connections
            # refer to the loop, so it might never be collected on its own).
            for closed in [other for other in self._clients if other.is_closed()]:
                del self._clients[closed]
            client = self._clients[loop] = self._new_client()
        return client

    def _new_client(self) -> httpx2.AsyncClient:
        url = (self.settings.base_url or OPENAI_URL).rstrip("/")
        headers = {
            "accept": "application/json",
            "user-agent": f"summarizer/{__version__}",
        }
        if self.settings.api_key:
            headers["authorization"] = f"Bearer {self.settings.api_key}"
        return httpx2.AsyncClient(
            base_url=url,
            headers=headers,
            timeout=self.settings.timeout,
            limits=httpx2.Limits(max_connections=1000, max_keepalive_connections=100),
            follow_redirects=True,
            # Plain http needs no certificates: skip loading the CA bundle.
            verify=not url.startswith("http://"),
        )

    async def aclose(self) -> None:
        """Close the running loop's client."""
        client = self._clients.pop(asyncio.get_running_loop(), None)
        if client is not None:
            await client.aclose()

    # -- requests --------------------------------------------------------------------------------

    async def chat(self, body: dict[str, Any]) -> ChatCompletion:
        """POST /chat/completions with ``body``; the completion, or a ``ProviderError``."""
        content = json.dumps(body, ensure_ascii=False).encode()
        no_choices: list[bool] = []

        def completion(reply: httpx2.Response, tries: int) -> ChatCompletion:
            response = self._completion(reply)
            if not response.choices:
                error = ProviderError(
                    f"{self.where} sent an answer with no choices: is it an OpenAI-compatible "
                    "chat-completions endpoint? Check the base URL"
                )
                # Retried once, on the transport budget; then it is the server's answer.
                delay = None if no_choices else _backoff(tries)
                no_choices.append(True)
                raise _Retry("no choices", delay, error)
            return response

        return await self.request("POST", "/chat/completions", content=content, read=completion)

    async def request(
        self,
        method: str,
        path: str,
        *,
        read: Callable[[httpx2.Response, int], T],
        content: bytes | None = None,
        files: dict[str, Any] | None = None,
        data: dict[str, str] | None = None,
        params: dict[str, str] | None = None,
    ) -> T:
        """One request within the transport budget; ``read`` turns the reply into the result (and
        may raise ``_Retry`` for an answer that is not one)."""
        outcomes: list[str] = []
        budget = self.settings.transport_retries
        headers = {"content-type": "application/json"} if content is not None else None
        while True:
            try:
                pacer = PACER.get()
                if pacer is not None:
                    await pacer.wait()
                reply = await self._send(
                    method,
                    path,
                    outcomes,
                    content=content,
                    files=files,
                    data=data,
                    params=params,
                    headers=headers,
                )
                return read(reply, len(outcomes))
            except _Retry as retry:
                outcomes.append(retry.outcome)
                if retry.delay is None or len(outcomes) > budget:
                    raise self._failure(retry.error, outcomes) from retry.error
                limit = DEADLINE.get()
                if limit is not None and asyncio.get_running_loop().time() + retry.delay > limit[0]:
                    # Waiting as asked would outlast the run: say so now.
                    raise DeadlineExceeded(limit[1]) from retry.error
                await sleep(retry.delay)

    async def _send(
        self, method: str, path: str, outcomes: list[str], **options: Any
    ) -> httpx2.Response:
        tries = len(outcomes)
        try:
            reply = await self.client().request(method, path, **options)
        except httpx2.TimeoutException as exc:
            raise _Retry("timeout", _backoff(tries), exc) from exc
        except httpx2.ConnectError as exc:
            if _refused(exc):
                # Nothing listens there: on this machine that will not change by waiting.
                delay = None if self._local() or tries > 0 else _REFUSED_REMOTE_DELAY
                raise _Retry("connection refused", delay, exc) from exc
            raise _Retry("connection failed", _backoff(tries), exc) from exc
        except httpx2.TransportError as exc:
            raise _Retry("connection failed", _backoff(tries), exc) from exc
        if reply.status_code >= 400:
            raise self._status_retry(StatusError(reply), tries)
        return reply

    def _completion(self, reply: httpx2.Response) -> ChatCompletion:
        try:
            return ChatCompletion.model_validate_json(reply.content)
        except ValidationError:
            pass
        # Some servers leave out fields OpenAI sends (created, object...): read it leniently,
        # as the openai client does.
        try:
            data = reply.json()
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
            raise _Retry(
                "not a chat completion",
                None,
                ProviderError(
                    f"{self.where} sent an answer that is not a chat completion: is it an "
                    "OpenAI-compatible chat-completions endpoint? Check the base URL"
                ),
            )
        return cast(ChatCompletion, construct_type(type_=ChatCompletion, value=data))

    def _status_retry(self, exc: StatusError, tries: int) -> _Retry:
        status = exc.status_code
        headers = exc.headers
        should = headers.get("x-should-retry")
        retried = status in _RETRIED_STATUSES or status >= 500
        if should == "true":
            retried = True
        elif should == "false":
            retried = False
        delay: float | None = None
        if retried:
            after = _retry_after(headers)
            if after is None:
                delay = _backoff(tries)
            elif after <= MAX_RETRY_AFTER:
                delay = after
        return _Retry(str(status), delay, exc)

    def _local(self) -> bool:
        host = urlsplit(self.settings.base_url or OPENAI_URL).hostname or ""
        return host in _LOCAL_HOSTS or host.startswith("127.")

    def _failure(self, error: Exception, outcomes: list[str]) -> ProviderError:
        return provider_error(error, self.settings, outcomes)


def _backoff(tries: int) -> float:
    """Exponential backoff with jitter: about 0.5 s, 1 s, 2 s ... up to 8 s."""
    return min(INITIAL_DELAY * 2.0**tries, MAX_DELAY) * (1 - 0.25 * random.random())


def _retry_after(headers: httpx2.Headers) -> float | None:
    """The wait a server asks for, in seconds: ``retry-after-ms``, ``Retry-After`` in seconds or
    as an HTTP date; None when it asks for none."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return max(float(milliseconds) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        seconds = email.utils.mktime_tz(parsed) - time.time()
    return max(seconds, 0.0) if math.isfinite(seconds) else None


def _refused(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, ConnectionRefusedError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _tries(outcomes: list[str]) -> str:
    """How the tries went: ``1 try``, ``4 tries``, or ``4 tries (2 x 429, 2 x 503)``."""
    count = len(outcomes)
    head = f"{count} {'try' if count == 1 else 'tries'}"
    kinds = Counter(outcomes)
    if len(kinds) <= 1:
        return head
    return f"{head} ({', '.join(f'{n} x {kind}' for kind, n in kinds.items())})"


def provider_error(
    exc: Exception, settings: Settings, outcomes: list[str] | None = None
) -> ProviderError:
    """One clear sentence for a transport or API failure, with what happened and what to fix."""
    outcomes = outcomes or []
    where = settings.base_url or "the OpenAI API"
    tries = _tries(outcomes)
    if isinstance(exc, ProviderError):
        return ProviderError(f"{exc} ({tries})")
    if isinstance(exc, httpx2.TimeoutException):
        return ProviderError(
            f"{where} did not answer within {settings.timeout:g} s ({tries}); raise the timeout "
            "or try later"
        )
    if isinstance(exc, httpx2.TransportError):
        if _refused(exc):
            host = urlsplit(settings.base_url or OPENAI_URL)
            return ProviderError(
                f"nothing is listening on {host.hostname}:{host.port or _default_port(host.scheme)} "
                f"({where}): is the server running? Check the base URL"
            )
        return ProviderError(
            f"could not reach {where} ({tries}): check the base URL and that the server is running"
        )
    if isinstance(exc, StatusError):
        status = exc.status_code
        detail = redact(exc.detail, settings.api_key)
        if status == 401:
            # A server of one's own takes its key from OPENAI_API_KEY (or api_key=).
            variable = settings.record.key_variable or "OPENAI_API_KEY"
            message = f"the provider refused the API key (401): check {variable}"
        elif status == 403:
            message = f"the API key may not use {settings.model} (403): {detail}"
        elif status == 404:
            message = (
                f"the server does not know the model {settings.model_name!r} or the endpoint "
                f"(404): check the model and the base URL ({detail})"
            )
        elif status == 400:
            message = f"the provider rejected the request (400): {detail}"
        elif status == 429 and outcomes and all(o == "429" for o in outcomes):
            every = "all " if len(outcomes) > 1 else ""
            message = f"rate limited (429) on {every}{tries}: {detail}; try later or lower the load"
        else:
            message = f"the provider failed ({status}) after {tries}: {detail}"
        return ProviderError(message, status_code=status, request_id=exc.request_id)
    return ProviderError(redact(f"the provider failed: {exc}", settings.api_key))


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def _server_message(response: httpx2.Response) -> str:
    """The server's own words about an error: its JSON ``error.message``, else its text."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"])
        if isinstance(error, str):
            return error
    text = response.text.strip()
    return (text.splitlines()[0][:300] if text else response.reason_phrase) or "no detail"
