"""The package surface: exported names, shipped schemas and prompts."""

from __future__ import annotations

import json
import subprocess
import sys
from types import ModuleType

import summarizer
from summarizer.engines.openai_compatible import ArticleRecord
from summarizer.models import ArticleSummary

from conftest import ROOT


def test_public_names_are_exactly_all() -> None:
    # Loaded on first use: load them all, then nothing public may be left out of __all__.
    for name in summarizer.__all__:
        assert getattr(summarizer, name) is not None
    assert set(summarizer.__all__) - {"__version__"} == set(summarizer._HOMES)
    public = {
        name
        for name, value in vars(summarizer).items()
        if not name.startswith("_") and not isinstance(value, ModuleType)
    }
    assert public == set(summarizer.__all__) - {"__version__"}


def test_every_error_is_in_the_tree_and_exported() -> None:
    from summarizer import errors

    classes = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type)
        and issubclass(value, Exception)
        and value.__module__ == errors.__name__
    }
    assert classes <= set(summarizer.__all__)
    assert all(name in (errors.__doc__ or "") for name in classes)
    assert all(
        issubclass(getattr(summarizer, name), summarizer.SummarizerError) for name in classes
    )


def test_the_version_comes_from_the_package_metadata() -> None:
    from importlib.metadata import version

    assert summarizer.__version__ == version("summarizer")
    assert (ROOT / "summarizer" / "py.typed").is_file()


def test_an_unknown_option_is_a_configuration_error_that_names_it() -> None:
    import pytest

    with pytest.raises(summarizer.ConfigurationError, match="'temprature'") as caught:
        summarizer.Summarizer(model="offline", temprature=0.2)
    assert caught.value.option == "temprature"
    assert "Settings.resolve" not in str(caught.value)
    with pytest.raises(summarizer.ConfigurationError) as bad:
        summarizer.summarize("An article.", model="offline", timeout=-1)
    assert bad.value.option == "timeout" and "--" not in str(bad.value)


def test_committed_schemas_are_up_to_date() -> None:
    # Regenerate with: summarizer schema > schemas/article_summary.schema.json (see README).
    committed = json.loads((ROOT / "schemas" / "article_summary.schema.json").read_text())
    assert committed == ArticleSummary.model_json_schema(), "schemas/ is stale: regenerate it"
    answer = json.loads((ROOT / "schemas" / "model_answer.schema.json").read_text())
    assert answer == ArticleRecord.model_json_schema(), "schemas/ is stale: regenerate it"


def test_the_model_is_never_asked_for_library_fields() -> None:
    asked = json.dumps(ArticleRecord.model_json_schema())
    for computed in ("quote_span", "mention_spans", "meta", "elapsed_s"):
        assert computed not in asked


def test_an_answer_with_exactly_the_contract_fields_validates() -> None:
    minimal = {
        "headline": "A",
        "summary": "B. C.",
        "key_points": ["D"],
        "actors": [{"name": "E", "kind": "person", "mentions": ["E"]}],
        "stated_concerns": [],
    }
    assert ArticleRecord.model_validate(minimal).actors[0].role is None


def test_the_cli_and_the_offline_engine_start_without_the_model_clients() -> None:
    """openai and instructor take a second to import: --help and offline runs do without them."""
    code = (
        "import sys, summarizer.cli\n"
        "from summarizer import summarize\n"
        "summarize('Critics warned the plan was unsafe.', model='offline')\n"
        "print(sorted(m for m in ('openai', 'instructor') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_help_imports_no_heavy_library() -> None:
    """argparse parses; each command imports what it needs when it runs: --help stays quick."""
    code = (
        "import contextlib, io, sys\n"
        "from summarizer.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    codes = [main([*command, '--help']) for command in ([], ['summarize'], ['batch'])]\n"
        "heavy = ('typer', 'click', 'rich', 'openai', 'instructor', 'pydantic', 'asyncio', 'jinja2')\n"
        "print(codes, sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[0, 0, 0] []"
