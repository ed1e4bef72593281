"""A YAML cassette format with JSON bodies stored as YAML, so a diff of a cassette reads like a diff
of the conversation. Bodies that are not JSON are kept as strings."""

from __future__ import annotations

import json
from typing import Any

import yaml


def _parsed(body: Any) -> Any:
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    if not isinstance(body, str) or not body.strip():
        return None
    try:
        parsed = json.loads(body)
    except ValueError:
        return None
    return parsed if isinstance(parsed, (dict, list)) else None


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text (prompts, articles) as a literal block, readable as it was sent.
    if "\n" in value and not any(c in value for c in "\r\t") and value == value.rstrip(" "):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _text)


def serialize(cassette: dict[str, Any]) -> str:
    for interaction in cassette.get("interactions", []):
        request = interaction["request"]
        parsed = _parsed(request.get("body"))
        if parsed is not None:
            request["parsed_body"] = parsed
            del request["body"]
        body = interaction["response"].get("body", {})
        parsed = _parsed(body.get("string"))
        if parsed is not None:
            body["parsed"] = parsed
            del body["string"]
    return yaml.dump(cassette, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def deserialize(text: str) -> dict[str, Any]:
    cassette: dict[str, Any] = yaml.safe_load(text)
    for interaction in cassette.get("interactions", []):
        request = interaction["request"]
        if "parsed_body" in request:
            request["body"] = json.dumps(request.pop("parsed_body"), ensure_ascii=False)
        body = interaction["response"].get("body", {})
        if "parsed" in body:
            body["string"] = json.dumps(body.pop("parsed"), ensure_ascii=False)
    return cassette
