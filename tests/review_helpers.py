"""Helpers for the review page, site and table tests: summaries built over any text, and a reader
of the pages' HTML that sees what a browser's DOM would hold."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from summarizer import Actor, ArticleSummary, RunMeta, StatedConcern, Usage

# Hostile text: markup, entities and template syntax that must be shown, never run or expanded.
HOSTILE_ARTICLE = (
    "Officials said <script>window.__pwned = true; alert(1)</script> was found in the form.\n"
    'The mayor wrote </textarea><img src=x onerror="window.__pwned=1"> and &lt;b&gt; in a memo.\r\n'
    "Critics warned that {{ x }} and {% if admin %}secret{% endif %} leak into templates.\n"
    "</script><script>window.__pwned = 2</script> Engineers doubted the fix & the review."
)

# Right-to-left text with combining marks: Hebrew with points, Arabic with harakat, a decomposed
# Latin e + U+0301, and an emoji with a skin-tone modifier, in paragraphs of both directions.
RTL_ARTICLE = (
    "שָׁלוֹם said the mayor of תֵּל אָבִיב, and the council agreed.\n"
    "قالَ الوزيرُ إنَّ الخطةَ آمنةٌ، لكنَّ المعارضةَ حذّرتْ من التكاليفِ.\n"
    "The cafe\u0301 owner 👩🏽‍🍳 warned that prices would rise in תֵּל אָבִיב.\n"
    "وقالت المعارضةُ إنّ الوزيرَ أخطأ."
)


def span_of(article: str, words: str, occurrence: int = 1) -> tuple[int, int]:
    """The span of the n-th occurrence of ``words`` in the article."""
    start = -1
    for _ in range(occurrence):
        start = article.index(words, start + 1)
    return start, start + len(words)


def summary_for(
    article: str,
    actors: Sequence[tuple[str, str, Sequence[str | tuple[str, int]]]],
    concerns: Sequence[tuple[str, str, str, str]] = (),
    *,
    headline: str = "Officials and critics disagree",
    warnings: Sequence[str] = (),
    meta: type[RunMeta] = RunMeta,
    **meta_fields: Any,
) -> ArticleSummary:
    """An ArticleSummary over ``article`` with spans where the words stand.

    ``actors`` are (name, kind, mentions), a mention being its words (first occurrence) or
    (words, occurrence); ``concerns`` are (holder, kind, concern, quote).
    """
    built = []
    for name, kind, mentions in actors:
        forms, spans = [], []
        for mention in mentions:
            words, occurrence = (mention, 1) if isinstance(mention, str) else mention
            forms.append(words)
            spans.append(span_of(article, words, occurrence))
        built.append(Actor(name=name, kind=kind, mentions=forms, mention_spans=spans))
    stated = [
        StatedConcern(
            holder=holder,
            kind=kind,
            concern=concern,
            quote=quote,
            quote_span=span_of(article, quote),
        )
        for holder, kind, concern, quote in concerns
    ]
    fields: dict[str, Any] = {
        "model": "openai/gpt-4o-mini",
        "prompt_version": "summarize-v1",
        "attempts": 1,
        "usage": Usage(prompt_tokens=1800, completion_tokens=420, cached_tokens=0),
        "cost_usd": 0.00052,
        "elapsed_s": 1.25,
        "article_sha256": hashlib.sha256(article.encode("utf-8")).hexdigest(),
        "warnings": list(warnings),
        **meta_fields,
    }
    return ArticleSummary(
        headline=headline,
        summary="Officials described the finding. Critics warned about it.",
        key_points=["Officials described the finding.", "Critics warned about it."],
        actors=built,
        stated_concerns=stated,
        meta=meta(**fields),
    )


def hostile_summary() -> ArticleSummary:
    return summary_for(
        HOSTILE_ARTICLE,
        [
            ("Officials", "government_body", ["Officials"]),
            ("the mayor", "person", ["The mayor", "</textarea>"]),
            ("Critics", "group", ["Critics"]),
            ("Engineers", "group", ["Engineers"]),
        ],
        [
            (
                "Critics",
                "warning",
                "Template syntax leaks",
                "{{ x }} and {% if admin %}secret{% endif %}",
            ),
            (
                "the mayor",
                "other",
                "Markup in a memo",
                '</textarea><img src=x onerror="window.__pwned=1"> and &lt;b&gt;',
            ),
            (
                "Engineers",
                "doubt",
                "The fix <b>works</b>?",
                "</script><script>window.__pwned = 2</script> Engineers doubted",
            ),
            (
                "Officials",
                "concern",
                "A script in the form",
                "<script>window.__pwned = true; alert(1)</script>",
            ),
        ],
        headline="<script>window.__pwned=3</script> & </title> headline",
        warnings=["dropped mention '<b>x</b>' of 'Critics': not in the article"],
    )


PUTIN = "President Vladimir Putin said Russia abides by sanctions. Critics doubted it."
KIMS = "Kim Jong Un met Kim Yung-ho, the minister. Kim said the talks went well."
WEATHER = "Putin said the weather was fine. The U.S. disagreed."


def putin_summary(text: str = PUTIN) -> ArticleSummary:
    return summary_for(
        text,
        [
            ("Vladimir Putin", "person", ["President Vladimir Putin"]),
            ("Critics", "group", ["Critics"]),
        ],
        [("Critics", "doubt", "Sanctions are kept", "Critics doubted it")],
        headline="Putin says Russia abides by sanctions",
    )


def kims_summary() -> ArticleSummary:
    return summary_for(
        KIMS,
        [
            ("Kim Jong Un", "person", ["Kim Jong Un", ("Kim", 3)]),
            ("Kim Yung-ho", "person", ["Kim Yung-ho"]),
        ],
        [("Kim Jong Un", "other", "Talks went well", "the talks went well")],
        headline="Two Kims meet",
    )


def weather_summary() -> ArticleSummary:
    return summary_for(
        WEATHER,
        [("Putin", "person", ["Putin"]), ("U.S.", "country", ["U.S."])],
        [("U.S.", "criticism", "Weather", "The U.S. disagreed")],
        headline="Putin on the weather",
    )


def all_spans(summary: ArticleSummary) -> list[tuple[int, int]]:
    """Every mention and quote span of a summary."""
    spans = [span for actor in summary.actors for span in actor.mention_spans]
    return spans + [concern.quote_span for concern in summary.stated_concerns]


@dataclass
class _Open:
    tag: str
    attributes: dict[str, str]
    text: list[str] = field(default_factory=list)


class PageReader(HTMLParser):
    """What the DOM of a page holds: each highlight's text (by ``data-span``), the article text,
    the embedded JSON, the scripts and every URL the page refers to."""

    VOID = {"meta", "link", "img", "br", "input", "hr", "source"}

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.highlights: dict[int, list[str]] = {}
        self.article: str | None = None
        self.data: dict[str, Any] = {}
        self.scripts: list[str] = []
        self.urls: list[str] = []
        self.meta: dict[str, str] = {}
        self._stack: list[_Open] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for name in ("src", "href"):
            if name in attributes:
                self.urls.append(attributes[name])
        if tag == "meta" and "http-equiv" in attributes:
            self.meta[attributes["http-equiv"].lower()] = attributes.get("content", "")
        if tag not in self.VOID:
            self._stack.append(_Open(tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while self._stack:
            element = self._stack.pop()
            text = "".join(element.text)
            if self._stack:
                self._stack[-1].text.append(text)
            if "data-span" in element.attributes:
                self.highlights.setdefault(int(element.attributes["data-span"]), []).append(text)
            if element.attributes.get("id") == "article":
                self.article = text
            if element.tag == "script":
                if element.attributes.get("type") == "application/json":
                    self.data[element.attributes.get("id", "")] = json.loads(text)
                else:
                    self.scripts.append(text)
            if element.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._stack:
            self._stack[-1].text.append(data)


def site_rows(site: Path, kind: str) -> list[dict[str, Any]]:
    """Every row of one table of a review site, read from its data files."""
    rows: list[dict[str, Any]] = []
    for path in sorted((site / "data").glob(f"{kind}-*.js")):
        text = path.read_text(encoding="utf-8")
        prefix = f'SummarizerSite.add("{kind}", '
        assert text.startswith(prefix) and text.endswith(");\n")
        _, _, payload = text[len(prefix) : -3].partition(", ")
        rows.extend(json.loads(payload))
    return rows


def write_results(path: Path, records: Sequence[tuple[str, ArticleSummary | str]]) -> Path:
    """A results file as ``summarizer batch`` writes it: (id, summary) or (id, error message)."""
    with path.open("w", encoding="utf-8") as out:
        for article_id, outcome in records:
            if isinstance(outcome, str):
                error = {"type": "ProviderError", "message": outcome}
                line = {"id": article_id, "status": "error", "error": error}
            else:
                summary = json.loads(outcome.model_dump_json())
                line = {"id": article_id, "status": "ok", "summary": summary}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path
