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

from PySide6.QtCore import QEvent, QObject, Qt
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
