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
HELD_OUT = GOLD / "heldout"
VALIDATION = GOLD / "validation"
EXTRA = GOLD / "extra"
# The development sets (in-sample for the offline rules: gold/, gold/validation/ and
# gold/extra/) and the held-out set, checked alike.
SETS = (GOLD, VALIDATION, EXTRA, HELD_OUT)
ARTICLES = sorted(path for folder in SETS for path in folder.glob("*.txt"))


def _answer(text_path: Path) -> ExtractedSummary:
    raw = text_path.with_suffix(".json").read_text(encoding="utf-8")
    return ExtractedSummary.model_validate_json(raw)


def test_there_are_forty_articles_with_fifteen_held_out_and_a_guide() -> None:
    assert len(ARTICLES) >= 40 and len(list(HELD_OUT.glob("*.txt"))) >= 15
    assert (GOLD / "GUIDE.md").is_file()
    for folder in SETS:
        assert (folder / "SOURCES.md").is_file()
        names = [article.name for article in load_gold(folder)]
        assert names == sorted(path.stem for path in folder.glob("*.txt"))


@pytest.mark.parametrize("folder", SETS, ids=lambda path: path.name)
def test_every_article_has_an_annotation_and_every_annotation_an_article(folder: Path) -> None:
    texts = {path.stem for path in folder.glob("*.txt")}
    annotations = {path.stem for path in folder.glob("*.json")}
    assert texts == annotations


@pytest.mark.parametrize("folder", SETS, ids=lambda path: path.name)
def test_every_article_has_a_row_in_its_sources(folder: Path) -> None:
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([^`]+\.txt)` \|", sources, flags=re.MULTILINE))
    assert {path.name for path in folder.glob("*.txt")} <= rows


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
