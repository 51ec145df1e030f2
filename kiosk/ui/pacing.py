"""When deferred work runs: after the frame a visitor is waiting for, or in slices while idle.

A tap's first paint should only wait for what it shows. Work for later (cards a screen beyond
the view, names a zoom will reveal, every text converted ahead of the first toggle) is pushed
past that paint (AfterFrame) or cut into slices short enough to never hold up a tap (SlicedJob).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.ui import theme


class AfterFrame(QObject):
    """Calls `action(*args)` a frame after the last request: asking again before then replaces
    the arguments and waits again (a flick asks on every step, and the work waits until it
    slows). For work a visitor does not see yet, such as cards a screen beyond the view, so the
    paint after a tap or a scroll step never waits for it."""

    def __init__(self, parent: QObject, action: Callable[..., None]) -> None:
        super().__init__(parent)
        self._action = action
        self._args: tuple[object, ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(theme.AFTER_FRAME_MS)
        self._timer.timeout.connect(lambda: self._action(*self._args))

    def request(self, *args: object) -> None:
        self._args = args
        self._timer.start()


class SlicedJob(QObject):
    """Runs `step(deadline)` a slice at a time (IDLE_SLICE_MS, a frame apart) until it returns
    True. The step stops when time.perf_counter() passes `deadline`; starting again restarts."""

    def __init__(self, parent: QObject, step: Callable[[float], bool]) -> None:
        super().__init__(parent)
        self._step = step
        self._timer = QTimer(self)
        self._timer.setInterval(theme.AFTER_FRAME_MS)
        self._timer.timeout.connect(self._slice)

    def start(self) -> None:
        self._timer.start()

    def running(self) -> bool:
        return self._timer.isActive()

    def _slice(self) -> None:
        if self._step(time.perf_counter() + theme.IDLE_SLICE_MS / 1000):
            self._timer.stop()
