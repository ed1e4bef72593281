"""Cassette hygiene for pytest-recording: what is scrubbed, what is normalised, and a re-record that
fails leaving the committed cassette as it was.

A cassette records what was asked and answered, not where or when: keys and account headers are
scrubbed from requests and responses; the port of a local server (a new one each run) and the
response's date and other per-call headers are normalised away, so that re-recording an unchanged
exchange rewrites the cassette byte for byte. Matching stays on method, path and body.

With a recording ``--record-mode`` (``rewrite`` deletes the cassette before the test), a test that
fails, or records nothing, gets its committed cassette back: a re-record without network, or one
that finds a changed answer, must not leave the suite without its cassettes.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from pytest_recording.plugin import get_default_cassette_name

import readable_cassettes

# Headers that carry keys or identify an account; scrubbed from requests and responses alike.
SECRET_REQUEST_HEADERS = [
    "authorization",
    "api-key",
    "openai-organization",
    "openai-project",
    "cookie",
]
SECRET_RESPONSE_HEADERS = {
    "set-cookie",
    "openai-organization",
    "openai-project",
    "x-request-id",
    "cf-ray",
    "x-openai-proxy-wasm",
}
# Response headers that change from one call to the next without saying anything about the answer.
VOLATILE_RESPONSE_HEADERS = {"date", "openai-processing-ms", "x-envoy-upstream-service-time"}
VOLATILE_RESPONSE_PREFIXES = ("x-ratelimit-",)
_STAINLESS = (
    "arch",
    "os",
    "lang",
    "package-version",
    "runtime",
    "runtime-version",
    "async",
    "read-timeout",
    "retry-count",
    "timeout",
)
# A local server listens on a new port each run: the port is left out of what is recorded.
_LOCAL_PORT = re.compile(r"^(127\.0\.0\.1|localhost|\[::1\]):\d+$")
_LOCAL_URL = re.compile(r"(//(?:127\.0\.0\.1|localhost|\[::1\])):\d+(?=/|$)")


def normalise_request(request: Any) -> Any:
    """The request as recorded (and compared): the local server's port left out."""
    request = copy.deepcopy(request)
    request.uri = _LOCAL_URL.sub(r"\1", request.uri)
    host = request.headers.get("host")
    if isinstance(host, str) and _LOCAL_PORT.match(host):
        request.headers["host"] = host.rsplit(":", 1)[0]
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        lowered = name.lower()
        if (
            lowered in SECRET_RESPONSE_HEADERS
            or lowered in VOLATILE_RESPONSE_HEADERS
            or lowered.startswith(VOLATILE_RESPONSE_PREFIXES)
        ):
            del headers[name]
    # A provider may echo the key (or part of it) in an error body.
    key = os.environ.get("OPENAI_API_KEY")
    body = response.get("body", {})
    if key and isinstance(body.get("string"), bytes):
        body["string"] = body["string"].replace(key.encode(), b"***")
    return response


def vcr_settings() -> dict[str, Any]:
    """The ``vcr_config`` of the suite."""
    # No record_mode here: it would override --record-mode on the command line.
    return {
        # Also drop the client's description of the recording machine: noise in every diff.
        "filter_headers": SECRET_REQUEST_HEADERS + [f"x-stainless-{name}" for name in _STAINLESS],
        "before_record_request": normalise_request,
        "before_record_response": scrub_response,
        # Match on what was asked, not where.
        "match_on": ["method", "path", "body"],
        "decode_compressed_response": True,
    }


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    # Replaces the default YAML format, so cassettes keep the .yaml ending.
    vcr.register_serializer("yaml", readable_cassettes)


# -- a failed re-record keeps the committed cassette ----------------------------------------------

_BEFORE = pytest.StashKey[tuple[Path, bytes | None]]()
_FAILED = pytest.StashKey[bool]()


def _cassette_path(item: pytest.Item) -> Path:
    """Where pytest-recording keeps the item's cassette (its default place and name)."""
    module = Path(str(item.path))
    name = get_default_cassette_name(getattr(item, "cls", None), item.name)
    return module.parent / "cassettes" / module.stem / f"{name}.yaml"


def _recording(item: pytest.Item) -> bool:
    mode = item.config.getoption("--record-mode", default=None) or "none"
    return mode != "none" and item.get_closest_marker("vcr") is not None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Before the vcr fixture, which deletes the cassette in rewrite mode.
    if _recording(item):
        path = _cassette_path(item)
        item.stash[_BEFORE] = (path, path.read_bytes() if path.exists() else None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.failed:
        item.stash[_FAILED] = True
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None]:
    try:
        return (yield)  # the fixtures' teardown: the vcr fixture writes the cassette here
    finally:
        before = item.stash.get(_BEFORE, None)
        if before is not None:
            path, committed = before
            if item.stash.get(_FAILED, False) or not path.exists():
                _put_back(path, committed)


def _put_back(path: Path, committed: bytes | None) -> None:
    if committed is None:
        path.unlink(missing_ok=True)  # a failed test's half-recorded cassette is worth nothing
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(committed)
