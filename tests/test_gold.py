"""The gold set is sound: every annotation loads, is grounded in its article, and has a source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer.evaluation import load_gold
from summarizer.grounding import NormalisedText, locate_mention, locate_quote, normalise
from summarizer.models import ExtractedSummary

from conftest import ROOT

GOLD = ROOT / "gold"
ARTICLES = sorted(GOLD.glob("*.txt"))


def _answer(text_path: Path) -> ExtractedSummary:
    raw = text_path.with_suffix(".json").read_text(encoding="utf-8")
    return ExtractedSummary.model_validate_json(raw)


def test_the_gold_set_has_at_least_eight_articles_and_a_guide() -> None:
    assert len(ARTICLES) >= 8
    assert (GOLD / "GUIDE.md").is_file() and (GOLD / "SOURCES.md").is_file()
    assert [article.name for article in load_gold(GOLD)] == [path.stem for path in ARTICLES]


def test_every_article_has_an_annotation_and_every_annotation_an_article() -> None:
    texts = {path.stem for path in GOLD.glob("*.txt")}
    annotations = {path.stem for path in GOLD.glob("*.json")}
    assert texts == annotations


def test_every_article_has_a_row_in_sources() -> None:
    sources = (GOLD / "SOURCES.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([^`]+\.txt)` \|", sources, flags=re.MULTILINE))
    assert {path.name for path in ARTICLES} <= rows


@pytest.mark.parametrize("text_path", ARTICLES, ids=lambda path: path.stem)
def test_every_annotation_validates(text_path: Path) -> None:
    answer = _answer(text_path)
    assert answer.actors and answer.summary


@pytest.mark.parametrize("text_path", ARTICLES, ids=lambda path: path.stem)
def test_every_quote_and_mention_is_grounded(text_path: Path) -> None:
    article = NormalisedText(text_path.read_text(encoding="utf-8"))
    answer = _answer(text_path)
    missing = [
        mention
        for actor in answer.actors
        for mention in actor.mentions
        if locate_mention(article, mention) is None
    ]
    missing += [
        concern.quote
        for concern in answer.stated_concerns
        if locate_quote(article, concern.quote) is None
    ]
    assert missing == []


@pytest.mark.parametrize("text_path", ARTICLES, ids=lambda path: path.stem)
def test_every_holder_names_an_actor(text_path: Path) -> None:
    answer = _answer(text_path)
    names = {normalise(actor.name) for actor in answer.actors}
    for concern in answer.stated_concerns:
        assert normalise(concern.holder) in names, concern.holder
