"""What summarizer adds to a model call, measured against a zero-latency local server.

In one process, against one local OpenAI-compatible server (in a process of its own) that answers
at once with a faithful answer for the reference article, this times, interleaved round by round,
the wall time and the client CPU time (this process's, every thread) of:

* a bare ``openai`` chat-completion call (same messages, same tool);
* a plain instructor call with the same response model, no grounding;
* ``Summarizer.summarize()``: prompt rendering, grounding, spans and bookkeeping included.

It prints medians, the ratio of ``summarize()``'s client CPU to the bare openai call's (target: at
most 2x) and to the plain instructor call's, then grounding alone on the article and on a ten-fold
longer one (target: linear).

    python benchmarks/bench_core.py [--rounds 300]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from canned_answer import ANSWER, ARTICLE
from canned_answer import completion as _completion


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, delayed ACKs add 40 ms.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length", 0))
        request = json.loads(self.rfile.read(length))
        body = _completion(request)
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(port_queue: Any) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port_queue.put(server.server_address[1])
    server.serve_forever()


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()

    import instructor
    import openai

    from summarizer import Summarizer
    from summarizer.article import Article
    from summarizer.grounding import check_answer
    from summarizer.models import ExtractedSummary
    from summarizer.prompts import render_messages

    ports: Any = multiprocessing.Queue()
    server = multiprocessing.Process(target=_serve, args=(ports,), daemon=True)
    server.start()
    base_url = f"http://127.0.0.1:{ports.get(timeout=10)}/v1"

    bare = openai.OpenAI(base_url=base_url, api_key="bench", max_retries=0)
    plain = instructor.from_openai(
        openai.OpenAI(base_url=base_url, api_key="bench", max_retries=0),
        mode=instructor.Mode.TOOLS,
    )
    ours = Summarizer(model="vllm/bench", base_url=base_url, api_key="bench")
    messages = render_messages(ARTICLE)
    tool = {
        "type": "function",
        "function": {
            "name": "ExtractedSummary",
            "description": "summary",
            "parameters": ExtractedSummary.model_json_schema(),
        },
    }

    def call_bare() -> None:
        bare.chat.completions.create(
            model="bench",
            messages=messages,
            tools=[tool],  # type: ignore[arg-type, list-item]
            tool_choice={"type": "function", "function": {"name": "ExtractedSummary"}},
        )

    def call_instructor() -> None:
        plain.chat.completions.create(
            model="bench",
            response_model=ExtractedSummary,
            messages=render_messages(ARTICLE),
            max_retries=0,
        )

    def call_summarize() -> None:
        ours.summarize(ARTICLE)

    runs = {"openai": call_bare, "instructor": call_instructor, "summarize": call_summarize}
    for call in runs.values():  # warm up connections and caches
        for _ in range(10):
            call()
    times: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, call in runs.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            call()
            cpu[name].append(time.process_time() - started_cpu)
            times[name].append(time.perf_counter() - started)

    print(f"rounds: {args.rounds}, article: {len(ARTICLE)} characters")
    for name in runs:
        print(
            f"  {name:<11} wall median {_median_ms(times[name]):6.2f} ms, "
            f"client CPU median {_median_ms(cpu[name]):6.2f} ms"
        )
    cpu_ratio = statistics.median(cpu["summarize"]) / statistics.median(cpu["openai"])
    print(f"summarize / bare openai, client CPU: {cpu_ratio:.2f}x (target <= 2.00)")
    ratio = statistics.median(cpu["summarize"]) / statistics.median(cpu["instructor"])
    print(f"summarize / plain instructor, client CPU: {ratio:.2f}x")

    answer = ExtractedSummary.model_validate(ANSWER)
    for factor in (1, 10):
        text = ARTICLE * factor
        samples = []
        for _ in range(50):
            started = time.perf_counter()
            check_answer(Article(text), answer)
            samples.append(time.perf_counter() - started)
        print(
            f"grounding, {factor:>2}x article ({len(text)} chars): median {_median_ms(samples):.3f} ms"
        )
    server.terminate()


if __name__ == "__main__":
    main()
