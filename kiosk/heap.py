"""Keep Python's garbage collector out of the frames a visitor watches, and out of bulk loads.

A full (oldest-generation) collection walks every tracked object: with the exhibition's models,
the converted texts and the views built, that is a few hundred thousand objects and 50-70 ms,
and it fires whenever enough new objects have survived, which on a busy map is mid-pinch.
Once the kiosk has started (and after each content swap) the live heap is collected once and
frozen (gc.freeze): what is frozen is never walked again, so later collections only see what
was made since, and take a millisecond. Unfreezing first lets the previous content's garbage go.

Loading content makes hundreds of thousands of objects and no cycles; collections during it
are pure waste, so the loader runs with collection paused (`paused`). The switch is
process-wide: a load on the reloader's thread pauses the GUI thread's collections too, for the
fraction of a second it takes, which costs nothing.

After a content swap the old window's memory is free but the C allocator keeps it; settling
also hands what it can back to the system (glibc's malloc_trim), so a kiosk that reloads all
day shows the memory it really uses.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any


@cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None  # glibc has it; musl does not
    except OSError:
        return None


def give_back() -> bool:
    """Return freed heap pages to the system where the C library can (glibc); True if it did."""
    libc = _libc()
    return bool(libc is not None and libc.malloc_trim(0))


# glibc's mallopt parameters (malloc.h): a fixed threshold above which a block is mapped on its
# own, and the number of arenas threads may allocate from.
M_MMAP_THRESHOLD, M_ARENA_MAX = -3, -8
LARGE_BLOCK = 1024 * 1024  # a decoded photo or a film frame: megabytes each
ARENAS = 2


def keep_large_blocks_apart() -> bool:
    """Photos and film frames are megabytes each, made and freed all day. glibc raises its
    mapping threshold after the first such block is freed, so the next ones come from the heap
    and fragment it (a film played twice kept 30 MiB more each time), and every thread that
    decodes gets an arena of its own. Fixed here: large blocks are mapped and given back whole,
    and threads share two arenas. True if the C library took it (glibc)."""
    libc = _libc()
    if libc is None or not hasattr(libc, "mallopt"):
        return False
    return bool(libc.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK)) and bool(libc.mallopt(M_ARENA_MAX, ARENAS))


def settle() -> int:
    """Collect, hand freed memory back, then freeze what is left; how many objects are frozen."""
    gc.unfreeze()
    gc.collect()
    give_back()
    gc.freeze()
    return gc.get_freeze_count()


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside (bulk work that makes many objects and no cycles), one
    young collection after it. Nested use keeps it paused until the outermost ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)
