"""`summarizer eval` and `summarizer.evaluation`: scores a user can trust, through the CLI and the API."""

from __future__ import annotations

import copy
import json
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from summarizer.evaluation import (
    METRICS,
    GoldArticle,
    evaluate,
    load_gold,
    score_article,
)
from summarizer.grounding import NormalisedText, locate_mention, locate_quote
from summarizer.models import (
    Actor,
    ActorKind,
    ArticleSummary,
    ConcernKind,
    RunMeta,
    StatedConcern,
)

from cli_runner import run_cli
from conftest import ROOT
from scripted_server import ScriptedServer

GOLD = ROOT / "gold"


@pytest.fixture(scope="module")
def gold() -> list[GoldArticle]:
    return load_gold(GOLD)


def gold_answer(article: GoldArticle) -> dict[str, Any]:
    return json.loads((GOLD / f"{article.name}.json").read_text(encoding="utf-8"))


def _request_text(request: dict[str, Any]) -> str:
    parts = []
    for message in request.get("messages", []):
        content = message.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts.extend(part.get("text", "") for part in content if isinstance(part, dict))
    return "\n".join(parts)


def _within(answer: dict[str, Any], text: str) -> dict[str, Any]:
    """What a faithful model says about ``text``: only the records whose words it holds."""
    index = NormalisedText(text)
    actors = [
        {**actor, "mentions": [m for m in actor["mentions"] if locate_mention(index, m)]}
        for actor in answer["actors"]
    ]
    actors = [actor for actor in actors if actor["mentions"]]
    names = {actor["name"] for actor in actors}
    concerns = [
        concern
        for concern in answer["stated_concerns"]
        if locate_quote(index, concern["quote"]) and concern["holder"] in names
    ]
    return {**answer, "actors": actors, "stated_concerns": concerns}


def serve(
    server: ScriptedServer,
    articles: list[GoldArticle],
    answer_for: Callable[[GoldArticle], dict[str, Any]],
) -> None:
    """Answer each request with the answer for the article it carries, whatever the order."""

    def reply(request: dict[str, Any]) -> dict[str, Any]:
        text = _request_text(request)
        if "<parts>" in text:  # a long article's reduce step: its prose again
            article = next(a for a in articles if answer_for(a)["headline"] in text)
            return {key: answer_for(article)[key] for key in ("headline", "summary", "key_points")}
        # The article, or the part of a long one, that the request carries.
        section = re.search(r"<article>\n(.*)\n</article>", text, re.S)
        shown = section.group(1) if section else text
        carried = [article for article in articles if shown in article.text or article.text in text]
        article = max(carried, key=lambda article: len(article.text))
        answer = answer_for(article)
        return answer if shown == article.text else _within(answer, shown)

    # Enough for every article and its re-asks (1 + the default budget of 2).
    for _ in range(6 * len(articles)):
        server.reply_with(reply)


def damaged(answer: dict[str, Any]) -> dict[str, Any]:
    """Half the actors dropped, concerns given to the wrong holder, a summary of other words, and
    a quote the article never printed."""
    answer = copy.deepcopy(answer)
    holders = {concern["holder"] for concern in answer["stated_concerns"]}
    answer["actors"] = [
        actor
        for index, actor in enumerate(answer["actors"])
        if actor["name"] in holders or index % 2 == 0
    ]
    names = [actor["name"] for actor in answer["actors"]]
    for concern in answer["stated_concerns"]:
        others = [name for name in names if name != concern["holder"]]
        if others:
            concern["holder"] = others[0]
    answer["summary"] = (
        "Shoppers queued for fresh bread on a quiet morning. The price of coffee did not change."
    )
    answer["stated_concerns"].append(
        {
            "holder": names[0],
            "kind": "warning",
            "concern": "Something invented.",
            "quote": "words this article never printed",
        }
    )
    return answer


@pytest.fixture
def llm_args(model_server: ScriptedServer) -> list[str]:
    return ["--model", "vllm/scripted-model", "--base-url", model_server.base_url, "--timeout", "5"]


def _assert_all_perfect(scores: dict[str, Any]) -> None:
    for metric in METRICS:
        assert scores[metric] == pytest.approx(1.0), metric


# -- whole runs ------------------------------------------------------------------------------------


def test_the_gold_itself_scores_one_on_every_metric_through_the_cli(
    model_server: ScriptedServer, llm_args: list[str], gold: list[GoldArticle]
) -> None:
    serve(model_server, gold, gold_answer)

    result = run_cli("eval", str(GOLD), *llm_args, "--format", "json", "--concurrency", "4")

    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["model"] == "vllm/scripted-model"
    assert [article["name"] for article in report["articles"]] == [a.name for a in gold]
    for article in report["articles"]:
        assert article["status"] == "ok"
        _assert_all_perfect(article)
        assert article["tokens"] > 0 and article["elapsed_s"] >= 0
        assert article["missed_actors"] == [] and article["spurious_actors"] == []
    aggregate = report["aggregate"]
    assert aggregate["articles"] == len(gold) and aggregate["failed"] == 0
    _assert_all_perfect(aggregate["micro"])
    _assert_all_perfect(aggregate["macro"])
    assert aggregate["micro"]["tokens"] == sum(a["tokens"] for a in report["articles"])


def test_a_second_run_takes_its_answers_from_the_cache_and_says_so(
    model_server: ScriptedServer, llm_args: list[str], gold: list[GoldArticle]
) -> None:
    serve(model_server, gold, gold_answer)
    first = run_cli("eval", str(GOLD), *llm_args, "--format", "json")
    assert first.exit_code == 0, first.stderr
    asked = len(model_server.requests)
    assert asked >= len(gold)  # one request an article; more for the long ones, split in parts

    again = run_cli("eval", str(GOLD), *llm_args, "--format", "json")

    assert again.exit_code == 0, again.stderr
    assert len(model_server.requests) == asked  # nothing was asked of the model
    report = json.loads(again.stdout)
    assert report["aggregate"]["cached"] == len(gold)
    for article in report["articles"]:
        assert article["cached"] is True and article["tokens"] == 0
        _assert_all_perfect(article)
    table = run_cli("eval", str(GOLD), *llm_args)
    words = " ".join(table.stdout.split())  # the caption wraps at the table's width
    assert f"{len(gold)} of {len(gold)} answers came from the summary cache" in words
    assert f"{gold[0].name} *" in table.stdout

    fresh = run_cli("eval", str(GOLD), *llm_args, "--format", "json", "--no-cache")

    assert fresh.exit_code == 0, fresh.stderr
    assert len(model_server.requests) == 2 * asked
    assert json.loads(fresh.stdout)["aggregate"]["cached"] == 0


def test_the_gold_itself_scores_one_through_the_python_api(
    model_server: ScriptedServer, llm: dict[str, Any], gold: list[GoldArticle]
) -> None:
    serve(model_server, gold, gold_answer)

    report = evaluate(GOLD, concurrency=3, **llm)

    assert report.aggregate.failed == 0
    for scores in (report.aggregate.micro, report.aggregate.macro, *report.articles):
        _assert_all_perfect(scores.model_dump())


def test_a_damaged_answer_scores_visibly_lower(
    model_server: ScriptedServer, llm: dict[str, Any], gold: list[GoldArticle]
) -> None:
    serve(model_server, gold, lambda article: damaged(gold_answer(article)))

    report = evaluate(GOLD, **llm)

    assert report.aggregate.failed == 0
    micro = report.aggregate.micro
    assert micro.actor_recall is not None and micro.actor_recall < 0.8
    assert micro.actor_precision == pytest.approx(1.0)  # what is left is right
    assert micro.concern_precision is not None and micro.concern_precision < 0.5
    assert micro.concern_recall is not None and micro.concern_recall < 0.5
    assert micro.quote_grounding is not None and micro.quote_grounding < 1.0
    assert micro.rouge1_f is not None and micro.rouge1_f < 0.3
    assert micro.rougeL_f is not None and micro.rougeL_f < 0.3
    assert micro.summary_actor_recall is not None and micro.summary_actor_recall < 0.2
    reference = next(a for a in report.articles if a.name == "ap-kim-russia-jets")
    assert "Vladimir Putin" in reference.missed_actors


def test_the_offline_engine_scores_below_the_gold(gold: list[GoldArticle]) -> None:
    pytest.importorskip("summarizer.offline", reason="the offline engine is not built yet")
    from summarizer import offline

    if not hasattr(offline, "analyse"):
        pytest.skip("the offline engine is not built yet")

    report = evaluate(GOLD, model="offline")

    assert report.model == "offline" and report.aggregate.failed == 0
    micro = report.aggregate.micro
    assert micro.tokens == 0
    assert micro.quote_grounding == pytest.approx(1.0)  # it only cuts spans out of the article
    assert micro.actor_f1 is not None and 0.0 < micro.actor_f1 < 1.0
    assert micro.rouge1_f is not None and micro.rouge1_f < 1.0


# -- the CLI ---------------------------------------------------------------------------------------


def test_the_table_shows_every_article_then_micro_and_macro(
    model_server: ScriptedServer, llm_args: list[str], gold: list[GoldArticle]
) -> None:
    serve(model_server, gold, gold_answer)

    result = run_cli("eval", str(GOLD), *llm_args)

    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "actor P" in out and "ROUGE-L" in out and "vllm/scripted-model" in out
    for article in gold:
        assert article.name in out
    rows = [line for line in out.splitlines() if line.startswith(("│ micro", "│ macro"))]
    assert len(rows) == 2 and all("1.00" in row for row in rows)


def test_out_writes_the_json_report_beside_the_table(
    model_server: ScriptedServer, llm_args: list[str], gold: list[GoldArticle], tmp_path: Path
) -> None:
    serve(model_server, gold, gold_answer)
    out = tmp_path / "report.json"

    result = run_cli("eval", str(GOLD), *llm_args, "--out", str(out))

    assert result.exit_code == 0, result.stderr
    assert "micro" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) >= {"articles", "aggregate"}
    assert len(report["articles"]) == len(gold)


def _small_gold(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for name in names:
        for suffix in (".txt", ".json"):
            shutil.copy(GOLD / f"{name}{suffix}", folder / f"{name}{suffix}")
    return folder


def test_an_article_that_fails_to_run_is_reported_and_exit_code_1(
    model_server: ScriptedServer, llm_args: list[str], gold: list[GoldArticle], tmp_path: Path
) -> None:
    folder = _small_gold(tmp_path, "voa-iran-zarif-sanctions-childish", "voa-who-cholera-outbreaks")
    model_server.fail(400, message="the server cannot do this one")
    cholera = next(article for article in gold if article.name == "voa-who-cholera-outbreaks")
    model_server.reply_answer(gold_answer(cholera))

    result = run_cli("eval", str(folder), *llm_args, "--format", "json", "--concurrency", "1")

    assert result.exit_code == 1
    assert result.stderr.startswith("summarizer: error: 1 of 2 articles failed")
    assert len(result.stderr.strip().splitlines()) == 1
    report = json.loads(result.stdout)
    failed, done = report["articles"]
    assert failed["status"] == "error" and "cannot do this one" in failed["error"]
    assert done["status"] == "ok" and done["actor_f1"] == pytest.approx(1.0)
    assert report["aggregate"]["failed"] == 1
    assert report["aggregate"]["micro"]["actor_f1"] == pytest.approx(1.0)


def _bad_gold_missing(tmp_path: Path) -> Path:
    return tmp_path / "nowhere"


def _bad_gold_empty(tmp_path: Path) -> Path:
    (tmp_path / "gold").mkdir()
    return tmp_path / "gold"


def _bad_gold_no_json(tmp_path: Path) -> Path:
    folder = _small_gold(tmp_path, "voa-who-cholera-outbreaks")
    (folder / "extra.txt").write_text("An article with no annotation.", encoding="utf-8")
    return folder


def _bad_gold_invalid_json(tmp_path: Path) -> Path:
    folder = _small_gold(tmp_path, "voa-who-cholera-outbreaks")
    (folder / "voa-who-cholera-outbreaks.json").write_text('{"headline": "x"', encoding="utf-8")
    return folder


def _bad_gold_wrong_schema(tmp_path: Path) -> Path:
    folder = _small_gold(tmp_path, "voa-who-cholera-outbreaks")
    path = folder / "voa-who-cholera-outbreaks.json"
    answer = json.loads(path.read_text(encoding="utf-8"))
    answer["actors"][0]["kind"] = "planet"
    path.write_text(json.dumps(answer), encoding="utf-8")
    return folder


def _bad_gold_ungrounded(tmp_path: Path) -> Path:
    folder = _small_gold(tmp_path, "voa-who-cholera-outbreaks")
    path = folder / "voa-who-cholera-outbreaks.json"
    answer = json.loads(path.read_text(encoding="utf-8"))
    answer["stated_concerns"][0]["quote"] = "words the article never had"
    path.write_text(json.dumps(answer), encoding="utf-8")
    return folder


def _bad_gold_a_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.txt"
    path.write_text("not a folder", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_bad_gold_missing, "no such directory"),
        (_bad_gold_a_file, "not a directory"),
        (_bad_gold_empty, "no gold articles"),
        (_bad_gold_no_json, "extra.txt: no gold annotation extra.json"),
        (_bad_gold_invalid_json, "not a valid gold answer"),
        (_bad_gold_wrong_schema, "actors.0.kind"),
        (_bad_gold_ungrounded, "words the article never had"),
    ],
    ids=["missing", "a-file", "empty", "txt-without-json", "invalid-json", "schema", "ungrounded"],
)
def test_a_bad_gold_directory_is_one_line_and_exit_code_2(
    tmp_path: Path, make: Callable[[Path], Path], expected: str
) -> None:
    result = run_cli("eval", str(make(tmp_path)), "--model", "offline")

    assert result.exit_code == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_an_unknown_provider_is_exit_code_2() -> None:
    result = run_cli("eval", str(GOLD), "--model", "acme/model-1")
    assert result.exit_code == 2 and "unknown provider" in result.stderr


def test_out_in_a_missing_directory_is_refused_before_the_run(tmp_path: Path) -> None:
    result = run_cli(
        "eval", str(GOLD), "--model", "offline", "--out", str(tmp_path / "no" / "r.json")
    )
    assert result.exit_code == 2 and "no such directory" in result.stderr


def test_without_rouge_score_it_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer import evaluation

    monkeypatch.setitem(sys.modules, "rouge_score", None)
    evaluation._rouge_scorer.cache_clear()
    try:
        result = run_cli("eval", str(GOLD), "--model", "offline")
    finally:
        evaluation._rouge_scorer.cache_clear()

    assert result.exit_code == 2
    assert "pip install 'summarizer[eval]'" in result.stderr


# -- the matching rules ----------------------------------------------------------------------------

ARTICLE = (
    "Kremlin spokesman Dmitry Peskov said the talks went well. "
    "The White House warned that Moscow would pay a clear price. "
    "Peskov dismissed the warning as noise."
)


def _gold(actors: list[Actor], concerns: list[StatedConcern]) -> GoldArticle:
    from summarizer.models import ExtractedSummary

    answer = ExtractedSummary(
        headline="Kremlin and White House trade words",
        summary="Dmitry Peskov said the talks went well. The White House warned Moscow.",
        key_points=["The White House warned Moscow"],
        actors=actors,
        stated_concerns=concerns,
    )
    return GoldArticle("unit", ARTICLE, answer, actors, concerns)


def _actor(name: str, kind: ActorKind, *mentions: str) -> Actor:
    return Actor(name=name, kind=kind, mentions=list(mentions or [name]))


def _concern(holder: str, quote: str) -> StatedConcern:
    start = ARTICLE.index(quote)
    return StatedConcern(
        holder=holder,
        kind=ConcernKind.warning,
        concern="A warning.",
        quote=quote,
        quote_span=(start, start + len(quote)),
    )


def _predicted(
    actors: list[Actor], concerns: list[StatedConcern], summary: str = "Words."
) -> ArticleSummary:
    return ArticleSummary(
        headline="h",
        summary=summary,
        key_points=["k"],
        actors=actors,
        stated_concerns=concerns,
        meta=RunMeta(model="m", prompt_version="p", attempts=1, article_sha256="0"),
    )


PESKOV = _actor("Dmitry Peskov", ActorKind.person, "Dmitry Peskov", "Peskov")
WHITE_HOUSE = _actor("White House", ActorKind.government_body)
RUSSIA = _actor("Russia", ActorKind.country, "Moscow")
WARNING = "warned that Moscow would pay a clear price"


def test_a_surname_alone_matches_a_person_and_an_article_is_ignored() -> None:
    gold = _gold([PESKOV, WHITE_HOUSE], [])
    predicted = _predicted(
        [
            _actor("Peskov", ActorKind.person),
            _actor("the White House", ActorKind.government_body, "White House"),
        ],
        [],
    )

    result = score_article(gold, predicted)

    assert (result.actor_precision, result.actor_recall) == (1.0, 1.0)


def test_a_duplicated_actor_is_not_counted_twice() -> None:
    gold = _gold([PESKOV, WHITE_HOUSE], [])
    predicted = _predicted([PESKOV, _actor("Peskov", ActorKind.person)], [])

    result = score_article(gold, predicted)

    assert result.actor_precision == 0.5 and result.actor_recall == 0.5
    assert result.missed_actors == ["White House"] and result.spurious_actors == ["Peskov"]


def test_a_concern_needs_the_right_holder_and_half_the_gold_quote() -> None:
    gold = _gold([PESKOV, WHITE_HOUSE, RUSSIA], [_concern("White House", WARNING)])
    actors = [PESKOV, WHITE_HOUSE, RUSSIA]

    def score(holder: str, quote: str) -> tuple[float | None, float | None]:
        result = score_article(gold, _predicted(actors, [_concern(holder, quote)]))
        return result.concern_precision, result.concern_recall

    assert score("White House", WARNING) == (1.0, 1.0)
    assert score("white house", WARNING) == (1.0, 1.0)  # the holder is normalised too
    # 29 of the gold quote's 42 characters overlap: enough; 17 of 42: not enough.
    assert score("White House", "that Moscow would pay a clear") == (1.0, 1.0)
    assert score("White House", "pay a clear price") == (0.0, 0.0)
    # The right words from the wrong actor are not the concern.
    assert score("Dmitry Peskov", WARNING) == (0.0, 0.0)
    assert score("Russia", WARNING) == (0.0, 0.0)


def test_no_concerns_on_either_side_agree_perfectly() -> None:
    gold = _gold([PESKOV], [])
    assert score_article(gold, _predicted([PESKOV], [])).concern_precision == 1.0
    invented = score_article(gold, _predicted([PESKOV], [_concern("Dmitry Peskov", WARNING)]))
    assert invented.concern_precision == 0.0 and invented.concern_recall == 0.0


def test_summary_scores_compare_with_the_gold_summary() -> None:
    gold = _gold([PESKOV, WHITE_HOUSE], [])
    same = score_article(gold, _predicted([PESKOV], [], summary=gold.answer.summary))
    names_one = score_article(gold, _predicted([PESKOV], [], summary="Peskov spoke at length."))

    assert same.rouge1_f == pytest.approx(1.0) and same.summary_actor_recall == 1.0
    assert names_one.summary_actor_recall == 0.5 and names_one.rouge1_f < 0.5
