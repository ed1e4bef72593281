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
