"""A scripted, offline OpenAI-compatible chat-completions server for the test suite.

Tests never touch the network: they start a :class:`ScriptedServer` on 127.0.0.1 (random free
port), queue the replies they want (tool calls, content, refusals, HTTP errors, malformed bodies,
hangs, dropped connections) and point the real ``openai`` client at :attr:`ScriptedServer.base_url`.
Each ``POST /v1/chat/completions`` consumes the next queued reply in FIFO order; every request is
recorded in :attr:`ScriptedServer.requests`. Bodies are deterministic. Python stdlib only.
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CREATED = 1700000000
_DEFAULT_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    409: "conflict_error",
    422: "invalid_request_error",
    429: "rate_limit_error",
}

# A response: (status, extra headers, body bytes, content type); None means "drop the connection".
_Response = tuple[int, dict[str, str], bytes, str]
# A scripted reply turns (request json, raw body, counter) into a response.
_Reply = Callable[[dict[str, Any], bytes, int], "_Response | None"]


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _error_body(message: str, error_type: str | None, code: str | None) -> bytes:
    err = {"message": message, "type": error_type, "param": None, "code": code}
    return _dumps({"error": err}).encode()


def _usage(raw_body: bytes, reply_text: str, override: dict[str, Any] | None) -> dict[str, Any]:
    usage: dict[str, Any] = {
        "prompt_tokens": len(raw_body) // 4,
        "completion_tokens": len(reply_text) // 4,
    }
    cached = 0
    if override:
        override = dict(override)
        details = override.pop("prompt_tokens_details", None)
        if isinstance(details, dict):
            cached = details.get("cached_tokens", cached)
        cached = override.pop("cached_tokens", cached)
        usage.update(override)
    usage.setdefault("total_tokens", usage["prompt_tokens"] + usage["completion_tokens"])
    usage["prompt_tokens_details"] = {"cached_tokens": cached}
    return usage


def _tool_name(request: dict[str, Any]) -> str:
    choice = request.get("tool_choice")
    if isinstance(choice, dict) and isinstance(choice.get("function"), dict):
        name = choice["function"].get("name")
        if name:
            return str(name)
    for tool in request.get("tools") or []:
        name = (tool.get("function") or {}).get("name") if isinstance(tool, dict) else None
        if name:
            return str(name)
    return "tool"


def _tool_call_message(
    request: dict[str, Any], n: int, name: str | None, arguments: str
) -> dict[str, Any]:
    function = {"name": name or _tool_name(request), "arguments": arguments}
    call = {"id": f"call_scripted_{n}", "type": "function", "function": function}
    return {"content": None, "tool_calls": [call], "refusal": None}


def _completion(
    request: dict[str, Any],
    raw_body: bytes,
    n: int,
    message: dict[str, Any],
    finish_reason: str,
    reply_text: str,
    usage: dict[str, Any] | None = None,
) -> _Response:
    body = {
        "id": f"chatcmpl-scripted-{n}",
        "object": "chat.completion",
        "created": CREATED,
        "model": request.get("model", "scripted-model"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", **message},
                "finish_reason": finish_reason,
                "logprobs": None,
            }
        ],
        "usage": _usage(raw_body, reply_text, usage),
    }
    return 200, {}, _dumps(body).encode(), "application/json"


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    owner: ScriptedServer

    def handle_error(self, request: Any, client_address: Any) -> None:  # quiet on disconnects
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.0"  # one request per connection: no lingering keep-alive threads

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def setup(self) -> None:
        super().setup()
        self.server.owner._count_connection(+1)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.owner._count_connection(-1)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        owner = self.server.owner
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            parsed: Any = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        headers = {k.lower(): v for k, v in self.headers.items()}
        path = self.path.split("?", 1)[0].rstrip("/")
        n = owner._record({"method": method, "path": self.path, "headers": headers, "json": parsed})

        response: _Response | None
        if method == "GET" and path in ("/v1/models", "/models"):
            models = [{"id": "scripted-model", "object": "model", "created": CREATED}]
            body = _dumps({"object": "list", "data": models}).encode()
            response = (200, {}, body, "application/json")
        elif method == "POST" and path in ("/v1/chat/completions", "/chat/completions"):
            reply = owner._pop()
            if reply is None:
                msg = "scripted server: no reply queued"
                body = _error_body(msg, "server_error", "no_reply_queued")
                response = (500, {"x-should-retry": "false"}, body, "application/json")
            else:
                request = parsed if isinstance(parsed, dict) else {}
                response = reply(request, raw, n)
        else:
            body = _error_body(f"scripted server: no route {method} {path}", "not_found", None)
            response = (404, {"x-should-retry": "false"}, body, "application/json")

        if response is None:  # drop_connection
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        status, extra, body, content_type = response
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("x-request-id", f"req_scripted_{n}")
            self.send_header("openai-organization", "scripted-org")
            for key, value in extra.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # client went away (e.g. timed out during a hang)
            self.close_connection = True


class _KeepAliveHandler(_Handler):
    protocol_version = (
        "HTTP/1.1"  # connections stay open between requests, as real servers keep them
    )


class ScriptedServer:
    """A scripted OpenAI-compatible chat-completions server on 127.0.0.1 (random free port)."""

    def __init__(self, *, keep_alive: bool = False) -> None:
        self.keep_alive = keep_alive
        self.open_connections = 0  # client connections the server holds right now
        self.requests: list[dict[str, Any]] = []
        self._queue: list[_Reply] = []
        self._counter = 0
        self._lock = threading.Lock()
        self._connections_changed = threading.Condition(self._lock)
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> ScriptedServer:
        if self._httpd is not None:
            return self
        self._stopping.clear()
        httpd = _HTTPServer(("127.0.0.1", 0), _KeepAliveHandler if self.keep_alive else _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes any handler sleeping in `hang`
        httpd, thread = self._httpd, self._thread
        self._httpd = self._thread = None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if thread is not None:
            thread.join(timeout=5)

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("ScriptedServer is not running; call start() first")
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def reset(self) -> None:
        with self._lock:
            self._queue.clear()
            self.requests.clear()
            self._counter = 0

    def _count_connection(self, change: int) -> None:
        with self._connections_changed:
            self.open_connections += change
            self._connections_changed.notify_all()

    def wait_for_connections(self, count: int, timeout: float) -> bool:
        """Whether the server holds ``count`` client connections, waiting up to ``timeout``
        seconds for it (it returns as soon as the count is reached)."""
        with self._connections_changed:
            return self._connections_changed.wait_for(
                lambda: self.open_connections == count, timeout
            )

    def _record(self, entry: dict[str, Any]) -> int:
        with self._lock:
            self.requests.append(entry)
            self._counter += 1
            return self._counter

    def _pop(self) -> _Reply | None:
        with self._lock:
            return self._queue.pop(0) if self._queue else None

    def _push(self, reply: _Reply) -> None:
        with self._lock:
            self._queue.append(reply)

    # -- scripting -----------------------------------------------------------------------------
    def reply_tool_call(
        self,
        arguments: dict[str, Any] | str,
        *,
        name: str | None = None,
        finish_reason: str = "tool_calls",
        usage: dict[str, Any] | None = None,
    ) -> None:
        args = arguments if isinstance(arguments, str) else _dumps(arguments)

        def reply(request: dict[str, Any], raw: bytes, n: int) -> _Response:
            message = _tool_call_message(request, n, name, args)
            return _completion(request, raw, n, message, finish_reason, args, usage)

        self._push(reply)

    def reply_content(
        self,
        content: str | dict[str, Any],
        *,
        finish_reason: str = "stop",
        usage: dict[str, Any] | None = None,
    ) -> None:
        text = content if isinstance(content, str) else _dumps(content)

        def reply(request: dict[str, Any], raw: bytes, n: int) -> _Response:
            message = {"content": text, "refusal": None}
            return _completion(request, raw, n, message, finish_reason, text, usage)

        self._push(reply)

    def reply_answer(
        self,
        answer: dict[str, Any],
        *,
        name: str | None = None,
        finish_reason: str | None = None,
        usage: dict[str, Any] | None = None,
    ) -> None:
        """A tool call if the request offers ``tools``, else JSON content (decided per request)."""
        text = _dumps(answer)

        def reply(request: dict[str, Any], raw: bytes, n: int) -> _Response:
            if request.get("tools"):
                message = _tool_call_message(request, n, name, text)
                finish = finish_reason or "tool_calls"
            else:
                message = {"content": text, "refusal": None}
                finish = finish_reason or "stop"
            return _completion(request, raw, n, message, finish, text, usage)

        self._push(reply)

    def reply_with(self, answer_for: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
        """An answer computed from the request (for example from the article it carries), sent the
        way ``reply_answer`` sends it."""

        def reply(request: dict[str, Any], raw: bytes, n: int) -> _Response:
            text = _dumps(answer_for(request))
            if request.get("tools"):
                message = _tool_call_message(request, n, None, text)
                return _completion(request, raw, n, message, "tool_calls", text, None)
            message = {"content": text, "refusal": None}
            return _completion(request, raw, n, message, "stop", text, None)

        self._push(reply)

    def reply_refusal(self, text: str = "I can't help with that.") -> None:
        def reply(request: dict[str, Any], raw: bytes, n: int) -> _Response:
            message = {"content": None, "refusal": text}
            return _completion(request, raw, n, message, "stop", text)

        self._push(reply)

    def reply_no_choices(self) -> None:
        def reply(request: dict[str, Any], raw: bytes, n: int) -> _Response:
            status, extra, body, ctype = _completion(request, raw, n, {}, "stop", "")
            data = json.loads(body)
            data["choices"] = []
            return status, extra, _dumps(data).encode(), ctype

        self._push(reply)

    def reply_raw(
        self,
        body: bytes | str,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        content_type: str = "application/json",
    ) -> None:
        data = body.encode() if isinstance(body, str) else body
        self._push(lambda request, raw, n: (status, dict(headers or {}), data, content_type))

    def fail(
        self,
        status: int,
        *,
        headers: dict[str, str] | None = None,
        message: str = "scripted failure",
        error_type: str | None = None,
        code: str | None = None,
    ) -> None:
        etype = error_type or _DEFAULT_ERROR_TYPES.get(status, "server_error")
        data = _error_body(message, etype, code)
        self._push(lambda request, raw, n: (status, dict(headers or {}), data, "application/json"))

    def hang(self, seconds: float) -> None:
        """Sleep ``seconds`` (aborting early on stop()), then send an empty valid completion."""

        def reply(request: dict[str, Any], raw: bytes, n: int) -> _Response:
            self._stopping.wait(seconds)
            return _completion(request, raw, n, {"content": "", "refusal": None}, "stop", "")

        self._push(reply)

    def drop_connection(self) -> None:
        """Read the request, then close the socket without sending any response."""
        self._push(lambda request, raw, n: None)


@contextlib.contextmanager
def running_server() -> Iterator[ScriptedServer]:
    """Start a :class:`ScriptedServer`, yield it, and always stop it."""
    server = ScriptedServer().start()
    try:
        yield server
    finally:
        server.stop()
