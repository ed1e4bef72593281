"""The command line, as a user runs it: output, error lines and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer import ArticleSummary

from cli_runner import run_cli
from conftest import REFERENCE_ARTICLE, ROOT
from scripted_server import ScriptedServer


@pytest.fixture
def llm_args(model_server: ScriptedServer) -> list[str]:
    return ["--model", "vllm/scripted-model", "--base-url", model_server.base_url, "--timeout", "5"]


def test_summarize_prints_the_json_record(
    model_server: ScriptedServer,
    llm_args: list[str],
    reference_answer: dict[str, Any],
    reference_article: str,
) -> None:
    model_server.reply_answer(reference_answer)

    result = run_cli("summarize", str(REFERENCE_ARTICLE), "--format", "json", *llm_args)

    assert result.exit_code == 0, result.stderr
    summary = ArticleSummary.model_validate_json(result.stdout)
    assert summary.meta.model == "vllm/scripted-model"
    start, end = summary.stated_concerns[0].quote_span
    assert "serious concerns" in reference_article[start:end]


def test_summarize_reads_stdin_and_prints_a_markdown_report(
    model_server: ScriptedServer,
    llm_args: list[str],
    reference_answer: dict[str, Any],
    reference_article: str,
) -> None:
    model_server.reply_answer(reference_answer)

    result = run_cli("summarize", "-", *llm_args, input=reference_article)

    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Kim Jong Un tours Russian fighter-jet plant")
    assert "## Key points" in out and "## Actors" in out and "## Stated concerns" in out
    assert "| Dmitry Peskov | person | Kremlin spokesman |" in out
    assert "> They warned Russia and North Korea would “pay a clear price”" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"  \n\t \n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\u00e9 news".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)

    result = run_cli("summarize", str(path), "--model", "offline")

    assert result.exit_code == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_directory_is_not_an_article(tmp_path: Path) -> None:
    result = run_cli("summarize", str(tmp_path), "--model", "offline")
    assert result.exit_code == 2 and "is a directory" in result.stderr


def test_input_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    result = run_cli("summarize", str(path), "--model", "offline", "--max-input-bytes", "100")
    assert result.exit_code == 2 and "larger than the limit" in result.stderr


def test_no_key_for_openai_says_how_to_fix_it() -> None:
    result = run_cli("summarize", str(REFERENCE_ARTICLE), "--model", "openai/gpt-4o-mini")
    assert result.exit_code == 2
    assert "OPENAI_API_KEY" in result.stderr and "--base-url" in result.stderr


def test_unknown_provider_is_a_usage_error() -> None:
    result = run_cli("summarize", str(REFERENCE_ARTICLE), "--model", "acme/model-1")
    assert result.exit_code == 2 and "unknown provider 'acme'" in result.stderr


def test_refused_key_is_exit_1_and_never_printed(
    model_server: ScriptedServer, llm_args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "sk-live-abcdefghijklmnopqrstuvwxyz0123"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    model_server.fail(401, message=f"Incorrect API key provided: {secret}")

    result = run_cli("summarize", str(REFERENCE_ARTICLE), *llm_args)

    assert result.exit_code == 1
    assert "refused the API key" in result.stderr
    assert secret not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert model_server.requests[0]["headers"]["authorization"] == f"Bearer {secret}"


def test_unknown_model_is_exit_1_with_a_hint(
    model_server: ScriptedServer, llm_args: list[str]
) -> None:
    model_server.fail(404, message="model 'scripted-model' not found")
    result = run_cli("summarize", str(REFERENCE_ARTICLE), *llm_args)
    assert result.exit_code == 1 and "check --model" in result.stderr


def test_strict_grounding_failure_is_exit_1(
    model_server: ScriptedServer, llm_args: list[str], reference_answer: dict[str, Any]
) -> None:
    reference_answer["stated_concerns"][0]["quote"] = "words the article never had"
    for _ in range(3):
        model_server.reply_answer(reference_answer)

    result = run_cli("summarize", str(REFERENCE_ARTICLE), *llm_args, "--strict")

    assert result.exit_code == 1
    assert "words the article never had" in result.stderr
    assert len(model_server.requests) == 3


def test_debug_shows_the_traceback(model_server: ScriptedServer, llm_args: list[str]) -> None:
    model_server.fail(401)
    result = run_cli("summarize", str(REFERENCE_ARTICLE), *llm_args, "--debug")
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr


def test_unusable_option_is_a_usage_error() -> None:
    result = run_cli("summarize", str(REFERENCE_ARTICLE), "--mode", "xml")
    assert result.exit_code == 2


def test_schema_command_prints_the_article_summary_schema() -> None:
    result = run_cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == ArticleSummary.model_json_schema()


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith("summarizer ")


BOM_TEXT = "Mayor Ana Ruiz spoke on Monday.\nCritics warned that the bridge was unsafe.\n"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
    ],
)
def test_a_byte_order_mark_names_the_encoding(tmp_path: Path, bom: bytes, codec: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bom + BOM_TEXT.encode(codec))

    result = run_cli("summarize", str(path), "--model", "offline", "--format", "json")

    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    (concern,) = record["stated_concerns"]
    start, end = concern["quote_span"]
    assert BOM_TEXT[start:end] == "Critics warned that the bridge was unsafe"


@pytest.mark.parametrize(
    ("data", "given"),
    [
        (BOM_TEXT.encode("utf-8"), False),  # the file as any reader decodes it: no source_text
        (b"\xef\xbb\xbf" + BOM_TEXT.encode("utf-8"), True),  # the BOM is not in the text
        (BOM_TEXT.replace("\n", "\r\n").encode("utf-8"), True),  # CRLF stays, most readers drop it
        (b"\xff\xfe" + BOM_TEXT.replace("\n", "\r\n").encode("utf-16-le"), True),
    ],
)
def test_the_json_holds_the_text_the_spans_index_whenever_it_is_not_the_plain_file(
    tmp_path: Path, data: bytes, given: bool
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)

    result = run_cli("summarize", str(path), "--model", "offline", "--format", "json")

    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    # The rule: spans index the decoded text, its BOM removed and its line ends as in the file.
    text = record["source_text"] if given else path.read_text(encoding="utf-8")
    assert (record["source_text"] is not None) is given
    if given:
        expected = data.decode("utf-16" if data.startswith(b"\xff\xfe") else "utf-8-sig")
        assert text == expected
    for concern in record["stated_concerns"]:
        start, end = concern["quote_span"]
        assert text[start:end] == concern["quote"]
    for actor in record["actors"]:
        for mention, (start, end) in zip(actor["mentions"], actor["mention_spans"], strict=True):
            assert text[start:end] == mention


@pytest.mark.parametrize(
    "invisible", ["\u200b\u200b", "\u200b \u2060\n\ufeff\u200d", "\u00ad\u3164"]
)
def test_text_with_no_visible_character_is_empty(tmp_path: Path, invisible: str) -> None:
    from summarizer import InputError, summarize

    path = tmp_path / "article.txt"
    path.write_text(invisible, encoding="utf-8")

    result = run_cli("summarize", str(path), "--model", "offline")

    assert result.exit_code == 2 and result.stdout == ""
    assert "is empty" in result.stderr and "invisible" in result.stderr
    with pytest.raises(InputError, match="empty"):
        summarize(invisible, model="offline")


# -- usage errors, help, and the small things a new user meets --------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["summarize", "--mode", "bogus"], "invalid choice: 'bogus'"),
        (["summarize", "--format", "yaml"], "invalid choice: 'yaml'"),
        (["summarize", "a.txt", "b.txt"], "unrecognized arguments: b.txt"),
        (["summarize", "a.txt", "--strict", "true"], "unrecognized arguments: true"),
        (["summarize", "--max-retries", "many"], "--max-retries: expected a whole number"),
        (["summarize", "--timeout", "0"], "--timeout: must be more than 0 seconds"),
        (["batch", "feed.jsonl"], "the following arguments are required: -o/--out"),
        (["batch", "--out", "o.jsonl"], "the following arguments are required: INPUT"),
        (["eval"], "the following arguments are required: DIR"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["summarize", "--mod", "offline"], "unrecognized arguments: --mod"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_code_2(args: list[str], expected: str) -> None:
    result = run_cli(*args)

    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("summarizer: error: ") and expected in line
    assert "usage" not in line.lower() and "Value error" not in line
    command = args[0] if args[0] in ("summarize", "batch", "eval") else None
    assert line.endswith(f"(see summarizer {command} --help)" if command else "--help)")


def test_no_command_shows_the_commands() -> None:
    result = run_cli()
    assert result.exit_code == 2
    for command in ("summarize", "batch", "schema", "eval"):
        assert f"\n  {command} " in result.stdout


def test_version_and_main_in_process() -> None:
    from summarizer import __version__
    from summarizer.cli import main

    result = run_cli("--version")
    assert (result.exit_code, result.stdout) == (0, f"summarizer {__version__}\n")
    assert main(["schema", "--help"]) == 0  # a plain function: argv in, exit code out


HELP_COMMANDS = [[], ["summarize"], ["batch"], ["schema"], ["eval"]]


def _normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=lambda c: c[0] if c else "summarizer")
def test_help_reads_like_the_readme_at_80_columns(
    command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from summarizer.cli import build_parser

    monkeypatch.setenv("COLUMNS", "80")

    result = run_cli(*command, "--help")

    assert result.exit_code == 0 and result.stderr == ""
    text = result.stdout
    assert max(len(line) for line in text.splitlines()) <= 80
    for noise in ("<bool>", "<str>", "<int", "{", "[default", "╭", "[x>="):
        assert noise not in text.replace('{"id", "text"', ""), noise
    # Every description is there whole: wrapped between words, never inside one.
    parser = build_parser()
    if command:
        parser = next(
            choice
            for action in parser._actions
            if isinstance(action, argparse._SubParsersAction)
            for name, choice in action.choices.items()
            if name == command[0]
        )
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            assert _normalised(action.help) in _normalised(text), action.help
    if command == ["summarize"]:
        assert "[PATH|-]" in text and "--mode tools|json|json_schema" in text
        assert "-m, --model M" in text and "\n  --strict  " in text
    if command == ["batch"]:
        assert "summarizer batch INPUT... --out FILE" in text
    if command == ["eval"]:
        assert "summarizer eval DIR" in text


def test_the_readme_synopses_are_those_of_help() -> None:
    """Every synopsis block of the README (a fence of `summarizer COMMAND [...` lines) is what
    `summarizer COMMAND --help` prints as its usage, and every command has one."""
    import re

    from summarizer.cli import COMMANDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    helps = {
        command.name: _normalised(
            run_cli(command.name, "--help").stdout.split("\n\n")[0].removeprefix("usage: ")
        )
        for command in COMMANDS
    }
    found: set[str] = set()
    for block in re.findall(r"```\n(summarizer .*?)```", readme, flags=re.S):
        for synopsis in re.split(r"\n(?=summarizer )", block.strip()):
            name = synopsis.split()[1]
            assert _normalised(synopsis) == helps[name], name
            found.add(name)
    assert found == set(helps)


def test_the_clis_defaults_are_the_librarys() -> None:
    from summarizer import batch, cli, inputs

    assert cli.DEFAULT_MAX_INPUT_BYTES == inputs.DEFAULT_MAX_INPUT_BYTES
    assert cli.DEFAULT_CONCURRENCY == batch.DEFAULT_CONCURRENCY


@pytest.mark.parametrize("command", ["summarize", "eval", "batch"])
def test_quiet_silences_the_offline_notice(command: str, tmp_path: Path) -> None:
    gold = tmp_path / "gold"  # one article of the gold set is enough here
    gold.mkdir()
    for suffix in (".txt", ".json"):
        name = f"voa-who-cholera-outbreaks{suffix}"
        (gold / name).write_bytes((ROOT / "gold" / name).read_bytes())
    args = {
        "summarize": [str(REFERENCE_ARTICLE)],
        "eval": [str(gold)],
        "batch": [str(REFERENCE_ARTICLE), "--out", str(tmp_path / "out.jsonl")],
    }[command]

    loud = run_cli(command, *args)
    quiet = run_cli(command, *args, "--quiet")

    assert loud.exit_code == quiet.exit_code == 0, loud.stderr
    assert "offline engine was used" in loud.stderr
    assert quiet.stderr == ""


def test_summarize_on_a_terminal_says_it_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("summarizer.cli._stdin_is_terminal", lambda: True)

    result = run_cli("summarize", "--model", "offline", input="Critics warned it was unsafe.")

    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()
    assert "reading the article from standard input" in line and "Ctrl-D" in line


def test_html_on_standard_input_is_read_as_a_page() -> None:
    page = (
        "<!DOCTYPE html>\n<html><head><title>Flood | Daily News</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>River floods valley town</h1>"
        "<p>The river rose two metres overnight, the county said.</p>"
        "<p>Critics warned that the old bridge would not hold if the water kept rising.</p>"
        "</article><footer>Subscribe now!</footer></body></html>\n"
    )

    as_page = run_cli("summarize", "-", "--model", "offline", "--format", "json", input=page)
    as_text = run_cli(
        "summarize", "-", "--model", "offline", "--format", "json", "--text", input=page
    )

    assert as_page.exit_code == 0, as_page.stderr
    text = json.loads(as_page.stdout)["source_text"]
    assert "<p>" not in text and "Subscribe" not in text and "old bridge" in text
    assert as_text.exit_code == 0 and json.loads(as_text.stdout)["source_text"] is None


def test_bytes_on_standard_input_are_read_as_they_are() -> None:
    data = "Critics warned that the bridge was unsafe.".encode("utf-16")  # with its BOM

    result = run_cli("summarize", "-", "--model", "offline", "--format", "json", input=data)

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source_text"] == "Critics warned that the bridge was unsafe."


def test_an_article_not_in_english_is_said_on_stderr(tmp_path: Path) -> None:
    article = tmp_path / "fr.txt"
    article.write_text(
        "Le président a déclaré mardi que le gouvernement allait présenter un nouveau projet de "
        "loi sur les retraites. Les syndicats ont critiqué cette décision et annoncé une grève "
        "nationale pour la semaine prochaine.",
        encoding="utf-8",
    )

    result = run_cli("summarize", str(article), "--model", "offline", "--format", "json")

    assert result.exit_code == 0
    assert "summarizer: warning: the article does not look like English" in result.stderr
    summary = ArticleSummary.model_validate_json(result.stdout)
    assert "does not look like English" in summary.meta.warnings[0]
    quiet = run_cli("summarize", str(article), "--model", "offline", "--quiet")
    assert quiet.stderr == ""
