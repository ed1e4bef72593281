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

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from .models import MAX_HEADLINE_WORDS, ActorKind, ConcernKind

PROMPT_NAME = "summarize"
PROMPT_VERSION = "summarize-v1"
# Long articles: the chunks' results are merged by one more call with this prompt.
REDUCE_PROMPT_NAME = "reduce"


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


_VERSION = PROMPT_VERSION.rsplit("-", 1)[1]


@cache
def system_message(name: str = PROMPT_NAME) -> str:
    """The static instructions: identical for every article, so providers can cache the prefix."""
    template = _environment().get_template(f"{name}/system.{_VERSION}.j2")
    return template.render(**_STATIC_VARIABLES)


def user_message(article: str) -> str:
    """The article, delimited, as data."""
    return _environment().get_template(f"{PROMPT_NAME}/user.{_VERSION}.j2").render(article=article)


def render_reduce_messages(parts: list[Any]) -> list[dict[str, str]]:
    """The messages that merge the summaries of a long article's parts into one."""
    template = _environment().get_template(f"{REDUCE_PROMPT_NAME}/user.{_VERSION}.j2")
    return [
        {"role": "system", "content": system_message(REDUCE_PROMPT_NAME)},
        {"role": "user", "content": template.render(parts=parts)},
    ]


def render_messages(article: str) -> list[dict[str, str]]:
    """The chat messages for one article: the static system message first, the article last."""
    return [
        {"role": "system", "content": system_message()},
        {"role": "user", "content": user_message(article)},
    ]
