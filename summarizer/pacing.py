"""Pacing: every HTTP request a batch makes waits for its turn, and no wait outlasts the run.

``DEADLINE`` holds the loop time by which the current run must end (set by the pipeline when a
deadline is given): a transport retry that would have to wait past it gives up at once.

A batch sets its ``RequestPacer`` for the tasks of its articles (a context variable, so a
``Summarizer`` passed in by the caller is paced too); the async client's request hook waits on it
before each request goes out: first answers, re-asks, retries after a transport fault, and every
part of a long article alike.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from .errors import ConfigurationError


class RequestPacer:
    """Evenly spaced requests: at most ``per_minute`` in any minute, without bursts.

    ``clock`` and ``sleep`` default to the running event loop's time and ``asyncio.sleep``; a test
    passes its own to check the spacing without waiting for it.
    """

    def __init__(
        self,
        per_minute: float,
        *,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        if per_minute <= 0:
            raise ConfigurationError("the requests-per-minute limit must be a positive number")
        self.interval = 60.0 / per_minute
        self._next = 0.0
        self._clock = clock
        self._sleep = sleep or asyncio.sleep

    async def wait(self) -> None:
        now = self._clock() if self._clock is not None else asyncio.get_running_loop().time()
        start = max(now, self._next)
        # Reserved before sleeping, so concurrent callers queue up one interval apart.
        self._next = start + self.interval
        if start > now:
            await self._sleep(start - now)


PACER: ContextVar[RequestPacer | None] = ContextVar("summarizer_pacer", default=None)
# The event-loop time by which the current run must end, and the deadline it came from.
DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("summarizer_deadline", default=None)


async def before_request(request: Any) -> None:
    """The async HTTP client's request hook: wait for this request's turn, if a pace is set."""
    pacer = PACER.get()
    if pacer is not None:
        await pacer.wait()
