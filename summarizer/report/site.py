"""The static review site of a batch: an index, an actor index across articles, a who-said-what
table, and one review page per article.

``write_site(results, inputs, out)`` reads the results file (the latest line of each id wins) and
the batch's inputs (through ``read_sources``, so directories, JSONL files and ``-`` all work),
and writes::

    out/index.html               the three tables (articles, actors, who said what)
    out/articles/NAME.html       one review page per article whose text is at hand and unchanged
    out/data/KIND-NNNN.js        the tables' rows, a thousand a file, loaded as the index needs them
    out/assets/                  the pages' CSS and JS, shared

A record is drawn only when its text is among the inputs and hashes to its ``article_sha256``;
otherwise it is listed in the index with the reason. Memory stays bounded: the results file is
read a line at a time (only byte offsets are kept), each page is written and dropped before the
next, and rows go to the data files as they come; the index shows a hundred rows at a time.

Example::

    >>> report = write_site("results.jsonl", ["articles/"], "review")  # doctest: +SKIP
    >>> report.index  # doctest: +SKIP
    PosixPath('review/index.html')
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..batch_io import SourceArticle, read_sources
from ..errors import InputError
from ..models import ArticleSummary
from .actors import Holders, ResolvedActors
from .page import (
    PageOptions,
    article_matches,
    asset,
    content_security_policy,
    e,
    render_page,
    script_json,
)
from .results import ResultRecord, ResultsReader, actor_index, validated

ROWS_PER_FILE = 1000
_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9_-]+")
MAX_SUMMARY_CHARS = 600
MAX_NAMES_SHOWN = 6


@dataclass(frozen=True)
class SiteReport:
    """What ``write_site`` wrote."""

    index: Path
    articles: int  # listed in the index
    drawn: int  # with a page of their own
    failed: int  # the batch's errors (and records whose summary does not validate)
    missing: int  # summarised, but their text is not among the inputs
    changed: int  # summarised, but their text no longer hashes to article_sha256
    actors: int  # distinct actors across the batch
    concerns: int


def page_name(article_id: str) -> str:
    """A file name for an article page: readable, safe on every file system, unique per id."""
    readable = _UNSAFE_IN_NAME.sub("-", article_id).strip("-")[:60] or "article"
    digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:10]
    return f"{readable}-{digest}.html"


class _RowFiles:
    """Rows of one table, written ``ROWS_PER_FILE`` at a time as ``data/KIND-NNNN.js``."""

    def __init__(self, directory: Path, kind: str, per_file: int) -> None:
        self.directory = directory
        self.kind = kind
        self.per_file = per_file
        self.rows: list[Any] = []
        self.count = 0
        self.files = 0

    def add(self, row: Any) -> int:
        """Add a row; its number in the table."""
        self.rows.append(row)
        self.count += 1
        if len(self.rows) >= self.per_file:
            self.flush()
        return self.count - 1

    def flush(self) -> None:
        if not self.rows:
            return
        name = self.directory / f"{self.kind}-{self.files:04d}.js"
        payload = script_json(self.rows)
        name.write_text(
            f"SummarizerSite.add({json.dumps(self.kind)}, {self.files}, {payload});\n",
            encoding="utf-8",
        )
        self.files += 1
        self.rows = []


@dataclass
class _ActorTally:
    articles: list[int] = field(default_factory=list)
    concerns: list[int] = field(default_factory=list)
    mentions: int = 0


class _Site:
    def __init__(self, out: Path, actors: ResolvedActors, per_file: int) -> None:
        self.out = out
        self.actors = actors
        self.data = out / "data"
        self.article_rows = _RowFiles(self.data, "articles", per_file)
        self.concern_rows = _RowFiles(self.data, "concerns", per_file)
        self.actor_rows = _RowFiles(self.data, "actors", per_file)
        self.tally: dict[str, _ActorTally] = {}
        self.counts = {"drawn": 0, "failed": 0, "missing": 0, "changed": 0}

    def article(self, record: ResultRecord, source: SourceArticle | None) -> None:
        title = record.title or (source.title if source is not None else None)
        summary: ArticleSummary | None = None
        if record.status == "ok":
            summary, record = validated(record)
        row: dict[str, Any] = {
            "id": record.id,
            "title": title,
            "status": "failed",
            "headline": None,
            "summary": None,
            "problem": None,
            "page": None,
            "actors": 0,
            "concerns": 0,
            "cost": None,
            "tokens": 0,
            "ids": [],
            "names": "",
            "kinds": [],
        }
        if summary is None:
            row["problem"] = f"{record.error_type}: {record.error_message}"
            self.counts["failed"] += 1
            self.article_rows.add(row)
            return
        text = source.text if source is not None else None
        if text is None:
            row["status"] = "missing"
            row["problem"] = (
                f"its text could not be read: {source.problem}"
                if source is not None and source.problem is not None
                else "its text is not among the inputs given"
            )
        elif not article_matches(summary, text):
            row["status"] = "changed"
            row["problem"] = "its text has changed since it was summarised (SHA-256 differs)"
        else:
            row["status"] = "ok"
            name = page_name(record.id)
            options = PageOptions(
                article_id=record.id,
                title=title,
                index_href="../index.html",
                assets_href="../assets/",
            )
            (self.out / "articles" / name).write_text(
                render_page(summary, text, options), encoding="utf-8"
            )
            row["page"] = f"articles/{name}"
        self.counts["drawn" if row["status"] == "ok" else row["status"]] += 1
        self._summary_rows(row, summary)

    def _summary_rows(self, row: dict[str, Any], summary: ArticleSummary) -> None:
        usage = summary.meta.usage
        ids = [self.actors.id_of(actor.name) for actor in summary.actors]
        row.update(
            headline=summary.headline,
            summary=summary.summary[:MAX_SUMMARY_CHARS],
            actors=len(summary.actors),
            concerns=len(summary.stated_concerns),
            cost=summary.meta.cost_usd,
            tokens=usage.prompt_tokens + usage.completion_tokens,
            ids=sorted({actor_id for actor_id in ids if actor_id is not None}),
            names="; ".join(actor.name for actor in summary.actors),
            kinds=sorted({concern.kind.value for concern in summary.stated_concerns}),
        )
        number = self.article_rows.add(row)
        for actor, actor_id in zip(summary.actors, ids, strict=True):
            if actor_id is None:
                continue
            tally = self.tally.setdefault(actor_id, _ActorTally())
            if not tally.articles or tally.articles[-1] != number:
                tally.articles.append(number)
            tally.mentions += len(actor.mention_spans)
        holders = Holders((actor.name, actor.mentions) for actor in summary.actors)
        for concern in summary.stated_concerns:
            position = holders.find(concern.holder)
            actor_id = ids[position] if position is not None else None
            concern_number = self.concern_rows.add(
                {
                    "article": number,
                    "holder": concern.holder,
                    "actor": actor_id,
                    "kind": concern.kind.value,
                    "concern": concern.concern,
                    "quote": concern.quote,
                    "span": list(concern.quote_span),
                }
            )
            if actor_id is not None:
                self.tally.setdefault(actor_id, _ActorTally()).concerns.append(concern_number)

    def finish(self) -> int:
        """Write the actor rows and flush every table; the number of actors."""
        for actor_id, tally in sorted(self.tally.items(), key=lambda item: -len(item[1].articles)):
            group = self.actors.groups[actor_id]
            self.actor_rows.add(
                {
                    "id": actor_id,
                    "name": group.name,
                    "kind": group.kind,
                    "names": list(group.names[:MAX_NAMES_SHOWN]),
                    "roles": list(group.roles[:MAX_NAMES_SHOWN]),
                    "articles": tally.articles,
                    "concerns": tally.concerns,
                    "mentions": tally.mentions,
                }
            )
        for table in (self.article_rows, self.concern_rows, self.actor_rows):
            table.flush()
        return self.actor_rows.count


def _prepare(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file: name a directory for the site")
    try:
        for folder in (out, out / "articles", out / "data", out / "assets"):
            folder.mkdir(parents=True, exist_ok=True)
        # Data files of an earlier, larger site would be harmless (the index says how many to
        # load) but misleading: they go.
        for stale in (out / "data").glob("*.js"):
            stale.unlink()
        for name in ("page.css", "page.js", "site.css", "site.js"):
            (out / "assets" / name).write_text(asset(name), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the site to {out}: {exc.strerror}") from exc


def write_site(
    results: str | Path,
    inputs: Sequence[str],
    out: str | Path,
    *,
    stdin: TextIO | None = None,
    rows_per_file: int = ROWS_PER_FILE,
) -> SiteReport:
    """Write the review site of a batch (see the module's docstring); what was written.

    ``inputs`` are those the batch read (directories of ``.txt``/``.md`` files, JSONL files,
    ``-`` for JSONL on ``stdin``). Raises ``InputError`` for a missing or empty results file, a
    bad input (as ``summarizer batch`` would), or an ``out`` that cannot be written.
    """
    reader = ResultsReader(results)
    if list(inputs).count("-") > 1:
        raise InputError("standard input (-) can be read only once")
    # Inputs are checked whole before anything is written, as the batch does.
    for _ in read_sources([source for source in inputs if source != "-"], load=False):
        pass
    out = Path(out)
    _prepare(out)
    actors = actor_index(reader)
    site = _Site(out, actors, rows_per_file)
    seen: set[str] = set()
    with Path(results).open("rb") as handle:
        for source in read_sources(inputs, stdin=stdin):
            record = reader.get(source.id, handle)
            if record is None:
                continue
            seen.add(source.id)
            site.article(record, source)
    for record in reader:
        if record.id not in seen:
            site.article(record, None)
    actor_count = site.finish()
    counts = site.counts
    manifest = {
        "results": Path(results).name,
        "per_file": rows_per_file,
        "files": {
            "articles": site.article_rows.files,
            "concerns": site.concern_rows.files,
            "actors": site.actor_rows.files,
        },
        "rows": {
            "articles": site.article_rows.count,
            "concerns": site.concern_rows.count,
            "actors": actor_count,
        },
        "counts": counts,
    }
    index = out / "index.html"
    index.write_text(_index_html(manifest), encoding="utf-8")
    return SiteReport(
        index=index,
        articles=site.article_rows.count,
        drawn=counts["drawn"],
        failed=counts["failed"],
        missing=counts["missing"],
        changed=counts["changed"],
        actors=actor_count,
        concerns=site.concern_rows.count,
    )


def _index_html(manifest: dict[str, Any]) -> str:
    counts = manifest["counts"]
    rows = manifest["rows"]
    not_drawn = counts["missing"] + counts["changed"]
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">',
            '<meta name="referrer" content="no-referrer">',
            f"<title>Review: {e(manifest['results'])}</title>",
            '<link rel="stylesheet" href="assets/site.css">',
            "</head>",
            "<body>",
            '<div class="page">',
            "<header>",
            f'<p class="eyebrow">Review of <bdi>{e(manifest["results"])}</bdi></p>',
            f"<h1>{rows['articles']:,} articles</h1>",
            f'<p class="counts">{counts["drawn"]:,} drawn · {counts["failed"]:,} failed · '
            f"{not_drawn:,} not drawn ({counts['missing']:,} with no text among the inputs, "
            f"{counts['changed']:,} whose text has changed) · {rows['actors']:,} actors · "
            f"{rows['concerns']:,} stated concerns</p>",
            "</header>",
            '<nav class="tabs" role="tablist" aria-label="Tables">',
            '<a role="tab" href="#articles" id="tab-articles" aria-controls="articles">Articles</a>',
            '<a role="tab" href="#actors" id="tab-actors" aria-controls="actors">Actors</a>',
            '<a role="tab" href="#concerns" id="tab-concerns" aria-controls="concerns">'
            "Who said what</a>",
            "</nav>",
            '<main id="view" tabindex="-1"><p class="loading">Loading…</p></main>',
            "<noscript><p>The tables need JavaScript; each article's page is in "
            "<code>articles/</code>.</p></noscript>",
            "</div>",
            f'<script type="application/json" id="site-data">{script_json(manifest)}</script>',
            '<script src="assets/site.js"></script>',
            "</body>",
            "</html>",
        ]
    )
