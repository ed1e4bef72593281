"""The markdown report of a summary: headline, summary, key points, actors table, concerns.

Example::

    >>> from summarizer import summarize
    >>> print(render_markdown(summarize("Officials said the bridge would reopen.", model="offline")))
    ... # doctest: +SKIP
"""

from __future__ import annotations

from ..models import ArticleSummary


def _cell(text: str | None) -> str:
    """Table cell text: pipes escaped, lines joined."""
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render_markdown(summary: ArticleSummary) -> str:
    lines = [f"# {summary.headline}", "", summary.summary, "", "## Key points", ""]
    lines += [f"- {point}" for point in summary.key_points]
    lines += ["", "## Actors", ""]
    if summary.actors:
        lines += ["| Name | Kind | Role | Mentions |", "|---|---|---|---|"]
        for actor in summary.actors:
            mentions = ", ".join(dict.fromkeys(actor.mentions))
            lines.append(
                f"| {_cell(actor.name)} | {actor.kind.value} | {_cell(actor.role) or '-'} "
                f"| {_cell(mentions)} |"
            )
    else:
        lines.append("None found.")
    lines += ["", "## Stated concerns", ""]
    if summary.stated_concerns:
        for concern in summary.stated_concerns:
            start, end = concern.quote_span
            lines.append(f"- **{concern.holder}** ({concern.kind.value}): {concern.concern}")
            lines.append(f"  > {' '.join(concern.quote.split())} [{start}:{end}]")
    else:
        lines.append("None found.")
    meta = summary.meta
    usage = meta.usage
    lines += [
        "",
        "---",
        f"Model: {meta.model} · prompt {meta.prompt_version} · schema v{meta.schema_version} · "
        f"attempts {meta.attempts} · tokens {usage.prompt_tokens} in / {usage.completion_tokens} "
        f"out · {meta.elapsed_s:.2f} s",
    ]
    for warning in meta.warnings:
        lines.append(f"Warning: {warning}")
    return "\n".join(lines) + "\n"
