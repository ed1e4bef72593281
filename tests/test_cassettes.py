"""The suite's own cassette handling, run through pytest itself (pytester): a re-record that fails
keeps the committed cassette, and one that succeeds changes only what changed."""

from __future__ import annotations

import pytest

CONFTEST = """
import pytest

from recording import (
    pytest_recording_configure,
    pytest_runtest_makereport,
    pytest_runtest_setup,
    pytest_runtest_teardown,
    vcr_settings,
)


@pytest.fixture(scope="module")
def vcr_config():
    return vcr_settings()
"""

TESTS = """
import http.client
import json
from urllib.parse import urlsplit

import pytest

from scripted_server import running_server


def ask():
    # A new server, so a new port, on every run.
    with running_server() as server:
        server.reply_content("The bridge is closed.")
        where = urlsplit(server.base_url)
        connection = http.client.HTTPConnection(where.hostname, where.port, timeout=5)
        body = {"model": "m", "messages": [{"role": "user", "content": "Hi"}]}
        headers = {"content-type": "application/json", "authorization": "Bearer sk-test-123456"}
        connection.request("POST", where.path + "/chat/completions", json.dumps(body), headers)
        return connection.getresponse().read()


@pytest.mark.vcr
def test_records():
    assert b"The bridge is closed." in ask()


@pytest.mark.vcr
def test_fails_after_recording():
    ask()
    raise AssertionError("the answer changed")


@pytest.mark.vcr
def test_fails_before_any_request():
    raise ConnectionError("no network")


@pytest.mark.vcr
def test_passes_without_a_request():
    pass
"""

COMMITTED = "version: 1\ninteractions: []  # committed\n"
KEPT = [
    "test_fails_after_recording",
    "test_fails_before_any_request",
    "test_passes_without_a_request",
]


def test_a_failed_re_record_keeps_the_committed_cassette_and_a_repeat_changes_nothing(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_inner=TESTS)
    cassettes = pytester.path / "cassettes" / "test_inner"
    cassettes.mkdir(parents=True)
    for name in KEPT:
        (cassettes / f"{name}.yaml").write_text(COMMITTED, encoding="utf-8")

    result = pytester.runpytest("--record-mode=rewrite", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=2, failed=2)
    for name in KEPT:
        assert (cassettes / f"{name}.yaml").read_text(encoding="utf-8") == COMMITTED, name
    recorded = (cassettes / "test_records.yaml").read_text(encoding="utf-8")
    assert "uri: http://127.0.0.1/v1/chat/completions" in recorded
    assert "127.0.0.1:" not in recorded and "date:" not in recorded
    assert "sk-test" not in recorded and "x-request-id" not in recorded

    # Another re-record of the same exchange, on another port a second later: the same bytes.
    again = pytester.runpytest("--record-mode=rewrite", "-p", "no:cacheprovider", "-k", "records")
    again.assert_outcomes(passed=1)
    assert (cassettes / "test_records.yaml").read_text(encoding="utf-8") == recorded
