"""The command line: the only module that prints or exits.

Exit codes: 0 success; 1 the run failed (provider, answers, grounding in strict mode);
2 usage or bad input (missing path, empty, binary or undecodable text, bad settings).

Example::

    $ summarizer summarize examples/ap-kim-russia-jets.txt --format json
"""

from __future__ import annotations

import functools
import io
import json
import logging
import os
import re
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Any, NoReturn

import typer

from . import __version__, bridge
from .batch import DEFAULT_CONCURRENCY, BatchResult, BatchTotals, asummarize_many
from .batch_io import ResultsFile, SourceArticle, read_sources
from .cache import SummaryCache
from .config import Settings
from .core import Summarizer
from .errors import ConfigurationError, InputError, SummarizerError
from .inputs import DEFAULT_MAX_INPUT_BYTES, read_article
from .models import ArticleSummary
from .redaction import redact
from .report import render_html, render_markdown, write_site, write_tables

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
    html = "html"


class ModeOption(str, Enum):
    tools = "tools"
    json = "json"
    json_schema = "json_schema"


def _fail(message: str, code: int) -> NoReturn:
    sys.stderr.write(f"summarizer: error: {message}\n")
    raise typer.Exit(code)


class _Session:
    """One command's run: whether --debug is on, and the key in use, kept out of all it writes."""

    def __init__(self, debug: bool) -> None:
        self.debug = debug
        self.secret: str | None = None

    def use(self, settings: Settings) -> Settings:
        """Note the key these settings send (whatever variable it came from) and return them."""
        self.secret = settings.api_key
        return settings

    def redact(self, text: str) -> str:
        return redact(text, self.secret)


class _RedactingFormatter(logging.Formatter):
    """Log lines are for people: the key is taken out of the whole line, tracebacks included."""

    def __init__(self, session: _Session, fmt: str) -> None:
        super().__init__(fmt)
        self._session = session

    def format(self, record: logging.LogRecord) -> str:
        return self._session.redact(super().format(record))


_LIBRARIES = ("instructor", "openai", "httpx", "httpx2", "httpcore", "httpcore2")


@contextmanager
def _session(debug: bool) -> Iterator[_Session]:
    """A command's session, with logging set up for it and put back as it was afterwards.

    With --debug every library's log records go to stderr (redacted); without, only summarizer's
    own warnings do, as ``summarizer: warning: ...`` lines, and the libraries keep quiet.
    """
    session = _Session(debug)
    handler = logging.StreamHandler(sys.stderr)
    root, own = logging.getLogger(), logging.getLogger("summarizer")
    saved = [(logger, logger.level, logger.propagate) for logger in (root, own)]
    quieted: list[tuple[logging.Logger, logging.Handler, bool]] = []
    if debug:
        handler.setFormatter(_RedactingFormatter(session, "%(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.DEBUG)
        target = root
    else:
        handler.setFormatter(_RedactingFormatter(session, "summarizer: warning: %(message)s"))
        handler.setLevel(logging.WARNING)
        own.addHandler(handler)
        own.propagate = False
        target = own
        for name in _LIBRARIES:
            library = logging.getLogger(name)
            null = logging.NullHandler()
            library.addHandler(null)
            quieted.append((library, null, library.propagate))
            library.propagate = False
    try:
        yield session
    finally:
        target.removeHandler(handler)
        for logger, level, propagate in saved:
            logger.setLevel(level)
            logger.propagate = propagate
        for library, silencer, was_propagating in quieted:
            library.removeHandler(silencer)
            library.propagate = was_propagating


@contextmanager
def _errors(session: _Session) -> Iterator[None]:
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
        if session.debug:
            # The whole story, chained causes included, with the key taken out of it.
            trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            sys.stderr.write(session.redact(trace))
            raise typer.Exit(code) from None
        message = _in_flags(str(exc)) if isinstance(exc, SummarizerError) else f"unexpected {exc!r}"
        hint = "" if isinstance(exc, SummarizerError) else " (run with --debug for details)"
        _fail(session.redact(message) + hint, code)


# Library messages name options as Python spells them; the command line speaks of its flags.
_FLAGS = {
    "model='offline'": "--model offline",
    "model='ollama/llama3.2'": "--model ollama/llama3.2",
    "model=": "--model",
    " (or pass api_key=)": "",
    "base_url": "--base-url",
    "the base URL": "--base-url",
    "check the model and the base URL": "check --model and --base-url",
    "raise the deadline": "raise --deadline",
    "raise the timeout": "raise --timeout",
    "raise max_tokens": "raise --max-tokens",
}
_FLAG_WORDS = re.compile(
    "|".join(re.escape(word) for word in sorted(_FLAGS, key=len, reverse=True))
)


def _in_flags(message: str) -> str:
    return _FLAG_WORDS.sub(lambda match: _FLAGS[match.group()], message)


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
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Ask the model even when the summary cache holds an answer."),
]


def _summarizer(settings: Settings, cache: bool) -> Summarizer:
    """A Summarizer with the summary cache (unless --no-cache); a cache that cannot be opened is
    skipped with a warning: it saves money, it must not stop a run."""
    store = None
    if cache and not settings.is_offline:
        try:
            store = SummaryCache()
        except ConfigurationError as exc:
            sys.stderr.write(f"summarizer: warning: running without the cache: {exc}\n")
    return Summarizer(settings=settings, cache=store)


@app.command()
def summarize(
    path: Annotated[str, typer.Argument(help="A UTF-8 text file, or - for standard input.")] = "-",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = ModeOption.tools,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", help="markdown report, the JSON record, or an HTML review page."
        ),
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
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Summarise one article: a markdown report, or the JSON record with --format json."""
    with _session(debug) as session, _errors(session):
        settings = session.use(
            _settings(
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
        )
        source = read_article(path, max_bytes=max_input_bytes, encoding=encoding, html=html)
        # The async path, so that --deadline bounds the whole run exactly.
        summary = bridge.run(_summarizer(settings, not no_cache).asummarize(source.text))
        if source.differs_from_file:
            # The exact text the spans index, whenever offsets into the file would miss.
            summary = summary.model_copy(update={"source_text": source.text})
        _offline_notice(settings, model)
        if output_format is OutputFormat.json:
            sys.stdout.write(summary.model_dump_json(indent=2) + "\n")
        elif output_format is OutputFormat.html:
            sys.stdout.write(render_html(summary, source.text))
        else:
            sys.stdout.write(render_markdown(summary))


@app.command()
def schema(
    answer: Annotated[
        bool, typer.Option("--answer", help="The schema of what the model is asked for instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of ArticleSummary (or, with --answer, of the model's answer)."""
    from .engines.openai_compatible import ArticleRecord

    model = ArticleRecord if answer else ArticleSummary
    sys.stdout.write(json.dumps(model.model_json_schema(), indent=2) + "\n")


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("eval")
def eval_(
    directory: Annotated[str, typer.Argument(help="A gold set: NAME.txt beside NAME.json.")],
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = ModeOption.tools,
    timeout: TimeoutOpt = 60.0,
    concurrency: Annotated[
        int, typer.Option("--concurrency", min=1, help="Articles summarised at once.")
    ] = 4,
    output_format: Annotated[
        EvalFormat, typer.Option("--format", "-f", help="A table, or the JSON report.")
    ] = EvalFormat.table,
    out: Annotated[
        str | None, typer.Option("--out", help="Also write the JSON report to this file.")
    ] = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Score a model against a gold set: per-article and micro/macro metrics."""
    from rich.console import Console

    from .evaluation import evaluate, report_table

    with _session(debug) as session, _errors(session):
        settings = session.use(_settings(model, base_url, mode, timeout=timeout))
        if out is not None and not os.path.isdir(os.path.dirname(os.path.abspath(out))):
            raise InputError(f"cannot write the report to {out}: no such directory")
        report = evaluate(
            directory, summarizer=_summarizer(settings, not no_cache), concurrency=concurrency
        )
        payload = report.model_dump_json(indent=2) + "\n"
        if out is not None:
            try:
                with open(out, "w", encoding="utf-8") as file:
                    file.write(payload)
            except OSError as exc:
                raise InputError(f"cannot write the report to {out}: {exc.strerror}") from exc
        _offline_notice(settings, model)
        if output_format is EvalFormat.json:
            sys.stdout.write(payload)
        else:
            # Piped output is as wide as the table needs (long article names included); a
            # terminal keeps its own width, and the article column folds rather than cuts names.
            Console(file=sys.stdout, width=None if sys.stdout.isatty() else 200).print(
                report_table(report)
            )
        failed = [result for result in report.articles if result.status == "error"]
        if failed:
            message = (
                f"{len(failed)} of {len(report.articles)} articles failed; the first, "
                f"{failed[0].name}: {failed[0].error}"
            )
            _fail(session.redact(message), EXIT_FAILED)


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help='Directories of .txt/.md files (id = file name), JSONL files of {"id", "text"'
            '[, "title"]} records, or - for JSONL on standard input.',
            show_default=False,
        ),
    ],
    out: Annotated[
        str,
        typer.Option(
            "--out",
            "-o",
            help="The JSONL results file: one line per article as it finishes; run the same "
            "command again to resume (ids already ok are skipped, failed ones retried).",
        ),
    ],
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-c", min=1, help="Articles in flight at once.")
    ] = DEFAULT_CONCURRENCY,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = ModeOption.tools,
    timeout: TimeoutOpt = 60.0,
    max_retries: RetriesOpt = 2,
    strict: StrictOpt = False,
    max_tokens: MaxTokensOpt = 4096,
    rpm: Annotated[
        float | None,
        typer.Option(
            "--rpm",
            min=0.001,
            help="Send at most this many requests a minute, evenly spaced, re-asks and retries included (for hard quotas).",
        ),
    ] = None,
    max_input_bytes: Annotated[
        int, typer.Option("--max-input-bytes", min=1, help="Refuse larger articles.")
    ] = DEFAULT_MAX_INPUT_BYTES,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding", help="The text files' encoding (JSONL is UTF-8). Default: UTF-8."
        ),
    ] = None,
    no_cache: NoCacheOpt = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no closing summary line.")
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """Summarise many articles into a JSONL file, resumably, with a cache and a cost estimate."""
    with _session(debug) as session, _errors(session):
        settings = session.use(
            _settings(
                model,
                base_url,
                mode,
                timeout=timeout,
                max_retries=max_retries,
                strict=strict,
                max_tokens=max_tokens,
            )
        )
        if inputs.count("-") > 1:
            raise InputError("standard input (-) can be read only once")
        results = ResultsFile(out, secret=session.secret)
        started = time.perf_counter()
        with results:
            status = results.latest_status()
            done = {article_id for article_id, state in status.items() if state == "ok"}
            # Files are checked whole before the first request, so a bad line costs nothing.
            files = [source for source in inputs if source != "-"]
            reading = functools.partial(read_sources, max_bytes=max_input_bytes, encoding=encoding)
            todo = sum(1 for a in reading(files, load=False) if a.id not in done)
            show = not quiet and _stderr_is_terminal()
            run = _BatchRun(results, done)
            with run.progress(None if "-" in inputs else todo, show):
                stdin = None
                if "-" in inputs:
                    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="\n")
                try:
                    articles = run.articles(reading(inputs, stdin=stdin))
                    worker = _summarizer(settings, not no_cache)
                    bridge.run(run.consume(articles, worker, concurrency, rpm))
                finally:
                    if stdin is not None:
                        stdin.detach()  # standard input stays open for whoever owns it
            # Still under the lock: no other run may write into the file being replaced.
            results.compact()
        _offline_notice(settings, model)
        if not quiet:
            sys.stderr.write(run.closing_line(settings, time.perf_counter() - started) + "\n")
        failed = run.totals.failed
        if run.first_failure is not None:
            first = run.first_failure
            message = (
                f"{failed} of {run.totals.articles} articles failed; the first, {first.id}: "
                f"{first.error}. Run the same command again to retry them"
            )
            _fail(session.redact(message), EXIT_FAILED)


@app.command()
def report(
    results: Annotated[str, typer.Argument(help="The JSONL results file of a batch.")],
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="The inputs the batch read (their texts are drawn).", show_default=False
        ),
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="The directory to write the site to.")],
    debug: DebugOpt = False,
) -> None:
    """Write a static review site of a batch: an index, actors across articles, who said what."""
    with _session(debug) as session, _errors(session):
        site = write_site(results, inputs, out)
        sys.stderr.write(
            f"summarizer: {site.articles:,} articles: {site.drawn:,} drawn, {site.failed:,} "
            f"failed, {site.missing + site.changed:,} not drawn ({site.missing:,} with no text "
            f"among the inputs, {site.changed:,} whose text has changed); {site.actors:,} actors, "
            f"{site.concerns:,} concerns\n"
        )
        sys.stdout.write(f"{site.index}\n")


class TableFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"


@app.command()
def export(
    results: Annotated[str, typer.Argument(help="The JSONL results file of a batch.")],
    out: Annotated[str, typer.Option("--out", "-o", help="The directory to write the tables to.")],
    table_format: Annotated[
        TableFormat, typer.Option("--format", "-f", help="csv, or parquet (needs pyarrow).")
    ] = TableFormat.csv,
    debug: DebugOpt = False,
) -> None:
    """Write a batch's results as tables: articles, actors, mentions, concerns."""
    with _session(debug) as session, _errors(session):
        written = write_tables(results, out, format=table_format.value)
        for name, path in written.files.items():
            sys.stdout.write(f"{path}\t{written.rows[name]} rows\n")


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


class _BatchRun:
    """A batch as the CLI runs it: records written as they finish, counted, and shown."""

    def __init__(self, results: ResultsFile, done: set[str]) -> None:
        self.results = results
        self.done = done
        self.totals = BatchTotals()
        self.skipped = 0
        self.first_failure: BatchResult | None = None
        self._titles: dict[str, str] = {}
        self._started = time.perf_counter()
        self._bar: Any = None
        self._task: Any = None

    @contextmanager
    def progress(self, total: int | None, show: bool) -> Iterator[None]:
        """A progress bar on stderr (done, failed, rate, ETA, tokens), or nothing."""
        if not show:
            yield
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        bar = Progress(
            TextColumn("articles"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[tokens]} tokens"),
            console=Console(stderr=True),
        )
        self._task = bar.add_task("batch", total=total, failed=0, rate="", tokens="0")
        self._bar = bar
        with bar:
            yield
        self._bar = None

    def articles(self, sources: Iterator[SourceArticle]) -> Iterator[tuple[str, str]]:
        """(id, text) of the articles still to do; unreadable files are recorded as failed."""
        for article in sources:
            if article.id in self.done:
                self.skipped += 1
            elif article.text is None:
                problem = article.problem or InputError(f"{article.id} could not be read")
                self.record(BatchResult(article.id, error=problem), article.title)
            else:
                if article.title is not None:
                    self._titles[article.id] = article.title
                yield article.id, article.text

    async def consume(
        self,
        articles: Iterator[tuple[str, str]],
        worker: Summarizer,
        concurrency: int,
        rpm: float | None,
    ) -> None:
        results = asummarize_many(articles, summarizer=worker, concurrency=concurrency, rpm=rpm)
        async for result in results:
            self.record(result, self._titles.pop(result.id, None))

    def record(self, result: BatchResult, title: str | None) -> None:
        self.results.write(result, title)
        self.totals.add(result)
        if not result.ok and self.first_failure is None:
            self.first_failure = result
        if self._bar is not None:
            elapsed = max(time.perf_counter() - self._started, 1e-9)
            self._bar.update(
                self._task,
                advance=1,
                failed=self.totals.failed,
                rate=f"{self.totals.articles / elapsed:.1f}/s",
                tokens=f"{self.totals.usage.total_tokens:,}",
            )

    def closing_line(self, settings: Settings, elapsed: float) -> str:
        totals, usage = self.totals, self.totals.usage
        cached = f" ({totals.cached} from the cache)" if totals.cached else ""
        if totals.cost_usd is None:
            cost = f"cost unknown (no price for {settings.model}: see SUMMARIZER_PRICES)"
        else:
            cost = f"estimated cost ${totals.cost_usd:.4f}"
        return (
            f"summarizer: {totals.ok} ok{cached}, {totals.failed} failed, {self.skipped} already "
            f"done; {usage.total_tokens:,} tokens (prompt {usage.prompt_tokens:,}, completion "
            f"{usage.completion_tokens:,}, cached {usage.cached_tokens:,}); {cost}; "
            f"{elapsed:.1f} s; results in {self.results.path}"
        )


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


def main() -> None:
    app()
