"""Finger gestures for pytest-qt tests: real touch events through the window, as a screen sends.

Touch must go to the QWindow (as the platform delivers it), not straight to a widget: Qt's
gesture recognizers, QScroller's included, only see it that way.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

_device: QPointingDevice | None = None


def touch_device() -> QPointingDevice:
    global _device
    if _device is None:
        _device = QTest.createTouchDevice()
    return _device


def drag(widget: QWidget, start: QPoint, delta: QPoint, steps: int = 12, step_ms: int = 16) -> None:
    """One finger: press at `start` (widget coordinates), move by `delta`, lift."""
    window = widget.window()
    handle = window.windowHandle()
    app = QApplication.instance()

    def at(point: QPoint) -> QPoint:
        return widget.mapTo(window, point)

    QTest.touchEvent(handle, touch_device()).press(0, at(start)).commit()
    for step in range(1, steps + 1):
        point = start + QPoint(delta.x() * step // steps, delta.y() * step // steps)
        QTest.touchEvent(handle, touch_device()).move(0, at(point)).commit()
        app.processEvents()
        time.sleep(step_ms / 1000)
    QTest.touchEvent(handle, touch_device()).release(0, at(start + delta)).commit()
    app.processEvents()


def pinch(widget: QWidget, centre: QPoint, start_gap: int, end_gap: int, steps: int = 10) -> None:
    """Two fingers on a horizontal line through `centre`, moving from start_gap to end_gap apart."""
    window = widget.window()
    handle = window.windowHandle()
    app = QApplication.instance()

    def pair(gap: int) -> tuple[QPoint, QPoint]:
        half = QPoint(gap // 2, 0)
        return widget.mapTo(window, centre - half), widget.mapTo(window, centre + half)

    a, b = pair(start_gap)
    QTest.touchEvent(handle, touch_device()).press(0, a).press(1, b).commit()
    for step in range(1, steps + 1):
        a, b = pair(start_gap + (end_gap - start_gap) * step // steps)
        QTest.touchEvent(handle, touch_device()).move(0, a).move(1, b).commit()
        app.processEvents()
        time.sleep(0.016)
    QTest.touchEvent(handle, touch_device()).release(0, a).release(1, b).commit()
    app.processEvents()
