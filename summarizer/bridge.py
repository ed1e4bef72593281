"""The one bridge from blocking code to the async core.

Everything runs async; ``summarize``, ``summarize_many``, ``evaluate`` and the CLI run their
coroutines on one event loop in a daemon thread, started on first use. So a blocking call works
the same from plain code and from inside a running loop (a notebook), clients made on that loop
stay usable from one call to the next, and a deadline or Ctrl-C stops a run mid-request: the
caller's thread only waits, and an interrupt there cancels the coroutine.

Example::

    >>> import asyncio
    >>> async def answer() -> int:
    ...     await asyncio.sleep(0)
    ...     return 42
    >>> run(answer())
    42
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import AsyncIterator, Coroutine, Iterator
from typing import Any, TypeVar

from .errors import ConfigurationError

__all__ = ["current_loop", "iterate", "loop", "run", "running_loop"]

T = TypeVar("T")

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None
_pid = 0


def loop() -> asyncio.AbstractEventLoop:
    """The process's bridge loop, started on first use (again in a forked child)."""
    global _loop, _pid
    with _lock:
        # A forked child inherits the loop object but not its thread.
        if _loop is None or _pid != os.getpid():
            new = asyncio.new_event_loop()
            threading.Thread(target=new.run_forever, name="summarizer-loop", daemon=True).start()
            _loop, _pid = new, os.getpid()
        return _loop


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The bridge loop if this process started it and it still runs; never starts one."""
    with _lock:
        if _loop is not None and _pid == os.getpid() and _loop.is_running():
            return _loop
        return None


def current_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop running in this thread, if any."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to its end from blocking code; an interrupt (Ctrl-C) cancels it."""
    target = loop()
    if current_loop() is target:
        coroutine.close()
        # Blocking here would stop the very loop the call needs.
        raise ConfigurationError(
            "a blocking summarizer call cannot run on summarizer's own event loop (inside "
            "summarize_many's input, say): use asummarize() there"
        )
    finished = threading.Event()

    async def watched() -> T:
        try:
            return await coroutine
        finally:
            finished.set()

    future = asyncio.run_coroutine_threadsafe(watched(), target)
    try:
        return future.result()
    except BaseException:
        if not future.done():
            # Interrupted while it runs: cancel it, and give it a moment to stop, so that
            # nothing runs on behind the caller's back (a second Ctrl-C cuts the wait short).
            future.cancel()
            finished.wait(timeout=2)
        raise


def iterate(results: AsyncIterator[T]) -> Iterator[T]:
    """An async iterator consumed from blocking code, one item at a time: between two items the
    loop keeps the work in flight going, and stopping early (or an interrupt) closes it."""
    steps = _Steps(results)
    try:
        while True:
            done, item = run(steps.next())
            if done:
                return
            yield item
    finally:
        run(steps.close())


class _Steps:
    """Drives an async iterator one item at a time from another thread, and can stop it."""

    def __init__(self, results: AsyncIterator[Any]) -> None:
        self._results = results
        self._step: asyncio.Future[Any] | None = None

    async def next(self) -> tuple[bool, Any]:
        self._step = asyncio.ensure_future(self._results.__anext__())
        try:
            return False, await self._step
        except StopAsyncIteration:
            return True, None

    async def close(self) -> None:
        step = self._step
        if step is not None and not step.done():
            step.cancel()
            await asyncio.gather(step, return_exceptions=True)
        aclose = getattr(self._results, "aclose", None)
        if aclose is not None:
            await aclose()
