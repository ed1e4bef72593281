"""Running the command line in-process, as a user would from a shell: argv in; exit code, stdout and
stderr out. Every CLI test goes through ``run_cli`` so that tests do not depend on how the CLI is
built."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

from summarizer.cli import main


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def _stream(errors: str) -> io.TextIOWrapper:
    # As a process's own streams are: text over bytes, UTF-8; stderr never fails to encode.
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8", errors="backslashreplace")


def run_cli(*args: str, input: str | bytes | None = None) -> CliResult:
    """Run ``summarizer ARGS...`` with ``input`` (text, or bytes as they are) on standard input."""
    data = input.encode("utf-8") if isinstance(input, str) else (input or b"")
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    stdout, stderr = _stream("strict"), _stream("backslashreplace")
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    try:
        code = main(list(args))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return CliResult(code, _text(stdout), _text(stderr))
