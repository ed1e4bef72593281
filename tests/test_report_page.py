"""The HTML review page of one article (``render_html``, ``summarize --format html``), read as a
browser's DOM would hold it. What the page does when clicked is in test_report_browser.py."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from summarizer import ArticleSummary, DroppedRecord, InputError
from summarizer.report import render_html

from cli_runner import run_cli
from conftest import REFERENCE_ARTICLE
from review_helpers import (
    HOSTILE_ARTICLE,
    RTL_ARTICLE,
    PageReader,
    all_spans,
    hostile_summary,
    summary_for,
)


def assert_every_span_is_one_exact_element(
    page: str, summary: ArticleSummary, article: str
) -> None:
    dom = PageReader(page)
    spans = dom.data["review-data"]["spans"]
    assert len(spans) == len(all_spans(summary))
    assert sorted(dom.highlights) == list(range(len(spans)))
    for number, (start, end, *_) in enumerate(spans):
        assert dom.highlights[number] == [article[start:end]]
    assert sorted((s, e) for s, e, *_ in spans) == sorted(all_spans(summary))


def test_every_mention_and_quote_of_the_reference_article_is_one_element_with_its_words(
    reference_summary: ArticleSummary, reference_article: str
) -> None:
    page = render_html(reference_summary, reference_article)

    assert_every_span_is_one_exact_element(page, reference_summary, reference_article)
    dom = PageReader(page)
    assert dom.article == reference_article
    peskov = next(a for a in dom.data["review-data"]["actors"] if a["name"] == "Dmitry Peskov")
    start, end, kind, *_ = dom.data["review-data"]["spans"][peskov["spans"][0]]
    assert (reference_article[start:end], kind) == ("Dmitry Peskov", "m")
    assert reference_summary.headline in page


def test_markup_entities_and_template_syntax_in_the_article_are_shown_as_written() -> None:
    summary = hostile_summary()
    page = render_html(summary, HOSTILE_ARTICLE)

    dom = PageReader(page)
    assert dom.article == HOSTILE_ARTICLE  # every character, CR and "&lt;" included
    assert_every_span_is_one_exact_element(page, summary, HOSTILE_ARTICLE)
    # The only scripts are the page's own: none of the article's, none of the model's.
    assert len(dom.scripts) == 1 and "__pwned" not in dom.scripts[0]
    assert "<script>window" not in page and "</textarea><img" not in page
    assert "&lt;script&gt;window.__pwned=3&lt;/script&gt; &amp; &lt;/title&gt; headline" in page
    assert "&amp;lt;b&amp;gt;" in page  # the article's "&lt;" is shown as those four characters


def test_the_embedded_data_cannot_close_its_script_element() -> None:
    page = render_html(hostile_summary(), HOSTILE_ARTICLE)

    block = re.search(
        r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S
    )
    assert block is not None
    assert "<" not in block.group(1) and ">" not in block.group(1) and "&" not in block.group(1)
    assert PageReader(page).data["review-data"]["concerns"][2]["concern"] == "The fix <b>works</b>?"


def test_the_page_loads_nothing_and_runs_only_its_own_script_and_style() -> None:
    page = render_html(hostile_summary(), HOSTILE_ARTICLE)

    dom = PageReader(page)
    assert [url for url in dom.urls if not url.startswith("#")] == []
    policy = dom.meta["content-security-policy"]
    assert "default-src 'none'" in policy
    script_hash = base64.b64encode(hashlib.sha256(dom.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{script_hash}'" in policy
    assert "unsafe-inline" not in policy and "http" not in policy
    assert "@font-face" not in page and "url(" not in page


def test_crossing_spans_stay_one_element_each() -> None:
    article = "President Vladimir Putin said the talks were useful, officials said."
    summary = summary_for(
        article,
        [
            ("Vladimir Putin", "person", ["President Vladimir Putin"]),
            ("officials", "group", ["officials"]),
        ],
        [
            (
                "Vladimir Putin",
                "other",
                "Talks useful",
                "Putin said the talks were useful, officials",
            )
        ],
    )
    page = render_html(summary, article)

    assert_every_span_is_one_exact_element(page, summary, article)
    assert page.count('class="text overlay"') == 1  # the crossing quote lies on a layer of its own


def test_nested_and_identical_spans_nest() -> None:
    article = "Kim Jong Un met Kim Yung-ho. Kim said: Kim Jong Un is here."
    summary = summary_for(
        article,
        [
            ("Kim Jong Un", "person", ["Kim Jong Un", "Kim"]),
            ("Kim Yung-ho", "person", ["Kim Yung-ho"]),
            ("the leader", "person", ["Kim Jong Un"]),
        ],
        [("Kim Jong Un", "other", "He is here", "Kim Jong Un is here")],
    )
    page = render_html(summary, article)

    assert_every_span_is_one_exact_element(page, summary, article)
    assert 'class="text overlay"' not in page


def test_right_to_left_and_combining_characters_keep_their_place() -> None:
    summary = summary_for(
        RTL_ARTICLE,
        [
            ("תֵּל אָבִיב", "other", ["תֵּל אָבִיב", ("תֵּל אָבִיב", 2)]),
            ("الوزير", "person", ["الوزيرُ"]),
            ("the cafe\u0301 owner", "person", ["cafe\u0301 owner"]),
        ],
        [
            ("المعارضة", "warning", "التكاليف", "حذّرتْ من التكاليفِ"),
            (
                "the cafe\u0301 owner",
                "warning",
                "Prices will rise",
                "👩🏽‍🍳 warned that prices would rise",
            ),
        ],
    )
    page = render_html(summary, RTL_ARTICLE)

    dom = PageReader(page)
    assert dom.article == RTL_ARTICLE
    assert_every_span_is_one_exact_element(page, summary, RTL_ARTICLE)
    assert 'id="article" dir="auto"' in page
    # No character sits alone between two tags unless a span boundary put it there.
    assert "cafe\u0301 owner</mark>" in page and ">\u0301" not in page


def test_spans_outside_the_article_are_listed_not_drawn() -> None:
    article = "Critics warned the plan was unsafe."
    summary = summary_for(article, [("Critics", "group", ["Critics"])])
    summary.actors[0].mentions.append("ghost")
    summary.actors[0].mention_spans.append((30, 90))

    page = render_html(summary, article)

    assert PageReader(page).highlights == {0: ["Critics"]}
    assert (
        "mention &#39;ghost&#39; of &#39;Critics&#39;: span [30, 90] is not inside the article"
        in page
    )


def test_a_text_that_is_not_the_summarys_is_refused() -> None:
    summary = summary_for(
        "Critics warned the plan was unsafe.", [("Critics", "group", ["Critics"])]
    )

    with pytest.raises(InputError, match="SHA-256"):
        render_html(summary, "Critics warned the plan was unsafe!")


def test_the_extracted_source_text_is_used_when_no_article_is_given() -> None:
    article = "Critics warned the plan was unsafe."
    summary = summary_for(article, [("Critics", "group", ["Critics"])])

    assert (
        PageReader(render_html(summary.model_copy(update={"source_text": article}))).article
        == article
    )
    with pytest.raises(InputError, match="needs the article"):
        render_html(summary)


def test_meta_warnings_and_dropped_records_are_at_the_foot() -> None:
    article = "Critics warned the plan was unsafe."
    dropped = [
        DroppedRecord(
            kind="concern", actor="Putin", text="quote <not> here", reason="not_in_article"
        )
    ]
    summary = summary_for(
        article,
        [("Critics", "group", ["Critics"])],
        warnings=["dropped concern of 'Putin': the quote is not in the article"],
        dropped=dropped,
    )
    foot = render_html(summary, article).split('<footer class="meta">')[1]

    for shown in (
        "openai/gpt-4o-mini",
        "summarize-v1",
        "1,800 prompt",
        "420 completion",
        "$0.0005",
    ):
        assert shown in foot
    assert "Warnings (1)" in foot and "dropped concern of &#39;Putin&#39;" in foot
    assert "Dropped records (1)" in foot
    assert "concern of Putin: &#39;quote &lt;not&gt; here&#39; (not in the article)" in foot
    plain = render_html(summary_for(article, [("Critics", "group", ["Critics"])]), article)
    assert "Dropped records (0)" in plain and "Warnings (0)" in plain


def test_summarize_format_html_prints_the_page(tmp_path: Path) -> None:
    result = run_cli("summarize", str(REFERENCE_ARTICLE), "--format", "html")

    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!doctype html>")
    dom = PageReader(result.stdout)
    assert dom.article == REFERENCE_ARTICLE.read_text(encoding="utf-8")
    spans = dom.data["review-data"]["spans"]
    assert spans and len(dom.highlights) == len(spans)


def test_summarize_format_html_of_a_saved_news_page_marks_the_extracted_text(
    tmp_path: Path,
) -> None:
    text = "Critics warned the plan was unsafe, officials said on Tuesday in the capital city."
    page = tmp_path / "news.html"
    page.write_text(f"<html><body><article><p>{text}</p></article></body></html>", encoding="utf-8")

    result = run_cli("summarize", str(page), "--format", "html")

    assert result.exit_code == 0, result.stderr
    dom = PageReader(result.stdout)
    assert dom.article is not None and "Critics warned the plan was unsafe" in dom.article
    for number, (start, end, *_) in enumerate(dom.data["review-data"]["spans"]):
        assert dom.highlights[number] == [dom.article[start:end]]
