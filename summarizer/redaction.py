"""Keeping keys out of what people and logs see. Light on purpose: the CLI imports it at start-up."""

from __future__ import annotations

import re

# A local server needs no key, but the openai client insists on one: this placeholder is sent.
NO_KEY = "not-needed"
# Shapes of well-known keys, each with a prefix of its own and enough characters after it that no
# ordinary word matches: OpenAI, Anthropic, DeepSeek and OpenRouter (sk-), Groq (gsk_), xAI (xai-),
# Hugging Face (hf_), Google (AIza), Perplexity (pplx-), Replicate (r8_), NVIDIA (nvapi-), GitHub;
# a bearer token; a key in a URL's query. Bare hex or base64 strings are not caught: too many
# harmless things (hashes, ids) look like them, so the key in use is also redacted by value.
_SECRET = re.compile(
    r"\b(?:sk-[A-Za-z0-9_*-]{6,}"
    r"|(?:gsk_|hf_|r8_|gh[pousr]_|github_pat_)[A-Za-z0-9_]{20,}"
    r"|(?:xai-|pplx-|nvapi-)[A-Za-z0-9_-]{20,}"
    r"|AIza[0-9A-Za-z_-]{30,}"
    r"|(?i:bearer)\s+\S+)"
    r"|(?<=[?&])(?i:api[_-]?key|key|access_token|token)=[^&\s\"'<>]+"
)


def redact(text: str, secret: str | None = None) -> str:
    """Remove a key, and anything shaped like one, from text meant for people or logs.

    >>> redact("refused key sk-abcdef123456 for Bearer xyz")
    'refused key *** for ***'
    >>> redact("GET /v1/models?key=AIzaSyA0123456789 and gsk_0123456789abcdefghijKLMN")
    'GET /v1/models?*** and ***'
    """
    if secret and secret != NO_KEY:
        text = text.replace(secret, "***")
    return _SECRET.sub("***", text)
