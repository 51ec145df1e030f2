""""Still there?": before an idle reset from anywhere but home, a visitor who is reading slowly
gets a few seconds' warning that a touch dismisses (WCAG 2.2 2.2.1, timing adjustable).

The prompt covers the window and takes the touch that answers it, so that touch does not also
tap whatever lay beneath. It counts down in the visitor's language; the runtime decides when it
shows and what happens when it runs out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.context import TextBinder, ViewContext
from kiosk.ui.widgets import label

SECOND_MS = 1000


class StillTherePrompt(QWidget):
    """Over `window`: 还在浏览吗？ / Still there? and the seconds left. `ran_out` after them."""

    ran_out = Signal()

    def __init__(self, ctx: ViewContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.texts = TextBinder(ctx, self)
        outer = QVBoxLayout(self)
        outer.addStretch(theme.STILL_THERE_ABOVE)  # low on the screen: within reach, where hands are
        self.card = card = QFrame()
        card.setObjectName("Sheet")
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_L)
        inner.setSpacing(theme.SPACE_S)
        self.question = label("", "title")
        self.hint = label("", "subheading")
        self.countdown = label("", "body")
        for line in (self.question, self.hint, self.countdown):
            line.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            inner.addWidget(line)
        self.texts.ui(self.question, "still_there")
        self.texts.ui(self.hint, "touch_to_continue")
        self.left = 0
        self._tick = QTimer(self)
        self._tick.setInterval(SECOND_MS)
        self._tick.timeout.connect(self._count)
        window.installEventFilter(self)
        self.hide()

    def open(self, seconds: int) -> None:
        self.left = seconds
        self._fit()
        self.texts.refresh()
        self._show_left()
        self.show()
        self.raise_()
        self._tick.start()

    def dismiss(self) -> None:
        self._tick.stop()
        self.hide()

    def _count(self) -> None:
        self.left -= 1
        if self.left > 0:
            self._show_left()
            return
        self.dismiss()
        self.ran_out.emit()

    def _show_left(self) -> None:
        self.countdown.setText(self.ctx.count("seconds_left", self.left))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - the answering touch stops here
        event.accept()
        self.dismiss()

    def _fit(self) -> None:
        """Over the whole window; the card as wide as its words want, no wider than the screen
        (a set width lets its wrapped lines take the height they need)."""
        window = self.parentWidget().rect()
        self.setGeometry(window)
        self.card.setFixedWidth(min(theme.STILL_THERE_WIDTH, window.width() - 2 * theme.SPACE_XL))

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - follow the window's size
        if event.type() == event.Type.Resize and self.isVisible():
            self._fit()
        return False
