"""Batch runs, as a user runs them: `summarizer batch` and `summarize_many` against a local server.

The server here is the scripted server with a reply for every request once its queue is empty
(computed from the article in the request), an optional answer delay, and a count of the requests
in flight. Every synthetic article contains the sentence the scripted answer quotes, so every
answer is grounded.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import (
    ArticleSummary,
    BatchTotals,
    ConfigurationError,
    InputError,
    Summarizer,
    asummarize_many,
    summarize_many,
)
from summarizer.pacing import RequestPacer

from cli_runner import run_cli
from conftest import ROOT
from scripted_server import ScriptedServer


@pytest.fixture(autouse=True)
def _builtin_prices_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own price file must not change the figures these tests expect."""
    monkeypatch.delenv("SUMMARIZER_PRICES", raising=False)


SENTENCE = "Mayor Jane Doe warned that the old bridge was unsafe."
ANSWER = {
    "headline": "Mayor warns the old bridge is unsafe",
    "summary": "The mayor warned that the old bridge was unsafe. Repairs are planned.",
    "key_points": ["The old bridge is unsafe"],
    "actors": [{"name": "Jane Doe", "kind": "person", "role": "Mayor", "mentions": ["Jane Doe"]}],
    "stated_concerns": [
        {
            "holder": "Jane Doe",
            "kind": "warning",
            "concern": "The bridge is unsafe",
            "quote": "the old bridge was unsafe",
        }
    ],
}
USAGE = {"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200}


def article(number: int, extra: str = "") -> str:
    return f"Report {number} from the city desk. {SENTENCE} Repairs start next year. {extra}"


Response = tuple[int, dict[str, str], bytes, str]


def answer(request: dict[str, Any], n: int) -> Response:
    """A completion with the faithful answer: a tool call when tools are offered, else content."""
    text = json.dumps(ANSWER)
    message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": None}
    if request.get("tools"):
        name = request["tools"][0]["function"]["name"]
        call = {
            "id": f"call_{n}",
            "type": "function",
            "function": {"name": name, "arguments": text},
        }
        message["tool_calls"] = [call]
        finish = "tool_calls"
    else:
        message["content"], finish = text, "stop"
    body = {
        "id": f"chatcmpl-{n}",
        "object": "chat.completion",
        "created": 1700000000,
        "model": request.get("model", "scripted-model"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": USAGE,
    }
    return 200, {}, json.dumps(body).encode(), "application/json"


def prose(request: dict[str, Any], n: int) -> Response:
    """A completion that talks instead of answering: no tool call, no JSON."""
    message = {"role": "assistant", "content": "Here is my summary of the report.", "refusal": None}
    body = {
        "id": f"chatcmpl-{n}",
        "object": "chat.completion",
        "created": 1700000000,
        "model": request.get("model", "scripted-model"),
        "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
        "usage": USAGE,
    }
    return 200, {}, json.dumps(body).encode(), "application/json"


def failure(status: int, headers: dict[str, str] | None = None) -> Response:
    body = {"error": {"message": f"scripted {status}", "type": "server_error", "code": None}}
    return status, dict(headers or {}), json.dumps(body).encode(), "application/json"


def article_of(request: dict[str, Any]) -> str:
    return str(request.get("messages", [{}])[-1].get("content", ""))


# How long a held request waits at most before it is answered anyway (a test that forgets to
# release it then fails on its assertions, not by hanging).
HOLD_LIMIT = 10.0


class BatchServer(ScriptedServer):
    """The scripted server with a default reply (``respond``), requests in flight, and two gates
    instead of a delay: ``batch_of(n)`` answers requests only in groups of ``n`` arriving
    together, and ``hold_after(n)`` answers the first ``n`` requests and holds the others until
    ``release()`` (or the next test's ``reset()``)."""

    def __init__(self) -> None:
        super().__init__()
        self.respond: Callable[[dict[str, Any], int], Response] = answer
        self.in_flight = 0
        self.peak = 0
        self._gauge = threading.Lock()
        self._barrier: threading.Barrier | None = None
        self._answered_freely: int | None = None
        self._released = threading.Event()
        self._answered = 0

    def reset(self) -> None:
        super().reset()
        self.release()
        self.respond, self.in_flight, self.peak = answer, 0, 0
        self._barrier, self._answered_freely, self._answered = None, None, 0
        self._released = threading.Event()

    def batch_of(self, size: int) -> None:
        self._barrier = threading.Barrier(size, timeout=HOLD_LIMIT)

    def hold_after(self, count: int) -> None:
        self._answered_freely = count

    def release(self) -> None:
        self._released.set()
        if self._barrier is not None:
            self._barrier.abort()

    def _pop(self) -> Any:
        return super()._pop() or self._default

    def _default(self, request: dict[str, Any], raw: bytes, n: int) -> Response:
        with self._gauge:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
            self._answered += 1
            held = self._answered_freely is not None and self._answered > self._answered_freely
            barrier, released = self._barrier, self._released
        try:
            if barrier is not None:
                with contextlib.suppress(threading.BrokenBarrierError):
                    barrier.wait()
            if held:
                released.wait(HOLD_LIMIT)
            return self.respond(request, n)
        finally:
            with self._gauge:
                self.in_flight -= 1

    def articles_asked(self) -> list[str]:
        return [article_of(entry["json"]) for entry in self.requests if entry["json"]]


@pytest.fixture(scope="module")
def _batch_server() -> Iterator[BatchServer]:
    server = BatchServer().start()
    yield server
    server.stop()


@pytest.fixture
def server(_batch_server: BatchServer) -> BatchServer:
    _batch_server.reset()
    return _batch_server


@pytest.fixture
def llm_args(server: BatchServer) -> list[str]:
    return ["--model", "vllm/scripted-model", "--base-url", server.base_url, "--timeout", "5"]


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def assert_one_ok_line_per_id(path: Path, ids: set[str]) -> list[dict[str, Any]]:
    records = lines_of(path)
    assert sorted(r["id"] for r in records) == sorted(ids)
    assert all(r["status"] == "ok" for r in records)
    for record in records:
        ArticleSummary.model_validate(record["summary"])
    return records


# -- the command line -------------------------------------------------------------------------


def test_a_directory_of_text_files_gives_one_line_per_file(
    tmp_path: Path, server: BatchServer, llm_args: list[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number, name in enumerate(["first.txt", "second.md", "third.txt"]):
        (folder / name).write_text(article(number), encoding="utf-8")
    (folder / "notes.csv").write_text("not an article", encoding="utf-8")
    out = tmp_path / "results.jsonl"

    result = run_cli("batch", str(folder), "--out", str(out), *llm_args)

    assert result.exit_code == 0, result.stderr
    records = assert_one_ok_line_per_id(out, {"first", "second", "third"})
    summary = ArticleSummary.model_validate(records[0]["summary"])
    assert summary.stated_concerns[0].quote == "the old bridge was unsafe"
    assert summary.meta.usage.prompt_tokens == 1000
    assert len(server.requests) == 3
    closing = result.stderr.strip().splitlines()[-1]
    assert "3 ok, 0 failed, 0 already done" in closing
    assert "3,600 tokens" in closing and "estimated cost $0.0000" in closing


def test_a_jsonl_file_keeps_ids_and_titles(
    tmp_path: Path, server: BatchServer, llm_args: list[str]
) -> None:
    source = write_jsonl(
        tmp_path / "feed.jsonl",
        [
            {"id": "a-1", "text": article(1), "title": "Bridge"},
            {"id": 7, "text": article(2)},
        ],
    )
    out = tmp_path / "results.jsonl"

    result = run_cli("batch", str(source), "--out", str(out), *llm_args)

    assert result.exit_code == 0, result.stderr
    records = {r["id"]: r for r in assert_one_ok_line_per_id(out, {"a-1", "7"})}
    assert records["a-1"]["title"] == "Bridge" and "title" not in records["7"]
    # The title is for the reader: the model sees the text alone, so spans refer to it.
    assert all("Bridge" not in asked for asked in server.articles_asked())


def test_jsonl_on_standard_input(tmp_path: Path, server: BatchServer, llm_args: list[str]) -> None:
    feed = "".join(json.dumps({"id": f"s{i}", "text": article(i)}) + "\n" for i in range(4))
    out = tmp_path / "results.jsonl"

    result = run_cli("batch", "-", "--out", str(out), *llm_args, input=feed)

    assert result.exit_code == 0, result.stderr
    assert_one_ok_line_per_id(out, {"s0", "s1", "s2", "s3"})


def test_failed_articles_are_retried_on_the_next_run(
    tmp_path: Path, server: BatchServer, llm_args: list[str]
) -> None:
    records = [{"id": f"n{i}", "text": article(i, "FLAKY" if i % 3 == 0 else "")} for i in range(9)]
    source = write_jsonl(tmp_path / "feed.jsonl", records)
    out = tmp_path / "results.jsonl"

    def flaky(request: dict[str, Any], n: int) -> Response:
        # 400 is not retried by the transport: these articles fail on this run.
        return failure(400) if "FLAKY" in article_of(request) else answer(request, n)

    server.respond = flaky
    first = run_cli("batch", str(source), "--out", str(out), *llm_args)

    assert first.exit_code == 1
    assert "3 of 9 articles failed" in first.stderr and "Run the same command again" in first.stderr
    assert "Traceback" not in first.stderr
    by_id = {r["id"]: r for r in lines_of(out)}
    assert by_id["n0"]["status"] == "error"
    assert by_id["n0"]["error"]["type"] == "ProviderError"
    assert "400" in by_id["n0"]["error"]["message"]
    assert by_id["n1"]["status"] == "ok"

    server.reset()
    second = run_cli("batch", str(source), "--out", str(out), *llm_args)

    assert second.exit_code == 0, second.stderr
    assert len(server.requests) == 3 and all("FLAKY" in a for a in server.articles_asked())
    assert "3 ok, 0 failed, 6 already done" in second.stderr
    # Compacted at the end of the run: exactly one final line per id.
    assert_one_ok_line_per_id(out, {f"n{i}" for i in range(9)})


def test_an_interrupted_run_resumes_where_it_stopped(tmp_path: Path, server: BatchServer) -> None:
    ids = {f"i{i}" for i in range(12)}
    source = write_jsonl(
        tmp_path / "feed.jsonl", [{"id": f"i{i}", "text": article(i)} for i in range(12)]
    )
    out = tmp_path / "results.jsonl"
    server.hold_after(3)  # the run is under way, and stays so, when Ctrl-C comes
    args = [
        *("batch", str(source), "--out", str(out), "--concurrency", "2", "--timeout", "5"),
        *("--model", "vllm/scripted-model", "--base-url", server.base_url),
    ]
    process = subprocess.Popen(
        [sys.executable, "-m", "summarizer", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Poll the other process's output until the three answered articles are in it; no timing is
    # relied on (the held requests keep the run going however long this takes).
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if out.exists() and len(out.read_text(encoding="utf-8").splitlines()) >= 3:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)  # Ctrl-C
    _, stderr = process.communicate(timeout=30)

    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    kept = lines_of(out)
    assert 3 <= len(kept) < 12 and all(r["status"] == "ok" for r in kept)
    # A crash (not a Ctrl-C) may leave half a line: the next run must not trip on it.
    with out.open("a", encoding="utf-8") as file:
        file.write('{"id": "i11", "status": "ok", "summ')

    server.reset()
    resumed = run_cli("batch", *args[1:])

    assert resumed.exit_code == 0, resumed.stderr
    # Every article not kept is summarised again: by the model, or from the cache when the
    # interrupted run had its answer but was stopped before writing its line.
    kept_ids = {record["id"] for record in kept}
    redone = [record for record in lines_of(out)[len(kept) :] if record.get("id") not in kept_ids]
    from_cache = sum(bool(record["summary"]["meta"]["cached"]) for record in redone)
    assert len(server.requests) + from_cache == 12 - len(kept)
    assert f"{len(kept)} already done" in resumed.stderr
    assert_one_ok_line_per_id(out, ids)


def test_a_cache_hit_makes_no_request(
    tmp_path: Path, server: BatchServer, llm_args: list[str]
) -> None:
    source = write_jsonl(
        tmp_path / "feed.jsonl", [{"id": f"c{i}", "text": article(i)} for i in range(3)]
    )
    first = run_cli("batch", str(source), "--out", str(tmp_path / "one.jsonl"), *llm_args)
    assert first.exit_code == 0 and len(server.requests) == 3

    server.reset()
    again = run_cli("batch", str(source), "--out", str(tmp_path / "two.jsonl"), *llm_args)

    assert again.exit_code == 0, again.stderr
    assert server.requests == []
    records = assert_one_ok_line_per_id(tmp_path / "two.jsonl", {"c0", "c1", "c2"})
    meta = ArticleSummary.model_validate(records[0]["summary"]).meta
    assert meta.cached and meta.usage.total_tokens == 0 and meta.cost_usd == 0.0
    assert "3 ok (3 from the cache)" in again.stderr and " 0 tokens" in again.stderr

    uncached = run_cli(
        "batch", str(source), "--out", str(tmp_path / "three.jsonl"), *llm_args, "--no-cache"
    )
    assert uncached.exit_code == 0 and len(server.requests) == 3


def test_a_429_storm_with_retry_after_slows_the_batch_but_fails_nothing(
    slept: list[float], tmp_path: Path, server: BatchServer, llm_args: list[str]
) -> None:
    source = write_jsonl(
        tmp_path / "feed.jsonl", [{"id": f"r{i}", "text": article(i)} for i in range(6)]
    )
    refused: dict[str, int] = {}
    lock = threading.Lock()

    def storm(request: dict[str, Any], n: int) -> Response:
        # Every article is refused twice before it is served: 12 of the 18 requests are 429s.
        text = article_of(request)
        with lock:
            refused[text] = refused.get(text, 0) + 1
            limited = refused[text] <= 2
        return failure(429, {"Retry-After": "1"}) if limited else answer(request, n)

    server.respond = storm
    result = run_cli("batch", str(source), "--out", str(tmp_path / "out.jsonl"), *llm_args)

    assert result.exit_code == 0, result.stderr
    assert_one_ok_line_per_id(tmp_path / "out.jsonl", {f"r{i}" for i in range(6)})
    assert len(server.requests) == 18
    assert slept == [1.0] * 12  # every 429 waited the Retry-After second, as the server asked


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"id": "a", "text": "x"}\n{"id": "b", "text": \n', "line 2: not valid JSON"),
        ('{"id": "a"}\n', 'line 1: "text" must be a string'),
        ('["a", "b"]\n', "line 1: expected an object"),
        ('{"id": "a", "text": "x"}\n\n{"id": "a", "text": "y"}\n', "the id 'a' appears twice"),
    ],
)
def test_bad_jsonl_is_exit_2_before_any_request(
    tmp_path: Path, server: BatchServer, llm_args: list[str], content: str, expected: str
) -> None:
    source = tmp_path / "feed.jsonl"
    source.write_text(content, encoding="utf-8")

    result = run_cli("batch", str(source), "--out", str(tmp_path / "out.jsonl"), *llm_args)

    assert result.exit_code == 2
    assert expected in result.stderr and str(source) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert server.requests == []


def test_a_bad_line_on_standard_input_stops_after_the_work_in_flight(
    tmp_path: Path, server: BatchServer, llm_args: list[str]
) -> None:
    feed = json.dumps({"id": "good", "text": article(1)}) + "\nnot json\n"
    out = tmp_path / "out.jsonl"

    result = run_cli("batch", "-", "--out", str(out), *llm_args, input=feed)

    assert result.exit_code == 2
    assert "standard input line 2: not valid JSON" in result.stderr
    assert [r["id"] for r in lines_of(out)] == ["good"]


def test_missing_inputs_and_output_directories_are_usage_errors(tmp_path: Path) -> None:
    missing = run_cli("batch", str(tmp_path / "nope"), "--out", str(tmp_path / "o.jsonl"))
    assert missing.exit_code == 2 and "no such file or directory" in missing.stderr

    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run_cli("batch", str(empty), "--out", str(tmp_path / "o.jsonl"))
    assert nothing.exit_code == 2 and "no .txt or .md files" in nothing.stderr

    nowhere = run_cli("batch", str(empty), "--out", str(tmp_path / "no" / "o.jsonl"))
    assert nowhere.exit_code == 2 and "no such directory" in nowhere.stderr


def test_an_unreadable_file_fails_alone(
    tmp_path: Path, server: BatchServer, llm_args: list[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(article(1), encoding="utf-8")
    (folder / "blank.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / "out.jsonl"

    result = run_cli("batch", str(folder), "--out", str(out), *llm_args)

    assert result.exit_code == 1
    by_id = {r["id"]: r for r in lines_of(out)}
    assert by_id["good"]["status"] == "ok"
    assert by_id["blank"]["error"] == {
        "type": "InputError",
        "message": f"{folder}/blank.txt is empty",
    }
    assert "1 of 2 articles failed; the first, blank" in result.stderr


def test_the_closing_line_estimates_the_cost_of_a_priced_model(
    tmp_path: Path, server: BatchServer
) -> None:
    source = write_jsonl(
        tmp_path / "feed.jsonl", [{"id": f"p{i}", "text": article(i)} for i in range(2)]
    )
    args = ["--model", "openai/gpt-4o-mini", "--base-url", server.base_url, "--quiet"]

    quiet = run_cli("batch", str(source), "--out", str(tmp_path / "out.jsonl"), *args)
    assert quiet.exit_code == 0 and quiet.stderr == ""
    meta = ArticleSummary.model_validate(lines_of(tmp_path / "out.jsonl")[0]["summary"]).meta
    # 1000 prompt tokens at $0.15 and 200 completion tokens at $0.60 per million.
    assert meta.cost_usd == pytest.approx(0.00027)

    loud = run_cli(
        "batch", str(source), "--out", str(tmp_path / "b.jsonl"), *args[:-1], "--no-cache"
    )
    assert "estimated cost $0.0005" in loud.stderr

    unknown = run_cli(
        "batch",
        str(source),
        *("--out", str(tmp_path / "c.jsonl"), "--model", "acme/m", "--base-url", server.base_url),
    )
    assert "cost unknown (no price for acme/m" in unknown.stderr


def test_the_progress_bar_shows_on_a_terminal(
    tmp_path: Path, server: BatchServer, llm_args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("summarizer.cli._stderr_is_terminal", lambda: True)
    source = write_jsonl(
        tmp_path / "feed.jsonl", [{"id": f"g{i}", "text": article(i)} for i in range(3)]
    )

    result = run_cli("batch", str(source), "--out", str(tmp_path / "out.jsonl"), *llm_args)

    assert result.exit_code == 0
    assert "articles" in result.stderr and "3/3" in result.stderr and "tokens" in result.stderr


class VirtualClock:
    """A clock that stands still while the pacer's sleeps are only written down: each request's
    wait is measured from the same moment, so the waits show the slots reserved, one interval
    apart, and nothing waits for real."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []

    def time(self) -> float:
        return 0.0

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        await asyncio.sleep(0)  # let the other requests take their turn, as a real wait would


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> VirtualClock:
    """Batches in this process pace their requests on a virtual clock."""
    virtual = VirtualClock()

    def pacer(per_minute: float) -> RequestPacer:
        return RequestPacer(per_minute, clock=virtual.time, sleep=virtual.sleep)

    monkeypatch.setattr("summarizer.batch.RequestPacer", pacer)
    return virtual


def test_the_pacer_spaces_requests_one_interval_apart() -> None:
    virtual = VirtualClock()
    pacer = RequestPacer(300, clock=virtual.time, sleep=virtual.sleep)  # one every 0.2 s

    async def four() -> None:
        await asyncio.gather(*(pacer.wait() for _ in range(4)))

    asyncio.run(four())

    # The first goes at once; the others reserved their slots 0.2 s apart before waiting.
    assert sorted(virtual.sleeps) == pytest.approx([0.2, 0.4, 0.6])


def test_rpm_spaces_the_starts(
    tmp_path: Path, server: BatchServer, llm_args: list[str], clock: VirtualClock
) -> None:
    source = write_jsonl(
        tmp_path / "feed.jsonl", [{"id": f"q{i}", "text": article(i)} for i in range(4)]
    )
    result = run_cli(
        "batch", str(source), "--out", str(tmp_path / "o.jsonl"), *llm_args, "--rpm", "300"
    )
    assert result.exit_code == 0
    assert len(server.requests) == 4
    # 300 a minute: one start every 0.2 s.
    assert sorted(clock.sleeps) == pytest.approx([0.2, 0.4, 0.6])


def test_rpm_paces_every_request_re_asks_included(server: BatchServer, clock: VirtualClock) -> None:
    answered = 0

    def twice_prose(request: dict[str, Any], n: int) -> Response:
        nonlocal answered
        answered += 1
        # Prose instead of the record is re-asked at once, unless something paces the requests.
        return prose(request, n) if answered <= 2 else answer(request, n)

    server.respond = twice_prose
    options = {"model": "vllm/scripted-model", "base_url": server.base_url, "api_key": "t"}
    results = list(summarize_many([article(0)], rpm=300, **options))  # a request every 0.2 s

    assert results[0].summary is not None and results[0].summary.meta.attempts == 3
    # The two re-asks waited for their slots, 0.2 s and 0.4 s after the first request.
    assert clock.sleeps == pytest.approx([0.2, 0.4])


# -- the Python API ---------------------------------------------------------------------------


def test_summarize_many_streams_its_input_and_bounds_the_requests_in_flight(
    server: BatchServer,
) -> None:
    server.batch_of(4)  # answered only four at a time: the bound is reached, and held
    pulled = 0

    def feed() -> Iterator[tuple[str, str]]:
        nonlocal pulled
        for number in range(20):
            pulled += 1
            yield f"x{number}", article(number)

    results = summarize_many(
        feed(),
        concurrency=4,
        model="vllm/scripted-model",
        base_url=server.base_url,
        api_key="test",
    )
    first = next(results)
    assert pulled <= 4  # nothing read beyond the slots in use
    rest = list(results)

    assert first.ok and len(rest) == 19 and all(r.ok for r in rest)
    assert sorted(r.id for r in [first, *rest]) == sorted(f"x{n}" for n in range(20))
    assert server.peak == 4


def test_asummarize_many_yields_errors_per_article_and_totals_add_up(server: BatchServer) -> None:
    def broken(request: dict[str, Any], n: int) -> Response:
        return failure(400) if "BROKEN" in article_of(request) else answer(request, n)

    server.respond = broken
    texts = [article(0), article(1, "BROKEN"), "   ", article(2)]

    async def collect() -> list[Any]:
        summarizer = Summarizer("vllm/scripted-model", base_url=server.base_url, api_key="t")
        return [r async for r in asummarize_many(texts, summarizer=summarizer, concurrency=2)]

    results = asyncio.run(collect())

    by_id = {r.id: r for r in results}
    assert set(by_id) == {"0", "1", "2", "3"}
    assert by_id["0"].ok and by_id["3"].ok and by_id["0"].summary is not None
    assert type(by_id["1"].error).__name__ == "ProviderError"
    assert isinstance(by_id["2"].error, InputError)
    totals = BatchTotals()
    for result in results:
        totals.add(result)
    assert (totals.ok, totals.failed, totals.usage.total_tokens) == (2, 2, 2400)
    assert totals.cost_usd == 0.0  # a local vLLM server


def test_stopping_early_cancels_the_work_in_flight(server: BatchServer) -> None:
    server.hold_after(1)  # one answer; the rest stay in flight until close() cancels them
    results = summarize_many(
        (article(n) for n in range(50)),
        concurrency=3,
        model="vllm/scripted-model",
        base_url=server.base_url,
        api_key="test",
    )
    assert next(results).ok
    results.close()  # type: ignore[attr-defined]  # returns once the work in flight is cancelled
    assert [result.ok for result in summarize_many([], model="offline")] == []  # the loop runs on
    # Nothing more went out than could be in flight when close() was called: the answered request
    # and the three held ones, with the runner's lookahead, 6 at most (a runner that went on after
    # close() would send the rest of the 50). The count is a bound, not a snapshot taken at
    # close(): a request sent just before it may reach the server's log a moment later.
    assert len(server.requests) <= 6


def test_summarize_many_with_the_offline_engine_and_bad_options() -> None:
    results = list(summarize_many(["Critics warned the plan was unsafe."], model="offline"))
    assert results[0].ok and results[0].summary is not None
    with pytest.raises(ConfigurationError):
        summarize_many([], concurrency=0)
    with pytest.raises(ConfigurationError):
        summarize_many([], summarizer=Summarizer(model="offline"), model="offline")


def test_the_sync_api_works_inside_a_running_event_loop(server: BatchServer) -> None:
    async def inside() -> int:
        texts = [article(n) for n in range(3)]
        found = summarize_many(
            texts, model="vllm/scripted-model", base_url=server.base_url, api_key="t"
        )
        return sum(result.ok for result in found)

    assert asyncio.run(inside()) == 3


def test_a_sync_call_with_a_deadline_inside_summarize_many_is_refused_not_hung(
    server: BatchServer,
) -> None:
    options = {"base_url": server.base_url, "api_key": "t", "deadline": 5.0}
    blocking = Summarizer("vllm/scripted-model", **options)

    def feed() -> Iterator[str]:
        # The input is read on summarize_many's own event loop: blocking it would never end.
        blocking.summarize(article(0))
        yield article(1)

    with pytest.raises(ConfigurationError, match="use asummarize"):
        list(summarize_many(feed(), model="offline"))


# -- two runs on one results file -------------------------------------------------------------


def test_a_second_run_during_compaction_is_refused_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer import batch_io

    first = write_jsonl(
        tmp_path / "first.jsonl", [{"id": f"a{i}", "text": article(i)} for i in range(3)]
    )
    second = write_jsonl(
        tmp_path / "second.jsonl", [{"id": f"b{i}", "text": article(i)} for i in range(3)]
    )
    out = tmp_path / "out.jsonl"
    # A stale line for a0, so that the first run's compaction has something to rewrite.
    write_jsonl(out, [{"id": "a0", "status": "error", "error": {"type": "X", "message": "old"}}])
    real_replace = batch_io.os.replace
    during: list[Any] = []

    def replace_after_another_run(source: Any, target: Any) -> None:
        # The second run starts while the first is rewriting the file: just before the rename.
        if not during:
            during.append(None)
            during[0] = run_cli("batch", str(second), "--out", str(out), "--model", "offline")
        real_replace(source, target)

    monkeypatch.setattr(batch_io.os, "replace", replace_after_another_run)
    result = run_cli("batch", str(first), "--out", str(out), "--model", "offline")

    assert result.exit_code == 0, result.stderr
    (other,) = during
    ids = {record["id"] for record in lines_of(out)}
    # Either the second run was refused, or its records are in the file: never "ok" and gone.
    assert other.exit_code == 2, other.stderr
    assert "another batch run is writing" in other.stderr
    assert ids == {"a0", "a1", "a2"}


def test_a_writer_that_opened_the_file_before_it_was_replaced_writes_into_the_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer import batch_io
    from summarizer.batch import BatchResult
    from summarizer.errors import InputError as Problem

    out = tmp_path / "out.jsonl"
    earlier = batch_io.ResultsFile(str(out))
    with earlier:
        for number in range(3):
            earlier.write(BatchResult("a", error=Problem(f"attempt {number}")))
    real_lock = batch_io._lock
    compacted: list[bool] = []

    def lock_after_a_compaction(handle: Any, path: Path) -> None:
        # The later writer has opened the file; before it takes the lock, the file is compacted
        # (rewritten and renamed over the old one) by another ResultsFile.
        if not compacted:
            compacted.append(False)
            compacted[0] = batch_io.ResultsFile(str(out)).compact()
        real_lock(handle, path)

    monkeypatch.setattr(batch_io, "_lock", lock_after_a_compaction)
    later = batch_io.ResultsFile(str(out))
    with later:
        later.write(BatchResult("b", error=Problem("kept")))

    assert compacted == [True]
    assert [(r["id"], r["error"]["message"]) for r in lines_of(out)] == [
        ("a", "attempt 2"),
        ("b", "kept"),
    ]


# -- text that is not valid Unicode -----------------------------------------------------------


def test_a_lone_surrogate_fails_its_own_article_and_the_batch_goes_on(tmp_path: Path) -> None:
    long_text = article(0, "Filler sentence. " * 5000) + "\ud800"
    records = [{"id": "\ud800", "text": article(0)}, {"id": "bad-text", "text": long_text}]
    records += [{"id": f"ok{n}", "text": article(n)} for n in range(19)]
    source = write_jsonl(tmp_path / "feed.jsonl", records)  # json.dumps writes \ud800 escaped
    out = tmp_path / "out.jsonl"

    result = run_cli("batch", str(source), "--out", str(out), "--model", "offline")

    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    assert "2 of 21 articles failed" in result.stderr
    assert "19 ok, 2 failed" in result.stderr  # the closing line
    assert len(result.stderr) < 1000
    by_id = {record["id"]: record for record in lines_of(out)}
    assert len(by_id) == 21
    assert sum(record["status"] == "ok" for record in by_id.values()) == 19
    for bad in (by_id["\\ud800"], by_id["bad-text"]):
        assert bad["error"]["type"] == "InputError"
        assert "surrogate" in bad["error"]["message"] and len(bad["error"]["message"]) < 200


# -- encodings and sizes ----------------------------------------------------------------------


def test_batch_takes_an_encoding_for_its_text_files(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "latin.txt").write_bytes(f"Le maire José a parlé. {SENTENCE}".encode("cp1252"))
    out = tmp_path / "out.jsonl"

    without = run_cli("batch", str(folder), "--out", str(out), "--model", "offline")

    assert without.exit_code == 1
    (record,) = lines_of(out)
    assert record["status"] == "error" and "--encoding" in record["error"]["message"]

    again = run_cli(
        "batch", str(folder), "--out", str(out), "--model", "offline", "--encoding", "cp1252"
    )

    assert again.exit_code == 0, again.stderr
    (record,) = lines_of(out)
    assert record["status"] == "ok"
    assert "Le maire José a parlé." in record["summary"]["key_points"]


def test_batch_refuses_articles_over_the_size_limit_one_by_one(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "long.txt").write_text(article(0, "More. " * 100), encoding="utf-8")
    (folder / "short.txt").write_text(article(1), encoding="utf-8")
    feed = write_jsonl(
        tmp_path / "feed.jsonl",
        [{"id": "big", "text": article(2, "More. " * 100)}, {"id": "small", "text": article(3)}],
    )
    out = tmp_path / "out.jsonl"

    result = run_cli(
        *("batch", str(folder), str(feed), "--out", str(out)),
        *("--model", "offline", "--max-input-bytes", "200"),
    )

    assert result.exit_code == 1
    by_id = {record["id"]: record for record in lines_of(out)}
    assert by_id["short"]["status"] == "ok" and by_id["small"]["status"] == "ok"
    for refused in ("long", "big"):
        assert by_id[refused]["error"]["type"] == "InputError"
        assert "larger than the limit of 200 bytes" in by_id[refused]["error"]["message"]
    assert f"{feed} line 1" in by_id["big"]["error"]["message"]


def test_worker_processes_share_the_work_the_cache_and_the_resume(
    tmp_path: Path, server: BatchServer, llm_args: list[str]
) -> None:
    source = write_jsonl(
        tmp_path / "feed.jsonl", [{"id": f"w{i}", "text": article(i)} for i in range(12)]
    )
    out = tmp_path / "out.jsonl"
    # A run that stopped after six: the rest is done by two worker processes.
    from summarizer import batch_io

    with batch_io.ResultsFile(str(out)) as results:
        for result in summarize_many(
            [(f"w{i}", article(i)) for i in range(6)],
            model="vllm/scripted-model",
            base_url=server.base_url,
            api_key="k",
        ):
            results.write(result)
    server.reset()

    done = run_cli("batch", str(source), "--out", str(out), *llm_args, "--workers", "2", "-c", "4")

    assert done.exit_code == 0, done.stderr
    assert_one_ok_line_per_id(out, {f"w{i}" for i in range(12)})
    assert len(server.requests) == 6 and "6 ok" in done.stderr and "6 already done" in done.stderr
    assert server.peak <= 4
    # The worker processes stored their answers in the shared cache: another run asks nothing.
    server.reset()
    again = run_cli(
        "batch", str(source), "--out", str(tmp_path / "again.jsonl"), *llm_args, "--workers", "2"
    )
    assert again.exit_code == 0 and "(6 from the cache)" in again.stderr
    assert len(server.requests) == 6  # the six the first run did in this process were not cached


def test_summarize_many_over_worker_processes_yields_every_result_and_errors_per_article(
    server: BatchServer,
) -> None:
    items: list[tuple[str, object]] = [(f"p{i}", article(i)) for i in range(8)]
    items.append(("bad", "   "))

    results = {
        result.id: result
        for result in summarize_many(
            items,
            workers=2,
            concurrency=4,
            model="vllm/scripted-model",
            base_url=server.base_url,
            api_key="k",
        )
    }

    assert sorted(results) == sorted(i for i, _ in items)
    assert all(results[f"p{i}"].ok for i in range(8))
    error = results["bad"].error
    assert isinstance(error, InputError) and "empty" in str(error)
