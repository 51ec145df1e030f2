"""A block of a long page that sits out a switch of language while it is far out of sight.

A switch gives every text a new face at once, and Qt then lays out every label the face reaches:
on the State Council plan's sheet that is about a hundred labels in eight comparison rows, of
which one row shows. The binder already gives out-of-sight texts their new words after the
paint; a block in a `Holder` more than a screen from sight also skips the layout pass before
it. The holder keeps the block's height (the page does not move) and hides the block, which Qt
does not lay out; after the paint the block takes its new words while still hidden, and is
shown again, laid out once.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QVBoxLayout, QWidget

# QWidget's largest size (QWIDGETSIZE_MAX): a maximum height of this is no maximum.
UNLIMITED = (1 << 24) - 1


class Holder(QWidget):
    """Holds one block in its page's layout; the binder holds and releases it (TextBinder)."""

    def __init__(self, block: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.block = block
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(block)
        self.holding = False

    def far_out_of_sight(self) -> bool:
        """More than its scroll area's height above or below what shows. Only such a block is
        held: one nearer can come into sight when the words in sight take new heights (a
        German page scrolled halfway shows other rows than the Chinese one did), and would show
        as a gap until the paint after."""
        viewport = scrolled_viewport(self)
        if viewport is None:
            return False
        reach = viewport.height()
        box = QRect(self.mapTo(viewport, QPoint(0, 0)), self.size())
        return box.bottom() < -reach or box.top() > viewport.height() + reach

    def hold(self) -> None:
        """Keep the block's place at its present height, and hide it until `release`."""
        if self.holding or self.block.isHidden():
            return
        self.holding = True
        self.setFixedHeight(self.height())
        self.block.hide()

    def release(self) -> None:
        """Show the block again, at the height its (new) words take."""
        if not self.holding:
            return
        self.holding = False
        self.block.show()
        self.setMinimumHeight(0)
        self.setMaximumHeight(UNLIMITED)


def scrolled_viewport(widget: QWidget) -> QWidget | None:
    """The viewport of the scroll area `widget` is scrolled in, if any."""
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return parent
        parent = area
    return None


def holder_of(widget: QWidget) -> Holder | None:
    """The holder `widget` sits in, if it is a held block."""
    parent = widget.parentWidget()
    return parent if isinstance(parent, Holder) and parent.block is widget else None
