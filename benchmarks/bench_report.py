"""The review site and the tables of a 10,000-article batch: time, memory, and how fast the index opens.

Synthetic but realistic results: every article is the reference article with a line of its own
appended ("Reporter N contributed to this report."), summarised by the faithful reference answer
(grounded by the library) plus that reporter as an actor, so the actor index holds 10,000 one-off
actors beside the ten shared ones. 1% of the records failed, 0.5% have a changed text and 0.5%
have no text among the inputs. Then, each in a fresh process:

1. ``summarizer report`` (``write_site``): wall time, articles per second, peak resident memory;
2. ``summarizer export`` (``write_tables``, CSV): wall time, peak resident memory;
3. when Debian's Chromium is installed: the index opened in it, time to its first rows and to all
   10,000 loaded.

    python benchmarks/bench_report.py [--articles 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from canned_answer import ARTICLE, reference_summary

ROOT = Path(__file__).resolve().parent.parent


def make_batch(directory: Path, articles: int) -> tuple[Path, Path]:
    """inputs.jsonl and results.jsonl for ``articles`` articles."""
    from summarizer import Actor

    base = reference_summary()
    inputs, results = directory / "inputs.jsonl", directory / "results.jsonl"
    with inputs.open("w", encoding="utf-8") as feed, results.open("w", encoding="utf-8") as out:
        for number in range(articles):
            article_id = f"article-{number:05d}"
            reporter = f"Reporter {number}"
            text = f"{ARTICLE}\n\n{reporter} contributed to this report."
            start = len(ARTICLE) + 2
            if number % 200 != 7:  # 0.5% have no text among the inputs
                changed = number % 200 == 3  # 0.5% were edited after the batch
                written = text + " (Updated.)" if changed else text
                feed.write(json.dumps({"id": article_id, "text": written}, ensure_ascii=False))
                feed.write("\n")
            if number % 100 == 5:  # 1% failed
                error = {"type": "ProviderError", "message": "rate limited (429) after 4 tries"}
                line = {"id": article_id, "status": "error", "error": error}
                out.write(json.dumps(line) + "\n")
                continue
            actor = Actor(
                name=reporter,
                kind="person",
                role="reporter",
                mentions=[reporter],
                mention_spans=[(start, start + len(reporter))],
            )
            meta = base.meta.model_copy(
                update={"article_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
            )
            summary = base.model_copy(update={"actors": [*base.actors, actor], "meta": meta})
            head = json.dumps({"id": article_id, "status": "ok"})[:-1]
            out.write(f'{head}, "summary": {summary.model_dump_json()}}}\n')
    return inputs, results


def _run(task: str, inputs: str, results: str, out: str, queue: Any) -> None:
    import resource

    started = time.perf_counter()
    if task == "site":
        from summarizer.report import write_site

        report = write_site(results, [inputs], out)
        detail = f"{report.drawn:,} pages, {report.actors:,} actors, {report.concerns:,} concerns"
    else:
        from summarizer.report import write_tables

        written = write_tables(results, out)
        detail = ", ".join(f"{name} {rows:,}" for name, rows in written.rows.items())
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put((elapsed, peak_kb / 1024, detail))


def measure(task: str, inputs: Path, results: Path, out: Path) -> tuple[float, float, str]:
    """Run one task in a fresh process: (seconds, peak RSS in MB, what it wrote)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_run, args=(task, str(inputs), str(results), str(out), queue))
    process.start()
    outcome: tuple[float, float, str] = queue.get()
    process.join()
    return outcome


def baseline_rss() -> float:
    """Peak RSS of a process that only imports what the tasks import."""
    code = (
        "import resource, summarizer.report, summarizer.batch_io;"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout) / 1024


def open_index(site: Path, articles: int) -> str | None:
    """Open the index in headless Chromium: ms to the first rows and to all rows loaded."""
    sys.path.insert(0, str(ROOT / "tests"))
    import browser

    if browser.missing() is not None:
        return None
    profile = Path(tempfile.mkdtemp(prefix="bench-chromium-"))
    driver = browser.start(profile)
    try:
        # When the first row appears, and when every data file has been read.
        driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument",
            {
                "source": "new MutationObserver(function (m, o) {"
                "  if (document.querySelector('tbody tr')) {"
                "    window.__firstRows = performance.now(); o.disconnect(); } })"
                ".observe(document, {childList: true, subtree: true});"
            },
        )
        driver.get((site / "index.html").as_uri())
        browser.wait_for(
            driver,
            lambda d: d.execute_script("return document.body.dataset.ready") == "articles",
            60,
        )
        timing = driver.execute_script(
            "return [window.__firstRows, performance.now(),"
            " document.querySelectorAll('tbody tr').length]"
        )
    finally:
        driver.quit()
        browser.remove_profile(profile)
    first, loaded, shown = timing
    return (
        f"index in Chromium: first rows after {first:.0f} ms, all {articles:,} loaded after "
        f"{loaded:.0f} ms; {shown} rows in the DOM"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--keep", type=Path, help="Write the batch and the site here and keep them."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-report-") as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        inputs, results = make_batch(work, args.articles)
        print(
            f"{args.articles:,} articles: inputs {inputs.stat().st_size / 1e6:.0f} MB, results "
            f"{results.stat().st_size / 1e6:.0f} MB (made in {time.perf_counter() - started:.1f} s)"
        )
        print(f"a process importing summarizer.report: peak RSS {baseline_rss():.0f} MB")
        seconds, peak, detail = measure("site", inputs, results, work / "site")
        size = sum(f.stat().st_size for f in (work / "site").rglob("*") if f.is_file()) / 1e6
        print(
            f"report: {seconds:.1f} s ({args.articles / seconds:,.0f} articles/s), peak RSS "
            f"{peak:.0f} MB; {detail}; site {size:.0f} MB"
        )
        seconds, peak, detail = measure("tables", inputs, results, work / "tables")
        print(f"export (csv): {seconds:.1f} s, peak RSS {peak:.0f} MB; rows: {detail}")
        opened = open_index(work / "site", args.articles)
        print(opened or "index in Chromium: skipped (no /usr/bin/chromium)")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
