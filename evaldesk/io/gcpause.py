"""The cyclic garbage collector paused while a whole report is read or written.

Reading or saving 5,000 projects allocates a few hundred thousand small objects (records,
Decimals, cells, XML strings) and no reference cycles among them. The collector does not know
that: every few hundred allocations it scans the young objects, and as the report grows it scans
everything the process holds, the open report and the window included — about a tenth of a large
file's open and save time. Plain reference counting still frees everything as usual; any cycle
made meanwhile is collected once the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block. Nests and overlaps across threads: only the
    block that found it running starts it again, so it is never left off by this."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
