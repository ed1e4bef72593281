"""Speed and memory of the offline engine on news articles of about 800 words, on one core.

Runs ``summarizer.offline.analyse`` over a corpus of ~800-word articles (the reference article cut
to its first 800 words, and gold-set articles padded to about 800 words by repeating their body),
and prints the median time per article, articles per second and the peak resident memory of the
process (``resource.getrusage``). Targets: at least 20 articles/s, peak memory under 150 MB.

    python benchmarks/bench_offline.py [--rounds 30]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

from summarizer.offline import analyse

ROOT = Path(__file__).resolve().parent.parent
WORDS = 800
TARGET_PER_SECOND = 20.0
TARGET_PEAK_MB = 150.0


def _about(text: str, words: int) -> str:
    """The article cut or padded, by whole paragraphs, to about ``words`` words."""
    title, _, body = text.partition("\n\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip()] or [text]
    out: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            out.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return title + "\n\n" + "\n\n".join(out)


def corpus() -> list[str]:
    paths = [ROOT / "examples" / "ap-kim-russia-jets.txt", *sorted((ROOT / "gold").glob("*.txt"))]
    seen: set[str] = set()
    texts = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if text in seen:
            continue
        seen.add(text)
        texts.append(_about(text, WORDS))
    return texts


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args(argv)
    texts = corpus()
    analyse(texts[0])  # load the lexicon once, as a long-running process would
    timings: list[float] = []
    started = time.perf_counter()
    for _ in range(args.rounds):
        for text in texts:
            t0 = time.perf_counter()
            analyse(text)
            timings.append(time.perf_counter() - t0)
    total = time.perf_counter() - started
    words = statistics.mean(len(t.split()) for t in texts)
    median = statistics.median(timings)
    rate = len(timings) / total
    peak = peak_mb()
    print(f"articles: {len(texts)} x {args.rounds} rounds, {words:.0f} words on average")
    print(f"median per article: {median * 1000:.1f} ms")
    print(f"p95 per article:    {sorted(timings)[int(len(timings) * 0.95)] * 1000:.1f} ms")
    print(f"articles per second: {rate:.1f} (target >= {TARGET_PER_SECOND:.0f})")
    print(f"peak RSS: {peak:.1f} MB (target < {TARGET_PEAK_MB:.0f})")
    ok = rate >= TARGET_PER_SECOND and peak < TARGET_PEAK_MB
    print("targets: " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
