"""The command line: the only module that prints or exits.

Exit codes: 0 success; 1 the run failed (provider, answers, grounding in strict mode);
2 usage or bad input (missing path, empty, binary or undecodable text, bad settings).

Example::

    $ summarizer summarize examples/ap-kim-russia-jets.txt --format json
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Any, NoReturn

import typer

from . import __version__
from .config import Settings
from .core import Summarizer
from .errors import ConfigurationError, InputError, SummarizerError
from .inputs import DEFAULT_MAX_INPUT_BYTES, read_article
from .llm import redact
from .models import ArticleSummary
from .report import render_markdown

EXIT_FAILED = 1
EXIT_USAGE = 2

app = typer.Typer(
    help="Turn news articles into grounded structured summaries.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    json = "json"
    markdown = "markdown"


class ModeOption(str, Enum):
    tools = "tools"
    json = "json"
    json_schema = "json_schema"


def _fail(message: str, code: int) -> NoReturn:
    sys.stderr.write(f"summarizer: error: {message}\n")
    raise typer.Exit(code)


@contextmanager
def _errors(debug: bool, secret: str | None = None) -> Iterator[None]:
    """One clear line on stderr and the documented exit code; a traceback only with --debug."""
    try:
        yield
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("summarizer: interrupted\n")
        raise typer.Exit(130) from None
    except Exception as exc:
        code = EXIT_USAGE if isinstance(exc, (InputError, ConfigurationError)) else EXIT_FAILED
        if debug:
            # The whole story, chained causes included, with the key taken out of it.
            trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            sys.stderr.write(redact(trace, secret))
            raise typer.Exit(code) from None
        message = str(exc) if isinstance(exc, SummarizerError) else f"unexpected {exc!r}"
        hint = "" if isinstance(exc, SummarizerError) else " (run with --debug for details)"
        _fail(redact(message, secret) + hint, code)


def _settings(
    model: str | None, base_url: str | None, mode: ModeOption, **options: Any
) -> Settings:
    return Settings.resolve(model, base_url=base_url, mode=mode.value, **options)


def _offline_notice(settings: Settings, model: str | None) -> None:
    if settings.is_offline and not model and not os.environ.get("SUMMARIZER_MODEL"):
        sys.stderr.write(
            "summarizer: no model configured, so the built-in offline engine was used; for an LLM "
            "set OPENAI_API_KEY, or --base-url and --model (e.g. ollama/llama3.2)\n"
        )


ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="provider/model (e.g. openai/gpt-4o-mini, ollama/llama3.2) "
        "or 'offline'. Default: SUMMARIZER_MODEL, else OpenAI with a key, else offline.",
    ),
]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option("--base-url", help="OpenAI-compatible server URL. Default: OPENAI_BASE_URL."),
]
ModeOpt = Annotated[
    ModeOption,
    typer.Option(
        "--mode", help="tools (default), or json / json_schema for servers without tool calling."
    ),
]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Seconds to wait for each request.")]
RetriesOpt = Annotated[
    int,
    typer.Option(
        "--max-retries",
        min=0,
        help="Re-asks allowed for answers that fail validation or grounding.",
    ),
]
StrictOpt = Annotated[
    bool, typer.Option("--strict", help="Fail instead of dropping ungrounded quotes and mentions.")
]
MaxTokensOpt = Annotated[int, typer.Option("--max-tokens", min=1, help="Output token limit.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")]


@app.command()
def summarize(
    path: Annotated[str, typer.Argument(help="A UTF-8 text file, or - for standard input.")] = "-",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = ModeOption.tools,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="markdown report or the JSON record.")
    ] = OutputFormat.markdown,
    timeout: TimeoutOpt = 60.0,
    max_retries: RetriesOpt = 2,
    strict: StrictOpt = False,
    max_tokens: MaxTokensOpt = 4096,
    max_input_bytes: Annotated[
        int, typer.Option("--max-input-bytes", min=1, help="Refuse larger inputs.")
    ] = DEFAULT_MAX_INPUT_BYTES,
    max_input_tokens: Annotated[
        int | None,
        typer.Option(
            "--max-input-tokens",
            min=64,
            help="Split longer articles into parts. Default: the "
            "model's context window less the prompt and the output budget.",
        ),
    ] = None,
    deadline: Annotated[
        float | None,
        typer.Option("--deadline", min=0.001, help="Seconds for the whole run, retries included."),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="The file's text encoding. Default: UTF-8.")
    ] = None,
    html: Annotated[
        bool | None,
        typer.Option(
            "--html/--text",
            help="Extract the article from an HTML page (default: by the file "
            "name, .html/.htm); spans then refer to the extracted text, given as source_text.",
        ),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Summarise one article: a markdown report, or the JSON record with --format json."""
    with _errors(debug, os.environ.get("OPENAI_API_KEY")):
        settings = _settings(
            model,
            base_url,
            mode,
            timeout=timeout,
            max_retries=max_retries,
            strict=strict,
            max_tokens=max_tokens,
            max_input_tokens=max_input_tokens,
            deadline=deadline,
        )
        source = read_article(path, max_bytes=max_input_bytes, encoding=encoding, html=html)
        # The async path, so that --deadline bounds the whole run exactly.
        summary = asyncio.run(Summarizer(settings=settings).asummarize(source.text))
        if source.extracted:
            summary = summary.model_copy(update={"source_text": source.text})
        _offline_notice(settings, model)
        if output_format is OutputFormat.json:
            sys.stdout.write(summary.model_dump_json(indent=2) + "\n")
        else:
            sys.stdout.write(render_markdown(summary))


@app.command()
def schema(
    answer: Annotated[
        bool, typer.Option("--answer", help="The schema of what the model is asked for instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of ArticleSummary (or, with --answer, of the model's answer)."""
    from .llm import ArticleRecord

    model = ArticleRecord if answer else ArticleSummary
    sys.stdout.write(json.dumps(model.model_json_schema(), indent=2) + "\n")


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"summarizer {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Turn news articles into grounded structured summaries."""


class _RedactingFilter(logging.Filter):
    """Debug logs are for people: the key is taken out of every record before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage(), os.environ.get("OPENAI_API_KEY"))
        record.args = None
        return True


def _quiet_libraries(debug: bool) -> None:
    """The CLI speaks for itself: libraries' own log lines stay out of stderr unless --debug."""
    if debug:
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
        for handler in logging.getLogger().handlers:
            handler.addFilter(_RedactingFilter())
        return
    for name in ("instructor", "openai", "httpx", "httpx2", "httpcore", "httpcore2"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False


def main() -> None:
    _quiet_libraries("--debug" in sys.argv[1:])
    app()
