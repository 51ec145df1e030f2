"""kiosk.heap: the live heap is frozen once, and the previous freeze's garbage is let go."""

from __future__ import annotations

import gc
import sys
import weakref

import pytest

from kiosk import heap


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_settle_freezes_what_lives_and_frees_what_was_frozen_before() -> None:
    kept = Node()
    gone = Node()
    gone_ref = weakref.ref(gone)
    assert heap.settle() >= 2
    assert gc.get_freeze_count() > 0
    del gone  # garbage now, but frozen: no collection sees it
    gc.collect()
    assert gone_ref() is not None
    heap.settle()  # a content swap settles again: last time's garbage goes
    assert gone_ref() is None
    assert kept.me is kept


def test_paused_stops_automatic_collection_and_restores_it() -> None:
    assert gc.isenabled()
    with heap.paused():
        assert not gc.isenabled()
        with heap.paused():  # nested: still paused after the inner one ends
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_restores_collection_after_an_error() -> None:
    try:
        with heap.paused():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()


FREED_AT_ONCE = """
from kiosk import heap
from kiosk.bench.memory import rss_mib
assert heap.keep_large_blocks_apart()
blocks = [bytearray(8 * 1024 * 1024)]  # the first freed block is what makes glibc raise its threshold
del blocks
before = rss_mib()
blocks, kept = [], []
for _ in range(8):  # a photo, then something small that stays (a label, a cache entry) above it
    blocks.append(bytearray(8 * 1024 * 1024))
    kept.append(bytearray(64 * 1024))
grown = rss_mib() - before
del blocks
print(round(grown), round(rss_mib() - before))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_large_blocks_are_mapped_apart_and_given_back() -> None:
    """Decoded photos (8 MB each) freed go back to the system at once: the threshold glibc would
    otherwise raise after the first such free is fixed. In a fresh process, as the kiosk starts."""
    import subprocess

    grown, kept = map(int, subprocess.run([sys.executable, "-c", FREED_AT_ONCE], capture_output=True, text=True,
                                          check=True).stdout.split())
    assert grown > 50
    assert kept < 10, "freed without a trim"
