"""Batch throughput and memory, measured through `summarizer batch` as a user runs it.

Against a local OpenAI-compatible server (in its own process) that answers the reference article
with a faithful answer:

1. **Throughput**: 120 articles, the server answering each request after 250 ms, ``--concurrency
   16``. Prints the wall time, the ideal (120 x 0.25 s / 16, plus the command's start-up, measured
   as a one-article run less its 250 ms), their ratio (target <= 1.3) and the peak number of
   requests in flight, counted by the server (target >= 12).
2. **Memory**: 10,000 articles streamed from a JSONL file (written to a temporary directory), the
   server answering at once. Prints the command's resident memory as the results file grows and
   its peak (target < 300 MB, and flat: about the same at 1,000 articles as at 10,000).

    python benchmarks/bench_batch.py [--articles 120] [--delay 0.25] [--concurrency 16]
                                     [--stream 10000]
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from canned_answer import ARTICLE
from canned_answer import completion as _completion


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # The default backlog of 5 drops the SYNs of a burst of new connections: a 1 s stall each.
    request_queue_size = 128
    delay = 0.0
    in_flight = 0
    peak = 0
    requests = 0
    gauge = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, delayed ACKs add 40 ms.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # /stats: what the server saw
        server = self.server
        with server.gauge:
            stats = {"peak": server.peak, "requests": server.requests}
            server.peak = server.requests = 0
        self._send(json.dumps(stats).encode())

    def do_POST(self) -> None:
        server = self.server
        length = int(self.headers.get("content-length", 0))
        request = json.loads(self.rfile.read(length))
        with server.gauge:
            server.in_flight += 1
            server.requests += 1
            server.peak = max(server.peak, server.in_flight)
        try:
            time.sleep(server.delay)
            body = _completion(request)
        finally:
            with server.gauge:
                server.in_flight -= 1
        self._send(body)


def _serve(port_queue: Any, delay: float) -> None:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.delay = delay
    port_queue.put(server.server_address[1])
    server.serve_forever()


def _start_server(delay: float) -> tuple[multiprocessing.Process, str]:
    ports: Any = multiprocessing.Queue()
    process = multiprocessing.Process(target=_serve, args=(ports, delay), daemon=True)
    process.start()
    return process, f"http://127.0.0.1:{ports.get(timeout=10)}/v1"


def _stats(base_url: str) -> dict[str, int]:
    with urllib.request.urlopen(base_url.removesuffix("/v1") + "/stats", timeout=10) as answer:
        return dict(json.loads(answer.read()))


def _write_feed(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as feed:
        for number in range(count):
            # Each article differs (its own first line), so none is a repeat of another.
            text = f"Dispatch {number}.\n\n{ARTICLE}"
            feed.write(json.dumps({"id": f"a{number}", "text": text}) + "\n")


def _batch_command(feed: Path, out: Path, base_url: str, concurrency: int) -> list[str]:
    return [
        *(sys.executable, "-m", "summarizer", "batch", str(feed), "--out", str(out)),
        *("--model", "vllm/bench", "--base-url", base_url, "--no-cache"),
        *("--concurrency", str(concurrency)),
    ]


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"batch failed ({done.returncode}): {done.stderr}")
    return elapsed, done.stderr.strip().splitlines()[-1]


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def throughput(
    work: Path, env: dict[str, str], count: int, delay: float, slots: int, rounds: int
) -> None:
    server, base_url = _start_server(delay)
    one, feed = work / "one.jsonl", work / "throughput.jsonl"
    _write_feed(one, 1)
    _write_feed(feed, count)
    singles: list[float] = []
    walls: list[float] = []
    peaks: list[int] = []
    try:
        _timed(_batch_command(one, work / "warm.jsonl", base_url, slots), env)  # warm disk caches
        # Interleaved, fresh results files each time; medians, as start-up times are noisy.
        for number in range(rounds):
            single, _ = _timed(_batch_command(one, work / f"one-{number}.jsonl", base_url, 1), env)
            singles.append(single)
            _stats(base_url)
            out = work / f"throughput-{number}.jsonl"
            wall, closing = _timed(_batch_command(feed, out, base_url, slots), env)
            walls.append(wall)
            peaks.append(_stats(base_url)["peak"])
        warm = _in_process(base_url, count, slots)
    finally:
        server.terminate()
    start_up = max(statistics.median(singles) - delay, 0.0)
    wall = statistics.median(walls)
    ideal = count * delay / slots + start_up
    print(f"throughput: {count} articles, server delay {delay * 1000:.0f} ms, concurrency {slots}")
    print(f"  {closing}")
    print(f"  wall time          {wall:6.2f} s  (median of {rounds}: {_seconds(walls)})")
    print(
        f"  ideal              {ideal:6.2f} s  ({count} x {delay} s / {slots} = "
        f"{count * delay / slots:.3f} s, plus start-up {start_up:.2f} s: a one-article run, "
        f"median of {_seconds(singles)}, less {delay} s)"
    )
    print(f"  ratio              {wall / ideal:6.2f}    (target <= 1.30)")
    print(f"  peak in flight     {min(peaks):6d}    (target >= 12; lowest of {rounds} runs)")
    bare = count * delay / slots
    alone = _scheduler_alone(count, delay, slots)
    print(
        f"  in one process, clients warm: {warm:.2f} s for {count} articles, "
        f"{warm / bare:.2f}x the bare {bare:.3f} s (the CPU of each call adds up on one loop)"
    )
    print(
        f"  the scheduler alone (a stand-in that sleeps {delay} s): {alone:.2f} s, "
        f"{alone / bare:.2f}x (whole waves: {math.ceil(count / slots) * delay:.2f} s)"
    )


def _scheduler_alone(count: int, delay: float, slots: int) -> float:
    """``asummarize_many`` over a stand-in summarizer that only waits: the batch machinery's share."""
    import asyncio

    from summarizer import Summarizer, asummarize_many

    texts = [f"Dispatch {n}. Critics warned it was unsafe." for n in range(count)]
    summary = Summarizer(model="offline").summarize(texts[0])

    class Waiting:
        async def asummarize(self, article: str) -> Any:
            await asyncio.sleep(delay)
            return summary

    standin = Waiting()

    async def run() -> float:
        started = time.perf_counter()
        async for _ in asummarize_many(texts, summarizer=standin, concurrency=slots):  # type: ignore[arg-type]
            pass
        return time.perf_counter() - started

    return asyncio.run(run())


def _in_process(base_url: str, count: int, slots: int) -> float:
    """``asummarize_many`` alone: no process start, no imports, connections already open."""
    import asyncio

    from summarizer import Summarizer, asummarize_many

    summarizer = Summarizer("vllm/bench", base_url=base_url, api_key="bench")
    feed = [(str(n), f"Dispatch {n}.\n\n{ARTICLE}") for n in range(count + 2 * slots)]

    async def run(articles: list[tuple[str, str]]) -> float:
        started = time.perf_counter()
        async for result in asummarize_many(articles, summarizer=summarizer, concurrency=slots):
            if not result.ok:
                raise SystemExit(f"article {result.id} failed: {result.error}")
        return time.perf_counter() - started

    async def warm_then_time() -> float:
        await run(feed[: 2 * slots])
        return await run(feed[2 * slots :])

    return asyncio.run(warm_then_time())


def _seconds(samples: list[float]) -> str:
    return ", ".join(f"{sample:.2f}" for sample in samples)


def memory(work: Path, env: dict[str, str], count: int, slots: int) -> None:
    server, base_url = _start_server(0.0)
    feed, out = work / "stream.jsonl", work / "stream-out.jsonl"
    _write_feed(feed, count)
    print(f"memory: {count} articles streamed from {feed.stat().st_size / 1e6:.0f} MB of JSONL")
    try:
        started = time.perf_counter()
        process = subprocess.Popen(
            _batch_command(feed, out, base_url, slots),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        samples: list[tuple[int, float]] = []
        next_mark = sorted({count * share // 10 for share in range(1, 11)})
        lines = _LineCounter(out)
        while process.poll() is None:
            rss = _rss_mb(process.pid)
            done = lines.count()
            if rss is not None and next_mark and done >= next_mark[0]:
                samples.append((done, rss))
                next_mark = [mark for mark in next_mark if mark > done]
            time.sleep(0.2)
        _, stderr = process.communicate()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
    if process.returncode != 0:
        raise SystemExit(f"batch failed ({process.returncode}): {stderr}")
    peak = _peak_rss_mb_of_children()
    print(f"  {stderr.strip().splitlines()[-1]}")
    for done, rss in samples:
        print(f"  RSS at {done:>6} articles: {rss:6.1f} MB")
    print(f"  peak RSS           {peak:6.1f} MB  (target < 300 MB)")
    print(f"  wall time          {elapsed:6.1f} s  ({count / elapsed:.0f} articles/s)")
    print(f"  results            {_count_lines(out)} lines, {out.stat().st_size / 1e6:.0f} MB")


class _LineCounter:
    """Lines in a growing file, reading only what was added since the last look."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset, self.lines = path, 0, 0

    def count(self) -> int:
        if self.path.exists():
            with self.path.open("rb") as file:
                file.seek(self.offset)
                added = file.read()
            self.offset += len(added)
            self.lines += added.count(b"\n")
        return self.lines


def _count_lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as file:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 20), b""))


def _peak_rss_mb_of_children() -> float:
    import resource

    # ru_maxrss of waited-for children: the batch process is the largest child run so far.
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--delay", type=float, default=0.25)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="runs of the throughput test")
    parser.add_argument("--stream", type=int, default=10_000, help="0 to skip the memory run")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(work / "cache")}
        throughput(work, env, args.articles, args.delay, args.concurrency, args.rounds)
        if args.stream:
            memory(work, env, args.stream, args.concurrency)


if __name__ == "__main__":
    main()
