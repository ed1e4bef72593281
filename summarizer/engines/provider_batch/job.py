"""A provider batch job: the pipeline run round by round, each round one set of batch files.

Every article goes through the same pipeline as a live call (``summarizer.pipeline``): its
requests are the same bodies, its answers are parsed, validated and grounded the same way, and an
answer that fails is re-asked with the same conversation. The only difference is the engine:
``BatchJobEngine.answer`` does not send the request; it hands it to the job and waits. When every
article is waiting, the job writes the waiting requests to JSONL files (a round), submits them,
polls until the batches end, and hands each article its answer; the re-asks those answers need
make the next round, and so on until every article is settled.

Because a request is known by the SHA-256 of its body, and the pipeline is deterministic, a rerun
after a crash replays each article up to the request it is waiting for: answered requests come
from the state file, requests in a batch already submitted wait for that batch, and only new ones
go into a new round. Nothing is resubmitted, nothing is paid for twice.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from collections.abc import AsyncIterator, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openai.types.chat import ChatCompletion

from ...article import Article
from ...config import Settings
from ...errors import ConfigurationError, ProviderError, SummarizerError
from ...inputs import check_article
from ...pipeline import Run, summarize_article
from .. import transport
from ..base import Answer, BaseEngine, Task
from ..openai_compatible import OpenAIEngine
from . import state as states
from .service import BatchStatus, DirectoryService, OpenAIBatchService, output_lines
from .state import JobState

__all__ = ["BatchJobEngine", "Job", "JobOptions", "JobProgress", "custom_id_for"]

# The article a request belongs to (set by the job around each article's run).
ARTICLE_ID: ContextVar[str] = ContextVar("summarizer_batch_article")
_RETRIED_STATUSES = frozenset({408, 409, 429})
_SAFE = re.compile(r"[^A-Za-z0-9._:-]")
_MAX_ID = 64


@dataclass(frozen=True)
class JobOptions:
    """How a job splits its files, waits and polls."""

    max_requests: int = 50_000
    max_bytes: int = 200_000_000
    wait: bool = True
    # Seconds between status checks: the first wait, growing by half each time, up to the last.
    poll_first: float = 5.0
    poll_last: float = 60.0

    def __post_init__(self) -> None:
        if self.max_requests < 1 or self.max_bytes < 1024:
            raise ConfigurationError(
                "a batch file must allow at least 1 request and 1024 bytes", option="max_requests"
            )


@dataclass(frozen=True)
class JobProgress:
    """Where the job's batches stand: for a progress bar."""

    round: int
    batches: int
    total: int
    completed: int
    failed: int


@dataclass
class Pending:
    """What a job left running when it returned without waiting (or left to run by hand)."""

    batches: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    requests: int = 0


class _Detach(Exception):
    """The job stops here for now; its batches (or files) carry on without it."""


def custom_id_for(article_id: str, number: int) -> str:
    """A request's ``custom_id``: the article id, made safe for the provider (letters, digits,
    ``._:-``, at most 64 characters, a short hash when it had to change), ``~N`` for its Nth
    request (re-asks, parts of a long article).

    >>> custom_id_for("a-1", 1), custom_id_for("a-1", 3), custom_id_for("päge 1", 1)
    ('a-1', 'a-1~3', 'p_ge_1-b3844d8b')
    """
    safe = _SAFE.sub("_", article_id)[: _MAX_ID - 14]
    if safe != article_id:
        safe = f"{safe}-{hashlib.sha256(article_id.encode()).hexdigest()[:8]}"
    return safe if number == 1 else f"{safe}~{number}"


def request_key(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class BatchJobEngine(BaseEngine):
    """The OpenAI-compatible engine's requests, answered by the job's batches."""

    deterministic = False
    # Every part of a long article goes into the same round.
    parallel_parts = None

    def __init__(self, live: OpenAIEngine, job: Job) -> None:
        super().__init__(live.settings)
        self.live = live
        self.job = job
        self.prompt_version = live.prompt_version

    @property
    def max_input_tokens(self) -> int | None:
        return self.live.max_input_tokens

    def count_tokens(self, text: str) -> int:
        return self.live.count_tokens(text)

    async def answer(self, task: Task) -> Answer:
        body = self.live.request_body(task)
        response = await self.job.request(ARTICLE_ID.get(), body)
        return self.live.read(task, body, response)


class Job:
    """The rounds of one provider batch job, over its state file."""

    def __init__(
        self,
        settings: Settings,
        state: JobState,
        service: OpenAIBatchService | DirectoryService,
        directory: Path,
        options: JobOptions,
        progress: Callable[[JobProgress], None] | None = None,
    ) -> None:
        self.settings = settings
        self.state = state
        self.service = service
        self.directory = directory
        self.options = options
        self.progress = progress
        self.pending = Pending()
        self._bodies: dict[str, dict[str, Any]] = {}
        self._futures: dict[str, asyncio.Future[ChatCompletion]] = {}
        self._changes = 0

    # -- what the articles ask ------------------------------------------------------------------

    async def request(self, article_id: str, body: dict[str, Any]) -> ChatCompletion:
        """The answer to ``body``: from the state when it has one, else from a batch."""
        key = request_key(body)
        row = self.state.request(key)
        if row is not None and row.state == states.ANSWERED and row.response is not None:
            return ChatCompletion.model_validate_json(row.response)
        if row is not None and row.state == states.FAILED:
            raise ProviderError(row.error or "the provider could not answer this request")
        if row is None:
            number = self.state.requests_of(article_id) + 1
            self.state.add_request(key, custom_id_for(article_id, number), article_id)
        self._bodies[key] = body
        future = self._futures.get(key)
        if future is None:
            future = self._futures[key] = asyncio.get_running_loop().create_future()
        self.changed()
        return await asyncio.shield(future)

    def changed(self) -> None:
        self._changes += 1

    async def _quiet(self) -> None:
        """Until every article is waiting for an answer (nothing else moves)."""
        while True:
            seen = self._changes
            for _ in range(20):
                await asyncio.sleep(0)
            if seen == self._changes:
                return

    def _waiting(self) -> list[str]:
        return [key for key, future in self._futures.items() if not future.done()]

    # -- the rounds -----------------------------------------------------------------------------

    async def drive(self, finished: Callable[[], bool]) -> None:
        """Round after round, until ``finished()``; raises ``_Detach`` to stop without waiting."""
        idle = 0
        while True:
            await self._quiet()
            if finished():
                return
            waiting = self._waiting()
            if not waiting:
                continue
            await self._collect_ended()
            await self._send(waiting)
            await self._resume_submissions()
            if not self.service.submits:
                written = self.state.shards(states.WRITTEN)
                if written and self._waiting():
                    self.pending.files = [Path(shard.path) for shard in written]
                    self.pending.requests = sum(shard.requests for shard in written)
                    raise _Detach
            elif self.state.shards(states.SUBMITTED):
                idle = 0
                await self._poll(wait=self.options.wait)
                continue
            # Articles wait, yet no batch carries their requests: a state this job cannot leave.
            idle += 1
            if idle > 3 and self._waiting():
                raise ProviderError(
                    f"the batch job in {self.state.path} waits for requests no batch carries: "
                    "cancel it and start again with another results file"
                )

    async def _send(self, waiting: list[str]) -> None:
        """The waiting requests that no shard carries yet, written as this round's files."""
        queued = []
        for key in waiting:
            row = self.state.request(key)
            if row is not None and row.state == states.QUEUED:
                queued.append(key)
        if not queued:
            return
        round_number = self.state.next_round()
        self.directory.mkdir(parents=True, exist_ok=True)
        lines: list[str] = []
        keys: list[str] = []
        size = 0
        part = 0

        def flush() -> None:
            nonlocal lines, keys, size, part
            if not keys:
                return
            part += 1
            content = "".join(lines).encode("utf-8")
            # The same requests sent again in a later round make a shard of their own.
            shard = hashlib.sha256(b"%d:" % round_number + content).hexdigest()[:24]
            path = self.directory / f"round-{round_number}-{part:03d}.jsonl"
            temporary = path.with_suffix(".jsonl.tmp")
            temporary.write_bytes(content)
            temporary.replace(path)
            self.state.add_shard(shard, round_number, path, keys)
            lines, keys, size = [], [], 0

        for key in queued:
            row = self.state.request(key)
            if row is None:
                continue
            line = (
                json.dumps(
                    {
                        "custom_id": row.custom_id,
                        "method": "POST",
                        "url": "/v1/chat/completions",
                        "body": self._bodies[key],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            length = len(line.encode("utf-8"))
            if keys and (
                len(keys) >= self.options.max_requests or size + length > self.options.max_bytes
            ):
                flush()
            lines.append(line)
            keys.append(key)
            size += length
        flush()

    async def _resume_submissions(self) -> None:
        """Every written shard uploaded, and every uploaded one made a batch (each step recorded
        before the next, so a crash between them repeats nothing)."""
        service = self.service
        if not isinstance(service, OpenAIBatchService):
            return
        for shard in self.state.shards(states.WRITTEN):
            file_id = await service.upload(Path(shard.path))
            self.state.update_shard(shard.shard, file_id=file_id, status=states.UPLOADED)
        for shard in self.state.shards(states.UPLOADED):
            batch_id = await service.find(shard.shard)
            if batch_id is None:
                if shard.file_id is None:
                    continue
                batch_id = await service.create(shard.file_id, shard.shard)
            self.state.update_shard(shard.shard, batch_id=batch_id, status=states.SUBMITTED)

    async def _poll(self, *, wait: bool) -> None:
        """Check the batches in flight until they end (or once, without waiting), collecting each
        as it ends."""
        service = self.service
        if not isinstance(service, OpenAIBatchService):
            return
        delay = self.options.poll_first
        while True:
            in_flight = self.state.shards(states.SUBMITTED)
            statuses: list[BatchStatus] = []
            for shard in in_flight:
                if shard.batch_id is None:
                    continue
                status = await service.status(shard.batch_id)
                statuses.append(status)
                counts = {
                    "total": status.total,
                    "completed": status.completed,
                    "failed": status.failed,
                }
                self.state.update_shard(shard.shard, counts=counts)
                if status.ended:
                    self.state.update_shard(
                        shard.shard,
                        status=states.ENDED,
                        output_file_id=status.output_file_id,
                        error_file_id=status.error_file_id,
                    )
            self._report(statuses)
            await self._collect_ended(statuses)
            running = [status for status in statuses if not status.ended]
            if not running:
                return
            if not wait:
                self.pending.batches = [status.batch_id for status in running]
                self.pending.requests = sum(status.total for status in running)
                raise _Detach
            await transport.sleep(delay)
            delay = min(delay * 1.5, self.options.poll_last)

    def _report(self, statuses: list[BatchStatus]) -> None:
        if self.progress is None or not statuses:
            return
        self.progress(
            JobProgress(
                round=self.state.next_round() - 1,
                batches=len(statuses),
                total=sum(s.total for s in statuses),
                completed=sum(s.completed for s in statuses),
                failed=sum(s.failed for s in statuses),
            )
        )

    async def _collect_ended(self, statuses: list[BatchStatus] | None = None) -> None:
        """The answers of every ended batch, into the state and to the articles waiting."""
        service = self.service
        if not isinstance(service, OpenAIBatchService):
            return
        why = {status.batch_id: status for status in statuses or []}
        for shard in self.state.shards(states.ENDED):
            records: list[dict[str, Any]] = []
            for file_id in (shard.output_file_id, shard.error_file_id):
                if file_id:
                    records.extend(output_lines(await service.content(file_id)))
            status = why.get(shard.batch_id or "")
            ending = status.status if status else "ended"
            self.take(records, shard.shard, ending, status.errors if status else None)

    def take(
        self,
        records: list[dict[str, Any]],
        shard: str | None = None,
        ending: str = "ended",
        batch_errors: str | None = None,
    ) -> int:
        """Output records into the state. A request of an answered shard that no record answers
        (an expired batch, a line missing from an output file) and a request that failed on the
        wire are tried again in the next round while the transport budget lasts. Returns the
        records taken."""
        taken = 0
        budget = self.settings.transport_retries
        shards = {shard} if shard is not None else set()
        for record in records:
            row = self.state.request_by_custom_id(str(record["custom_id"]))
            if row is None:
                continue
            if row.shard:
                shards.add(row.shard)
            if row.state == states.ANSWERED:
                continue
            taken += 1
            response = record.get("response") or {}
            code = response.get("status_code")
            body = response.get("body")
            if isinstance(code, int) and code < 400 and isinstance(body, dict):
                self.state.answer(row.key, json.dumps(body, ensure_ascii=False))
                continue
            message = _request_error(record, code, body)
            retryable = code is None or code in _RETRIED_STATUSES or int(code) >= 500
            self.state.fail(row.key, message, retry=retryable and row.tries < budget)
        for name in shards:
            for row in self.state.requests_in(name):
                if row.state == states.SENT:
                    detail = f": {batch_errors}" if batch_errors else ""
                    message = f"the batch {ending} before answering the request{detail}"
                    self.state.fail(row.key, message, retry=row.tries < budget)
            self.state.update_shard(name, status=states.COLLECTED)
        self._resolve()
        return taken

    def _resolve(self) -> None:
        for key in self._waiting():
            row = self.state.request(key)
            if row is None:
                continue
            future = self._futures[key]
            if row.state == states.ANSWERED and row.response is not None:
                future.set_result(ChatCompletion.model_validate_json(row.response))
            elif row.state == states.FAILED:
                future.set_exception(ProviderError(row.error or "the provider failed"))
            self.changed()


def _request_error(record: dict[str, Any], code: object, body: object) -> str:
    """What the service said about one failed request, in a line."""
    detail = None
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict):
            detail = error.get("message")
    error = record.get("error")
    if not detail and isinstance(error, dict):
        detail = error.get("message") or error.get("code")
    status = f" ({code})" if code is not None else ""
    return f"the batch service could not answer the request{status}: {detail or 'no detail'}"


# -- running a job ---------------------------------------------------------------------------------


async def run_articles(
    job: Job,
    engine: BatchJobEngine,
    settings: Settings,
    prices: Any,
    cache: Any,
    articles: AsyncIterator[tuple[str, object]],
) -> AsyncIterator[tuple[str, Any]]:
    """Every article through the pipeline, the job's rounds beside them: ``(id, summary or
    error)`` as each finishes. Raises ``_Detach`` (after yielding what finished) when the job
    goes on without this process."""
    tasks: dict[asyncio.Task[Any], str] = {}
    exhausted = False

    async def one(article_id: str, text: object) -> Any:
        ARTICLE_ID.set(article_id)
        try:
            run = Run(engine, settings, prices, batch_prices=True)
            return await summarize_article(run, Article(check_article(text)), cache)
        except SummarizerError as exc:
            return exc
        finally:
            job.changed()

    async for article_id, text in articles:
        tasks[asyncio.create_task(one(article_id, text))] = article_id
        job.changed()
    exhausted = True

    driver = asyncio.create_task(job.drive(lambda: exhausted and all(t.done() for t in tasks)))
    try:
        pending = set(tasks) | {driver}
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if task is driver:
                    task.result()  # _Detach, or a failure of the job itself
                    continue
                yield tasks[task], task.result()
            if driver.done() and all(t.done() for t in tasks):
                break
    finally:
        for task in [*tasks, driver]:
            task.cancel()
        await asyncio.gather(*tasks, driver, return_exceptions=True)
