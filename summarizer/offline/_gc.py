"""A pause of Python's cyclic garbage collector while an analysis runs.

An analysis allocates millions of small objects (tokens, mentions) that form no reference
cycles, so the collector's passes over them find nothing and cost a tenth of the run on a long
article. The pause is counted, so that analyses running at once in several threads resume
collection only when the last one ends, and a collector the caller disabled stays disabled.

Example::

    >>> import gc
    >>> with paused_collection():
    ...     gc.isenabled()
    False
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_resume = False


@contextmanager
def paused_collection() -> Iterator[None]:
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()
