"""Labels that end in … where their text does not fit the lines they are given."""

from __future__ import annotations

import re

import shiboken6
from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.text_label import TextLabel, remembered

CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")
ELIDE_BOX_LINES = 4  # room to measure wrapped text in: several times the height allowed
# Elided texts remembered: every card's title and summary in each of four languages, at the
# widths and line counts of both orientations, so a switch back finds its results.
ELIDE_CACHE_SIZE = 32_768
_elided: dict[tuple[str, str, int, int, int], str] = {}


def elide_lines(text: str, font: QFont, width: int, max_lines: int, height: int = 0) -> str:
    """`text` cut to what fits in `max_lines` wrapped lines of `width` px (and in `height` px,
    when given: a label of fixed height), ending in … if cut.

    Binary search on the prefix length with QFontMetrics' word-wrapped bounding box: the same
    line breaking QLabel uses. (QTextLayout.createLine crashed PySide6 6.12 in the soak run.)
    """
    if width <= 0 or max_lines <= 0:
        return ""
    # A binary search costs a dozen word-wrapped measurements; toggling scripts back and forth
    # asks for the same few hundred results again and again, so they are kept.
    key = (text, font.key(), width, max_lines, height)
    return remembered(_elided, key, ELIDE_CACHE_SIZE, lambda: _elide_uncached(text, font, width, max_lines, height))

def _elide_uncached(text: str, font: QFont, width: int, max_lines: int, height: int) -> str:
    metrics = QFontMetrics(font)
    flags = int(Qt.TextFlag.TextWordWrap)
    box = QRect(0, 0, width, metrics.lineSpacing() * max_lines * ELIDE_BOX_LINES)
    # The height `max_lines` lines really take in this font (CJK fonts' bounding boxes are not
    # a multiple of lineSpacing, which cut two-line titles to one).
    # The height `max_lines` lines of this text take: a Latin face draws Chinese from the CJK
    # face behind it, whose lines are taller, so the sample is of the text's own script.
    sample = "国" if CJK.search(text) else "Hg"
    limit = metrics.boundingRect(box, flags, "\n".join([sample] * max_lines)).height()
    if height > 0:  # a fixed box: what fits its pixels, whatever mix of lines the text has
        limit = min(limit, height)

    def fits(candidate: str) -> bool:
        return metrics.boundingRect(box, flags, candidate).height() <= limit

    if fits(text):
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle].rstrip() + "…"):
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"

class ElidedLabel(TextLabel):
    """A wrapped label that shows at most `max_lines` lines and ends with … when cut.

    Eliding measures text, so it runs only when something it depends on changed (text, font,
    width, lines) and, for a label not on screen, waits until it is shown: a script toggle then
    costs one measurement per visible label, not several per label everywhere.
    """

    def __init__(self, role: str, max_lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self._fills = False
        self.full_text = ""
        self._done: tuple[str, str, int, int, int] | None = None
        theme.apply_role(self, role)
        self.setWordWrap(True)
        if role in theme.RUNNING_TEXT:
            self.set_measure(theme.MEASURE_EM)  # as every label of running text (basics.label)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def fill_height(self, *, at_most: int = 0) -> None:
        """Show as many lines as the height the layout gives holds (a card's summary under a
        title that takes one line in Chinese and two in German), `at_most` if given: the label
        yields height to its neighbours first."""
        self.max_lines = at_most
        self._fills = True
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Ignored)
        self._elide()

    def _lines(self) -> int:
        if not self._fills:
            return self.max_lines
        room = max(1, self.contentsRect().height() // QFontMetrics(self.font()).lineSpacing())
        return min(room, self.max_lines) if self.max_lines else room

    def _elide(self) -> None:
        if not self.isVisible():
            return  # showEvent will do it
        width, lines = self.contentsRect().width(), self._lines()
        height = self.contentsRect().height() if self._fills else 0
        key = (self.full_text, self.font().key(), width, lines, height)
        if key != self._done:
            self._done = key
            self.setText(elide_lines(self.full_text, self.font(), width, lines, height))

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self._elide()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - the font follows the script variant
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.isVisible():
            # A switch of language sets the face, then the words: measuring the old words in the
            # new face would be wasted, so this waits for the words (or a moment, if none come).
            # A hidden label is elided when it shows.
            QTimer.singleShot(0, self._elide_if_alive)

    def _elide_if_alive(self) -> None:
        if shiboken6.isValid(self):
            self._elide()
