"""What a re-ask costs, against a clean call, on the reference article at gpt-4o-mini's list prices.

A local server plays an OpenAI model that caches prompt prefixes as OpenAI does (a prefix of 1,024
tokens or more, in steps of 128, shared with an earlier request, is billed at the cached price) and
reports usage by counting tokens (tiktoken's o200k encoding when installed, else four characters
a token). Three answers to the same article are priced through ``summarize()``'s own ``meta``:

* **clean**: a faithful answer, one call;
* **near miss**: one quote with a word changed; it is taken as the article's own words, with a
  warning, instead of a re-ask;
* **invented**: one quote the article does not contain; the re-ask asks only for that record,
  and the model answers with its correction.

For a baseline in the same run it also prices the re-ask as it used to be sent (the whole
conversation, the whole previous answer, and a whole new answer). Target: a re-ask costs at most
half of a clean call.

    python benchmarks/bench_reask.py
"""

from __future__ import annotations

import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from canned_answer import ANSWER, ARTICLE

from summarizer import Summarizer
from summarizer.pricing import price_for

try:
    import tiktoken

    _ENCODING: Any = tiktoken.get_encoding("o200k_base")
    COUNTING = "tiktoken o200k_base"
except Exception:  # noqa: BLE001 - not installed, or its data cannot be had offline
    _ENCODING = None
    COUNTING = "an estimate of four characters a token"

PRICE = price_for("openai/gpt-4o-mini")
CORRECTED_QUOTE = "Some analysts question how much Russia would be willing to share"


def tokens(text: str) -> list[int] | str:
    return _ENCODING.encode(text) if _ENCODING is not None else text


def count(text: str) -> int:
    return len(tokens(text)) if _ENCODING is not None else max(1, len(text) // 4)


def prompt_of(request: dict[str, Any]) -> str:
    """The prompt as the provider sees it: tools first, then the messages in order."""
    parts = [json.dumps(request.get("tools", []), sort_keys=True)]
    for message in request["messages"]:
        parts.append(f"<{message['role']}>{message.get('content') or ''}")
        parts.append(json.dumps(message.get("tool_calls", []), sort_keys=True))
    return "".join(parts)


class Provider:
    """Usage as OpenAI reports it, prefix caching included."""

    def __init__(self) -> None:
        self.seen: list[Any] = []
        self.lock = threading.Lock()

    def usage(self, request: dict[str, Any], answer: str) -> dict[str, Any]:
        prompt = tokens(prompt_of(request))
        size = len(prompt) if _ENCODING is not None else max(1, len(prompt) // 4)
        with self.lock:
            shared = max((_common(prompt, earlier) for earlier in self.seen), default=0)
            self.seen.append(prompt)
        if _ENCODING is None:
            shared //= 4
        cached = 0 if shared < 1024 else (shared // 128) * 128
        return {
            "prompt_tokens": size,
            "completion_tokens": count(answer),
            "total_tokens": size + count(answer),
            "prompt_tokens_details": {"cached_tokens": min(cached, size)},
        }


def _common(a: Any, b: Any) -> int:
    size = min(len(a), len(b))
    for index in range(size):
        if a[index] != b[index]:
            return index
    return size


def answer_for(scenario: str, request: dict[str, Any]) -> dict[str, Any]:
    reask = "not grounded in the article" in (request["messages"][-1].get("content") or "")
    answer = copy.deepcopy(ANSWER)
    if scenario == "near miss":
        answer["stated_concerns"][0]["quote"] = answer["stated_concerns"][0]["quote"].replace(
            "prospective", "possible"
        )
    elif scenario == "invented" and not reask:
        answer["stated_concerns"][5]["quote"] = "analysts doubt that Russia would share anything"
    elif scenario == "invented":
        # The correction only, as the re-ask asks.
        concern = {**ANSWER["stated_concerns"][5], "quote": CORRECTED_QUOTE}
        return {
            "headline": "Correction",
            "summary": "Corrected records only.",
            "key_points": ["correction"],
            "actors": [],
            "stated_concerns": [concern],
        }
    return answer


def serve(provider: Provider, scenario: list[str]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers["content-length"])))
            arguments = json.dumps(answer_for(scenario[0], request), ensure_ascii=False)
            name = request["tools"][0]["function"]["name"]
            call = {
                "id": "c",
                "type": "function",
                "function": {"name": name, "arguments": arguments},
            }
            body = json.dumps(
                {
                    "id": "x",
                    "object": "chat.completion",
                    "created": 0,
                    "model": request["model"],
                    "choices": [
                        {
                            "index": 0,
                            "finish_reason": "tool_calls",
                            "message": {"role": "assistant", "content": None, "tool_calls": [call]},
                        }
                    ],
                    "usage": provider.usage(request, arguments),
                }
            ).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def old_style_reask_cost(first: dict[str, Any], provider: Provider) -> float:
    """The re-ask as it used to be: the conversation, the whole previous answer, a whole new one."""
    from summarizer.prompts import render_messages

    previous = json.dumps(first, ensure_ascii=False)
    request = {
        "tools": [{"type": "function", "function": {"name": "ArticleRecord"}}],
        "messages": [
            *render_messages(ARTICLE),
            {"role": "assistant", "content": "", "tool_calls": [{"function": previous}]},
            {"role": "tool", "content": "Validation Error found: the quote ... does not occur"},
        ],
    }
    usage = provider.usage(request, json.dumps(ANSWER, ensure_ascii=False))
    from summarizer.models import Usage

    return PRICE.cost_usd(  # type: ignore[union-attr]
        Usage(
            prompt_tokens=usage["prompt_tokens"],
            completion_tokens=usage["completion_tokens"],
            cached_tokens=usage["prompt_tokens_details"]["cached_tokens"],
        )
    )


def main() -> None:
    provider = Provider()
    scenario = ["clean"]
    server = serve(provider, scenario)
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    summarizer = Summarizer("openai/gpt-4o-mini", base_url=url, api_key="bench")
    costs: dict[str, float] = {}
    # A first call warms the provider's cache of the unchanged prefix (system, tools, article),
    # as any earlier call of a batch would: every figure below is priced with it warm.
    cold = summarizer.summarize(ARTICLE).meta.cost_usd or 0.0
    print(f"clean, cold cache: ${cold:.6f}")
    for name in ("clean", "near miss", "invented"):
        scenario[0] = name
        summary = summarizer.summarize(ARTICLE)
        costs[name] = summary.meta.cost_usd or 0.0
        usage = summary.meta.usage
        print(
            f"{name:<10} attempts {summary.meta.attempts}  prompt {usage.prompt_tokens:>5} "
            f"(cached {usage.cached_tokens:>5})  completion {usage.completion_tokens:>5}  "
            f"${costs[name]:.6f}  warnings {len(summary.meta.warnings)}"
        )
    clean = costs["clean"]
    near = costs["near miss"] - clean
    invented = costs["invented"] - clean
    old = old_style_reask_cost(answer_for("invented", {"messages": [{"content": ""}]}), provider)
    print(f"tokens counted with {COUNTING}; prices: gpt-4o-mini list, cached prefix at half price")
    print(f"near miss: extra cost {near / clean:+.0%} of a clean call (no re-ask)")
    print(
        f"invented quote: the re-ask costs {invented / clean:.0%} of a clean call (target <= 50%)"
    )
    print(f"  the whole-answer re-ask, priced the same way: {old / clean:.0%} of a clean call")
    server.shutdown()


if __name__ == "__main__":
    main()
