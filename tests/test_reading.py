"""Running text set in a measure a visitor can read: no line longer than about 40 Chinese or 70
Latin characters on any screen, however wide (kiosk.ui.fit.long_lines, TextLabel's measure)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.app import qt_application
from kiosk.ui.fit import LONGEST_CJK_LINE, LONGEST_LATIN_LINE, line_lengths, long_lines, misfits, too_long
from kiosk.ui.widgets import label
from tests.conftest import show_view

CHINESE = "华晨宝马在沈阳的工厂不断扩大产能，带动本地配套企业成长。" * 8
GERMAN = ("Der Chinesisch-Deutsche Industriepark verbindet Produktion, Leben und Ökologie; "
          "hier arbeiten Unternehmen aus beiden Ländern an der Fertigung von morgen. ") * 4


def test_a_line_is_too_long_past_40_chinese_or_70_latin_characters() -> None:
    assert not too_long("中" * LONGEST_CJK_LINE)
    assert too_long("中" * (LONGEST_CJK_LINE + 1))
    assert not too_long("a" * LONGEST_LATIN_LINE)
    assert too_long("a" * (LONGEST_LATIN_LINE + 1))
    assert too_long("2025年，中德园规上工业总产值1220亿元，占全区比重48.8%，年均增长12.1%，固定资产投资142亿元"), \
        "a Chinese line with numbers in it counts as Chinese"


def page_with(qtbot, *texts: str, role: str = "body") -> tuple[QWidget, list]:  # noqa: ANN001
    qt_application()  # the bundled faces registered
    page = QWidget()
    page.setFont(QFont(theme.font_families("SC")))  # the kiosk's faces, as the window gives them
    layout = QVBoxLayout(page)
    labels = [label(text, role) for text in texts]
    for shown in labels:
        layout.addWidget(shown)
    layout.addStretch(1)
    show_view(qtbot, page, (1920, 1080))
    return page, labels


def test_running_text_keeps_a_readable_measure_on_a_wide_screen(qtbot) -> None:  # noqa: ANN001
    page, (chinese, german) = page_with(qtbot, CHINESE, GERMAN)
    for shown in (chinese, german):
        assert shown.width() > shown.measure, "the label spans the screen; its lines do not"
        assert shown.contentsRect().width() == theme.MEASURE_EM * theme.TYPE["body"]
        assert not any(too_long(line) for line in line_lengths(shown))
    assert long_lines(page) == []
    assert misfits(page) == [], "each label is as tall as its lines at the measure"


def test_text_set_across_the_whole_screen_is_reported(qtbot) -> None:  # noqa: ANN001
    page, (chinese,) = page_with(qtbot, CHINESE)
    chinese.set_measure(0)
    qtbot.wait(1)
    found = long_lines(page)
    assert len(found) == 1
    assert "set it in a measure" in found[0]


def test_titles_are_not_held_to_the_measure(qtbot) -> None:  # noqa: ANN001
    page, (title,) = page_with(qtbot, CHINESE, role="heading")
    assert title.measure == 0
    assert long_lines(page) == []
