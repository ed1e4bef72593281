"""``summarizer report RESULTS INPUT... --out DIR``: the review site of a batch, read from the files
it writes. How the index behaves in a browser is in test_report_browser.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.report import write_site

from cli_runner import run_cli
from review_helpers import (
    KIMS,
    PUTIN,
    WEATHER,
    PageReader,
    kims_summary,
    putin_summary,
    site_rows,
    weather_summary,
    write_results,
)


@pytest.fixture
def batch(tmp_path: Path) -> tuple[Path, Path]:
    """Inputs (a directory of .txt files) and a results file: three drawn, one failed, one whose
    text changed, one whose text is missing."""
    inputs = tmp_path / "articles"
    inputs.mkdir()
    for name, text in {"putin": PUTIN, "kims": KIMS, "weather": WEATHER}.items():
        (inputs / f"{name}.txt").write_text(text, encoding="utf-8")
    (inputs / "changed.txt").write_text(PUTIN + " Later edits.", encoding="utf-8")
    results = write_results(
        tmp_path / "results.jsonl",
        [
            ("putin", putin_summary()),
            ("kims", kims_summary()),
            ("weather", weather_summary()),
            ("failed", "rate limited (429) after 4 tries"),
            ("changed", putin_summary()),
            ("missing", putin_summary()),
        ],
    )
    return results, inputs


def test_report_writes_an_index_and_one_page_per_article_it_can_draw(
    batch: tuple[Path, Path], tmp_path: Path
) -> None:
    results, inputs = batch
    out = tmp_path / "site"

    result = run_cli("report", str(results), str(inputs), "--out", str(out))

    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(out / "index.html")
    assert "6 articles: 3 drawn, 1 failed, 2 not drawn" in result.stderr
    pages = sorted((out / "articles").iterdir())
    assert len(pages) == 3
    texts = {PUTIN, KIMS, WEATHER}
    for page in pages:
        dom = PageReader(page.read_text(encoding="utf-8"))
        assert dom.article in texts
        spans = dom.data["review-data"]["spans"]
        assert [dom.highlights[n] for n in range(len(spans))] == [
            [dom.article[s:e]] for s, e, *_ in spans
        ]
        # Pages of a site share their CSS and JS, and load them from the site only.
        assert dom.urls == ["../assets/page.css", "#article", "../index.html", "../assets/page.js"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "default-src 'none'; script-src 'self'" in index


def test_failed_missing_and_changed_articles_are_listed_with_why_and_not_drawn(
    batch: tuple[Path, Path], tmp_path: Path
) -> None:
    results, inputs = batch
    write_site(results, [str(inputs)], tmp_path / "site")

    rows = {row["id"]: row for row in site_rows(tmp_path / "site", "articles")}
    assert {key: row["status"] for key, row in rows.items()} == {
        "putin": "ok",
        "kims": "ok",
        "weather": "ok",
        "changed": "changed",
        "failed": "failed",
        "missing": "missing",
    }
    assert rows["failed"]["problem"] == "ProviderError: rate limited (429) after 4 tries"
    assert "changed since it was summarised" in rows["changed"]["problem"]
    assert rows["missing"]["problem"] == "its text is not among the inputs given"
    assert [row["page"] is not None for row in rows.values()] == [
        row["status"] == "ok" for row in rows.values()
    ]
    # Undrawn summaries still count: their actors and concerns are in the tables.
    assert rows["changed"]["actors"] == 2 and rows["changed"]["headline"]


def test_the_latest_line_of_an_id_wins_and_a_broken_line_is_skipped(tmp_path: Path) -> None:
    inputs = tmp_path / "feed.jsonl"
    inputs.write_text(json.dumps({"id": "putin", "text": PUTIN}) + "\n", encoding="utf-8")
    results = write_results(tmp_path / "results.jsonl", [("putin", "timed out")])
    with results.open("a", encoding="utf-8") as more:
        more.write(
            json.dumps(
                {
                    "id": "putin",
                    "status": "ok",
                    "title": "Putin and sanctions",
                    "summary": json.loads(putin_summary().model_dump_json()),
                }
            )
            + "\n"
        )
        more.write('{"id": "putin", "status": "error", "err')  # cut short by a crash

    report = write_site(results, [str(inputs)], tmp_path / "site")

    assert (report.articles, report.drawn, report.failed) == (1, 1, 0)
    [row] = site_rows(tmp_path / "site", "articles")
    assert (row["status"], row["title"]) == ("ok", "Putin and sanctions")


def test_a_summary_that_does_not_fit_the_record_is_listed_as_failed(tmp_path: Path) -> None:
    inputs = tmp_path / "feed.jsonl"
    inputs.write_text(json.dumps({"id": "a", "text": PUTIN}) + "\n", encoding="utf-8")
    results = tmp_path / "results.jsonl"
    results.write_text(json.dumps({"id": "a", "status": "ok", "summary": {"headline": "x"}}) + "\n")

    write_site(results, [str(inputs)], tmp_path / "site")

    [row] = site_rows(tmp_path / "site", "articles")
    assert row["status"] == "failed"
    assert row["problem"].startswith("InvalidRecord: the summary does not fit ArticleSummary")


def test_the_index_loads_its_rows_from_split_data_files(tmp_path: Path) -> None:
    inputs = tmp_path / "feed.jsonl"
    records = []
    with inputs.open("w", encoding="utf-8") as feed:
        for number in range(25):
            text = f"{PUTIN} Item {number}."
            feed.write(json.dumps({"id": f"a{number}", "text": text}) + "\n")
            records.append((f"a{number}", putin_summary(text)))
    results = write_results(tmp_path / "results.jsonl", records)

    write_site(results, [str(inputs)], tmp_path / "site", rows_per_file=10)

    assert sorted(p.name for p in (tmp_path / "site" / "data").iterdir()) == [
        "actors-0000.js",
        "articles-0000.js",
        "articles-0001.js",
        "articles-0002.js",
        "concerns-0000.js",
        "concerns-0001.js",
        "concerns-0002.js",
    ]
    assert [row["id"] for row in site_rows(tmp_path / "site", "articles")] == [
        f"a{n}" for n in range(25)
    ]
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert len(index) < 5000 and "Vladimir Putin" not in index  # rows are not in the page


def test_one_actor_across_articles_is_one_row_and_namesakes_stay_apart(
    batch: tuple[Path, Path], tmp_path: Path
) -> None:
    results, inputs = batch
    write_site(results, [str(inputs)], tmp_path / "site")

    actors = {row["id"]: row for row in site_rows(tmp_path / "site", "actors")}
    articles = site_rows(tmp_path / "site", "articles")
    concerns = site_rows(tmp_path / "site", "concerns")
    putin = actors["vladimir-putin"]
    assert putin["names"] == ["Vladimir Putin", "Putin"]
    assert sorted(articles[n]["id"] for n in putin["articles"]) == [
        "changed",
        "missing",
        "putin",
        "weather",
    ]
    assert {"kim-jong-un", "kim-yung-ho"} <= set(actors)
    assert actors["kim-jong-un"]["names"] == ["Kim Jong Un"]
    assert [concerns[n]["concern"] for n in actors["kim-jong-un"]["concerns"]] == [
        "Talks went well"
    ]
    assert actors["kim-yung-ho"]["concerns"] == []
    assert actors["u-s"]["kind"] == "country"


def test_standard_input_is_an_input_too(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results.jsonl", [("putin", putin_summary())])
    feed = json.dumps({"id": "putin", "text": PUTIN}) + "\n"

    result = run_cli("report", str(results), "-", "--out", str(tmp_path / "site"), input=feed)

    assert result.exit_code == 0, result.stderr
    assert len(list((tmp_path / "site" / "articles").iterdir())) == 1


def test_article_ids_become_safe_distinct_file_names(tmp_path: Path) -> None:
    ids = ["../../escape", "a/b", "A/B", "Ünïcode id", "a b", "a-b"]
    inputs = tmp_path / "feed.jsonl"
    with inputs.open("w", encoding="utf-8") as feed:
        for article_id in ids:
            feed.write(json.dumps({"id": article_id, "text": PUTIN}) + "\n")
    results = write_results(tmp_path / "results.jsonl", [(i, putin_summary()) for i in ids])

    write_site(results, [str(inputs)], tmp_path / "site")

    pages = list((tmp_path / "site" / "articles").iterdir())
    assert len({page.name.lower() for page in pages}) == len(ids)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.jsonl", "results.jsonl", "site"]
    assert all(page.parent == tmp_path / "site" / "articles" for page in pages)


@pytest.mark.parametrize(
    ("problem", "message"),
    [
        ("no results", "no such results file"),
        ("foreign results", "holds no result lines"),
        ("no input", "no such file or directory"),
        ("out is a file", "is a file: name a directory"),
        ("duplicate ids", "appears twice"),
    ],
)
def test_bad_files_are_one_line_errors_with_exit_code_2(
    batch: tuple[Path, Path], tmp_path: Path, problem: str, message: str
) -> None:
    results, inputs = batch
    out = tmp_path / "site"
    args = [str(results), str(inputs)]
    if problem == "no results":
        args[0] = str(tmp_path / "nothing.jsonl")
    elif problem == "foreign results":
        args[0] = str(tmp_path / "feed.jsonl")
        Path(args[0]).write_text(json.dumps({"id": "a", "text": "Some text."}) + "\n")
    elif problem == "no input":
        args[1] = str(tmp_path / "nowhere")
    elif problem == "out is a file":
        out.write_text("")
    else:
        (tmp_path / "more.jsonl").write_text(json.dumps({"id": "putin", "text": PUTIN}) + "\n")
        args.append(str(tmp_path / "more.jsonl"))

    result = run_cli("report", *args, "--out", str(out))

    assert result.exit_code == 2
    assert result.stderr.startswith("summarizer: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
