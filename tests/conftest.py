"""Shared fixtures: the scripted model server, cassettes, and an environment with no secrets.

Cassettes (pytest-recording) replay with record mode ``none`` by default, so the suite never needs
the network. Re-record with ``pytest --record-mode=rewrite`` (see the README).
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from recording import (  # noqa: F401 - the hooks of the cassette hygiene
    pytest_recording_configure,
    pytest_runtest_makereport,
    pytest_runtest_setup,
    pytest_runtest_teardown,
    vcr_settings,
)
from scripted_server import ScriptedServer

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_ARTICLE = ROOT / "examples" / "ap-kim-russia-jets.txt"
DATA = Path(__file__).resolve().parent / "data"

_ENV = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_MODEL", "SUMMARIZER_CACHE_DIR")

pytest_plugins = ["pytester"]  # tests of the suite's own cassette handling


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return vcr_settings()


@pytest.fixture
def cassette(vcr: Any, record_mode: str) -> Iterator[Any]:
    """The test's cassette; when replaying, every recorded exchange must be used."""
    yield vcr
    if record_mode == "none":
        assert vcr.all_played, f"{vcr.play_count} of {len(vcr)} recorded exchanges were used"


def recorded_bodies(cassette: Any) -> list[dict[str, Any]]:
    """The JSON bodies of the requests in a cassette, in order."""
    return [json.loads(request.body) for request in cassette.requests]


@pytest.fixture(autouse=True)
def _no_secrets_in_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never see the developer's keys or settings, unless re-recording against a provider."""
    if os.environ.get("SUMMARIZER_RECORD_REAL") != "1":
        for name in _ENV:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))


class Sleeps(list[float]):
    """The waits between transport retries, recorded instead of slept."""

    async def __call__(self, delay: float) -> None:
        self.append(delay)
        await asyncio.sleep(0)


@pytest.fixture(autouse=True)
def slept(monkeypatch: pytest.MonkeyPatch) -> Sleeps:
    """Backoff and Retry-After waits cost no time in tests: each is recorded here instead."""
    sleeps = Sleeps()
    monkeypatch.setattr("summarizer.engines.transport.sleep", sleeps)
    return sleeps


@pytest.fixture(scope="session")
def _server() -> Iterator[ScriptedServer]:
    server = ScriptedServer().start()
    yield server
    server.stop()


@pytest.fixture
def model_server(_server: ScriptedServer) -> ScriptedServer:
    """The scripted OpenAI-compatible server, with an empty script."""
    _server.reset()
    return _server


@pytest.fixture(scope="session")
def reference_article() -> str:
    return REFERENCE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def reference_answer() -> dict[str, Any]:
    """A faithful answer for the reference article: every quote and mention is in it."""
    return json.loads((DATA / "reference_answer.json").read_text(encoding="utf-8"))


@pytest.fixture
def reference_llm(model_server: ScriptedServer, reference_answer: dict[str, Any]) -> dict[str, Any]:
    """Options for the reference-article tests: the scripted server serving a faithful answer, or,
    when re-recording with SUMMARIZER_RECORD_REAL=1, the real provider configured in the
    environment (OPENAI_API_KEY, optionally OPENAI_BASE_URL and SUMMARIZER_MODEL)."""
    # The same model name either way, so that recorded request bodies match on replay.
    model = os.environ.get("SUMMARIZER_MODEL", "openai/gpt-4o-mini")
    if os.environ.get("SUMMARIZER_RECORD_REAL") == "1":
        return {"model": model}
    model_server.reply_answer(reference_answer)
    return {
        "model": model,
        "base_url": model_server.base_url,
        "api_key": "test-key-not-secret",
    }


@pytest.fixture
def llm(model_server: ScriptedServer) -> dict[str, Any]:
    """Options for summarize() that point at the scripted server, with fast transport retries."""
    return {
        "model": "vllm/scripted-model",
        "base_url": model_server.base_url,
        "api_key": "test-key-not-secret",
        "timeout": 5.0,
    }


@pytest.fixture
def reference_summary(
    model_server: ScriptedServer, llm: dict[str, Any], reference_answer: dict[str, Any]
) -> Any:
    """The reference article's summary, made by summarize() from the faithful answer (grounded
    by the library, so its spans are the real ones)."""
    from summarizer import summarize

    model_server.reply_answer(reference_answer)
    return summarize(REFERENCE_ARTICLE.read_text(encoding="utf-8"), **llm)
