"""Worker processes for batches: one event loop saturates one core, so a batch can use several.

``asummarize_many(..., workers=N)`` starts ``N`` processes (``python -m summarizer.workers``),
each with a ``Summarizer`` of the same settings: its own engine, clients and event loop, the same
cache file (safe to share). The parent reads the input as slots free up, hands each article to
the worker with the fewest in flight, and yields results as they come back, in completion order;
the parent alone writes results, so resuming works as with one process. A worker that dies fails
only the articles it held. The workers are plain subprocesses talking over their standard input
and output, so they work from any script, notebook or frozen entry point (nothing of the caller's
``__main__`` is imported again).

Example::

    >>> from summarizer import summarize_many
    >>> articles = [(str(i), "Critics warned that the dam was unsafe.") for i in range(4)]
    >>> sorted(r.id for r in summarize_many(articles, model="offline", workers=2))
    ['0', '1', '2', '3']
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import signal
import struct
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import SummarizerError

if TYPE_CHECKING:
    from .batch import BatchResult
    from .config import Settings
    from .core import Summarizer
    from .pricing import Price

__all__ = ["Recipe", "WorkerPool"]

_LENGTH = struct.Struct("!I")
# Seconds a worker has to finish after its last article before it is stopped.
_STOP_TIMEOUT = 5.0


@dataclass(frozen=True)
class Recipe:
    """How a worker makes its own Summarizer: everything picklable."""

    settings: Settings
    cache: str | None
    prices: dict[str, Price]
    rpm: float | None

    @classmethod
    def of(cls, summarizer: Summarizer, workers: int, rpm: float | None) -> Recipe:
        cache = summarizer.cache
        return cls(
            settings=summarizer.settings,
            cache=None if cache is None else str(cache.path),
            prices=dict(summarizer.prices),
            # The quota is shared: each worker paces its own share of it.
            rpm=None if rpm is None else rpm / workers,
        )


async def _send(writer: asyncio.StreamWriter, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    writer.write(_LENGTH.pack(len(data)) + data)
    await writer.drain()


async def _receive(reader: asyncio.StreamReader) -> Any:
    size = _LENGTH.unpack(await reader.readexactly(_LENGTH.size))[0]
    return pickle.loads(await reader.readexactly(size))


class _Worker:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.held: dict[int, tuple[str, asyncio.Future[BatchResult]]] = {}
        self.reading: asyncio.Task[None] | None = None


class WorkerPool:
    """Worker processes that summarise the articles they are handed, results back as they finish."""

    def __init__(self, recipe: Recipe, workers: int) -> None:
        self._recipe = recipe
        self._count = workers
        self._workers: list[_Worker] = []
        self._sequence = 0

    async def start(self) -> None:
        # The workers import what this process imports: its path, plugins on it included.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        for _ in range(self._count):
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "summarizer.workers",
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
            )
            worker = _Worker(process)
            if process.stdin is None or process.stdout is None:
                raise RuntimeError("a worker process started without its pipes")
            await _send(process.stdin, self._recipe)
            worker.reading = asyncio.create_task(self._read(worker))
            self._workers.append(worker)

    async def summarize(self, article_id: str, text: object) -> BatchResult:
        """Hand one article to the least busy worker, and wait for its result."""
        from .batch import BatchResult

        alive = [w for w in self._workers if w.process.returncode is None and w.reading]
        if not alive:
            return BatchResult(article_id, error=SummarizerError("every worker process stopped"))
        worker = min(alive, key=lambda w: len(w.held))
        self._sequence += 1
        sequence = self._sequence
        future: asyncio.Future[BatchResult] = asyncio.get_running_loop().create_future()
        worker.held[sequence] = (article_id, future)
        stdin = worker.process.stdin
        try:
            if stdin is None:
                raise ConnectionError("no pipe to the worker")
            await _send(stdin, (sequence, article_id, text))
        except (ConnectionError, RuntimeError):
            pass  # the reader sees the worker gone and fails what it held
        try:
            return await future
        finally:
            worker.held.pop(sequence, None)

    async def _read(self, worker: _Worker) -> None:
        from .batch import BatchResult

        stdout = worker.process.stdout
        try:
            while stdout is not None:
                sequence, result = await _receive(stdout)
                entry = worker.held.get(sequence)
                if entry is not None and not entry[1].done():
                    entry[1].set_result(result)
        except (asyncio.IncompleteReadError, ConnectionError, EOFError, pickle.UnpicklingError):
            pass
        code = await worker.process.wait()
        for article_id, future in list(worker.held.values()):
            if not future.done():
                error = SummarizerError(
                    f"the worker process summarising it stopped (exit code {code}): run the "
                    "same command again to retry it"
                )
                future.set_result(BatchResult(article_id, error=error))

    async def aclose(self, *, wait: bool) -> None:
        """Stop the workers: after the articles they hold (``wait``), or at once."""
        for worker in self._workers:
            stdin = worker.process.stdin
            if stdin is not None and not stdin.is_closing():
                stdin.close()  # end of input: a worker finishes what it holds, then exits
            if not wait and worker.process.returncode is None:
                worker.process.terminate()
        for worker in self._workers:
            try:
                await asyncio.wait_for(worker.process.wait(), _STOP_TIMEOUT)
            except asyncio.TimeoutError:
                worker.process.kill()
                await worker.process.wait()
            if worker.reading is not None:
                await asyncio.gather(worker.reading, return_exceptions=True)


# -- in the worker process -------------------------------------------------------------------------


async def _serve(protocol: Any) -> None:
    from .batch import _one
    from .core import Summarizer
    from .pacing import RequestPacer

    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin.buffer)
    transport, flow = await loop.connect_write_pipe(asyncio.streams.FlowControlMixin, protocol)
    writer = asyncio.StreamWriter(transport, flow, None, loop)

    recipe: Recipe = await _receive(reader)
    summarizer = Summarizer(settings=recipe.settings, cache=recipe.cache, prices=recipe.prices)
    pacer = None if recipe.rpm is None else RequestPacer(recipe.rpm)
    running: set[asyncio.Task[None]] = set()
    sending = asyncio.Lock()

    async def work(sequence: int, article_id: str, text: object) -> None:
        result = await _one(summarizer, article_id, text, pacer)
        async with sending:
            await _send(writer, (sequence, result))

    try:
        while True:
            try:
                sequence, article_id, text = await _receive(reader)
            except asyncio.IncompleteReadError:
                break  # the parent closed our input: finish what is held, then stop
            task = asyncio.create_task(work(sequence, article_id, text))
            running.add(task)
            task.add_done_callback(running.discard)
        if running:
            await asyncio.gather(*running, return_exceptions=True)
    finally:
        await summarizer.aclose()
        with contextlib.suppress(ConnectionError):
            writer.close()


def main() -> None:
    # Ctrl-C reaches every process of the group; the parent decides what stops, and how.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Results travel on the real standard output; anything else printed goes nowhere.
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, sys.stdout.fileno())
    asyncio.run(_serve(protocol))


if __name__ == "__main__":
    main()
