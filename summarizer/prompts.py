"""Loading and rendering the prompt templates.

Templates live in ``prompts/`` (shipped inside the wheel as ``summarizer/prompts``) and are rendered
with ``StrictUndefined``, so a missing variable is an error, not an empty string. The article is only
ever a variable's value: Jinja never parses a value as template source, so ``{{`` in an article reaches
the model as it is.

Example::

    >>> messages = render_messages("Some article text.")
    >>> [message["role"] for message in messages]
    ['system', 'user']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from .models import MAX_HEADLINE_WORDS, ActorKind, ConcernKind

# The version recorded in every result: a changed template gets a new version.
PROMPT_VERSION = "summarize-v2"
# The template of each message; a file's own version changes when its text does.
TEMPLATES = {
    "system": "summarize/system.v1.j2",
    "user": "summarize/user.v1.j2",
    # A grounding re-ask: only the records that failed are asked for again.
    "reask": "summarize/reask.v2.j2",
    # Long articles: the parts' prose is merged by one more call with these.
    "reduce_system": "reduce/system.v1.j2",
    "reduce_user": "reduce/user.v1.j2",
}


def resource_dir(name: str) -> Path:
    """A data folder shipped with the package: inside it once installed, beside it in a checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / name, package.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name!r} folder is missing from the installation")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_dir("prompts")),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


_STATIC_VARIABLES: dict[str, Any] = {
    "max_headline_words": MAX_HEADLINE_WORDS - 5,
    "min_summary_sentences": 2,
    "max_summary_sentences": 5,
    "max_key_points": 8,
    "actor_kinds": [kind.value for kind in ActorKind],
    "concern_kinds": [kind.value for kind in ConcernKind],
}


def _render(name: str, **variables: Any) -> str:
    return _environment().get_template(TEMPLATES[name]).render(**variables)


@cache
def system_message(name: str = "system") -> str:
    """The static instructions: identical for every article, so providers can cache the prefix."""
    return _render(name, **_STATIC_VARIABLES)


def user_message(article: str) -> str:
    """The article, delimited, as data."""
    return _render("user", article=article)


def reask_message(problems: Sequence[str], records: str) -> str:
    """What a grounding re-ask says: the problems, and the records to send again (as JSON)."""
    return _render("reask", problems=problems, records=records)


def reduce_message(parts: Sequence[Any]) -> str:
    """The parts' prose, delimited, as data: what a reduce request carries."""
    return _render("reduce_user", parts=parts)


def render_reduce_messages(parts: Sequence[Any]) -> list[dict[str, str]]:
    """The messages that merge the summaries of a long article's parts into one."""
    return [
        {"role": "system", "content": system_message("reduce_system")},
        {"role": "user", "content": reduce_message(parts)},
    ]


def render_messages(article: str) -> list[dict[str, str]]:
    """The chat messages for one article: the static system message first, the article last."""
    return [
        {"role": "system", "content": system_message()},
        {"role": "user", "content": user_message(article)},
    ]
