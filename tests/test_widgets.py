"""Shared widgets: multi-line elision keeps what fits and marks what it cut."""

from __future__ import annotations

import pytest
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


def test_a_flickable_area_keeps_its_width_whether_or_not_there_is_anywhere_to_scroll(qtbot) -> None:  # noqa: ANN001
    """A scroll bar that came and went would take and give back its width, and a page whose text
    wraps at one width and not the other could grow past the fold and back for ever (it did: a
    profile's figures at the larger type, until Qt overflowed its stack)."""
    from PySide6.QtWidgets import QScrollArea, QWidget

    from kiosk.ui.widgets import make_kinetic

    area = QScrollArea()
    area.setWidgetResizable(True)
    make_kinetic(area, horizontal=False)
    page = QWidget()
    page.setMinimumHeight(100)
    area.setWidget(page)
    qtbot.addWidget(area)
    area.resize(400, 300)
    area.show()
    qtbot.waitExposed(area)
    bar = area.verticalScrollBar()
    short_width = area.viewport().width()
    assert bar.property("still") is True, "nothing to scroll: no handle drawn"
    page.setMinimumHeight(1000)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert area.viewport().width() == short_width
    assert bar.property("still") is False, "something to scroll: the handle shows where the page is"


@pytest.mark.parametrize("text", ["超1.3", "over 1.3", "über 1,3 Bio.", "4.759", "98 % oder mehr"])
def test_a_fitted_number_given_the_width_it_asks_for_keeps_one_line(qtbot, text) -> None:  # noqa: ANN001
    """A bold 3 overhangs its advance, and QLabel wraps on the ink: a label exactly as wide as
    the advance broke 超1.3 after 超 in a figure tile."""
    from kiosk.ui.widgets import FitLabel

    number = FitLabel("figure", theme.TYPE["subheading"])
    qtbot.addWidget(number)
    number.setText(text)
    line = QFontMetrics(number.font()).lineSpacing()
    assert number.heightForWidth(number.sizeHint().width()) < 1.5 * line, "one line, not two"


def test_a_labels_icon_is_drawn_once_and_an_unknown_name_still_draws(qtbot) -> None:  # noqa: ANN001
    from kiosk.ui.widgets import TouchButton, icon

    assert icon("mdi6.home-outline", "#000000", 32).cacheKey() == icon("mdi6.home-outline", "#000000", 32).cacheKey()
    assert not icon("no-such.icon", "#000000", 32).isNull(), "content naming an unknown icon gets a dot"
    button = TouchButton(icon_name="no-such.icon")
    qtbot.addWidget(button)
    assert not button.icon().isNull()


def test_icons_are_drawn_from_the_one_set_the_kiosk_carries(qapp) -> None:  # noqa: ANN001
    """Material Design Icons 6 alone: qtawesome's eleven other sets are never loaded (their
    fonts held twice and their charmaps cost megabytes all day)."""
    from PySide6.QtGui import QFontDatabase

    from kiosk.ui.widgets.basics import glyph_icon

    image = glyph_icon("mdi6.close", "#000000").pixmap(48, 48).toImage()
    assert any(image.pixelColor(x, y).alpha() for x in range(48) for y in range(48)), "the glyph is drawn"
    unknown = glyph_icon("mdi6.no-such-icon", "#000000").pixmap(48, 48).toImage()
    assert any(unknown.pixelColor(x, y).alpha() for x in range(48) for y in range(48)), "a dot, not nothing"
    loaded = " ".join(QFontDatabase.families())
    assert "Material Design Icons" in loaded
    assert not [name for name in ("Font Awesome", "Phosphor", "remixicon", "codicon") if name in loaded]
