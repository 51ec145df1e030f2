"""Synthetic touch input (QTest) for the soak run, the benchmark and the tests.

Touch goes to the QWindow, as a touch screen's driver delivers it: Qt's gesture recognizers
(QScroller's included) do not see touch events sent straight to a widget.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPointingDevice, QWindow
from PySide6.QtTest import QTest

_device: QPointingDevice | None = None


def touch_device() -> QPointingDevice:
    global _device
    if _device is None:
        _device = QTest.createTouchDevice()
    return _device


def press(window: QWindow, points: dict[int, QPoint]) -> None:
    sequence = QTest.touchEvent(window, touch_device())
    for touch_id, point in points.items():
        sequence.press(touch_id, point)
    sequence.commit()


def move(window: QWindow, points: dict[int, QPoint]) -> None:
    sequence = QTest.touchEvent(window, touch_device())
    for touch_id, point in points.items():
        sequence.move(touch_id, point)
    sequence.commit()


def release(window: QWindow, points: dict[int, QPoint]) -> None:
    sequence = QTest.touchEvent(window, touch_device())
    for touch_id, point in points.items():
        sequence.release(touch_id, point)
    sequence.commit()
