"""The reach zone: every control a visitor needs 380-1220 mm above the floor, on the machine's
mounting; on a portrait screen the navigation bar runs along the bottom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from kiosk import reach
from kiosk.screens import Screen
from kiosk.ui.reach import PROPERTY, out_of_reach
from tests.conftest import factory_kiosk
from tests.factory import write_timeline_exhibition

LANDSCAPE, PORTRAIT = (1920, 1080), (1080, 1920)


def test_the_default_mountings_and_their_reach_bands() -> None:
    landscape = reach.mounting(portrait=False)
    assert (landscape.lower_edge_mm, landscape.upper_edge_mm) == (680, 1215)
    assert landscape.reach_px(1080) == (0.0, 1080.0), "a 43-inch screen at a table's height: all of it"
    portrait = reach.mounting(portrait=True)
    assert (portrait.lower_edge_mm, portrait.upper_edge_mm) == (500, 1718)
    top, bottom = portrait.reach_px(1920)
    assert round(top) == 785, "the upper 41% of a 55-inch screen stood upright is out of reach"
    assert bottom == 1920.0
    assert portrait.within_reach(1800, 1900, 1920)
    assert not portrait.within_reach(100, 180, 1920)
    assert reach.mounting(portrait=True, lower_edge_mm=300).lower_edge_mm == 300, "the machine's setting wins"


@pytest.fixture
def kiosk(qtbot, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    return factory_kiosk(qtbot, tmp_path_factory, write_timeline_exhibition)


def _top(widget, window) -> int:  # noqa: ANN001
    return widget.mapTo(window, QPoint(0, 0)).y()


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_every_control_a_visitor_needs_is_within_reach(qtbot, kiosk, size) -> None:  # noqa: ANN001
    window = kiosk.window
    window.resize(*size)
    place = reach.mounting(portrait=size[1] > size[0])
    for screen, item in ((Screen.HOME, None), (Screen.TIMELINE, "plant-opens"), (Screen.MAP, None),
                         (Screen.COMPANIES, None), (Screen.FIGURES, "output")):
        window.navigate(screen, item)
        qtbot.wait(5)
        marked = [w for w in window.findChildren(type(window.top_bar.home)) if w.property(PROPERTY) and w.isVisible()]
        assert marked, screen
        assert out_of_reach(window, place) == [], screen
    bar = _top(window.top_bar, window)
    if size == PORTRAIT:
        assert bar > window.height() // 2, "the navigation bar runs along the bottom of a tall screen"
    else:
        assert bar == 0


def test_a_screen_mounted_high_puts_the_bar_out_of_reach(qtbot, kiosk) -> None:  # noqa: ANN001
    window = kiosk.window
    window.resize(*LANDSCAPE)
    window.navigate(Screen.TIMELINE, "plant-opens")
    qtbot.wait(5)
    high = reach.mounting(portrait=False, lower_edge_mm=1100)  # its top edge at 1635 mm
    found = out_of_reach(window, high)
    assert any(line.startswith("English") or "mm above the floor" in line for line in found)
    assert all("(a visitor reaches 380-1220 mm)" in line for line in found)


def test_the_event_sheet_keeps_previous_next_and_close_along_its_bottom(qtbot, kiosk) -> None:  # noqa: ANN001
    window = kiosk.window
    window.resize(*PORTRAIT)
    window.navigate(Screen.TIMELINE, "plant-opens")
    qtbot.wait(5)
    sheet = window.view(Screen.TIMELINE).detail
    middle = _top(sheet, window) + sheet.height() // 2
    for button in (sheet.prev, sheet.next, sheet.close_button):
        assert _top(button, window) > middle
        assert button.accessibleName(), "icon-only: named for screen readers"


@pytest.mark.parametrize("portrait", [False, True], ids=["landscape", "portrait"])
def test_body_text_reads_from_arms_length(qtbot, portrait: bool) -> None:  # noqa: ANN001
    """Its capital H subtends at least 0.7 degree at the viewing distance the guide states."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from kiosk.ui import theme
    from kiosk.ui.app import qt_application

    qt_application()
    body = QFont(theme.font_families("Latin"))
    body.setPixelSize(theme.TYPE["body"])
    cap = QFontMetricsF(body).capHeight()
    place = reach.mounting(portrait=portrait)
    screen = 1920 if portrait else 1080
    assert reach.subtends(cap, place, screen) >= reach.MIN_CAP_DEGREES
