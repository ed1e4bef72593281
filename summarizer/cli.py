"""The command line: the only module that prints or exits.

Exit codes: 0 success; 1 the run failed (provider, answers, grounding in strict mode); 2 usage or bad
input (bad option, missing path, empty, binary or undecodable text, bad settings); 130 interrupted.

Built on ``argparse``: nothing is imported at start-up beyond what parsing needs, so ``--help`` and
usage errors are quick, and each command imports what it uses when it runs. A command is two
functions, one that adds its options to its parser and one that runs it, named in ``COMMANDS``.

Example::

    $ summarizer summarize examples/ap-kim-russia-jets.txt --format json
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from . import __version__
from .redaction import redact

if TYPE_CHECKING:
    import logging

    from .batch import BatchResult
    from .batch_io import ResultsFile, SourceArticle
    from .config import Settings
    from .core import Summarizer

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
PROG = "summarizer"
MODES = ("tools", "json", "json_schema")
# Help never grows wider than this, however wide the terminal: long lines are hard to read.
MAX_HELP_WIDTH = 100
_USAGE = "usage: "
# The library's defaults, repeated here so that --help imports nothing heavy (a test checks them).
DEFAULT_MAX_INPUT_BYTES = 5_000_000
DEFAULT_CONCURRENCY = 8


# -- errors and exits -------------------------------------------------------------------------


class UsageError(Exception):
    """A command line that cannot be run: one line on stderr, exit code 2."""

    def __init__(self, message: str, prog: str = PROG) -> None:
        super().__init__(message)
        self.prog = prog


class CommandFailed(Exception):
    """A command that ran and failed: its message on stderr, and its exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


class _Exit(Exception):
    """argparse has finished (--help, --version): leave with this code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse, with errors raised (one line, no usage box) instead of printed and exited."""

    def error(self, message: str) -> Any:
        raise UsageError(message, self.prog)

    def exit(self, status: int = 0, message: str | None = None) -> Any:
        if message:
            sys.stderr.write(message)
        raise _Exit(status)


# -- help -------------------------------------------------------------------------------------


class _HelpFormatter(argparse.HelpFormatter):
    """Help that reads like the README's synopses: ``-m, --model M``, ``--mode tools|json``,
    ``INPUT...``; positionals first in the usage; lines wrapped between words, never inside one."""

    def __init__(self, prog: str) -> None:
        width = min(shutil.get_terminal_size().columns, MAX_HELP_WIDTH) - 2
        super().__init__(prog, max_help_position=26, width=width)

    def _format_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None,
    ) -> str:
        prefix = _USAGE if prefix is None else prefix
        lines = synopsis(self._prog, actions, groups, self._width - len(prefix)).splitlines()
        return prefix + ("\n" + " " * len(prefix)).join(lines) + "\n\n"

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction):
            # The commands themselves, one a line, without a "COMMAND" heading line above them.
            return "".join(self._format_action(sub) for sub in action._get_subactions())
        return super()._format_action(action)

    def _format_action_invocation(self, action: argparse.Action) -> str:
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)
        # One metavar for all the spellings: "-m, --model M", not "-m M, --model M".
        names = sorted(action.option_strings, key=len)
        return f"{', '.join(names)} {_metavar(action)}"

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(
            " ".join(text.split()), width, break_long_words=False, break_on_hyphens=False
        )

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = (" ".join(paragraph.split()) for paragraph in text.strip().split("\n\n"))
        return "\n\n".join(
            textwrap.fill(
                paragraph,
                width,
                initial_indent=indent,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            for paragraph in paragraphs
        )


def _metavar(action: argparse.Action) -> str:
    if isinstance(action.metavar, str):
        return action.metavar
    if action.choices is not None:
        return "|".join(str(choice) for choice in action.choices)
    return action.dest.upper()


def _usage_part(action: argparse.Action) -> str:
    """How one argument stands in a synopsis: ``PATH``, ``[PATH]``, ``INPUT...``, ``[--strict]``."""
    if not action.option_strings:
        name = _metavar(action)
        if action.nargs == "?":
            return f"[{name}]"
        if action.nargs == "+":
            return f"{name}..."
        if action.nargs == "*":
            return f"[{name}...]"
        if action.nargs == argparse.PARSER:
            return f"{name} ..."
        return name
    name = next((s for s in action.option_strings if s.startswith("--")), action.option_strings[0])
    text = name if action.nargs == 0 else f"{name} {_metavar(action)}"
    if action.nargs == "+":
        text += "..."
    return text if action.required else f"[{text}]"


def synopsis(prog: str, actions: Any, groups: Any, width: int) -> str:
    """The command's synopsis, wrapped to ``width``: positionals first, then options in the order
    they were added, mutually exclusive ones as ``[--html|--text]``.

    The README's synopses are these lines (a test checks that they agree).

    >>> parser = _Parser(prog="summarizer schema")
    >>> _ = parser.add_argument("--answer", action="store_true")
    >>> synopsis(parser.prog, parser._actions, parser._mutually_exclusive_groups, 78)
    'summarizer schema [--answer]'
    """
    shown = [a for a in actions if a.help is not argparse.SUPPRESS and a.dest != "help"]
    together: dict[int, list[argparse.Action]] = {}
    for group in groups:
        for action in group._group_actions:
            together[id(action)] = group._group_actions
    parts: list[str] = []
    done: set[int] = set()
    # Arguments first, then options, then a command (``COMMAND ...`` takes all that follows).
    order = sorted(
        shown, key=lambda a: 2 if a.nargs == argparse.PARSER else 1 if a.option_strings else 0
    )
    for action in order:
        if id(action) in done:
            continue
        members = [a for a in together.get(id(action), [action]) if a in shown]
        done.update(id(member) for member in members)
        if len(members) > 1:
            parts.append("[" + "|".join(_usage_part(m).strip("[]") for m in members) + "]")
        else:
            parts.append(_usage_part(action))
    # Continuation lines start under the first argument; a part is never split.
    lines: list[str] = []
    head, line = prog, list[str]()
    for part in parts:
        if line and len(head) + len(" ".join(line)) + len(part) + 2 > width:
            lines.append(f"{head} {' '.join(line)}")
            head, line = " " * len(prog), []
        line.append(part)
    lines.append(f"{head} {' '.join(line)}".rstrip())
    return "\n".join(lines)


# -- shared options ---------------------------------------------------------------------------


def _whole(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
        return value

    return parse


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, not {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, not {text}")
    return value


def _per_minute(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-m",
        "--model",
        metavar="M",
        help="provider/model (e.g. openai/gpt-4o-mini, ollama/llama3.2) or offline. Default: "
        "SUMMARIZER_MODEL, else openai/gpt-4o-mini when OPENAI_API_KEY is set, else offline.",
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="An OpenAI-compatible server. Default: OPENAI_BASE_URL, else the provider's.",
    )
    parser.add_argument(
        "--mode",
        choices=MODES,
        default="tools",
        help="How the record is asked for: tools (default), or json or json_schema for servers "
        "without tool calling.",
    )


def _add_timeout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=60.0,
        metavar="S",
        help="Seconds to wait for each request (default 60).",
    )


def _add_answer_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-retries",
        type=_whole(0),
        default=2,
        metavar="N",
        help="Re-asks allowed for answers that fail validation or grounding (default 2).",
    )
    parser.add_argument(
        "--max-tokens",
        type=_whole(1),
        default=4096,
        metavar="N",
        help="Output token limit (default 4096).",
    )


def _add_max_input_tokens(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-input-tokens",
        type=_whole(64),
        metavar="N",
        help="Split longer articles into parts. Default: the model's context window less the "
        "prompt and the output limit.",
    )


def _add_strict(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict",
        action="store_true",
        help="Fail instead of dropping quotes and mentions the article does not contain.",
    )


def _add_input_options(parser: argparse.ArgumentParser, *, encoding: str) -> None:
    parser.add_argument(
        "--max-input-bytes",
        type=_whole(1),
        default=DEFAULT_MAX_INPUT_BYTES,
        metavar="N",
        help=f"Refuse larger articles (default {DEFAULT_MAX_INPUT_BYTES:,}).",
    )
    parser.add_argument(
        "--encoding",
        metavar="ENC",
        help=encoding,
    )


def _add_run_options(parser: argparse.ArgumentParser, *, quiet: str) -> None:
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="Ask the model even when the summary cache holds an answer.",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help=quiet)
    parser.add_argument(
        "--debug",
        action="store_true",
        help="Show the traceback of an error, and the libraries' log lines (the key taken out).",
    )


# -- the commands -----------------------------------------------------------------------------


def _summarize_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        default="-",
        metavar="PATH|-",
        help="The article: a text file, an HTML page (.html, .htm), or - for standard input "
        "(the default).",
    )
    _add_model_options(parser)
    parser.add_argument(
        "-f",
        "--format",
        choices=("markdown", "json", "html"),
        default="markdown",
        help="A markdown report (default), the JSON record, or a self-contained HTML review "
        "page with every mention and quote marked in the text.",
    )
    _add_timeout(parser)
    parser.add_argument(
        "--deadline",
        type=_seconds,
        metavar="S",
        help="Seconds for the whole run, every retry, wait and re-ask included.",
    )
    _add_answer_options(parser)
    _add_max_input_tokens(parser)
    _add_input_options(
        parser,
        encoding="The file's encoding, e.g. cp1252. Default: UTF-8, or what its byte order "
        "mark says.",
    )
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument(
        "--html",
        dest="html",
        action="store_const",
        const=True,
        default=None,
        help="Read the input as an HTML page and summarise its article (the default for .html "
        "and .htm files, and for HTML on standard input); spans then index the extracted text, "
        "given as source_text.",
    )
    kind.add_argument(
        "--text",
        dest="html",
        action="store_const",
        const=False,
        help="Read the input as plain text, whatever it looks like.",
    )
    _add_strict(parser)
    _add_run_options(parser, quiet="No notice that the offline engine answered.")


def _summarize(args: argparse.Namespace, session: _Session) -> int:
    from . import bridge
    from .inputs import read_article

    settings = session.use(
        _settings(
            args,
            max_retries=args.max_retries,
            strict=args.strict,
            max_tokens=args.max_tokens,
            max_input_tokens=args.max_input_tokens,
            deadline=args.deadline,
        )
    )
    if args.path == "-" and _stdin_is_terminal():
        sys.stderr.write(
            "summarizer: reading the article from standard input: paste it, then press Ctrl-D "
            "(Ctrl-Z and Enter on Windows); or name a file: summarizer summarize PATH\n"
        )
    source = read_article(
        args.path, max_bytes=args.max_input_bytes, encoding=args.encoding, html=args.html
    )
    # The async path, so that --deadline bounds the whole run exactly.
    summary = bridge.run(_summarizer(settings, not args.no_cache).asummarize(source.text))
    if source.differs_from_file:
        # The exact text the spans index, whenever offsets into the file would miss.
        summary = summary.model_copy(update={"source_text": source.text})
    _offline_notice(settings, args)
    if not args.quiet:
        # What the record may get wrong (an article not in English, records left out) is said
        # where a user reading the output on a terminal sees it too.
        for warning in summary.meta.warnings:
            sys.stderr.write(f"summarizer: warning: {session.redact(warning)}\n")
    if args.format == "json":
        sys.stdout.write(summary.model_dump_json(indent=2) + "\n")
    elif args.format == "html":
        from .report import render_html

        sys.stdout.write(render_html(summary, source.text))
    else:
        from .report import render_markdown

        sys.stdout.write(render_markdown(summary))
    return 0


def _batch_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help='A directory of .txt and .md files (id: the file name), a JSONL file of {"id", '
        '"text"[, "title"]} lines, or - for JSONL on standard input.',
    )
    parser.add_argument(
        "-o",
        "--out",
        required=True,
        metavar="FILE",
        help="The JSONL results, a line per article as it finishes. Run the same command again "
        "to resume: ids already ok are skipped, failed ones retried.",
    )
    parser.add_argument(
        "-c",
        "--concurrency",
        type=_whole(1),
        default=DEFAULT_CONCURRENCY,
        metavar="N",
        help=f"Articles in flight at once (default {DEFAULT_CONCURRENCY}).",
    )
    _add_model_options(parser)
    _add_timeout(parser)
    _add_answer_options(parser)
    _add_strict(parser)
    parser.add_argument(
        "--rpm",
        type=_per_minute,
        metavar="N",
        help="At most N requests a minute, evenly spaced, re-asks and retries included (for "
        "hard quotas).",
    )
    parser.add_argument(
        "--workers",
        type=_whole(1),
        default=1,
        metavar="N",
        help="Processes to spread the articles over (default 1): one process keeps one core "
        "busy; each worker gets its share of --concurrency and --rpm.",
    )
    _add_max_input_tokens(parser)
    _add_input_options(
        parser,
        encoding="The encoding of the .txt and .md files, e.g. cp1252 (JSONL is UTF-8). "
        "Default: UTF-8, or what a byte order mark says.",
    )
    jobs = parser.add_argument_group(
        "provider batch jobs",
        "Through the provider's own batch service (the OpenAI Batch API: within 24 hours, at "
        "half the price), every answer still grounded, the failing ones re-asked in follow-up "
        "batches. The job's state is kept in FILE.batch; run the same command again to carry on.",
    )
    jobs.add_argument(
        "--provider-batch",
        action="store_true",
        help="Run the articles as a batch job of the provider's batch service.",
    )
    jobs.add_argument(
        "--no-wait",
        action="store_true",
        help="Submit the next round and exit; the same command later collects it.",
    )
    jobs.add_argument(
        "--cancel", action="store_true", help="Cancel the job's batches still running."
    )
    jobs.add_argument(
        "--provider-batch-file",
        metavar="DIR",
        help="Write the request files to DIR without submitting them (for vllm run-batch).",
    )
    jobs.add_argument(
        "--provider-batch-results",
        nargs="+",
        metavar="FILE",
        help="Read the output files of a batch runner, then carry on (the next round's "
        "requests go to the --provider-batch-file directory).",
    )
    jobs.add_argument(
        "--batch-requests",
        type=_whole(1),
        default=50_000,
        metavar="N",
        help="Requests a file at most (default 50,000).",
    )
    jobs.add_argument(
        "--batch-bytes",
        type=_whole(1024),
        default=200_000_000,
        metavar="N",
        help="Bytes a file at most (default 200,000,000).",
    )
    _add_run_options(
        parser,
        quiet="No progress bar, no closing line, no notice that the offline engine answered.",
    )


def _batch(args: argparse.Namespace, session: _Session) -> int:
    import functools
    import io
    import time

    from . import bridge
    from .batch_io import ResultsFile, read_sources
    from .errors import InputError

    job_mode = _job_mode(args)
    settings = session.use(
        _settings(
            args,
            max_retries=args.max_retries,
            strict=args.strict,
            max_tokens=args.max_tokens,
            max_input_tokens=args.max_input_tokens,
            # The file mode only writes requests: nothing reaches the provider.
            key_required=not (args.provider_batch_file or args.provider_batch_results),
        )
    )
    if job_mode and settings.is_offline:
        raise UsageError(
            "the offline engine has no batch service: --provider-batch needs an "
            "OpenAI-compatible --model (e.g. openai/gpt-4o-mini)",
            f"{PROG} batch",
        )
    inputs: list[str] = args.inputs
    if inputs.count("-") > 1:
        raise InputError("standard input (-) can be read only once")
    results = ResultsFile(args.out, secret=session.secret)
    started = time.perf_counter()
    with results:
        status = results.latest_status()
        done = {article_id for article_id, state in status.items() if state == "ok"}
        # Files are checked whole before the first request, so a bad line costs nothing.
        files = [source for source in inputs if source != "-"]
        reading = functools.partial(
            read_sources, max_bytes=args.max_input_bytes, encoding=args.encoding
        )
        todo = sum(1 for a in reading(files, load=False) if a.id not in done)
        show = not args.quiet and _stderr_is_terminal()
        run = _BatchRun(results, done)
        with run.progress(None if "-" in inputs else todo, show):
            stdin = None
            if "-" in inputs:
                stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="\n")
            try:
                articles = run.articles(reading(inputs, stdin=stdin))
                worker = _summarizer(settings, not args.no_cache)
                if job_mode:
                    job = _provider_job(args, worker, run)
                    if args.cancel:
                        count = job.cancel()
                        sys.stderr.write(
                            f"summarizer: cancelled {count} batch{'es' if count != 1 else ''} "
                            f"of {job.state_path}\n"
                        )
                        return 0
                    if args.provider_batch_results:
                        job.read_results(args.provider_batch_results)
                    bridge.run(run.consume_job(articles, job))
                else:
                    bridge.run(
                        run.consume(articles, worker, args.concurrency, args.rpm, args.workers)
                    )
            finally:
                if stdin is not None:
                    stdin.detach()  # standard input stays open for whoever owns it
        # Still under the lock: no other run may write into the file being replaced.
        results.compact()
    _offline_notice(settings, args)
    if not args.quiet:
        sys.stderr.write(run.closing_line(settings, time.perf_counter() - started) + "\n")
    if run.pending is not None:
        sys.stderr.write(run.pending + "\n")
    if run.first_failure is not None:
        first = run.first_failure
        raise CommandFailed(
            f"{run.totals.failed} of {run.totals.articles} articles failed; the first, "
            f"{first.id}: {first.error}. Run the same command again to retry them"
        )
    return 0


def _job_mode(args: argparse.Namespace) -> bool:
    """Whether this batch is a provider batch job; its options make sense only together."""
    file_mode = args.provider_batch_file or args.provider_batch_results
    job = args.provider_batch or bool(file_mode)
    where = f"{PROG} batch"
    if not job:
        for flag, given in (
            ("--no-wait", args.no_wait),
            ("--cancel", args.cancel),
            ("--batch-requests", args.batch_requests != 50_000),
            ("--batch-bytes", args.batch_bytes != 200_000_000),
        ):
            if given:
                raise UsageError(f"{flag} goes with --provider-batch", where)
        return False
    if args.workers != 1 or args.rpm is not None:
        raise UsageError("--workers and --rpm are for live batches, not --provider-batch", where)
    if file_mode and (args.no_wait or args.cancel):
        raise UsageError(
            "--no-wait and --cancel are for a provider's batch service, not the file mode", where
        )
    return True


def _provider_job(args: argparse.Namespace, worker: Summarizer, run: _BatchRun) -> Any:
    from .engines.provider_batch import JobOptions, ProviderBatchJob, state_path_for

    directory = args.provider_batch_file
    if args.provider_batch_results and not directory:
        raise UsageError(
            "--provider-batch-results needs --provider-batch-file DIR, where the next round's "
            "requests are written",
            f"{PROG} batch",
        )
    options = JobOptions(
        max_requests=args.batch_requests, max_bytes=args.batch_bytes, wait=not args.no_wait
    )
    return ProviderBatchJob(
        state_path_for(args.out),
        summarizer=worker,
        options=options,
        files_only=bool(directory),
        directory=directory,
        progress=run.job_progress,
    )


def _schema_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--answer",
        action="store_true",
        help="The schema of what the model is asked for instead (no spans, no meta).",
    )


def _schema(args: argparse.Namespace, session: _Session) -> int:
    import json

    if args.answer:
        from .engines.openai_compatible import ArticleRecord

        schema = ArticleRecord.model_json_schema()
    else:
        from .models import ArticleSummary

        schema = ArticleSummary.model_json_schema()
    sys.stdout.write(json.dumps(schema, indent=2) + "\n")
    return 0


def _eval_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "directory", metavar="DIR", help="A gold set: each NAME.txt beside its NAME.json."
    )
    _add_model_options(parser)
    _add_timeout(parser)
    parser.add_argument(
        "-c",
        "--concurrency",
        type=_whole(1),
        default=4,
        metavar="N",
        help="Articles summarised at once (default 4).",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("table", "json"),
        default="table",
        help="A table (default), or the JSON report.",
    )
    parser.add_argument("--out", metavar="FILE", help="Also write the JSON report to FILE.")
    _add_run_options(parser, quiet="No notice that the offline engine answered.")


def _eval(args: argparse.Namespace, session: _Session) -> int:
    from rich.console import Console

    from .errors import InputError
    from .evaluation import evaluate, report_table

    settings = session.use(_settings(args))
    out: str | None = args.out
    if out is not None and not os.path.isdir(os.path.dirname(os.path.abspath(out))):
        raise InputError(f"cannot write the report to {out}: no such directory")
    report = evaluate(
        args.directory,
        summarizer=_summarizer(settings, not args.no_cache),
        concurrency=args.concurrency,
    )
    payload = report.model_dump_json(indent=2) + "\n"
    if out is not None:
        try:
            with open(out, "w", encoding="utf-8") as file:
                file.write(payload)
        except OSError as exc:
            raise InputError(f"cannot write the report to {out}: {exc.strerror}") from exc
    _offline_notice(settings, args)
    if args.format == "json":
        sys.stdout.write(payload)
    else:
        # Piped output is as wide as the table needs (long article names included); a
        # terminal keeps its own width, and the article column folds rather than cuts names.
        Console(file=sys.stdout, width=None if sys.stdout.isatty() else 200).print(
            report_table(report)
        )
    failed = [result for result in report.articles if result.status == "error"]
    if failed:
        raise CommandFailed(
            f"{len(failed)} of {len(report.articles)} articles failed; the first, "
            f"{failed[0].name}: {failed[0].error}"
        )
    return 0


def _report_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("results", metavar="RESULTS", help="The JSONL results file of a batch.")
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="The inputs the batch read, so that the articles' texts are at hand.",
    )
    parser.add_argument(
        "-o", "--out", required=True, metavar="DIR", help="The directory to write the site to."
    )
    parser.add_argument(
        "--debug", action="store_true", help="Show the traceback of an error (the key taken out)."
    )


def _report(args: argparse.Namespace, session: _Session) -> int:
    from .report import write_site

    site = write_site(args.results, args.inputs, args.out)
    sys.stderr.write(
        f"summarizer: {site.articles:,} articles: {site.drawn:,} drawn, {site.failed:,} failed, "
        f"{site.missing + site.changed:,} not drawn ({site.missing:,} with no text among the "
        f"inputs, {site.changed:,} whose text has changed); {site.actors:,} actors, "
        f"{site.concerns:,} concerns\n"
    )
    sys.stdout.write(f"{site.index}\n")
    return 0


def _export_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("results", metavar="RESULTS", help="The JSONL results file of a batch.")
    parser.add_argument(
        "-o", "--out", required=True, metavar="DIR", help="The directory to write the tables to."
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("csv", "parquet"),
        default="csv",
        help="CSV (default), or Parquet (needs the parquet extra: pyarrow).",
    )
    parser.add_argument(
        "--debug", action="store_true", help="Show the traceback of an error (the key taken out)."
    )


def _export(args: argparse.Namespace, session: _Session) -> int:
    from .report import write_tables

    written = write_tables(args.results, args.out, format=args.format)
    for name, path in written.files.items():
        sys.stdout.write(f"{path}\t{written.rows[name]} rows\n")
    return 0


class Command(NamedTuple):
    """A subcommand: its name, a line of help, how its parser is built, and how it runs."""

    name: str
    summary: str
    build: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, _Session], int]


COMMANDS = (
    Command(
        "summarize",
        "Summarise one article: a markdown report, the JSON record (--format json), or a review "
        "page (--format html).",
        _summarize_parser,
        _summarize,
    ),
    Command(
        "batch",
        "Summarise many articles into a JSONL file, resumably, with a cache and a cost estimate.",
        _batch_parser,
        _batch,
    ),
    Command(
        "report",
        "Write a static review site of a batch: an index, actors across articles, who said what.",
        _report_parser,
        _report,
    ),
    Command(
        "export",
        "Write a batch's results as tables: articles, actors, mentions, concerns (CSV, Parquet).",
        _export_parser,
        _export,
    ),
    Command(
        "schema",
        "Print the JSON Schema of the record (or, with --answer, of the model's answer).",
        _schema_parser,
        _schema,
    ),
    Command(
        "eval",
        "Score a model against a gold set: per-article and micro/macro metrics.",
        _eval_parser,
        _eval,
    ),
)


def _add_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help="Show this help and exit.")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: ``summarizer [--version] COMMAND ...``."""
    parser = _Parser(
        prog=PROG,
        description="Turn news articles into grounded structured summaries.",
        epilog="Run 'summarizer COMMAND --help' for the options of a command.",
        formatter_class=_HelpFormatter,
        allow_abbrev=False,
        add_help=False,
    )
    _add_help(parser)
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help="Show the version."
    )
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", dest="command", parser_class=_Parser, prog=PROG
    )
    for command in COMMANDS:
        sub = commands.add_parser(
            command.name,
            help=command.summary,
            description=command.summary,
            formatter_class=_HelpFormatter,
            allow_abbrev=False,
            add_help=False,
        )
        _add_help(sub)
        command.build(sub)
        sub.set_defaults(command_run=command.run)
    return parser


# -- running a command ------------------------------------------------------------------------


def run() -> None:
    """The console script: ``main()``, then out at once.

    Everything the command wrote is flushed and closed by then (results files, the cache's
    transactions); what is left for the interpreter's teardown (collecting the imported modules'
    objects, joining idle helper threads) costs a short command a good share of its time.
    """
    code = main()
    logging = sys.modules.get("logging")
    if logging is not None:
        logging.shutdown()
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing can reach it
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``summarizer ARGV...`` (``sys.argv[1:]`` by default) and return its exit code."""
    parser = build_parser()
    try:
        try:
            args, extra = parser.parse_known_args(argv)
            if extra:
                # Named by the command they were given to, not by the top-level parser.
                where = f"{PROG} {args.command}" if args.command else PROG
                raise UsageError(f"unrecognized arguments: {' '.join(extra)}", where)
        except UsageError as exc:
            sys.stderr.write(f"summarizer: error: {exc} (see {exc.prog} --help)\n")
            return EXIT_USAGE
        except _Exit as done:
            return done.code
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
        with _session(getattr(args, "debug", False)) as session:
            return _run(args.command_run, args, session)
    except KeyboardInterrupt:
        sys.stderr.write("summarizer: interrupted\n")
        return EXIT_INTERRUPTED


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


def _in_flags(message: str) -> str:
    import re

    words = "|".join(re.escape(word) for word in sorted(_FLAGS, key=len, reverse=True))
    return re.sub(words, lambda match: _FLAGS[match.group()], message)


def _run(
    run: Callable[[argparse.Namespace, _Session], int],
    args: argparse.Namespace,
    session: _Session,
) -> int:
    """One clear line on stderr and the documented exit code; a traceback only with --debug."""
    try:
        return run(args, session)
    except KeyboardInterrupt:
        sys.stderr.write("summarizer: interrupted\n")
        return EXIT_INTERRUPTED
    except CommandFailed as exc:
        sys.stderr.write(f"summarizer: error: {session.redact(str(exc))}\n")
        return exc.code
    except UsageError as exc:  # options that parse but do not go together
        sys.stderr.write(f"summarizer: error: {exc} (see {exc.prog} --help)\n")
        return EXIT_USAGE
    except Exception as exc:
        from .errors import ConfigurationError, InputError, SummarizerError

        code = EXIT_USAGE if isinstance(exc, (InputError, ConfigurationError)) else EXIT_FAILED
        if session.debug:
            import traceback

            # The whole story, chained causes included, with the key taken out of it.
            trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            sys.stderr.write(session.redact(trace))
            return code
        message = _in_flags(str(exc)) if isinstance(exc, SummarizerError) else f"unexpected {exc!r}"
        hint = "" if isinstance(exc, SummarizerError) else " (run with --debug for details)"
        sys.stderr.write(f"summarizer: error: {session.redact(message)}{hint}\n")
        return code


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


_LIBRARIES = ("instructor", "openai", "httpx", "httpx2", "httpcore", "httpcore2")


@contextmanager
def _session(debug: bool) -> Iterator[_Session]:
    """A command's session, with logging set up for it and put back as it was afterwards.

    With --debug every library's log records go to stderr (redacted); without, only summarizer's
    own warnings do, as ``summarizer: warning: ...`` lines, and the libraries keep quiet.
    """
    import logging

    session = _Session(debug)
    handler = logging.StreamHandler(sys.stderr)
    root, own = logging.getLogger(), logging.getLogger("summarizer")
    saved = [(logger, logger.level, logger.propagate) for logger in (root, own)]
    quieted: list[tuple[logging.Logger, logging.Handler, bool]] = []
    if debug:
        handler.setFormatter(_redacting(session, "%(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.DEBUG)
        target = root
    else:
        handler.setFormatter(_redacting(session, "summarizer: warning: %(message)s"))
        handler.setLevel(logging.WARNING)
        own.addHandler(handler)
        own.propagate = False
        target = own
        for name in _LIBRARIES:
            library = logging.getLogger(name)
            silencer: logging.Handler = logging.NullHandler()
            library.addHandler(silencer)
            quieted.append((library, silencer, library.propagate))
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


def _redacting(session: _Session, fmt: str) -> logging.Formatter:
    """Log lines are for people: the key is taken out of the whole line, tracebacks included."""
    import logging

    class RedactingFormatter(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            return session.redact(super().format(record))

    return RedactingFormatter(fmt)


def _settings(args: argparse.Namespace, **options: Any) -> Settings:
    from .config import Settings

    return Settings.resolve(
        args.model, base_url=args.base_url, mode=args.mode, timeout=args.timeout, **options
    )


def _offline_notice(settings: Settings, args: argparse.Namespace) -> None:
    if args.quiet or args.model or os.environ.get("SUMMARIZER_MODEL"):
        return
    if settings.is_offline:
        sys.stderr.write(
            "summarizer: no model configured, so the built-in offline engine was used; for an LLM "
            "set OPENAI_API_KEY, or --base-url and --model (e.g. ollama/llama3.2)\n"
        )


def _summarizer(settings: Settings, cache: bool) -> Summarizer:
    """A Summarizer with the summary cache (unless --no-cache); a cache that cannot be opened is
    skipped with a warning: it saves money, it must not stop a run."""
    from .cache import SummaryCache
    from .core import Summarizer
    from .errors import ConfigurationError

    store = None
    if cache and not settings.is_offline:
        try:
            store = SummaryCache()
        except ConfigurationError as exc:
            sys.stderr.write(f"summarizer: warning: running without the cache: {exc}\n")
    return Summarizer(settings=settings, cache=store)


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


class _BatchRun:
    """A batch as the CLI runs it: records written as they finish, counted, and shown."""

    def __init__(self, results: ResultsFile, done: set[str]) -> None:
        import time

        from .batch import BatchTotals

        self.results = results
        self.done = done
        self.totals = BatchTotals()
        self.skipped = 0
        self.first_failure: BatchResult | None = None
        self._titles: dict[str, str] = {}
        self._started = time.perf_counter()
        self._bar: Any = None
        self._task: Any = None
        self._job_task: Any = None
        # What a provider batch job left running, for the closing line.
        self.pending: str | None = None

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
        from .batch import BatchResult
        from .errors import InputError

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
        workers: int = 1,
    ) -> None:
        from .batch import asummarize_many

        results = asummarize_many(
            articles, summarizer=worker, concurrency=concurrency, rpm=rpm, workers=workers
        )
        async for result in results:
            self.record(result, self._titles.pop(result.id, None))

    async def consume_job(self, articles: Iterator[tuple[str, str]], job: Any) -> None:
        """A provider batch job's results, written as its rounds settle them."""
        async for result in job.results(articles):
            self.record(result, self._titles.pop(result.id, None))
        pending = job.pending
        if pending.files:
            listed = " ".join(str(path) for path in pending.files)
            self.pending = (
                f"summarizer: {pending.requests:,} requests written to {listed}: run them (e.g. "
                "vllm run-batch -i FILE -o OUTPUT), then run this command again with "
                "--provider-batch-results OUTPUT..."
            )
        elif pending.batches:
            self.pending = (
                f"summarizer: {pending.requests:,} requests still run in "
                f"{len(pending.batches)} batch{'es' if len(pending.batches) != 1 else ''} "
                f"({', '.join(pending.batches)}): run the same command again to collect them, "
                "or add --cancel"
            )

    def job_progress(self, progress: Any) -> None:
        """The batches' request counts, on the progress bar."""
        if self._bar is None:
            return
        if self._job_task is None:
            self._job_task = self._bar.add_task(
                "requests", total=progress.total, failed=0, rate="", tokens=""
            )
        self._bar.update(
            self._job_task,
            total=progress.total,
            completed=progress.completed + progress.failed,
            failed=progress.failed,
            rate=f"round {progress.round}, {progress.batches} batches",
        )

    def record(self, result: BatchResult, title: str | None) -> None:
        import time

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
