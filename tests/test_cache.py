"""The summary cache: a hit makes no request, the key follows what changes the answer, and the
SQLite file takes concurrent writers from several processes."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from summarizer import ArticleSummary, ConfigurationError, Summarizer, Usage, asummarize, summarize
from summarizer.cache import SummaryCache, cache_key
from summarizer.config import Settings

from cli_runner import run_cli
from conftest import REFERENCE_ARTICLE, ROOT
from scripted_server import ScriptedServer


def test_a_hit_makes_no_request_and_is_marked_in_meta(
    model_server: ScriptedServer,
    llm: dict[str, Any],
    reference_answer: dict[str, Any],
    reference_article: str,
    tmp_path: Path,
) -> None:
    model_server.reply_answer(reference_answer)
    summarizer = Summarizer(**llm, cache=True)

    first = summarizer.summarize(reference_article)
    again = summarizer.summarize(reference_article)

    assert len(model_server.requests) == 1
    assert not first.meta.cached and first.meta.usage.prompt_tokens > 0
    assert again.meta.cached
    # meta tells what this call spent: nothing.
    assert again.meta.usage == Usage() and again.meta.attempts == 0 and again.meta.cost_usd == 0.0
    assert again.model_dump(exclude={"meta"}) == first.model_dump(exclude={"meta"})
    assert again.meta.article_sha256 == first.meta.article_sha256
    # SUMMARIZER_CACHE_DIR (set by conftest to the test's directory) holds the file.
    assert (tmp_path / "cache" / "summaries.sqlite3").exists()


def test_the_cache_is_off_by_default_in_python(
    model_server: ScriptedServer,
    llm: dict[str, Any],
    reference_answer: dict[str, Any],
    reference_article: str,
    tmp_path: Path,
) -> None:
    model_server.reply_answer(reference_answer)
    model_server.reply_answer(reference_answer)
    summarizer = Summarizer(**llm)

    summarizer.summarize(reference_article)
    summarizer.summarize(reference_article)

    assert len(model_server.requests) == 2
    assert not (tmp_path / "cache").exists()


def test_summarize_and_asummarize_take_a_cache_path(
    model_server: ScriptedServer,
    llm: dict[str, Any],
    reference_answer: dict[str, Any],
    reference_article: str,
    tmp_path: Path,
) -> None:
    model_server.reply_answer(reference_answer)
    path = tmp_path / "mine.sqlite3"

    summarize(reference_article, **llm, cache=path)
    hit = asyncio.run(asummarize(reference_article, **llm, cache=path))

    assert hit.meta.cached and len(model_server.requests) == 1
    assert len(SummaryCache(path)) == 1


def test_closing_a_summarizer_releases_the_cache_it_opened(
    model_server: ScriptedServer,
    llm: dict[str, Any],
    reference_answer: dict[str, Any],
    reference_article: str,
    tmp_path: Path,
) -> None:
    model_server.reply_answer(reference_answer)
    path = tmp_path / "mine.sqlite3"
    wal = path.with_name(path.name + "-wal")

    with Summarizer(**llm, cache=path) as summarizer:
        summarizer.summarize(reference_article)
        store = summarizer.cache  # held here, so only close() can release its connection
        assert store is not None and wal.exists()  # the open connection's write-ahead log
    assert not wal.exists()  # the last connection closed: the log is folded into the file
    with pytest.raises(sqlite3.ProgrammingError):
        len(store)  # closed by the summarizer that opened it

    async def again() -> ArticleSummary:
        async with Summarizer(**llm, cache=path) as summarizer:
            return await summarizer.asummarize(reference_article)

    assert asyncio.run(again()).meta.cached
    assert not wal.exists() and len(model_server.requests) == 1


def test_a_cache_passed_in_stays_open_for_its_owner(
    model_server: ScriptedServer,
    llm: dict[str, Any],
    reference_answer: dict[str, Any],
    reference_article: str,
    tmp_path: Path,
) -> None:
    model_server.reply_answer(reference_answer)
    store = SummaryCache(tmp_path / "shared.sqlite3")

    with Summarizer(**llm, cache=store) as summarizer:
        summarizer.summarize(reference_article)

    assert len(store) == 1  # still usable: the summarizer did not close what it was lent


def test_the_key_follows_what_changes_the_answer_and_nothing_else() -> None:
    base = Settings.resolve("vllm/m")
    key = cache_key("An article.", base, "summarize-v1")
    changed = [
        cache_key("Another article.", base, "summarize-v1"),
        cache_key("An article.", base, "summarize-v2"),
        cache_key("An article.", Settings.resolve("vllm/other"), "summarize-v1"),
        cache_key(
            "An article.", Settings.resolve("vllm/m", base_url="http://b/v1"), "summarize-v1"
        ),
        *(
            cache_key("An article.", base.with_options(**{name: value}), "summarize-v1")
            for name, value in [
                ("mode", "json"),
                ("strict", True),
                ("max_tokens", 100),
                ("max_retries", 0),
                ("max_input_tokens", 1000),
            ]
        ),
    ]
    assert key not in changed and len(set(changed)) == len(changed)
    for name, value in [("timeout", 1.0), ("transport_retries", 9), ("deadline", 5.0)]:
        assert cache_key("An article.", base.with_options(**{name: value}), "summarize-v1") == key


def test_the_offline_engine_is_not_cached(tmp_path: Path) -> None:
    summarizer = Summarizer(model="offline", cache=tmp_path / "c.sqlite3")
    article = REFERENCE_ARTICLE.read_text(encoding="utf-8")
    assert summarizer.cache is None
    assert not summarizer.summarize(article).meta.cached
    assert not summarizer.summarize(article).meta.cached


def test_an_entry_that_no_longer_fits_is_a_miss(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    summary = Summarizer(model="offline").summarize(REFERENCE_ARTICLE.read_text(encoding="utf-8"))
    cache = SummaryCache(path)
    cache.put("k", summary)
    assert cache.get("k") == summary
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE summaries SET summary = '{\"headline\": 1}'")
    connection.close()

    assert cache.get("k") is None


def test_a_cache_that_cannot_be_opened(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    model_server: ScriptedServer,
    reference_answer: dict[str, Any],
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    # Python: asked for explicitly, so a clear error.
    with pytest.raises(ConfigurationError, match="cannot open the cache"):
        SummaryCache(blocker / "cache.sqlite3")

    # The CLI: on by default, so a warning, and the run goes on without it.
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(blocker / "sub"))
    model_server.reply_answer(reference_answer)
    result = run_cli(
        *("summarize", str(REFERENCE_ARTICLE), "--model", "vllm/m"),
        *("--base-url", model_server.base_url, "--format", "json"),
    )
    assert result.exit_code == 0, result.stderr
    assert "warning: running without the cache" in result.stderr and "--no-cache" in result.stderr


def test_the_summarize_command_uses_the_cache_unless_told_not_to(
    model_server: ScriptedServer, reference_answer: dict[str, Any]
) -> None:
    args = ["summarize", str(REFERENCE_ARTICLE), "--format", "json", "--model", "vllm/m"]
    args += ["--base-url", model_server.base_url]
    model_server.reply_answer(reference_answer)
    model_server.reply_answer(reference_answer)

    first = run_cli(*args)
    second = run_cli(*args)
    third = run_cli(*args, "--no-cache")

    assert [r.exit_code for r in (first, second, third)] == [0, 0, 0]
    metas = [ArticleSummary.model_validate_json(r.stdout).meta for r in (first, second, third)]
    assert [meta.cached for meta in metas] == [False, True, False]
    assert len(model_server.requests) == 2


_WRITER = textwrap.dedent(
    """
    import sys
    from summarizer import Summarizer
    from summarizer.cache import SummaryCache

    path, worker = sys.argv[1], sys.argv[2]
    summary = Summarizer(model="offline").summarize("Critics warned the bridge was unsafe.")
    cache = SummaryCache(path)
    for number in range(40):
        cache.put(f"{worker}-{number}", summary)
        assert cache.get(f"{worker}-{number}") is not None
    """
)


def test_several_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(worker)],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for worker in range(4)
    ]
    errors = [writer.communicate(timeout=60)[1] for writer in writers]

    assert [writer.returncode for writer in writers] == [0, 0, 0, 0], errors
    assert len(SummaryCache(path)) == 160
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    connection.close()


def test_a_stored_summary_round_trips_as_json(tmp_path: Path) -> None:
    summary = Summarizer(model="offline").summarize(REFERENCE_ARTICLE.read_text(encoding="utf-8"))
    cache = SummaryCache(tmp_path)  # a directory: the file is made inside it
    cache.put("k", summary)
    assert cache.path == tmp_path / "summaries.sqlite3"
    assert json.loads(cache.get("k").model_dump_json()) == json.loads(summary.model_dump_json())  # type: ignore[union-attr]
    cache.clear()
    assert len(cache) == 0
    cache.close()


# -- a damaged cache file ---------------------------------------------------------------------

SENTENCE = "Mayor Jane Doe warned that the old bridge was unsafe."
BRIDGE = {
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


def _batch(model_server: ScriptedServer, tmp_path: Path, articles: int, out: str) -> Any:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"id": f"d{n}", "text": f"Report {n}. {SENTENCE}"}) + "\n"
            for n in range(articles)
        ),
        encoding="utf-8",
    )
    for _ in range(articles):
        model_server.reply_answer(BRIDGE)
    return run_cli(
        *("batch", str(feed), "--out", str(tmp_path / out), "--quiet"),
        *("--model", "vllm/m", "--base-url", model_server.base_url),
    )


def _damage_past_the_header(path: Path) -> None:
    """A cache whose header is sound but whose table and index pages are garbage."""
    cache = SummaryCache(path)
    summary = Summarizer(model="offline").summarize(REFERENCE_ARTICLE.read_text(encoding="utf-8"))
    for number in range(5):
        cache.put(f"key-{number}", summary)
    cache.close()
    data = bytearray(path.read_bytes())
    assert len(data) >= 3 * 4096  # the schema page, then the table's and its index's pages
    data[4096:] = bytes((n * 37 + 11) % 251 for n in range(len(data) - 4096))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["header", "past the header"])
def test_a_damaged_cache_file_is_moved_aside_and_a_new_one_heals_the_next_run(
    model_server: ScriptedServer, tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "cache" / "summaries.sqlite3"  # SUMMARIZER_CACHE_DIR of this test
    path.parent.mkdir()
    if damage == "header":
        path.write_bytes(b"this is not a database at all\n" * 200)
    else:
        _damage_past_the_header(path)
    damaged = path.read_bytes()

    first = _batch(model_server, tmp_path, 5, "one.jsonl")

    assert first.exit_code == 0, first.stderr
    warnings = first.stderr.strip().splitlines()
    assert len(warnings) == 1, first.stderr  # once a run, not once an article
    (aside,) = path.parent.glob("summaries.sqlite3.corrupt-*")
    assert aside.read_bytes() == damaged  # kept, for whoever wants to look
    assert warnings[0].startswith("summarizer: warning: ")
    assert "damaged" in warnings[0] and str(aside) in warnings[0]
    assert "writable directory" not in warnings[0]  # that advice is for another cause

    model_server.reset()
    second = _batch(model_server, tmp_path, 5, "two.jsonl")

    assert second.exit_code == 0 and second.stderr == ""
    assert model_server.requests == []  # every answer from the new cache
