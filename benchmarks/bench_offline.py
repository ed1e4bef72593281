"""Speed and memory of the offline engine on 1x, 10x and 600x the reference article.

Each size runs in a fresh process (so that each peak resident memory is its own), after one
warm-up call that loads the lexicon as a long-running process would have. It prints, per size,
the article's size, the time per article (the best of a few runs for the small sizes), articles
per second, megabytes per second, the process's peak resident memory (``resource.getrusage``)
and the longest time between two checkpoint calls (what ``--deadline`` and Ctrl-C wait for at
most). The targets: 600x (about 4 MB) in under 10 s, and checkpoints under 1 s apart.

    python benchmarks/bench_offline.py [--sizes 1 10 600] [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "ap-kim-russia-jets.txt"
TARGET_SIZE = 600
TARGET_SECONDS = 10.0
# The longest wait for a checkpoint: a deadline or Ctrl-C stops the engine within it.
TARGET_GAP = 1.0


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _stamper(calls: list[float]) -> Callable[[], None]:
    """A checkpoint that notes when it is called."""

    def checkpoint() -> None:
        calls.append(time.perf_counter())

    return checkpoint


def measure(size: int, runs: int) -> dict[str, float]:
    """One size, in this process: the best time of ``runs`` runs and the peak memory."""
    from summarizer.offline import analyse

    reference = REFERENCE.read_text(encoding="utf-8")
    article = "\n\n".join([reference] * size)
    analyse(reference)
    best = float("inf")
    gap = 0.0
    for _ in range(runs):
        calls: list[float] = []
        started = time.perf_counter()
        analyse(article, checkpoint=_stamper(calls))
        ended = time.perf_counter()
        best = min(best, ended - started)
        marks = [started, *calls, ended]
        gap = max(gap, max(b - a for a, b in zip(marks, marks[1:], strict=False)))
    megabytes = len(article.encode("utf-8")) / 1e6
    return {
        "size": size,
        "mb": megabytes,
        "seconds": best,
        "articles_per_s": 1 / best,
        "mb_per_s": megabytes / best,
        "peak_mb": peak_mb(),
        "max_gap_s": gap,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, TARGET_SIZE])
    parser.add_argument("--runs", type=int, default=20, help="runs of the 1x size (fewer above)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure(args.child, args.runs)))
        return 0
    print(
        f"{'size':>5} {'MB':>7} {'s/article':>10} {'articles/s':>11} {'MB/s':>7} {'peak MB':>8} "
        f"{'max gap s':>10}"
    )
    ok = True
    for size in args.sizes:
        runs = max(1, args.runs // size) if size > 1 else args.runs
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--runs", str(runs)],
            check=True,
            capture_output=True,
            text=True,
        )
        row = json.loads(child.stdout)
        print(
            f"{size:>4}x {row['mb']:7.2f} {row['seconds']:10.3f} {row['articles_per_s']:11.1f} "
            f"{row['mb_per_s']:7.2f} {row['peak_mb']:8.0f} {row['max_gap_s']:10.3f}"
        )
        if size == TARGET_SIZE and row["seconds"] >= TARGET_SECONDS:
            ok = False
        if row["max_gap_s"] >= TARGET_GAP:
            ok = False
    print(
        f"targets: {TARGET_SIZE}x in under {TARGET_SECONDS:.0f} s, checkpoints under "
        f"{TARGET_GAP:.0f} s apart: " + ("met" if ok else "NOT met")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
