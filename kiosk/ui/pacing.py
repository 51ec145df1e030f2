"""When deferred work runs: after the frame a visitor is waiting for, or in slices while idle.

A tap's first paint should only wait for what it shows. Work for later (cards a screen beyond
the view, names a zoom will reveal, every text converted ahead of the first toggle) is pushed
past that paint (AfterFrame) or cut into slices short enough to never hold up a tap (SlicedJob).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme


class AfterFrame(QObject):
    """Calls `action(*args)` a frame after the paint that follows the last request: asking again
    before then replaces the arguments and waits again (a flick asks on every step, and the work
    waits until it slows). For work a visitor does not see yet, such as cards a screen beyond the
    view or texts out of sight, so the paint after a tap or a scroll step never waits for it.

    The wait starts at the paint, not at the request: a tap whose own work takes longer than a
    frame would otherwise find the deferred work due before its paint and wait for it. The
    paint is the window's update request (`painted`'s window, or the parent's if a widget); if
    none comes (nothing visible changed), the work runs after AFTER_NO_PAINT_MS."""

    def __init__(self, parent: QObject, action: Callable[..., None], *, painted: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self._args: tuple[object, ...] = ()
        self._painted = painted if painted is not None else parent if isinstance(parent, QWidget) else None
        self._window: QWidget | None = None  # watched for its next paint
        self._wanted = False  # asked for and neither done nor called off
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)

    def _run(self) -> None:
        self._wanted = False
        self._action(*self._args)

    def request(self, *args: object) -> None:
        self._args = args
        self._wanted = True
        if self._painted is None:  # nothing painted to follow
            self._timer.start(theme.AFTER_FRAME_MS)
            return
        window = self._painted.window()
        if not window.isVisible():
            # Not on screen yet (a page built before it joins the window): its owner asks again
            # once it is shown, to follow the paint that shows it; never shown, the work runs
            # after AFTER_NO_PAINT_MS. (Not watched for its Show: a page being built receives
            # an event for every child added, each of which would call into Python.)
            self._timer.start(theme.AFTER_NO_PAINT_MS)
            return
        self._timer.start(theme.AFTER_NO_PAINT_MS)
        if self._window is not window:
            self._unwatch()
            window.installEventFilter(self)
            self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.UpdateRequest and watched is self._window:
            self._unwatch()
            # The paint runs now, and the wait starts when it ends (a call queued now comes after
            # it): a frame that took longer than AFTER_FRAME_MS to paint would otherwise find the
            # work due at once and run it straight after, with no pause for a tap meanwhile.
            self._timer.stop()
            QTimer.singleShot(0, self, self._wait_a_frame)
        return False

    def _wait_a_frame(self) -> None:
        # Not asked again meanwhile (that waits for the next paint), nor called off.
        if self._window is None and self._wanted:
            self._timer.start(theme.AFTER_FRAME_MS)

    def cancel(self) -> None:
        """Call the work off until it is asked for again (what it would make went out of view)."""
        self._wanted = False
        self._timer.stop()
        self._unwatch()

    def _unwatch(self) -> None:
        if self._window is not None and shiboken6.isValid(self._window):
            self._window.removeEventFilter(self)
        self._window = None


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
