"""Provider batch jobs: archives summarised through the provider's own batch service, at its batch
price, every answer validated and grounded as a live one, the failing ones re-asked in follow-up
batches.

``ProviderBatchJob(state_path, ...)`` runs one job, kept in a SQLite state file; its
``results(articles)`` yields a ``BatchResult`` per article as the rounds settle them:

1. the requests (the same prompts and tools as a live call; ``custom_id`` = the article id, made
   safe and mapped back) are written to JSONL files, split at ``max_requests`` requests or
   ``max_bytes`` bytes (50,000 and 200 MB, the OpenAI Batch API's limits);
2. the files are uploaded (``POST /files``, purpose ``batch``) and a batch made of each
   (``POST /batches``, ``/v1/chat/completions``, window ``24h``);
3. the batches are polled with backoff until they end (``progress`` hears their counts);
4. the output and error files are read; every answer is validated and grounded exactly as a live
   call's, and those that fail (schema, JSON, grounding, truncation) are re-asked in the next
   round, with the re-ask conversation, up to the re-ask budget; expired or failed batches and
   per-request errors are sent again while the transport budget lasts;
5. each article's record counts every round's attempts and tokens, and costs the batch price.

Run it again with the same state file after a crash, Ctrl-C or reboot and it carries on: answered
requests are read back, batches in flight are waited for, and only new requests are sent.
``wait=False`` submits a round and returns (``pending`` says what runs); ``cancel()`` cancels the
job's batches. ``files_only=True`` writes the request files without submitting (for
``vllm run-batch``); ``read_results(paths)`` reads their output files back.

Example::

    >>> job = ProviderBatchJob("archive.jsonl.batch", model="openai/gpt-4o-mini")  # doctest: +SKIP
    >>> for result in job.run(articles):  # doctest: +SKIP
    ...     print(result.id, result.ok)
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ... import bridge
from ...errors import ConfigurationError, SummarizerError
from .job import BatchJobEngine, Job, JobOptions, JobProgress, Pending, _Detach
from .service import DirectoryService, OpenAIBatchService, output_lines
from .state import JobState

__all__ = ["JobOptions", "JobProgress", "Pending", "ProviderBatchJob", "state_path_for"]


def state_path_for(results: str | Path) -> Path:
    """The state file kept beside a results file: ``results.jsonl`` -> ``results.jsonl.batch``."""
    return Path(f"{results}.batch")


class ProviderBatchJob:
    """One provider batch job over a state file (see the module's docstring).

    Options are those of ``Summarizer`` (``model``, ``base_url``, ``api_key``, ``mode``,
    ``max_retries``, ``transport_retries``, ``max_tokens``, ``strict``, ``max_input_tokens``,
    ``cache``, ``prices``) or ``summarizer=``; ``options`` a ``JobOptions``; ``directory`` where the
    request files go (default: beside the state file, ``STATE.files/``).
    """

    def __init__(
        self,
        state: str | Path,
        *,
        summarizer: Any = None,
        options: JobOptions | None = None,
        files_only: bool = False,
        directory: str | Path | None = None,
        progress: Callable[[JobProgress], None] | None = None,
        **settings: Any,
    ) -> None:
        from ...core import Summarizer

        if summarizer is None:
            summarizer = Summarizer(**settings)
        elif settings:
            raise ConfigurationError("pass either summarizer= or the options of a Summarizer")
        live = summarizer.engine
        from ..openai_compatible import OpenAIEngine

        if not isinstance(live, OpenAIEngine):
            raise ConfigurationError(
                f"{summarizer.settings.model} has no batch service: provider batch jobs need an "
                "OpenAI-compatible model (the offline engine and plugin engines answer at once)",
                option="model",
            )
        self.summarizer = summarizer
        # A batch runs for hours: no deadline applies to its articles.
        self.settings = replace(summarizer.settings, deadline=None)
        self.state_path = Path(state)
        self.directory = Path(directory) if directory else Path(f"{state}.files")
        self.options = options or JobOptions()
        self.files_only = files_only
        self.progress = progress
        self.pending = Pending()
        self._live = live

    def _open(self) -> tuple[JobState, Job]:
        state = JobState(self.state_path)
        state.check_identity(
            {
                "model": self.settings.model,
                "base_url": self.settings.base_url,
                "mode": self.settings.mode,
                "max_tokens": self.settings.max_tokens,
                "max_retries": self.settings.max_retries,
                "strict": self.settings.strict,
                "prompt_version": self._live.prompt_version,
            }
        )
        service: OpenAIBatchService | DirectoryService = (
            DirectoryService(self.directory)
            if self.files_only
            else OpenAIBatchService(self.settings)
        )
        job = Job(self.settings, state, service, self.directory, self.options, self.progress)
        return state, job

    async def results(self, articles: Any) -> AsyncIterator[Any]:
        """A ``BatchResult`` per article as the rounds settle it; ``pending`` afterwards says what
        still runs (without waiting, or in files to run by hand)."""
        from ...batch import BatchResult, _identify, _items
        from .job import run_articles

        state, job = self._open()
        engine = BatchJobEngine(self._live, job)

        async def pairs() -> AsyncIterator[tuple[str, object]]:
            position = 0
            async for item in _items(articles):
                yield _identify(item, position)
                position += 1

        try:
            outcomes = run_articles(
                job,
                engine,
                self.settings,
                self.summarizer.prices,
                self.summarizer.cache,
                pairs(),
            )
            try:
                async for article_id, outcome in outcomes:
                    if isinstance(outcome, SummarizerError):
                        yield BatchResult(article_id, error=outcome)
                    else:
                        yield BatchResult(article_id, summary=outcome)
            except _Detach:
                pass
            self.pending = job.pending
        finally:
            await job.service.aclose()
            state.close()

    def run(self, articles: Any) -> Iterator[Any]:
        """The blocking twin of ``results``."""
        return bridge.iterate(self.results(articles))

    def read_results(self, paths: list[str | Path]) -> int:
        """Read output files of a batch runner (``vllm run-batch -o FILE``) into the state;
        returns the records taken. Run the articles again to carry on from them."""
        state, job = self._open()
        try:
            taken = 0
            for path in paths:
                try:
                    data = Path(path).read_bytes()
                except OSError as exc:
                    raise ConfigurationError(
                        f"cannot read the batch output {path}: {exc.strerror}", option="results"
                    ) from exc
                taken += job.take(list(output_lines(data)))
            return taken
        finally:
            state.close()

    async def acancel(self) -> int:
        """Cancel the job's batches still running; returns how many."""
        state, job = self._open()
        try:
            service = job.service
            if not isinstance(service, OpenAIBatchService):
                return 0
            cancelled = 0
            from .state import SUBMITTED

            for shard in state.shards(SUBMITTED):
                if shard.batch_id:
                    await service.cancel(shard.batch_id)
                    cancelled += 1
            return cancelled
        finally:
            await job.service.aclose()
            state.close()

    def cancel(self) -> int:
        """The blocking twin of ``acancel``."""
        return bridge.run(self.acancel())
