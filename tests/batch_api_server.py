"""A scripted OpenAI Files and Batches API on 127.0.0.1, for the provider batch job tests.

``POST /v1/files`` (multipart, purpose ``batch``) stores a file; ``POST /v1/batches`` makes a batch
over one; each ``GET /v1/batches/{id}`` moves it one step: ``validating`` -> ``in_progress`` -> its
end (``completed`` by default; ``expired`` or ``failed`` when scripted). When it completes, every
request line is answered by ``answer(body)`` (a chat completion, or a ``(status, message)`` pair
for a per-request error), successes in the output file and errors in the error file, as OpenAI
does. ``GET /v1/files/{id}/content`` serves files; ``POST /v1/batches/{id}/cancel`` cancels;
``GET /v1/batches`` lists batches with their metadata. Counters say what was done.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = dict[str, Any] | tuple[int, str]


def completion(
    answer: dict[str, Any], request: dict[str, Any], *, finish: str = "tool_calls"
) -> dict[str, Any]:
    """A chat.completion body answering ``request`` with ``answer`` as a tool call."""
    arguments = json.dumps(answer, ensure_ascii=False)
    name = request["tools"][0]["function"]["name"]
    return {
        "id": "chatcmpl-batch",
        "object": "chat.completion",
        "created": 1700000000,
        "model": request.get("model", "m"),
        "choices": [
            {
                "index": 0,
                "finish_reason": finish,
                "message": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": name, "arguments": arguments},
                        }
                    ],
                },
            }
        ],
        "usage": {"prompt_tokens": 2000, "completion_tokens": 500, "total_tokens": 2500},
    }


class BatchAPI:
    def __init__(self, answer: Callable[[dict[str, Any]], Reply]) -> None:
        self.answer = answer
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.uploads = 0
        self.created = 0
        self.cancelled = 0
        # Scripted ends for the next batches created: "completed", "expired", "failed".
        self.ends: list[str] = []
        # An expired batch answers this many of its requests before it expires.
        self.expire_after = 0
        self.lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> BatchAPI:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:
                owner._dispatch(self, "GET")

            def do_POST(self) -> None:
                owner._dispatch(self, "POST")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    # -- requests --------------------------------------------------------------------------------

    def _dispatch(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        length = int(handler.headers.get("content-length") or 0)
        raw = handler.rfile.read(length) if length else b""
        path, _, query = handler.path.partition("?")
        with self.lock:
            status, body, kind = self._route(method, path.rstrip("/"), raw, handler.headers)
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("content-type", kind)
        handler.send_header("content-length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _route(self, method: str, path: str, raw: bytes, headers: Any) -> tuple[int, Any, str]:
        json_type = "application/json"
        parts = path.split("/")
        if method == "POST" and path == "/v1/files":
            content, purpose = _multipart(raw, headers.get("content-type", ""))
            if purpose != "batch":
                return 400, {"error": {"message": "purpose must be batch"}}, json_type
            self.uploads += 1
            file_id = f"file-{len(self.files) + 1}"
            self.files[file_id] = content
            return (
                200,
                {"id": file_id, "object": "file", "purpose": "batch", "bytes": len(content)},
                json_type,
            )
        if method == "GET" and len(parts) == 5 and parts[2] == "files" and parts[4] == "content":
            if parts[3] not in self.files:
                return 404, {"error": {"message": "no such file"}}, json_type
            return 200, self.files[parts[3]], "application/octet-stream"
        if method == "POST" and path == "/v1/batches":
            request = json.loads(raw)
            if (
                request.get("endpoint") != "/v1/chat/completions"
                or request.get("completion_window") != "24h"
            ):
                return 400, {"error": {"message": "bad batch"}}, json_type
            if request["input_file_id"] not in self.files:
                return 404, {"error": {"message": "no such input file"}}, json_type
            self.created += 1
            batch_id = f"batch_{len(self.batches) + 1}"
            lines = [
                json.loads(line)
                for line in self.files[request["input_file_id"]].splitlines()
                if line.strip()
            ]
            self.batches[batch_id] = {
                "id": batch_id,
                "object": "batch",
                "endpoint": request["endpoint"],
                "input_file_id": request["input_file_id"],
                "completion_window": "24h",
                "status": "validating",
                "metadata": request.get("metadata") or {},
                "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
                "output_file_id": None,
                "error_file_id": None,
                "_lines": lines,
                "_end": self.ends.pop(0) if self.ends else "completed",
            }
            return 200, _public(self.batches[batch_id]), json_type
        if method == "GET" and path == "/v1/batches":
            data = [_public(batch) for batch in self.batches.values()]
            return 200, {"object": "list", "data": data, "has_more": False}, json_type
        if len(parts) >= 4 and parts[2] == "batches" and parts[3] in self.batches:
            batch = self.batches[parts[3]]
            if method == "POST" and len(parts) == 5 and parts[4] == "cancel":
                self.cancelled += 1
                batch["status"] = "cancelling"
                return 200, _public(batch), json_type
            if method == "GET" and len(parts) == 4:
                self._advance(batch)
                return 200, _public(batch), json_type
        return 404, {"error": {"message": f"no route {method} {path}"}}, json_type

    def _advance(self, batch: dict[str, Any]) -> None:
        status = batch["status"]
        if status == "validating":
            batch["status"] = "in_progress"
        elif status == "cancelling":
            batch["status"] = "cancelled"
        elif status == "in_progress":
            end = batch["_end"]
            if end == "failed":
                batch["status"] = "failed"
                batch["errors"] = {
                    "data": [{"code": "invalid", "message": "the file could not be read"}]
                }
                return
            lines = batch["_lines"]
            if end == "expired":
                lines = lines[: self.expire_after]
            outputs, errors = [], []
            for line in lines:
                reply = self.answer(line["body"])
                if isinstance(reply, tuple):
                    code, message = reply
                    errors.append(
                        {
                            "id": f"r-{line['custom_id']}",
                            "custom_id": line["custom_id"],
                            "response": {
                                "status_code": code,
                                "body": {"error": {"message": message}},
                            },
                            "error": None,
                        }
                    )
                else:
                    outputs.append(
                        {
                            "id": f"r-{line['custom_id']}",
                            "custom_id": line["custom_id"],
                            "response": {"status_code": 200, "request_id": "req", "body": reply},
                            "error": None,
                        }
                    )
            for records, field in ((outputs, "output_file_id"), (errors, "error_file_id")):
                if records:
                    file_id = f"file-{len(self.files) + 1}"
                    self.files[file_id] = "".join(json.dumps(r) + "\n" for r in records).encode()
                    batch[field] = file_id
            batch["request_counts"] = {
                "total": len(batch["_lines"]),
                "completed": len(outputs),
                "failed": len(errors),
            }
            batch["status"] = end


def _public(batch: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in batch.items() if not key.startswith("_")}


def _multipart(raw: bytes, content_type: str) -> tuple[bytes, str | None]:
    """The file and the purpose of a multipart/form-data upload."""
    boundary = content_type.split("boundary=", 1)[1].strip('"').encode()
    content, purpose = b"", None
    for part in raw.split(b"--" + boundary):
        head, _, body = part.partition(b"\r\n\r\n")
        body = body[:-2] if body.endswith(b"\r\n") else body
        if b'name="purpose"' in head:
            purpose = body.decode()
        elif b'name="file"' in head:
            content = body
    return content, purpose
