"""A short soak in CI: random taps, swipes, toggles and resets; no error, bounded memory and widgets.

`kiosk soak --actions 10000` is the long version (figures in the issue notes).
"""

from __future__ import annotations

import pytest

from kiosk.soak import Soak

pytestmark = pytest.mark.slow

ACTIONS = 400
MAX_WIDGET_GROWTH = 40  # a screen rebuilt on a different item may hold a few more chips
MAX_RSS_GROWTH_MIB = 25


def test_random_visitor_actions_leave_no_trace(kiosk) -> None:  # noqa: ANN001
    # A first pass fills what the kiosk keeps by design (each of four languages' first layouts,
    # elided texts, glyphs); the same visitor again must then leave no trace.
    Soak(kiosk, seed=11).run(ACTIONS)
    report = Soak(kiosk, seed=11).run(ACTIONS)
    assert report.errors == []
    assert report.actions == ACTIONS
    assert abs(report.widget_growth) <= MAX_WIDGET_GROWTH, report.samples
    assert report.rss_growth_mib <= MAX_RSS_GROWTH_MIB, report.samples
