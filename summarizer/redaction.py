"""Keeping keys out of what people and logs see. Light on purpose: the CLI imports it at start-up."""

from __future__ import annotations

import re

# A local server needs no key, but the openai client insists on one: this placeholder is sent.
NO_KEY = "not-needed"
_SECRET = re.compile(r"\b(sk-[A-Za-z0-9_*-]{6,}|Bearer\s+\S+)")


def redact(text: str, secret: str | None = None) -> str:
    """Remove a key, and anything shaped like one, from text meant for people or logs.

    >>> redact("refused key sk-abcdef123456 for Bearer xyz")
    'refused key *** for ***'
    """
    if secret and secret != NO_KEY:
        text = text.replace(secret, "***")
    return _SECRET.sub("***", text)
