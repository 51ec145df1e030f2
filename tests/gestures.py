"""Finger gestures for pytest-qt tests: real touch events through the window, as a screen sends.

Touch must go to the QWindow (as the platform delivers it), not straight to a widget: Qt's
gesture recognizers, QScroller's included, only see it that way. kiosk.touch_events works
around a PySide6 reference-count bug in QTest's touch sequences.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import touch_events


def drag(widget: QWidget, start: QPoint, delta: QPoint, steps: int = 12, step_ms: int = 16) -> None:
    """One finger: press at `start` (widget coordinates), move by `delta`, lift."""
    window = widget.window()
    handle = window.windowHandle()
    app = QApplication.instance()

    def at(point: QPoint) -> QPoint:
        return widget.mapTo(window, point)

    touch_events.press(handle, {0: at(start)})
    for step in range(1, steps + 1):
        point = start + QPoint(delta.x() * step // steps, delta.y() * step // steps)
        touch_events.move(handle, {0: at(point)})
        app.processEvents()
        time.sleep(step_ms / 1000)
    touch_events.release(handle, {0: at(start + delta)})
    app.processEvents()


def pinch(widget: QWidget, centre: QPoint, start_gap: int, end_gap: int, steps: int = 10) -> None:
    """Two fingers on a horizontal line through `centre`, moving from start_gap to end_gap apart."""
    window = widget.window()
    handle = window.windowHandle()
    app = QApplication.instance()

    def pair(gap: int) -> dict[int, QPoint]:
        half = QPoint(gap // 2, 0)
        return {0: widget.mapTo(window, centre - half), 1: widget.mapTo(window, centre + half)}

    touch_events.press(handle, pair(start_gap))
    points = pair(start_gap)
    for step in range(1, steps + 1):
        points = pair(start_gap + (end_gap - start_gap) * step // steps)
        touch_events.move(handle, points)
        app.processEvents()
        time.sleep(0.016)
    touch_events.release(handle, points)
    app.processEvents()
