"""The canned answer the benchmarks' local servers give: a faithful record of the reference article,
as a tool call when the request offers tools, else as JSON content."""

from __future__ import annotations

import json
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
