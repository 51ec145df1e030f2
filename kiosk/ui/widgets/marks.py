"""Small marks shared by the company screens: company or institution, a hairline rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.basics import icon, label

if TYPE_CHECKING:
    from kiosk.ui.context import TextBinder, ViewContext

KIND_ICONS = {"company": "mdi6.domain", "institution": "mdi6.town-hall"}


class KindMark(QWidget):
    """Company or institution: an icon, and the word once strings.py carries it."""

    def __init__(self, ctx: ViewContext, texts: TextBinder, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_XS)
        glyph = QLabel()
        glyph.setPixmap(icon(KIND_ICONS[kind], ctx.palette.muted, theme.ICON_S))
        self.word = label("", "caption", wrap=False)
        texts.bind(self.word, self.word.setText, lambda: ctx.ui(kind))
        layout.addWidget(glyph)
        layout.addWidget(self.word)


def rule() -> QFrame:
    line = QFrame()
    line.setProperty("rule", True)
    line.setFixedHeight(theme.RULE_WIDTH)
    return line
