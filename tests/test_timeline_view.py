"""Timeline: cards in date order, lazy building, year scrubber, detail sheet, kinetic drag.

One TimelineView on tests/factory.py's timeline exhibition (25 events, 2015-2026, three eras),
shown at a screen's size; where a tap sends the visitor is read off a Navigations recorder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from kiosk.formatting import format_span
from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.timeline import view as timeline_view
from kiosk.ui.timeline.view import TimelineView
from kiosk.ui.widgets import Chip
from tests import gestures
from tests.conftest import factory_context, show_view
from tests.factory import write_timeline_exhibition

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def ctx(tmp_path: Path):  # noqa: ANN201 - a ViewContext
    return factory_context(tmp_path, write_timeline_exhibition)


@pytest.fixture
def timeline(qtbot, ctx, navigate) -> TimelineView:  # noqa: ANN001
    view = TimelineView(ctx, navigate)
    show_view(qtbot, view)
    view.enter(None)
    return view


def first_of_year(view: TimelineView, year: int) -> int:
    return next(i for i, e in enumerate(view.events) if e.date.year == year)


def test_cards_are_built_lazily_in_date_order(qtbot, ctx, timeline) -> None:  # noqa: ANN001
    events = ctx.exhibition.events_sorted
    built = sorted(timeline.track.cards)
    assert built[0] == 0
    assert len(built) < len(events), "cards far off screen are not built yet"
    assert len(events) - 1 not in timeline.track.cards
    dates = [timeline.track.cards[i].shown.date.sort_key() for i in built]
    assert dates == sorted(dates)
    assert [timeline.track.cards[i].shown.id for i in built] == [events[i].id for i in built]
    timeline.jump_to_year(events[-1].date.year)
    assert max(timeline.track.cards) == len(events) - 1


def test_cards_beyond_the_screen_are_built_after_the_paint(qtbot, timeline) -> None:  # noqa: ANN001
    """A jump builds what shows at once and the screens either side just after, ready to flick."""
    width = timeline.area.viewport().width()
    timeline.jump_to_year(2020)
    value = timeline.area.horizontalScrollBar().value()
    assert value > 0
    track = timeline.track
    shown = range(track.index_at(value), track.index_at(value + width) + 1)
    assert all(i in track.cards for i in shown)
    beyond = track.index_at(value + 2 * width)
    assert beyond not in track.cards, "a screen beyond waits for the paint"
    qtbot.waitUntil(lambda: beyond in track.cards)
    # Built ahead, but hidden: neither laid out nor painted (nor re-laid out on a switch of
    # language) until a flick brings it into view.
    assert all(track.cards[i].isVisible() for i in shown)
    assert track.cards[beyond].isHidden()
    timeline.area.horizontalScrollBar().setValue(track.x_of(beyond))
    assert track.cards[beyond].isVisible()
    assert track.cards[shown[0]].isHidden()


def test_cards_far_behind_go_once_the_track_is_still(qtbot, monkeypatch, ctx, timeline) -> None:  # noqa: ANN001
    """A visitor who has been through the years leaves only the cards near the view built: a
    switch of language gives every built card's labels the new face, seen or not."""
    monkeypatch.setattr(timeline_view, "BUILD_AHEAD", 0)  # 25 factory events fit in the usual range
    track = timeline.track
    timeline.jump_to_year(2015)
    qtbot.waitUntil(lambda: len(track.cards) > 0)
    first_screen = set(track.cards)
    # The wrappers held, so their ids stay theirs.
    first_widgets = [w for i in first_screen for w in (track.cards[i], *track.cards[i].findChildren(QWidget))]
    timeline.jump_to_year(2026)
    qtbot.waitUntil(lambda: not first_screen & set(track.cards))
    value, width = timeline.area.horizontalScrollBar().value(), timeline.area.viewport().width()
    assert set(track.cards) == set(range(track.index_at(value), track.index_at(value + width) + 1))
    gone = {id(w) for w in first_widgets}
    assert not [b for b in timeline.texts._bindings if id(b[0]) in gone], "the bindings went with the cards"
    timeline.jump_to_year(2015)  # and back: built again, each showing its own event
    assert all(track.cards[i].isVisible() and track.cards[i].shown.id == timeline.events[i].id
               for i in first_screen)


def test_year_scrubber_jumps_and_follows(qtbot, timeline) -> None:  # noqa: ANN001
    assert timeline.years == list(range(2015, 2027))
    assert timeline.year_buttons[2015].isChecked(), "the track opens on its first year"
    qtbot.mouseClick(timeline.year_buttons[2024], LEFT)
    first_2024 = first_of_year(timeline, 2024)
    assert first_2024 > 0
    assert timeline.track.index_at(timeline.area.horizontalScrollBar().value() + 1) in (first_2024, first_2024 - 1)
    assert timeline.year_buttons[2024].isChecked()
    assert not timeline.year_buttons[2015].isChecked()


def test_tapping_a_card_opens_its_detail_and_steps_through_events(qtbot, ctx, timeline) -> None:  # noqa: ANN001
    events = ctx.exhibition.events_sorted
    qtbot.mouseClick(timeline.track.cards[0], LEFT)
    assert timeline.detail.isVisible()
    assert timeline.current_item() == events[0].id
    assert timeline.detail.title.text() == ctx.t(events[0].title)
    assert timeline.detail.date.text() == format_span(events[0].date, events[0].end)
    qtbot.mouseClick(timeline.detail.prev, LEFT)
    assert timeline.current_item() == events[0].id, "nothing before the first event"
    qtbot.mouseClick(timeline.detail.next, LEFT)
    assert timeline.current_item() == events[1].id
    assert events[1].end is not None  # a span: the detail gives both ends
    assert timeline.detail.date.text() == format_span(events[1].date, events[1].end) == "2016年4—9月"
    assert timeline.detail.title.text() == ctx.t(events[1].title)
    qtbot.mouseClick(timeline.detail.prev, LEFT)
    assert timeline.current_item() == events[0].id
    qtbot.mouseClick(timeline.detail.close_button, LEFT)
    assert not timeline.detail.isVisible()
    assert timeline.current_item() is None


def test_next_stops_at_the_last_event(qtbot, ctx, timeline) -> None:  # noqa: ANN001
    last = ctx.exhibition.events_sorted[-1]
    timeline.enter(last.id)
    assert timeline.current_item() == last.id
    assert timeline.area.horizontalScrollBar().value() == timeline.area.horizontalScrollBar().maximum() > 0
    qtbot.mouseClick(timeline.detail.next, LEFT)
    assert timeline.current_item() == last.id
    qtbot.mouseClick(timeline.detail.prev, LEFT)
    assert timeline.current_item() == ctx.exhibition.events_sorted[-2].id


def test_a_drag_scrolls_and_does_not_open_a_card(qtbot, timeline, navigate) -> None:  # noqa: ANN001
    viewport = timeline.area.viewport()
    bar = timeline.area.horizontalScrollBar()
    # Start the swipe on a card: the finger lands on something tappable, yet this is a scroll.
    card = timeline.track.cards[1]
    start = card.mapTo(viewport, card.rect().center())
    gestures.drag(viewport, start, QPoint(-720, 0))
    qtbot.waitUntil(lambda: bar.value() > 300, timeout=3000)
    assert not timeline.detail.isVisible()
    assert timeline.current_item() is None
    flung = bar.value()
    qtbot.wait(300)
    assert bar.value() >= flung, "a flick keeps moving (kinetic) and never jumps back"
    assert navigate == []


def test_event_detail_lists_related_companies_that_open_profiles(qtbot, ctx, timeline, navigate) -> None:  # noqa: ANN001
    ex = ctx.exhibition
    timeline.enter("beacon-arrives")
    assert timeline.current_item() == "beacon-arrives"
    chips = timeline.detail.body_host.findChildren(Chip)
    names = [c.text() for c in chips]
    assert names == [ctx.t(ex.companies_by_id[c].display_name) for c in ("beacon", "acme")]
    assert names == ["北辰仪器", "宝马里达工厂"], "the name a visitor knows (short name first)"
    qtbot.mouseClick(chips[0], LEFT)
    assert navigate == [(Screen.PROFILE, "beacon")]
    qtbot.mouseClick(chips[1], LEFT)
    assert navigate[-1] == (Screen.PROFILE, "acme")
    no_companies = next(e for e in ex.events_sorted if not e.companies)
    timeline.enter(no_companies.id)
    assert timeline.detail.body_host.findChildren(Chip) == []


def test_reset_closes_detail_and_scrolls_back(qtbot, ctx, timeline) -> None:  # noqa: ANN001
    timeline.enter(ctx.exhibition.events_sorted[-1].id)
    assert timeline.detail.isVisible()
    assert timeline.area.horizontalScrollBar().value() > 0
    timeline.reset()
    assert not timeline.detail.isVisible()
    assert timeline.current_item() is None
    assert timeline.area.horizontalScrollBar().value() == 0


def test_a_photo_in_the_detail_shows_its_caption_and_credit_in_the_variant(qtbot, timeline, ctx) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    from kiosk.ui.widgets import MediaImage

    timeline.enter("plant-opens")
    assert len(timeline.detail.body_host.findChildren(MediaImage)) == 1
    captions = {w.text() for w in timeline.detail.body_host.findChildren(QLabel)}
    assert "工厂  ·  测试摄影" in captions
    ctx.set_variant("zh-Hant")
    captions = {w.text() for w in timeline.detail.body_host.findChildren(QLabel)}
    assert "工廠  ·  測試攝影" in captions


def test_a_portrait_screen_fills_its_height_with_cards_and_puts_the_years_below(qtbot, timeline) -> None:  # noqa: ANN001
    def top(widget) -> int:  # noqa: ANN001
        return widget.mapTo(timeline, widget.rect().topLeft()).y()

    assert top(timeline.scrub_area) < top(timeline.area), "landscape: the years above the track"
    landscape_card = timeline.track.card_height
    timeline.resize(1080, 1920)
    qtbot.wait(5)
    assert top(timeline.scrub_area) > top(timeline.area), "portrait: below it, within reach"
    assert timeline.track.card_height > landscape_card
    track_bottom = top(timeline.track) + timeline.track.height()
    assert track_bottom > top(timeline.scrub_area) - 2 * theme.SPACE_L, "no band of empty paper under the cards"
    assert top(timeline.track) < 2 * theme.SPACE_L, "nor above them"
