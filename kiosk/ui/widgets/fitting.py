"""A label that steps its type down until its text fits, for the few texts that must stay whole.

A headline number (122 Mrd. Yuan, mehr als 2.500) or the exhibition's title in English runs far
longer than in Chinese; eliding it would lose what it says and wrapping a number breaks it. The
label keeps its role's size where the text fits and steps down, no lower than `min_px`, where it
does not; below that it wraps, so nothing is ever cut.
"""

from __future__ import annotations

import re

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.hyphenation import unhyphenated
from kiosk.ui import theme
from kiosk.ui.widgets.text_label import TextLabel

STEP_PX = 2
BREAKS = re.compile(r"[\s\u00ad\u200b-]+")  # where a wrapped line may break
UNBOUNDED = 1 << 20  # px: the height a text may take while it is measured


def ink_width(metrics: QFontMetrics, text: str) -> int:
    """The width a line of `text` needs without wrapping: its advance, or what its glyphs cover
    where that is wider (a bold 3 overhangs its advance, and QLabel wraps on the ink, so a label
    exactly as wide as the advance broke 超1.3 after 超)."""
    ink = metrics.boundingRect(0, 0, UNBOUNDED, UNBOUNDED, 0, text).width()
    return max(metrics.horizontalAdvance(text), ink)


class FitLabel(TextLabel):
    def __init__(self, role: str, min_px: int, *, max_lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self.base_px = theme.role_font(role).pixelSize()
        self.min_px = min_px
        theme.apply_role(self, role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)  # the last resort below min_px: a second line, never a cut
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._fitted: tuple[str, int, str] | None = None

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self._fit()

    def _sized(self, px: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(px)
        return font

    def _lines(self, font: QFont, width: int) -> int:
        metrics = QFontMetrics(font)
        if self.max_lines == 1:
            return 1 if ink_width(metrics, unhyphenated(self.text())) <= width else 2
        flags = int(Qt.TextFlag.TextWordWrap)
        height = metrics.boundingRect(0, 0, width, UNBOUNDED, flags, self.text()).height()
        return max(1, round(height / metrics.lineSpacing()))

    def _fit(self) -> None:
        width = self.contentsRect().width()
        key = (self.text(), width, self.font().family())
        if width <= 0 or key == self._fitted:
            return
        self._fitted = key
        px = self.base_px
        while px > self.min_px and self._lines(self._sized(px), width) > self.max_lines:
            px -= STEP_PX
        px = max(px, self.min_px)
        if px != self.font().pixelSize():
            # Size and weight only: the family keeps following the window (the language).
            font = QFont()
            font.setPixelSize(px)
            font.setBold(self.font().bold())
            self.setFont(font)
            self.updateGeometry()  # the height the text needs changed

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Not now: a resize comes in the middle of a layout pass, and changing the font there
        # makes Qt measure a text whose layout it is rebuilding (a crash in QTextEngine).
        QTimer.singleShot(0, self._fit_if_alive)

    def _fit_if_alive(self) -> None:
        if shiboken6.isValid(self):
            self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - the family follows the variant
        super().changeEvent(event)
        # A new family measures differently (the label's own size change finds nothing to do).
        # Not now: a switch of language sets the family before the words, and fitting the old
        # words in the new face would be thrown away; a hidden label is fitted when it shows.
        if event.type() == QEvent.Type.FontChange and self.isVisible():
            QTimer.singleShot(0, self._fit_if_alive)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_if_alive)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """What the text needs at the role's full size (a layout gives less where it has less)."""
        hint = super().sizeHint()
        if self.max_lines == 1:
            metrics = QFontMetrics(self._sized(self.base_px))
            margins = self.contentsMargins()
            hint.setWidth(ink_width(metrics, unhyphenated(self.text())) + margins.left() + margins.right())
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """No narrower than the longest word at the smallest size: a layout squeezes its neighbours
        (a long unit) before it breaks a number."""
        hint = super().minimumSizeHint()
        metrics = QFontMetrics(self._sized(self.min_px))
        words = BREAKS.split(self.text())
        margins = self.contentsMargins()
        hint.setWidth(max((ink_width(metrics, w) for w in words), default=0) + margins.left() + margins.right())
        return hint
