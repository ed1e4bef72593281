"""A third-party engine, installed as a plugin through the entry-point group summarizer.engines,
runs through the same pipeline as the built-in ones: grounding, re-asks, cache, batches, eval.

The plugin is ``tests/example_plugin`` (a package of its own, with the entry point declared in
its ``pyproject.toml``). Rather than pip-installing it, the tests put on ``sys.path`` exactly what
an installation leaves: the module, and a ``.dist-info`` with the entry points it declares.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer import Summarizer, summarize, summarize_many
from summarizer.engines import _plugins

from conftest import ROOT

# The plugin's own pyproject.toml is read as an installer would (tomllib: Python 3.11 and newer).
tomllib = pytest.importorskip("tomllib")
PLUGIN = ROOT / "tests" / "example_plugin"
ARTICLE = (
    "Dam inspection\n\nMayor Jane Smith warned that the old dam could fail in a flood. "
    "Engineers began work on Monday."
)


def _installed(site: Path) -> Path:
    """What ``pip install tests/example_plugin`` leaves in site-packages."""
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    lines = ["[summarizer.engines]"]
    lines += [
        f"{name} = {target}"
        for name, target in project["entry-points"]["summarizer.engines"].items()
    ]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
    (site / "lead_engine.py").write_text((PLUGIN / "lead_engine.py").read_text())
    return site


@pytest.fixture
def plugin_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    site = _installed(tmp_path / "site")
    monkeypatch.syspath_prepend(str(site))
    _plugins.cache_clear()
    yield site
    _plugins.cache_clear()
    sys.modules.pop("lead_engine", None)


def test_a_plugin_engine_is_chosen_by_its_name_and_its_answers_are_grounded_and_reasked(
    plugin_site: Path,
) -> None:
    summary = summarize(ARTICLE, model="lead/v1")

    assert summary.meta.model == "lead/v1"
    assert summary.meta.prompt_version == "lead-1"
    # The first answer invented its quote: the pipeline asked again, and the second was right.
    assert summary.meta.attempts == 2
    (concern,) = summary.stated_concerns
    start, end = concern.quote_span
    assert ARTICLE[start:end] == "the old dam could fail in a flood"
    assert [actor.name for actor in summary.actors] == ["Mayor Jane Smith"]


def test_a_plugin_engine_gets_the_cache_and_batches(plugin_site: Path, tmp_path: Path) -> None:
    with Summarizer("lead/v1", cache=tmp_path / "cache.sqlite3") as summarizer:
        first = summarizer.summarize(ARTICLE)
        again = summarizer.summarize(ARTICLE)
    assert not first.meta.cached and again.meta.cached

    results = list(summarize_many([("a", ARTICLE), ("b", ARTICLE + " More.")], model="lead/v1"))
    assert sorted(r.id for r in results) == ["a", "b"] and all(r.ok for r in results)


def test_the_command_line_runs_a_plugin_engine(plugin_site: Path, tmp_path: Path) -> None:
    article = tmp_path / "dam.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(plugin_site), str(ROOT)])}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "summarizer",
            "summarize",
            str(article),
            "--model",
            "lead/v1",
            "--format",
            "json",
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert '"model": "lead/v1"' in done.stdout


def test_an_unknown_provider_that_no_plugin_serves_is_a_configuration_error() -> None:
    from summarizer import ConfigurationError

    with pytest.raises(ConfigurationError, match="unknown provider 'nosuch'"):
        summarize(ARTICLE, model="nosuch/model")
