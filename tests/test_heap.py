"""kiosk.heap: the live heap is frozen once, and the previous freeze's garbage is let go."""

from __future__ import annotations

import gc
import weakref

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
