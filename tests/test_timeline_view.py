"""Timeline: cards in date order, lazy building, year scrubber, detail sheet, kinetic drag."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from kiosk.formatting import format_span
from kiosk.screens import Screen
from tests import gestures


def test_cards_are_built_lazily_in_date_order(qtbot, kiosk) -> None:  # noqa: ANN001
    kiosk.window.navigate(Screen.TIMELINE)
    timeline = kiosk.window.view(Screen.TIMELINE)
    events = kiosk.ctx.exhibition.events_sorted
    built = sorted(timeline.track.cards)
    assert built[0] == 0
    assert len(built) < len(events), "cards far off screen are not built yet"
    dates = [timeline.track.cards[i].shown.date.sort_key() for i in built]
    assert dates == sorted(dates)
    timeline.jump_to_year(2027)
    assert max(timeline.track.cards) == len(events) - 1


def test_cards_beyond_the_screen_are_built_after_the_paint(qtbot, kiosk) -> None:  # noqa: ANN001
    """A jump builds what shows at once and the screens either side just after, ready to flick."""
    kiosk.window.navigate(Screen.TIMELINE)
    timeline = kiosk.window.view(Screen.TIMELINE)
    width = timeline.area.viewport().width()
    timeline.jump_to_year(2020)
    value = timeline.area.horizontalScrollBar().value()
    track = timeline.track
    shown = range(track.index_at(value), track.index_at(value + width) + 1)
    assert all(i in track.cards for i in shown)
    beyond = track.index_at(value + 2 * width)
    assert beyond not in track.cards, "a screen beyond waits for the paint"
    qtbot.waitUntil(lambda: beyond in track.cards)


def test_year_scrubber_jumps_and_follows(qtbot, kiosk) -> None:  # noqa: ANN001
    kiosk.window.navigate(Screen.TIMELINE)
    timeline = kiosk.window.view(Screen.TIMELINE)
    qtbot.mouseClick(timeline.year_buttons[2024], Qt.MouseButton.LeftButton)
    first_2024 = next(i for i, e in enumerate(timeline.events) if e.date.year == 2024)
    assert timeline.track.index_at(timeline.area.horizontalScrollBar().value() + 1) in (first_2024, first_2024 - 1)
    assert timeline.year_buttons[2024].isChecked()
    assert not timeline.year_buttons[2015].isChecked()


def test_tapping_a_card_opens_its_detail(qtbot, kiosk) -> None:  # noqa: ANN001
    kiosk.window.navigate(Screen.TIMELINE)
    timeline = kiosk.window.view(Screen.TIMELINE)
    card = timeline.track.cards[0]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert timeline.detail.isVisible()
    event = kiosk.ctx.exhibition.events_sorted[0]
    assert timeline.current_item() == event.id
    assert timeline.detail.title.text() == kiosk.ctx.t(event.title)
    assert timeline.detail.date.text() == format_span(event.date, event.end)
    qtbot.mouseClick(timeline.detail.next, Qt.MouseButton.LeftButton)
    assert timeline.current_item() == kiosk.ctx.exhibition.events_sorted[1].id
    qtbot.mouseClick(timeline.detail.close_button, Qt.MouseButton.LeftButton)
    assert not timeline.detail.isVisible()
    assert timeline.current_item() is None


def test_a_drag_scrolls_and_does_not_open_a_card(qtbot, kiosk) -> None:  # noqa: ANN001
    kiosk.window.navigate(Screen.TIMELINE)
    timeline = kiosk.window.view(Screen.TIMELINE)
    viewport = timeline.area.viewport()
    bar = timeline.area.horizontalScrollBar()
    # Start the swipe on a card: the finger lands on something tappable, yet this is a scroll.
    card = timeline.track.cards[1]
    start = card.mapTo(viewport, card.rect().center())
    gestures.drag(viewport, start, QPoint(-720, 0))
    qtbot.waitUntil(lambda: bar.value() > 300, timeout=3000)
    assert not timeline.detail.isVisible()
    flung = bar.value()
    qtbot.wait(300)
    assert bar.value() >= flung, "a flick keeps moving (kinetic) and never jumps back"


def test_event_detail_lists_related_companies_that_open_profiles(qtbot, kiosk) -> None:  # noqa: ANN001
    ex = kiosk.ctx.exhibition
    event = next(e for e in ex.events_sorted if e.companies)
    kiosk.window.navigate(Screen.TIMELINE, event.id)
    timeline = kiosk.window.view(Screen.TIMELINE)
    from kiosk.ui.widgets import Chip

    chips = [c for c in timeline.detail.body_host.findChildren(Chip)]
    names = [c.text() for c in chips]
    first = ex.companies_by_id[event.companies[0]]
    assert kiosk.ctx.t(first.short_name or first.name) in names
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)
    assert kiosk.window.current == Screen.PROFILE


def test_reset_closes_detail_and_scrolls_back(qtbot, kiosk) -> None:  # noqa: ANN001
    kiosk.window.navigate(Screen.TIMELINE, "zero-carbon-park-list")
    timeline = kiosk.window.view(Screen.TIMELINE)
    assert timeline.area.horizontalScrollBar().value() > 0
    kiosk.window.reset()
    assert kiosk.window.current == Screen.HOME
    assert not timeline.detail.isVisible()
    assert timeline.area.horizontalScrollBar().value() == 0
