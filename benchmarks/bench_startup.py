"""Start-up: the wall time of ``summarizer summarize --model openai/gpt-4o-mini`` against a local
server (target: under 2 s), beside what any tool built on the same libraries pays.

Each figure is the median of ``--runs`` fresh processes, interleaved:

* ``python -c pass``: the interpreter alone;
* ``import openai, instructor handlers``: the libraries a model call needs, imported and nothing
  else (the floor for any openai + instructor tool);
* ``summarizer summarize`` on the reference article, the answer from a zero-latency local server;
* ``summarizer summarize --model offline``;
* ``summarizer --help``.

    python benchmarks/bench_startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from canned_answer import start_fast_server

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "ap-kim-russia-jets.txt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    server, url = start_fast_server()
    python = sys.executable
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "OPENAI_API_KEY": "sk-bench", "SUMMARIZER_CACHE_DIR": cache}
        commands = {
            "python -c pass": [python, "-c", "pass"],
            "import openai, instructor handlers": [
                python,
                "-c",
                "from instructor.v2.core.registry import mode_registry; "
                "from instructor import Mode, Provider; "
                "mode_registry.get_handlers(Provider.OPENAI, Mode.TOOLS)",
            ],
            "summarizer summarize (openai/gpt-4o-mini)": [
                python,
                "-m",
                "summarizer",
                "summarize",
                str(ARTICLE),
                "--model",
                "openai/gpt-4o-mini",
                "--base-url",
                url,
                "--no-cache",
                "--quiet",
            ],
            "summarizer summarize --model offline": [
                python,
                "-m",
                "summarizer",
                "summarize",
                str(ARTICLE),
                "--model",
                "offline",
            ],
            "summarizer --help": [python, "-m", "summarizer", "--help"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                started = time.perf_counter()
                done = subprocess.run(command, capture_output=True, env=env)
                times[name].append(time.perf_counter() - started)
                if done.returncode != 0:
                    raise SystemExit(f"{name} failed: {done.stderr.decode()[-300:]}")
    server.terminate()
    floor = statistics.median(times["import openai, instructor handlers"])
    print(f"median of {args.runs} runs each")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"  {name:<42} {median:5.2f} s  ({median / floor:.2f}x the libraries' import)")
    print("target: summarizer summarize (openai/gpt-4o-mini) under 2 s")


if __name__ == "__main__":
    main()
