"""The canned answer the benchmarks' local servers give: a faithful record of the reference article,
as a tool call when the request offers tools, else as JSON content."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "examples" / "ap-kim-russia-jets.txt").read_text(encoding="utf-8")
ANSWER = json.loads((ROOT / "tests" / "data" / "reference_answer.json").read_text(encoding="utf-8"))


def completion(request: dict[str, Any]) -> bytes:
    """A chat.completion body answering ``request`` with ``ANSWER``."""
    arguments = json.dumps(ANSWER, ensure_ascii=False)
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if request.get("tools"):
        name = request["tools"][0]["function"]["name"]
        message["tool_calls"] = [
            {"id": "call_1", "type": "function", "function": {"name": name, "arguments": arguments}}
        ]
        finish = "tool_calls"
    else:
        message["content"] = arguments
        finish = "stop"
    body = {
        "id": "chatcmpl-bench",
        "object": "chat.completion",
        "created": 1700000000,
        "model": request.get("model", "bench"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {"prompt_tokens": 2000, "completion_tokens": 600, "total_tokens": 2600},
    }
    return json.dumps(body).encode()


def grounded_summary(text: str, answer: dict[str, Any], **meta: Any) -> Any:
    """An answer as summarize() returns it: grounded in ``text`` (spans found by the library),
    with a realistic ``meta`` (a gpt-4o-mini run; override any field)."""
    import hashlib

    from summarizer import ArticleSummary, RunMeta, Usage
    from summarizer.grounding import NormalisedText, check_answer, grounded_records
    from summarizer.models import ExtractedSummary

    extracted = ExtractedSummary.model_validate(answer)
    actors, concerns, warnings = grounded_records(
        extracted, check_answer(NormalisedText(text), extracted)
    )
    fields: dict[str, Any] = {
        "model": "openai/gpt-4o-mini",
        "prompt_version": "summarize-v1",
        "attempts": 1,
        "usage": Usage(prompt_tokens=2000, completion_tokens=600),
        "cost_usd": 0.00066,
        "elapsed_s": 1.4,
        "article_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "warnings": warnings,
        **meta,
    }
    return ArticleSummary(
        headline=extracted.headline,
        summary=extracted.summary,
        key_points=extracted.key_points,
        actors=actors,
        stated_concerns=concerns,
        meta=RunMeta(**fields),
    )


def reference_summary() -> Any:
    """The reference article's summary from ``ANSWER``."""
    return grounded_summary(ARTICLE, ANSWER)


# A zero-latency server that spends as little CPU as it can: it answers every request with one
# canned completion (given on its standard input), whatever was asked.
FAST_SERVER = r"""
import asyncio, sys
BODY = sys.stdin.buffer.read()
HEAD = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % len(BODY)
async def handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await reader.readexactly(length)
            writer.write(HEAD + BODY)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()
async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", int(sys.argv[1]), backlog=1024)
    async with server:
        await server.serve_forever()
asyncio.run(main())
"""


def start_fast_server() -> tuple[subprocess.Popen[bytes], str]:
    """The fast server in a process of its own, and its base URL; terminate it when done."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = subprocess.Popen([sys.executable, "-c", FAST_SERVER, str(port)], stdin=subprocess.PIPE)
    assert server.stdin is not None
    server.stdin.write(completion({"tools": [{"function": {"name": "ArticleRecord"}}]}))
    server.stdin.close()
    time.sleep(1.0)
    return server, f"http://127.0.0.1:{port}/v1"
