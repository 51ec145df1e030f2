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
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def settle() -> int:
    """Collect, then freeze what is left; returns how many objects are now frozen."""
    gc.unfreeze()
    gc.collect()
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
