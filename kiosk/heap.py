"""Keep Python's garbage collector out of the frames a visitor watches.

A full (oldest-generation) collection walks every tracked object: with the exhibition's models,
the converted texts and the views built, that is a few hundred thousand objects and 50-70 ms,
and it fires whenever enough new objects have survived, which on a busy map is mid-pinch.
Once the kiosk has started (and after each content swap) the live heap is collected once and
frozen (gc.freeze): what is frozen is never walked again, so later collections only see what
was made since, and take a millisecond. Unfreezing first lets the previous content's garbage go.
"""

from __future__ import annotations

import gc


def settle() -> int:
    """Collect, then freeze what is left; returns how many objects are now frozen."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
