"""Is every control a visitor needs within reach? The self-test's check, per render.

Controls a visitor needs to find their way (home, back, the languages, close, previous and
next, zoom, the photo viewer's and a film's controls) are marked with `needs_reach`. On each
render the self-test finds the marked controls on show and fails on one that does not lie
wholly within 380-1220 mm above the floor, on the machine's mounting (kiosk.reach). A control
in a scrolled page is left out: the visitor brings it down by scrolling.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QWidget

from kiosk.reach import HIGHEST_MM, LOWEST_MM, Mounting

PROPERTY = "reach"


def needs_reach(*controls: QWidget) -> None:
    """Mark controls a visitor needs: the self-test holds them to the reach zone."""
    for control in controls:
        control.setProperty(PROPERTY, True)


def _scrolled(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def out_of_reach(root: QWidget, mounting: Mounting) -> list[str]:
    """The marked controls on show on `root` (the whole screen) that lie outside the reach
    zone, as 'what: where' lines (empty: all within reach)."""
    found = []
    screen = root.height()
    for control in root.findChildren(QWidget):
        if not control.property(PROPERTY) or not control.isVisible() or _scrolled(control, root):
            continue
        top = control.mapTo(root, control.rect().topLeft()).y()
        bottom = top + control.height()
        if not mounting.within_reach(top, bottom, screen):
            text = control.text() if isinstance(control, QAbstractButton) else ""
            name = control.accessibleName() or text or control.objectName() or type(control).__name__
            high, low = mounting.above_floor(top, screen), mounting.above_floor(bottom, screen)
            found.append(f"{name}: out of reach at {low:.0f}-{high:.0f} mm above the floor "
                         f"(a visitor reaches {LOWEST_MM}-{HIGHEST_MM} mm)")
    return found
