"""The README's screenshots: the review page of the reference article and the index of a batch.

The page is the reference answer's summary (grounded by the library), a mention pointed at; the
batch is the ten gold articles, with their annotations as the summaries, plus a failed record
and one whose text changed. Both are shot in Debian's headless Chromium.

    python benchmarks/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from canned_answer import ARTICLE, grounded_summary, reference_summary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402


def gold_batch(directory: Path) -> tuple[Path, Path]:
    inputs, results = directory / "gold.jsonl", directory / "results.jsonl"
    with inputs.open("w", encoding="utf-8") as feed, results.open("w", encoding="utf-8") as out:
        for text_path in sorted((ROOT / "gold").glob("*.txt")):
            text = text_path.read_text(encoding="utf-8")
            answer = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
            summary = grounded_summary(text, answer)
            if text_path.stem == "voa-veteran-sleep-app":
                text += "\nThis story has been updated."  # edited after the batch ran
            feed.write(json.dumps({"id": text_path.stem, "text": text}) + "\n")
            head = json.dumps({"id": text_path.stem, "status": "ok"})[:-1]
            out.write(f'{head}, "summary": {summary.model_dump_json()}}}\n')
        error = {
            "type": "ProviderError",
            "message": "rate limited (429) after 4 tries: retry later",
        }
        out.write(json.dumps({"id": "voa-late-wire", "status": "error", "error": error}) + "\n")
    return inputs, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    reason = browser.missing()
    if reason is not None:
        sys.exit(f"screenshots: {reason}")
    from summarizer.report import render_html, write_site

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as scratch:
        work = Path(scratch)
        page = work / "page.html"
        summary = reference_summary()
        page.write_text(render_html(summary, ARTICLE), encoding="utf-8")
        inputs, results = gold_batch(work)
        write_site(results, [str(inputs)], work / "site")

        driver = browser.start(work / "profile", width=1360, height=1300)
        try:
            driver.get(page.as_uri())
            # A reader pointing at a mention: its tooltip names the actor.
            mention = driver.find_element("css selector", ".stack mark.m:not(.a0)")
            driver.execute_script(
                "arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));", mention
            )
            driver.save_screenshot(str(args.out / "review-page.png"))

            driver.set_window_size(1360, 1240)
            driver.get((work / "site" / "index.html").as_uri())
            browser.wait_for(
                driver,
                lambda d: d.execute_script("return document.body.dataset.ready") == "articles",
            )
            browser.click(driver, "th button[data-sort='concerns']")
            browser.click(driver, "th button[data-sort='concerns']")
            driver.save_screenshot(str(args.out / "batch-index.png"))
        finally:
            driver.quit()
    for name in ("review-page.png", "batch-index.png"):
        print(args.out / name)


if __name__ == "__main__":
    main()
