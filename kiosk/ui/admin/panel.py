"""The hidden way in for staff: hold a screen corner, type the PIN, use the admin panel.

Visitors never see any of it. Without a configured PIN the pad says so and stays shut; wrong
PINs are rate-limited by runtime.pin.PinGate. The panel shows content status and the last
validation errors, the log tail, version and screen, and offers Reload and Quit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import theme
from kiosk.ui.widgets import TouchButton, label, make_kinetic

PIN_MAX_DIGITS = 8
PIN_COLUMNS = 3


class AdminCorner(QObject):
    """Emits `admin_did_request` when a finger or the mouse holds the corner for `hold_ms`."""

    admin_did_request = Signal()

    def __init__(self, window: QWidget, corner: str, hold_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.corner = corner
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(hold_ms)
        self.timer.timeout.connect(self.admin_did_request)
        QApplication.instance().installEventFilter(self)

    def corner_rect(self) -> QRect:
        size = theme.ADMIN_CORNER
        w, h = self.window.width(), self.window.height()
        x = 0 if self.corner.endswith("left") else w - size
        y = 0 if self.corner.startswith("top") else h - size
        return QRect(x, y, size, size)

    def _inside(self, global_pos: QPoint) -> bool:
        return self.corner_rect().contains(self.window.mapFromGlobal(global_pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not shiboken6.isValid(self.window):
            # The window went (a reload, a shutdown) before whoever made this corner let it go:
            # it watches the whole application, so it must never reach for the window it lost.
            QApplication.instance().removeEventFilter(self)
            return False
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            point = event.points()[0].globalPosition().toPoint() if kind == QEvent.Type.TouchBegin \
                else event.globalPosition().toPoint()
            if self._inside(point):
                self.timer.start()
            else:
                self.timer.stop()
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self.timer.stop()
        elif kind == QEvent.Type.MouseMove and self.timer.isActive():
            if not self._inside(event.globalPosition().toPoint()):
                self.timer.stop()
        return False


class Overlay(QWidget):
    """A scrim over the whole window holding one centred sheet."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.sheet = QFrame(self)
        self.sheet.setObjectName("Sheet")
        self.sheet.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hide()

    def open(self) -> None:
        parent = self.parentWidget()
        self.setGeometry(parent.rect())
        width = min(parent.width() - 2 * theme.SPACE_L, self.sheet_width())
        height = min(parent.height() - 2 * theme.SPACE_L, self.sheet.sizeHint().height())
        self.sheet.setGeometry((parent.width() - width) // 2, (parent.height() - height) // 2, width, height)
        self.show()
        self.raise_()

    def sheet_width(self) -> int:
        return theme.PIN_PAD_WIDTH


class PinCheck(Protocol):
    """What the pad needs of the PIN rules (runtime.pin.PinGate): whether a PIN is set, how long
    a lockout lasts, and whether a PIN passes. The rules live in the runtime, not in a widget."""

    @property
    def enabled(self) -> bool: ...
    def locked_for(self) -> float: ...
    def attempt(self, pin: str) -> str: ...


class PinPad(Overlay):
    """Big digit keys; no keyboard needed. Emits `pin_did_pass` on the right PIN."""

    pin_did_pass = Signal()

    def __init__(self, window: QWidget, gate: PinCheck) -> None:
        super().__init__(window)
        self.gate = gate
        self.digits = ""
        layout = QVBoxLayout(self.sheet)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_S)
        self.prompt = label("管理员 PIN / Admin PIN", "heading", wrap=False)
        self.dots = label("", "title", wrap=False)
        self.message = label("", "caption")
        layout.addWidget(self.prompt)
        layout.addWidget(self.dots)
        layout.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(theme.SPACE_XS)
        self.keys: dict[str, TouchButton] = {}
        for index, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            button = TouchButton(key)
            button.setMinimumSize(theme.PIN_KEY, theme.PIN_KEY)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, index // PIN_COLUMNS, index % PIN_COLUMNS)
            self.keys[key] = button
        layout.addLayout(grid)
        cancel = TouchButton("取消 / Cancel")
        cancel.clicked.connect(self.close_pad)
        layout.addWidget(cancel)

    def open(self) -> None:
        self.digits = ""
        self._show_state()
        super().open()

    def _show_state(self, message: str = "") -> None:
        self.dots.setText("●" * len(self.digits) or " ")
        if not self.gate.enabled:
            message = "未设置 PIN：请在此电脑上运行 kiosk config set-pin / No PIN set on this PC"
        elif self.gate.locked_for() > 0:
            message = f"请 {int(self.gate.locked_for()) + 1} 秒后再试 / Locked: try again in {int(self.gate.locked_for()) + 1} s"
        self.message.setText(message)

    def press(self, key: str) -> None:
        if key == "⌫":
            self.digits = self.digits[:-1]
        elif key == "OK":
            self.submit()
            return
        elif len(self.digits) < PIN_MAX_DIGITS:
            self.digits += key
        self._show_state()

    def submit(self) -> None:
        outcome = self.gate.attempt(self.digits)
        self.digits = ""
        if outcome == "ok":
            self.close_pad()
            self.pin_did_pass.emit()
            return
        self._show_state("PIN 错误 / Wrong PIN" if outcome == "wrong" else "")

    def close_pad(self) -> None:
        self.digits = ""
        self.hide()


class AdminPanel(Overlay):
    """Status and controls for staff. `status` supplies the lines to show when opened."""

    reload_requested = Signal()
    quit_requested = Signal()

    def __init__(self, window: QWidget, status: Callable[[], list[str]], log_tail: Callable[[], list[str]]) -> None:
        super().__init__(window)
        self.status = status
        self.log_tail = log_tail
        layout = QVBoxLayout(self.sheet)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_S)
        layout.addWidget(label("管理 / Admin", "title", wrap=False))
        self.status_label = label("", "body")
        layout.addWidget(self.status_label)
        layout.addWidget(label("最近日志 / Recent log", "heading", wrap=False))
        self.log_area = QScrollArea()
        self.log_area.setWidgetResizable(True)
        make_kinetic(self.log_area, horizontal=False)
        self.log_label = label("", "caption")
        self.log_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.log_area.setWidget(self.log_label)
        self.log_area.setMinimumHeight(theme.ADMIN_LOG_HEIGHT)
        layout.addWidget(self.log_area, 1)
        row = QHBoxLayout()
        self.reload_button = TouchButton("重新载入内容 / Reload content")
        self.quit_button = TouchButton("退出 / Quit")
        self.close_button = TouchButton("关闭 / Close")
        self.reload_button.clicked.connect(self.reload_requested)
        self.reload_button.clicked.connect(self.refresh)
        self.quit_button.clicked.connect(self.quit_requested)
        self.close_button.clicked.connect(self.hide)
        for button in (self.reload_button, self.quit_button, self.close_button):
            row.addWidget(button)
        layout.addLayout(row)

    def sheet_width(self) -> int:
        return theme.ADMIN_PANEL_WIDTH

    def refresh(self) -> None:
        self.status_label.setText("\n".join(self.status()))
        self.log_label.setText("\n".join(self.log_tail()) or "（空 / empty）")

    def open(self) -> None:
        self.refresh()
        super().open()
        self.sheet.setGeometry(self.sheet.x(), theme.SPACE_L, self.sheet.width(), self.height() - 2 * theme.SPACE_L)
        self.log_area.verticalScrollBar().setValue(self.log_area.verticalScrollBar().maximum())
