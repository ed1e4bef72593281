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


def _reference_spans(original: str) -> tuple[str, list[int]]:
    """The normalised text and each normalised character's original offset, one by one."""
    from summarizer.grounding import _fold_char

    text: list[str] = []
    origin: list[int] = []
    last_space = True
    for pos, char in enumerate(original):
        if char.isspace() or char == "\u00a0":
            if not last_space:
                text.append(" ")
                origin.append(pos)
                last_space = True
            continue
        folded = char.lower() if char.isascii() else _fold_char(char)
        text.extend(folded)
        origin.extend([pos] * len(folded))
        if folded:
            last_space = folded.endswith(" ")
    return "".join(text), origin


def test_every_normalised_position_maps_back_to_its_character() -> None:
    import random

    alphabet = "ab C.\n\t  ’“”—ﬁ½Ｋé\u00a0x,"
    chooser = random.Random(7)
    for _ in range(300):
        original = "".join(chooser.choice(alphabet) for _ in range(chooser.randint(0, 40)))
        index = NormalisedText(original)
        text, origin = _reference_spans(original)
        assert index.text == text
        for start in range(len(text)):
            for end in range(start + 1, len(text) + 1):
                assert index.span(start, end) == (origin[start], origin[end - 1] + 1)
