"""``summarizer export RESULTS --out DIR [--format csv|parquet]``: the flat tables of a batch, read
back with the standard library, pandas and pyarrow (those parts skip when they are absent)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer import ArticleSummary
from summarizer.report import write_site

from cli_runner import run_cli
from review_helpers import (
    HOSTILE_ARTICLE,
    PUTIN,
    RTL_ARTICLE,
    WEATHER,
    hostile_summary,
    putin_summary,
    site_rows,
    summary_for,
    weather_summary,
    write_results,
)

TABLES = ["articles", "actors", "mentions", "concerns"]


def rtl_summary() -> ArticleSummary:
    return summary_for(
        RTL_ARTICLE,
        [
            ("تل أبيب", "other", ["תֵּל אָבִיב"]),
            ("the cafe\u0301 owner", "person", ["cafe\u0301 owner"]),
        ],
        [
            (
                "the cafe\u0301 owner",
                "warning",
                'Prices, "rising"',
                "👩🏽‍🍳 warned that prices would rise",
            )
        ],
    )


@pytest.fixture
def results(tmp_path: Path, reference_summary: ArticleSummary) -> Path:
    return write_results(
        tmp_path / "results.jsonl",
        [
            ("ap-kim", reference_summary),
            ("hostile", hostile_summary()),
            ("rtl", rtl_summary()),
            ("007", putin_summary()),
            ("weather", weather_summary()),
            ("failed", "rate limited (429) after 4 tries"),
        ],
    )


def articles_by_id() -> dict[str, str]:
    return {
        "ap-kim": (
            Path(__file__).resolve().parent.parent / "examples" / "ap-kim-russia-jets.txt"
        ).read_text(encoding="utf-8"),
        "hostile": HOSTILE_ARTICLE,
        "rtl": RTL_ARTICLE,
        "007": PUTIN,
        "weather": WEATHER,
    }


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def export(results: Path, out: Path, *options: str) -> None:
    result = run_cli("export", str(results), "--out", str(out), *options)
    assert result.exit_code == 0, result.stderr


def test_csv_tables_round_trip_through_the_standard_library(
    results: Path, tmp_path: Path, reference_summary: ArticleSummary
) -> None:
    export(results, tmp_path / "tables")

    tables = {name: read_csv(tmp_path / "tables" / f"{name}.csv") for name in TABLES}
    articles = {row["article_id"]: row for row in tables["articles"]}
    assert list(articles) == ["ap-kim", "hostile", "rtl", "007", "weather", "failed"]
    kim = articles["ap-kim"]
    assert kim["headline"] == reference_summary.headline
    assert json.loads(kim["key_points"]) == reference_summary.key_points
    assert int(kim["actors"]) == len(reference_summary.actors)
    assert kim["article_sha256"] == reference_summary.meta.article_sha256
    assert int(kim["prompt_tokens"]) == reference_summary.meta.usage.prompt_tokens
    assert articles["failed"]["status"] == "error" and articles["failed"]["headline"] == ""
    assert articles["failed"]["error_message"] == "rate limited (429) after 4 tries"
    assert articles["hostile"]["headline"] == hostile_summary().headline
    assert json.loads(articles["hostile"]["warnings"]) == hostile_summary().meta.warnings

    # One row per span, and each span is where the words stand.
    texts = articles_by_id()
    summaries = {"ap-kim": reference_summary, "hostile": hostile_summary(), "rtl": rtl_summary()}
    for row in tables["mentions"]:
        assert texts[row["article_id"]][int(row["start"]) : int(row["end"])] != ""
    for article_id, summary in summaries.items():
        mentions = [
            (int(r["start"]), int(r["end"]))
            for r in tables["mentions"]
            if r["article_id"] == article_id
        ]
        assert mentions == [span for actor in summary.actors for span in actor.mention_spans]
        concerns = [r for r in tables["concerns"] if r["article_id"] == article_id]
        assert [(r["holder"], r["kind"], r["concern"], r["quote"]) for r in concerns] == [
            (c.holder, c.kind.value, c.concern, c.quote) for c in summary.stated_concerns
        ]
        for row in concerns:
            assert texts[article_id][int(row["start"]) : int(row["end"])] == row["quote"]
    assert len(tables["actors"]) == sum(
        len(s.actors) for s in (*summaries.values(), putin_summary(), weather_summary())
    )


def test_actor_ids_are_shared_across_articles_and_with_the_site(
    results: Path, tmp_path: Path
) -> None:
    export(results, tmp_path / "tables")
    inputs = tmp_path / "feed.jsonl"
    inputs.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in articles_by_id().items()),
        encoding="utf-8",
    )
    write_site(results, [str(inputs)], tmp_path / "site")

    actors = read_csv(tmp_path / "tables" / "actors.csv")
    ids = {(row["article_id"], row["name"]): row["actor_id"] for row in actors}
    assert ids[("ap-kim", "Vladimir Putin")] == ids[("007", "Vladimir Putin")]
    assert ids[("weather", "Putin")] == "vladimir-putin"
    assert ids[("ap-kim", "Kim Jong Un")] != ids[("ap-kim", "Kim Yung-ho")]
    assert ids[("ap-kim", "United States")] == ids[("weather", "U.S.")]
    site_ids = {row["id"] for row in site_rows(tmp_path / "site", "actors")}
    assert set(ids.values()) == site_ids
    concerns = read_csv(tmp_path / "tables" / "concerns.csv")
    assert {row["holder_actor_id"] for row in concerns} <= site_ids


def test_csv_tables_load_in_pandas(results: Path, tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    export(results, tmp_path / "tables")

    articles = pandas.read_csv(tmp_path / "tables" / "articles.csv", dtype={"article_id": str})
    assert list(articles["article_id"]) == ["ap-kim", "hostile", "rtl", "007", "weather", "failed"]
    assert articles["cached"].dtype == bool or set(articles["cached"].dropna()) <= {True, False}
    assert pandas.isna(articles.loc[articles["article_id"] == "failed", "cost_usd"]).all()
    concerns = pandas.read_csv(tmp_path / "tables" / "concerns.csv", dtype={"article_id": str})
    hostile = concerns[concerns["article_id"] == "hostile"]
    assert list(hostile["quote"]) == [c.quote for c in hostile_summary().stated_concerns]
    assert concerns["start"].dtype.kind == "i" and concerns["end"].dtype.kind == "i"
    rtl = concerns[concerns["article_id"] == "rtl"]
    assert list(rtl["concern"]) == ['Prices, "rising"']


def test_parquet_tables_hold_the_same_rows_with_native_types(results: Path, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    export(results, tmp_path / "csv")
    export(results, tmp_path / "parquet", "--format", "parquet")

    for name in TABLES:
        rows: list[dict[str, Any]] = parquet.read_table(
            tmp_path / "parquet" / f"{name}.parquet"
        ).to_pylist()
        expected = read_csv(tmp_path / "csv" / f"{name}.csv")
        assert len(rows) == len(expected)
        assert list(rows[0]) == list(expected[0])
        for got, want in zip(rows, expected, strict=True):
            for column, value in got.items():
                if isinstance(value, list):
                    assert value == json.loads(want[column])
                elif isinstance(value, bool):
                    assert want[column] == ("true" if value else "false")
                else:
                    assert ("" if value is None else str(value)) == want[column]
    kinds = parquet.read_schema(tmp_path / "parquet" / "mentions.parquet")
    assert str(kinds.field("start").type) == "int64"


def test_parquet_without_pyarrow_says_how_to_install_it(
    results: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)

    result = run_cli("export", str(results), "--out", str(tmp_path / "t"), "--format", "parquet")

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("summarizer: error: ")
    assert "pip install 'summarizer[parquet]'" in result.stderr
    assert not (tmp_path / "t").exists()


def test_export_of_a_missing_results_file_is_exit_code_2(tmp_path: Path) -> None:
    result = run_cli("export", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "t"))

    assert result.exit_code == 2
    assert result.stderr == f"summarizer: error: no such results file: {tmp_path / 'none.jsonl'}\n"
