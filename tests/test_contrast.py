"""Every text colour on every ground the views draw it on meets WCAG 2.2's contrast: 4.5:1, or
3:1 for large text (kiosk/colours.py TEXT_ON_GROUND), in the default palette and the bundled
content's. Pure: colours and arithmetic."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.colours import contrast, unreadable
from kiosk.content import load_content
from kiosk.content.model import Theme
from kiosk.ui import theme

REPO = Path(__file__).resolve().parent.parent


def test_the_ratio_is_wcags() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the classic 4.5 grey


@pytest.mark.parametrize("palette", [theme.palette_for(Theme()),
                                     theme.palette_for(load_content(REPO / "content").exhibition.settings.theme)],
                         ids=["default", "bundled"])
def test_every_text_on_its_ground_is_readable(palette: theme.Palette) -> None:
    assert unreadable(palette) == []


def test_a_colour_that_reads_too_faintly_is_caught() -> None:
    """A curator's pale ink, or the grey captions of the last edition (#5E6A75 on a pressed card)."""
    assert "ink on paper: 2.29:1" in unreadable(theme.palette_for(Theme(ink="#9AA3AB")))
    old_grey = theme.Palette(accent="#B5121B", ink="#17212B", paper="#F4F1EA", muted="#5E6A75")
    assert unreadable(old_grey) == ["muted on pressed: 4.21:1"]
