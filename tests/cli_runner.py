"""Running the command line in-process, as a user would from a shell: argv in; exit code, stdout and
stderr out. Every CLI test goes through ``run_cli`` so that tests do not depend on how the CLI is
built."""

from __future__ import annotations

from dataclasses import dataclass

from typer.testing import CliRunner

from summarizer.cli import app

_runner = CliRunner()


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, input: str | bytes | None = None) -> CliResult:
    """Run ``summarizer ARGS...`` with ``input`` on standard input."""
    result = _runner.invoke(app, list(args), input=input)
    return CliResult(result.exit_code, result.stdout, result.stderr)
