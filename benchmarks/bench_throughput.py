"""Batch throughput against a zero-latency local server: how many articles a second the client
side sustains (target: at least 150 on a 2-core machine).

The server (a process of its own) answers every request at once with a canned faithful answer
for the reference article, spending as little CPU as it can. In one process, this times:

* a baseline: the same requests posted with a bare httpx client, 16 at a time (what any client
  pays for the wire, without prompts, parsing, validation or grounding);
* ``summarize_many`` with one process (``workers=1``) and with two (``workers=2``), 16 articles in
  flight;
* ``summarizer batch`` as a user runs it, with ``--workers 1`` and ``--workers 2``.

Each article differs from the others (a numbered line at its end), so nothing is cached. It
prints articles/s, the median of ``--repeat`` runs, and the ratio to the baseline.

    python benchmarks/bench_throughput.py [--articles 3000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from canned_answer import ARTICLE, start_fast_server


def _articles(count: int) -> list[tuple[str, str]]:
    return [(f"a{n}", f"{ARTICLE}\n\nReport {n}.") for n in range(count)]


async def _baseline(url: str, count: int) -> float:
    import httpx2

    from summarizer.prompts import render_messages

    body = json.dumps({"model": "bench", "messages": render_messages(ARTICLE)}).encode()
    slots = asyncio.Semaphore(16)
    async with httpx2.AsyncClient(base_url=url, timeout=30) as client:

        async def one() -> None:
            async with slots:
                reply = await client.post(
                    "/chat/completions", content=body, headers={"content-type": "application/json"}
                )
                reply.json()

        started = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(count)))
        return count / (time.perf_counter() - started)


def _library(url: str, count: int, workers: int) -> float:
    from summarizer import summarize_many

    started = time.perf_counter()
    results = list(
        summarize_many(
            _articles(count),
            concurrency=16,
            workers=workers,
            model="vllm/bench",
            base_url=url,
            api_key="bench",
        )
    )
    elapsed = time.perf_counter() - started
    if not all(result.ok for result in results):
        raise SystemExit(f"{sum(not r.ok for r in results)} articles failed")
    return count / elapsed


def _cli(url: str, count: int, workers: int, folder: Path) -> float:
    feed = folder / "feed.jsonl"
    if not feed.exists():
        feed.write_text(
            "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in _articles(count))
        )
    out = folder / "out.jsonl"
    out.unlink(missing_ok=True)
    command = [
        sys.executable,
        "-m",
        "summarizer",
        "batch",
        str(feed),
        "--out",
        str(out),
        "--model",
        "vllm/bench",
        "--base-url",
        url,
        "--concurrency",
        "16",
        "--no-cache",
        "--quiet",
        "--workers",
        str(workers),
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ})
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    server, url = start_fast_server()
    figures: dict[str, list[float]] = {}
    try:
        _library(url, 100, 1)  # warm up
        with tempfile.TemporaryDirectory() as scratch:
            for _ in range(args.repeat):
                figures.setdefault("baseline (bare httpx)", []).append(
                    asyncio.run(_baseline(url, args.articles))
                )
                for workers in (1, 2):
                    figures.setdefault(f"summarize_many, workers={workers}", []).append(
                        _library(url, args.articles, workers)
                    )
                for workers in (1, 2):
                    figures.setdefault(f"summarizer batch --workers {workers}", []).append(
                        _cli(url, args.articles, workers, Path(scratch))
                    )
    finally:
        server.terminate()
    baseline = statistics.median(figures["baseline (bare httpx)"])
    print(f"{args.articles} articles, 16 in flight, median of {args.repeat} runs")
    for name, samples in figures.items():
        rate = statistics.median(samples)
        print(f"  {name:<32} {rate:7.1f} articles/s  ({rate / baseline:.2f}x the baseline)")
    print("target: summarize_many and summarizer batch >= 150 articles/s")


if __name__ == "__main__":
    main()
