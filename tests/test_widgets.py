"""Shared widgets: multi-line elision keeps what fits and marks what it cut."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from kiosk.ui import theme
from kiosk.ui.widgets import elide_lines


def test_elision_keeps_text_that_fits_its_lines_and_cuts_the_rest(qtbot) -> None:  # noqa: ANN001
    font = theme.role_font("heading")
    font.setFamily(theme.font_family("SC"))
    width = QFontMetrics(font).horizontalAdvance("国" * 8)
    two_lines = "国务院批复建设中德园"  # 10 characters: wraps onto a second line
    assert elide_lines(two_lines, font, width, 2) == two_lines
    cut = elide_lines(two_lines * 3, font, width, 2)
    assert cut.endswith("…")
    assert len(cut) < len(two_lines * 3)
    assert elide_lines(two_lines, font, width, 1).endswith("…")
