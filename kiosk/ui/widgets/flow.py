"""A layout that wraps its items like words: chips, filters, related companies."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget

from kiosk.ui import theme


class FlowLayout(QLayout):
    """Items left to right, wrapping to the width available, or one per row at full width
    (`column`); hidden items take no room, so a layer's absent sectors leave no gaps."""

    def __init__(self, parent: QWidget | None = None, *, column: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.column = column
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(theme.SPACE_XS)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """One row of everything: what the layout asks for when nothing constrains its width."""
        width = height = 0
        for item in self._items:
            if not item.isEmpty():
                hint = item.sizeHint()
                width += hint.width() + self.spacing()
                height = max(height, hint.height())
        return QSize(max(width - self.spacing(), 0), height)

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize(0, 0)
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height, gap = rect.x(), rect.y(), 0, self.spacing()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = rect.width() if self.column else min(hint.width(), rect.width())
            if x > rect.x() and (self.column or x + width > rect.right() + 1):
                x, y, row_height = rect.x(), y + row_height + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class ChipFlow(QWidget):
    """Filter chips in rows that wrap to the width given, never hiding one off-screen.

    It sets its own fixed height on every resize (from its FlowLayout), so the row it sits in
    need not support height-for-width.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def add(self, widget: QWidget) -> None:
        self.flow.addWidget(widget)

    def relayout(self) -> None:
        self.flow.invalidate()
        self.setFixedHeight(self.flow.heightForWidth(self.width()))

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self.relayout()
