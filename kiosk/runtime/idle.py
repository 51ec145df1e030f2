"""Idle detection: after a stretch without any input, the kiosk goes back to its start.

An application-wide event filter sees every touch, click, key and wheel event before any
widget does, so no view can forget to report activity. The timeout is injectable: the kiosk
takes it from settings or content (90 s), tests from a few hundred milliseconds.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.Gesture,
    }
)


class IdleWatcher(QObject):
    """Emits `idle_did_time_out` once after `timeout_ms` without input; input re-arms it."""

    idle_did_time_out = Signal()
    activity_did_happen = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.idle_did_time_out)
        self._last_input = time.monotonic()
        app = QApplication.instance()
        assert app is not None, "IdleWatcher needs a QApplication"
        app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in INPUT_EVENTS:
            self.poke()
        return False  # watch only; never swallow input

    def poke(self) -> None:
        """Count as input (also used after a programmatic reset to re-arm the timer)."""
        self._last_input = time.monotonic()
        if not self.timer.isActive():
            self.activity_did_happen.emit()
        self.timer.start()

    def idle_for(self) -> float:
        """Seconds since the last input."""
        return time.monotonic() - self._last_input

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(timeout_ms)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
