"""Locating quotes and mentions: the matching rules, on the reference article."""

from __future__ import annotations

import pytest

from summarizer.grounding import NormalisedText, locate_mention, locate_quote


@pytest.fixture(scope="module")
def article(reference_article: str) -> NormalisedText:
    return NormalisedText(reference_article)


def located(article: NormalisedText, quote: str) -> str | None:
    span = locate_quote(article, quote)
    return None if span is None else article.original[span[0] : span[1]]


def test_exact_quote_spans_the_quoted_words(article: NormalisedText) -> None:
    assert located(article, "pay a clear price") == "pay a clear price"


@pytest.mark.parametrize(
    "variant",
    [
        'expressed "serious concerns" about prospective weapons deals',  # straight quotes
        "EXPRESSED “SERIOUS CONCERNS” ABOUT PROSPECTIVE WEAPONS DEALS",  # case
        "expressed  “serious\n concerns”   about prospective weapons deals",  # white space
        "“expressed “serious concerns” about prospective weapons deals.”",  # edge punctuation
        "ｅｘｐｒｅｓｓｅｄ “serious concerns” about prospective weapons deals",  # full-width forms
    ],
)
def test_typographic_variants_find_the_original_words(
    article: NormalisedText, variant: str
) -> None:
    assert (
        located(article, variant) == "expressed “serious concerns” about prospective weapons deals"
    )


def test_apostrophes_match_either_way(article: NormalisedText) -> None:
    assert (
        located(article, "Russia's most advanced fighter jet")
        == "Russia’s most advanced fighter jet"
    )


@pytest.mark.parametrize("ellipsis", ["...", "…", " . . . "])
def test_ellipsis_matches_a_short_gap_in_order(article: NormalisedText, ellipsis: str) -> None:
    quote = f"Our fathers and grandfathers{ellipsis}jointly resisting Western pressure"
    text = located(article, quote)
    assert text is not None
    assert text.startswith("Our fathers and grandfathers jointly fought")
    assert text.endswith("jointly resisting Western pressure")


def test_ellipsis_fragments_out_of_order_do_not_match(article: NormalisedText) -> None:
    assert (
        located(article, "jointly resisting Western pressure ... Our fathers and grandfathers")
        is None
    )


def test_ellipsis_fragments_far_apart_do_not_match(article: NormalisedText) -> None:
    assert located(article, "North Korean leader Kim Jong Un peered ... glorify Kim") is None


def test_invented_quote_is_not_found(article: NormalisedText) -> None:
    assert located(article, "Putin threatened to invade Japan") is None


def test_mentions_prefer_whole_words(article: NormalisedText) -> None:
    span = locate_mention(article, "Kim")
    assert span is not None
    assert article.original[span[0] : span[1]] == "Kim"
    assert locate_mention(article, "Ki") is None  # only inside longer words


def test_mention_keeps_its_final_period(article: NormalisedText) -> None:
    span = locate_mention(article, "U.S.")
    assert span is not None and article.original[span[0] : span[1]] == "U.S."


def test_spans_are_offsets_into_the_text_as_passed() -> None:
    text = "\n\n  Intro.\r\n\r\nThe minister “warned”  of   floods."
    span = locate_quote(NormalisedText(text), 'warned" of floods')
    assert span is not None
    assert text[span[0] : span[1]] == "warned”  of   floods"


def test_offsets_hold_deep_into_a_long_article(reference_article: str) -> None:
    long = NormalisedText("“" + reference_article * 10)
    span = locate_quote(long, "to glorify Kim")
    assert span is not None and long.original[span[0] : span[1]] == "to glorify Kim"
    assert span[0] == 1 + reference_article.index("to glorify Kim")
