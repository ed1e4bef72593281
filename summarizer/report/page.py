"""The review page of one article: the text with every mention and quote marked at its span.

One self-contained HTML file: inline CSS and JS (no network, no fonts, no images), a
Content-Security-Policy that lets only that CSS and JS run (by their hashes), the article and every
model-written string escaped, and the data the script needs embedded as JSON that no text can
break out of.

Example::

    >>> from summarizer import summarize
    >>> from pathlib import Path
    >>> article = Path("examples/ap-kim-russia-jets.txt").read_text(encoding="utf-8")
    >>> page = render_html(summarize(article, model="offline"), article)  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from ..errors import InputError
from ..models import ArticleSummary, DroppedRecord
from .actors import Holders
from .markup import Mark, escape_attribute, mark_up

PALETTE_SIZE = 12


@cache
def asset(name: str) -> str:
    """A file of ``summarizer/report/assets`` (shipped in the wheel)."""
    return (files("summarizer.report") / "assets" / name).read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON for a ``<script type="application/json">``: nothing in it can close the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # JSON allows U+2028 and U+2029 raw; older JavaScript does not, in a data file.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(scripts: Sequence[str] = (), styles: Sequence[str] = ()) -> str:
    """A policy that loads nothing from anywhere: only the given inline code (by hash), or, with
    none given, files beside the page ('self')."""
    script_src = " ".join(_csp_hash(s) for s in scripts) or "'self'"
    style_src = " ".join(_csp_hash(s) for s in styles) or "'self'"
    return (
        f"default-src 'none'; script-src {script_src}; style-src {style_src}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def e(text: object) -> str:
    """Escape model-written text for HTML content or a quoted attribute."""
    return escape_attribute(str(text))


@dataclass(frozen=True)
class PageSpan:
    """A highlight: where it is, and whose it is."""

    start: int
    end: int
    kind: str  # "m" for a mention, "q" for a quote
    actor: int | None
    concern: int | None


def article_matches(summary: ArticleSummary, article: str) -> bool:
    """Whether ``article`` is the text the summary was made from (its spans refer to it)."""
    digest = hashlib.sha256(article.encode("utf-8")).hexdigest()
    return digest == summary.meta.article_sha256


def page_spans(summary: ArticleSummary, length: int) -> tuple[list[PageSpan], list[str]]:
    """Every mention and quote span, and a line for each one that cannot be drawn."""
    spans: list[PageSpan] = []
    problems: list[str] = []

    def take(span: tuple[int, int], what: str, **where: Any) -> None:
        start, end = span
        if 0 <= start < end <= length:
            spans.append(PageSpan(start, end, **where))
        else:
            problems.append(f"{what}: span [{start}, {end}] is not inside the article; not drawn")

    for index, actor in enumerate(summary.actors):
        for mention, span in zip(actor.mentions, actor.mention_spans, strict=False):
            take(
                span, f"mention {mention!r} of {actor.name!r}", kind="m", actor=index, concern=None
            )
    holders = Holders((actor.name, actor.mentions) for actor in summary.actors)
    for index, concern in enumerate(summary.stated_concerns):
        holder = holders.find(concern.holder)
        take(
            concern.quote_span,
            f"quote of {concern.holder!r}",
            kind="q",
            actor=holder,
            concern=index,
        )
    return spans, problems


def _colour(actor: int | None) -> str:
    return "ax" if actor is None else f"a{actor % PALETTE_SIZE}"


def _mark(number: int, span: PageSpan) -> Mark:
    kind = "m" if span.kind == "m" else "q"
    attributes = [f'class="hl {kind} {_colour(span.actor)}"', f'data-span="{number}"']
    if span.actor is not None:
        attributes.append(f'data-actor="{span.actor}"')
    if span.concern is not None:
        attributes.append(f'data-concern="{span.concern}"')
    return Mark(span.start, span.end, f'<mark {" ".join(attributes)} tabindex="0">')


def _actor_list(summary: ArticleSummary) -> str:
    if not summary.actors:
        return '<p class="none">None found.</p>'
    items = []
    for index, actor in enumerate(summary.actors):
        count = len(actor.mention_spans)
        details = [actor.kind.value.replace("_", " ")]
        if actor.role:
            details.append(f"<bdi>{e(actor.role)}</bdi>")
        details.append(f"{count} mention{'s' if count != 1 else ''}")
        items.append(
            f'<li><button type="button" class="pick {_colour(index)}" data-actor="{index}" '
            f'aria-pressed="false"><span class="sw" aria-hidden="true"></span>'
            f'<bdi class="name">{e(actor.name)}</bdi>'
            f'<span class="sub">{" · ".join(details)}</span></button></li>'
        )
    return "<ul>" + "".join(items) + "</ul>"


def _concern_list(summary: ArticleSummary, spans: Sequence[PageSpan]) -> str:
    if not summary.stated_concerns:
        return '<p class="none">None found.</p>'
    holder_of = {span.concern: span.actor for span in spans if span.concern is not None}
    items = []
    for index, concern in enumerate(summary.stated_concerns):
        items.append(
            f'<li><button type="button" class="pick {_colour(holder_of.get(index))}" '
            f'data-concern="{index}" aria-pressed="false">'
            f'<span class="sw q-sw" aria-hidden="true"></span><bdi class="name">'
            f'{e(concern.holder)}</bdi> <span class="kind">{e(concern.kind.value)}</span>'
            f'<span class="sub" dir="auto">{e(concern.concern)}</span></button></li>'
        )
    return "<ul>" + "".join(items) + "</ul>"


def _cost(cost: float | None) -> str:
    if cost is None:
        return "unknown (no price for this model)"
    if cost == 0:
        return "$0"
    return f"${cost:.4f} (estimated)"


_REASONS = {"not_in_article": "not in the article", "holder_not_an_actor": "its holder is no actor"}


def _dropped_item(item: DroppedRecord) -> str:
    part = f"part {item.part}: " if item.part else ""
    reason = _REASONS.get(item.reason, item.reason)
    return f"{part}{item.kind} of {item.actor}: {item.text!r} ({reason})"


def _meta(summary: ArticleSummary, problems: Sequence[str]) -> str:
    meta = summary.meta
    usage = meta.usage
    rows = [
        ("Model", meta.model),
        ("Prompt", meta.prompt_version),
        ("Schema", f"v{meta.schema_version}"),
        ("Attempts", str(meta.attempts)),
        (
            "Tokens",
            f"{usage.prompt_tokens:,} prompt · {usage.completion_tokens:,} completion · "
            f"{usage.cached_tokens:,} cached",
        ),
        ("Cost", _cost(meta.cost_usd)),
        ("From the cache", "yes" if meta.cached else "no"),
        ("Time", f"{meta.elapsed_s:.2f} s"),
        ("Article SHA-256", meta.article_sha256),
    ]
    parts = ['<footer class="meta"><h2>How this summary was made</h2><dl>']
    parts += [f"<dt>{name}</dt><dd><bdi>{e(value)}</bdi></dd>" for name, value in rows]
    parts.append("</dl>")
    warnings = [*meta.warnings, *problems]
    parts.append(f"<h2>Warnings ({len(warnings)})</h2>")
    if warnings:
        parts.append('<ul class="warnings">')
        parts += [f'<li dir="auto">{e(warning)}</li>' for warning in warnings]
        parts.append("</ul>")
    else:
        parts.append('<p class="none">None.</p>')
    # What grounding left out, record by record.
    dropped = meta.dropped
    parts.append(f"<h2>Dropped records ({len(dropped)})</h2>")
    if dropped:
        parts.append('<ul class="dropped">')
        parts += [f'<li dir="auto">{e(_dropped_item(item))}</li>' for item in dropped]
        parts.append("</ul>")
    else:
        parts.append('<p class="none">None.</p>')
    parts.append("</footer>")
    return "".join(parts)


def _data(summary: ArticleSummary, spans: Sequence[PageSpan]) -> dict[str, Any]:
    actor_spans: list[list[int]] = [[] for _ in summary.actors]
    concern_span: dict[int, int] = {}
    for number, span in enumerate(spans):
        if span.kind == "m" and span.actor is not None:
            actor_spans[span.actor].append(number)
        elif span.concern is not None:
            concern_span[span.concern] = number
    return {
        "actors": [
            {
                "name": actor.name,
                "kind": actor.kind.value,
                "role": actor.role,
                "spans": actor_spans[index],
            }
            for index, actor in enumerate(summary.actors)
        ],
        "concerns": [
            {
                "holder": concern.holder,
                "kind": concern.kind.value,
                "concern": concern.concern,
                "span": concern_span.get(index),
            }
            for index, concern in enumerate(summary.stated_concerns)
        ],
        "spans": [[s.start, s.end, s.kind, s.actor, s.concern] for s in spans],
    }


@dataclass(frozen=True)
class PageOptions:
    """How the page is framed: alone (assets inline) or as part of a site (assets linked)."""

    article_id: str | None = None
    title: str | None = None
    index_href: str | None = None
    assets_href: str | None = None  # None: CSS and JS inline


def render_page(summary: ArticleSummary, article: str, options: PageOptions) -> str:
    """The page, for a text already known to be the summary's (see ``article_matches``)."""
    spans, problems = page_spans(summary, len(article))
    marked, overlays = mark_up(article, [_mark(n, span) for n, span in enumerate(spans)])
    css, js = asset("page.css"), asset("page.js")
    if options.assets_href is None:
        policy = content_security_policy([js], [css])
        style = f"<style>{css}</style>"
        script = f"<script>{js}</script>"
    else:
        policy = content_security_policy()
        style = f'<link rel="stylesheet" href="{e(options.assets_href)}page.css">'
        script = f'<script src="{e(options.assets_href)}page.js"></script>'
    mentions = sum(1 for span in spans if span.kind == "m")
    quotes = len(spans) - mentions
    head = []
    if options.index_href is not None:
        head.append(
            f'<nav class="crumbs"><a href="{e(options.index_href)}">← All articles</a>'
            f"{' · <bdi>' + e(options.article_id) + '</bdi>' if options.article_id else ''}</nav>"
        )
    eyebrow = options.title or options.article_id
    head.append(f'<p class="eyebrow" dir="auto">{e(eyebrow) if eyebrow else "Review"}</p>')
    layers = "".join(
        f'<div class="text overlay" dir="auto">{overlay}</div>' for overlay in overlays
    )
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="generator" content="summarizer">',
        f"<title>{e(summary.headline)}</title>",
        style,
        "</head>",
        "<body>",
        '<a class="skip" href="#article">Skip to the article</a>',
        '<div class="page">',
        "<header>",
        *head,
        f'<h1 dir="auto">{e(summary.headline)}</h1>',
        f'<p class="summary" dir="auto">{e(summary.summary)}</p>',
        '<h2>Key points</h2><ul class="points">',
        *(f'<li dir="auto">{e(point)}</li>' for point in summary.key_points),
        "</ul>",
        "</header>",
        '<div class="layout">',
        '<main aria-labelledby="article-heading">',
        '<h2 id="article-heading">Article</h2>',
        f'<p class="legend">{mentions} mention{"s" if mentions != 1 else ""} '
        '<mark class="hl m a0">marked</mark> in one colour per actor, '
        f'{quotes} quote{"s" if quotes != 1 else ""} <mark class="hl q a0">underlined</mark> '
        "in the colour of who holds them. "
        '<span class="hint">Choose an actor or a concern to find it; hover or focus a '
        "highlight to see whose it is.</span></p>",
        f'<div class="stack"><div class="text" id="article" dir="auto">{marked}</div>{layers}</div>',
        "</main>",
        '<aside class="side" aria-label="Actors and concerns">',
        '<p class="status" role="status" aria-live="polite"></p>',
        '<button type="button" class="clear" hidden>Clear the selection</button>',
        f"<h2>Actors ({len(summary.actors)})</h2>",
        _actor_list(summary),
        f"<h2>Stated concerns ({len(summary.stated_concerns)})</h2>",
        _concern_list(summary, spans),
        "</aside>",
        "</div>",
        _meta(summary, problems),
        "</div>",
        '<div id="tip" role="tooltip" hidden></div>',
        f'<script type="application/json" id="review-data">{script_json(_data(summary, spans))}'
        "</script>",
        script,
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def render_html(
    summary: ArticleSummary, article: str | None = None, *, title: str | None = None
) -> str:
    """One self-contained HTML review page of a summary over its article.

    ``article`` is the text the summary was made from (default: ``summary.source_text``, set
    when the text was extracted from HTML); a text whose SHA-256 is not ``meta.article_sha256``
    is refused with ``InputError``, since its spans would mark the wrong words.

    Example::

        >>> from summarizer import summarize
        >>> from summarizer.report import render_html
        >>> text = "Critics warned the plan was unsafe."
        >>> render_html(summarize(text, model="offline"), text)[:15]
        '<!doctype html>'
    """
    if article is None:
        article = summary.source_text
    if article is None:
        raise InputError("render_html needs the article text the summary was made from")
    if not article_matches(summary, article):
        raise InputError(
            "the article is not the text this summary was made from (its SHA-256 differs "
            "from meta.article_sha256), so its spans would mark the wrong words"
        )
    return render_page(summary, article, PageOptions(title=title))
