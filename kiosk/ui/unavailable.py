"""A calm page for when there is nothing valid to show: never a black screen, never a trace.

Shown full screen when neither the content nor its last good copy validates (a broken edit on
a fresh install, a share that is down at boot). It says, in each language, that the
exhibition is away for a moment; the admin corner still opens the panel, whose status lists
the problems, and the kiosk keeps checking and shows the exhibition as soon as it validates.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import Theme
from kiosk.ui import theme
from kiosk.ui.widgets import icon, label

# Written by hand, not converted: there may be no content (and so no glossary) to convert with.
MESSAGES = (
    ("SC", "展览内容暂时无法显示", "请稍后再来"),
    ("HK", "展覽內容暫時無法顯示", "請稍後再來"),
    ("SC", "The exhibition is briefly unavailable", "Please come back a little later"),
    ("SC", "Die Ausstellung ist kurz nicht verfügbar", "Bitte schauen Sie etwas später wieder vorbei"),
)


class UnavailablePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KioskRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle("中德园 · 铁西")
        palette = theme.palette_for(Theme())  # the exhibition's own colours may be what is broken
        self.setStyleSheet(theme.stylesheet(palette))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_XL)
        layout.setSpacing(theme.SPACE_M)
        layout.addStretch(1)
        mark = label("", "title", wrap=False)
        mark.setPixmap(icon("mdi6.timer-sand", palette.accent, theme.ICON_XL))
        layout.addWidget(mark, 0, Qt.AlignmentFlag.AlignHCenter)
        self.lines = []
        for region, headline, detail in MESSAGES:
            for text, role in ((headline, "heading"), (detail, "body")):
                line = label(text, role)
                line.setFont(theme.font(region, role, bold=role == "heading"))
                line.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                layout.addWidget(line)
                self.lines.append(line)
            layout.addSpacing(theme.SPACE_S)
        layout.addStretch(1)
