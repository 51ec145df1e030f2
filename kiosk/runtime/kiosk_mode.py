"""Kiosk mode: full screen, no way out to the desktop, pointer hidden, screen kept awake.

Closing is refused unless the admin panel asked for it: Alt+F4 and the window manager's close
arrive as a close event; Ctrl+Q, Ctrl+W and Esc arrive as keys (and some window managers turn
them into close requests). The guard filters both at the application, before any widget.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

_ALWAYS_BLOCKED = {Qt.Key.Key_Escape, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Meta, Qt.Key.Key_Menu}
_CTRL_BLOCKED = {Qt.Key.Key_Q, Qt.Key.Key_W}


def is_exit_shortcut(event: QKeyEvent) -> bool:
    key, mods = event.key(), event.modifiers()
    if key in _ALWAYS_BLOCKED:
        return True
    if key in _CTRL_BLOCKED and mods & Qt.KeyboardModifier.ControlModifier:
        return True
    return key == Qt.Key.Key_F4 and bool(mods & Qt.KeyboardModifier.AltModifier)


class KioskGuard(QObject):
    """Refuses close requests and exit shortcuts for `window` until `allow_close()`."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.closing_allowed = False
        self.refused = 0
        window.installEventFilter(self)
        QApplication.instance().installEventFilter(self)

    def allow_close(self) -> None:
        self.closing_allowed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.closing_allowed:
            return False
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self.window:
            event.ignore()
            self.refused += 1
            log.info("refused a close request (kiosk mode)")
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            if is_exit_shortcut(event):
                self.refused += 1
                return True
        return False


class WindowKeeper(QObject):
    """Keeps the kiosk the visible, active, full-screen window.

    The app cannot stop a window manager's own keys (Super+D, Ctrl+Alt+arrows, Alt+Space then
    Iconify), but it can notice their effect: a window minimised, hidden, no longer full screen
    or no longer active for `grace` checks in a row is put back and raised, and that is logged.
    Trouble that comes straight back (a window manager that refuses to hand over focus) is
    retried less and less often, up to every eight checks, so the log is not flooded while a
    visitor is never kept waiting long. The lock-down
    recipes in packaging/README.md take the keys away where the OS allows.
    """

    MAX_BACKOFF = 8  # checks between retries at most

    window_did_restore = Signal(str)  # what was wrong

    def __init__(self, window: QWidget, *, check_ms: int = 1000, grace: int = 2,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.grace = grace
        self._strikes = 0
        self._needed = grace  # strikes before the next restore: grows while the trouble comes back
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def problem(self) -> str | None:
        window = self.window
        if not window.isVisible():
            return "hidden"
        if window.isMinimized():
            return "minimised"
        if not window.windowState() & Qt.WindowState.WindowFullScreen:
            return "not full screen"
        if not window.isActiveWindow():
            return "not the active window"
        return None

    def check(self) -> None:
        if not shiboken6.isValid(self.window):
            self.timer.stop()  # the window went before its keeper: nothing left to keep
            return
        problem = self.problem()
        if problem is None:
            self._strikes, self._needed = 0, self.grace
            return
        self._strikes += 1
        if self._strikes >= self._needed:
            self._strikes = 0
            self._needed = min(self._needed * 2, self.MAX_BACKOFF)
            self.restore(problem)

    def restore(self, problem: str) -> None:
        log.warning("the kiosk window was %s: restored to full screen", problem)
        window = self.window
        # A window manager that hid the window (show-desktop, iconify) leaves Qt believing it is
        # shown; only unmapping and mapping it again asks the window manager to show it.
        window.hide()
        window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowFullScreen)
        window.showFullScreen()
        window.raise_()
        window.activateWindow()
        self.window_did_restore.emit(problem)


def hide_cursor() -> None:
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))


def keep_awake() -> None:
    """Ask the OS not to blank the screen or sleep while the kiosk runs (best effort)."""
    if sys.platform == "win32":
        import ctypes

        es_continuous, es_system, es_display = 0x80000000, 0x00000001, 0x00000002
        ctypes.windll.kernel32.SetThreadExecutionState(es_continuous | es_system | es_display)
        return
    if os.environ.get("DISPLAY") and shutil.which("xset"):
        # X11: switch off the screen saver and DPMS blanking for this session. The frozen build
        # points LD_LIBRARY_PATH at its own libraries; the system's xset needs the system's.
        env = dict(os.environ)
        if getattr(sys, "frozen", False):
            original = env.pop("LD_LIBRARY_PATH_ORIG", None)
            env.pop("LD_LIBRARY_PATH", None)
            if original:
                env["LD_LIBRARY_PATH"] = original
        for args in (["s", "off"], ["s", "noblank"], ["-dpms"]):
            subprocess.run(["xset", *args], check=False, capture_output=True, timeout=5, env=env)
        return
    log.info("keep_awake: no way to inhibit the screen saver here; configure the OS (see packaging/README.md)")
