"""One event loop in a daemon thread, for the sync API: clients made on it stay usable.

``summarize_many`` drives its batch there, and ``Summarizer.summarize`` runs there when a deadline
must hold exactly (``asyncio.wait_for`` can stop a request, a retry wait or a re-ask mid-way; a
blocking call cannot).
"""

from __future__ import annotations

import asyncio
import os
import threading

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None
_pid = 0


def background_loop() -> asyncio.AbstractEventLoop:
    """The process's background loop, started on first use (again in a forked child)."""
    global _loop, _pid
    with _lock:
        # A forked child inherits the loop object but not its thread.
        if _loop is None or _pid != os.getpid():
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="summarizer-loop", daemon=True).start()
            _loop, _pid = loop, os.getpid()
        return _loop


def running_background_loop() -> asyncio.AbstractEventLoop | None:
    """The background loop if this process started it and it still runs; never starts one."""
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
