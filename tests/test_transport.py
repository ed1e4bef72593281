"""The transport budget, as a user meets it: what is retried, what fails at once, what the error
says about each try, and that the library itself prints nothing."""

from __future__ import annotations

import socket
import subprocess
import sys
from typing import Any

import pytest

from summarizer import DeadlineExceeded, ProviderError, Summarizer, summarize

from cli_runner import run_cli
from conftest import REFERENCE_ARTICLE, ROOT
from scripted_server import ScriptedServer


def _closed_port() -> int:
    """A local port with nothing listening on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_nothing_listening_on_a_local_port_fails_at_once_with_what_to_do(
    slept: list[float],
) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/v1"

    with pytest.raises(ProviderError) as caught:
        summarize(REFERENCE_ARTICLE.read_text(), model="ollama/llama3.2", base_url=url)

    assert "nothing is listening on 127.0.0.1:" in str(caught.value)
    assert "is the server running?" in str(caught.value)
    assert slept == []  # not retried: waiting will not start the server


def test_the_cli_says_nothing_is_listening_and_exits_1() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    result = run_cli("summarize", str(REFERENCE_ARTICLE), "--model", "ollama/x", "--base-url", url)
    assert result.exit_code == 1
    assert "nothing is listening" in result.stderr and "--base-url" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_error_says_what_happened_on_each_try(
    model_server: ScriptedServer, llm: dict[str, Any], slept: list[float]
) -> None:
    model_server.fail(429)
    for _ in range(3):
        model_server.fail(503)

    with pytest.raises(ProviderError) as caught:
        summarize(REFERENCE_ARTICLE.read_text(), **llm)

    message = str(caught.value)
    assert "after 4 tries (1 x 429, 3 x 503)" in message
    assert "rate limited" not in message  # only one of the four was a 429
    assert len(slept) == 3


def test_a_429_on_every_try_says_so(model_server: ScriptedServer, llm: dict[str, Any]) -> None:
    for _ in range(2):
        model_server.fail(429)
    with pytest.raises(ProviderError, match=r"rate limited \(429\) on all 2 tries"):
        summarize(REFERENCE_ARTICLE.read_text(), **llm, transport_retries=1)


def test_one_try_is_one_try(model_server: ScriptedServer, llm: dict[str, Any]) -> None:
    model_server.fail(503)
    with pytest.raises(ProviderError, match=r"after 1 try: ") as caught:
        summarize(REFERENCE_ARTICLE.read_text(), **llm, transport_retries=0)
    assert "times" not in str(caught.value)


def test_a_retry_that_would_wait_past_the_deadline_ends_with_the_deadline(
    model_server: ScriptedServer, llm: dict[str, Any], slept: list[float]
) -> None:
    model_server.fail(429, headers={"Retry-After": "30"})

    with pytest.raises(DeadlineExceeded, match="deadline of 5 s"):
        Summarizer(**llm, deadline=5).summarize(REFERENCE_ARTICLE.read_text())

    assert slept == []  # it did not wait 30 s to find out


def test_dropped_connections_past_the_deadline_report_the_deadline(
    model_server: ScriptedServer, llm: dict[str, Any]
) -> None:
    for _ in range(10):
        model_server.drop_connection()
    with pytest.raises(DeadlineExceeded, match="deadline of 1 s"):
        Summarizer(**llm, deadline=1, transport_retries=9).summarize(REFERENCE_ARTICLE.read_text())


_FIRST_CALL = """
import json, socket, sys, time
from summarizer import Summarizer, SummarizerError
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0)); probe.listen(8)   # accepts, never answers
    url = f"http://127.0.0.1:{probe.getsockname()[1]}/v1"
    summarizer = Summarizer("ollama/llama3.2", base_url=url, deadline=1, timeout=30)
    started = time.monotonic()
    try:
        summarizer.summarize("Mayor Jane Doe warned that the bridge was unsafe.")
    except SummarizerError as exc:
        print(json.dumps({"elapsed": time.monotonic() - started, "error": str(exc)}))
"""


def test_the_deadline_holds_on_the_first_call_of_a_process() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_CALL], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    import json

    outcome = json.loads(done.stdout)
    assert outcome["elapsed"] < 1.5
    assert "deadline of 1 s" in outcome["error"]


_LIBRARY_CALL = """
import socket
from summarizer import SummarizerError, summarize
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
try:
    summarize("A text.", model="ollama/llama3.2", base_url=f"http://127.0.0.1:{port}/v1",
              transport_retries=0)
except SummarizerError:
    pass
"""


def test_the_library_prints_nothing_when_a_call_fails() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _LIBRARY_CALL], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
