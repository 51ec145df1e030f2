"""A visitor's walk through the kiosk, tapping real widgets the whole way, in both scripts.

home -> timeline -> event -> company -> map -> marker -> profile -> back -> home
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.screens import Screen
from kiosk.ui.widgets import Chip

LEFT = Qt.MouseButton.LeftButton


def tap(qtbot, widget) -> None:  # noqa: ANN001
    qtbot.mouseClick(widget, LEFT)


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant"])
def test_home_timeline_event_company_map_marker_profile_back_home(qtbot, kiosk, variant) -> None:  # noqa: ANN001
    window, ctx = kiosk.window, kiosk.ctx
    tap(qtbot, window.top_bar.variant_buttons[variant])
    home = window.view(Screen.HOME)
    tap(qtbot, next(t for t in home.tiles if t.screen == Screen.TIMELINE))
    assert window.current == Screen.TIMELINE

    # An event that names a company with a map location: find its card by scrolling to its year.
    timeline = window.view(Screen.TIMELINE)
    event = next(e for e in ctx.exhibition.events_sorted
                 if any(ctx.exhibition.companies_by_id[c].location for c in e.companies))
    tap(qtbot, timeline.year_buttons[event.date.year])
    index = timeline.events.index(event)
    qtbot.waitUntil(lambda: index in timeline.track.cards)  # cards beyond the screen come after the paint
    tap(qtbot, timeline.track.cards[index])
    assert timeline.current_item() == event.id
    assert timeline.detail.title.text() == ctx.t(event.title)

    company = next(ctx.exhibition.companies_by_id[c] for c in event.companies
                   if ctx.exhibition.companies_by_id[c].location)
    chip = next(c for c in timeline.detail.body_host.findChildren(Chip)
                if c.text() == ctx.t(company.display_name))
    tap(qtbot, chip)
    assert window.current == Screen.PROFILE
    profile = window.view(Screen.PROFILE)
    assert profile.current_item() == company.id

    tap(qtbot, profile.page.map_button)
    assert window.current == Screen.MAP
    map_view = window.view(Screen.MAP)
    assert map_view.current_item() == company.id
    assert map_view.card.isVisible()
    map_view.close_card()
    assert not map_view.card.isVisible()
    point = map_view.canvas.mapFromScene(map_view.scene.markers[company.id].pos())
    QTest.mouseClick(map_view.canvas.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, point)
    assert map_view.card.isVisible()
    assert map_view.card.title.text() == ctx.t(company.name)
    tap(qtbot, map_view.card.action)
    assert window.current == Screen.PROFILE

    tap(qtbot, window.top_bar.back)
    assert window.current == Screen.MAP
    tap(qtbot, window.top_bar.home)
    assert window.current == Screen.HOME
    assert ctx.variant == variant, "the visitor's script stays until the idle reset"


def test_every_event_company_and_marker_is_reachable(qtbot, kiosk) -> None:  # noqa: ANN001
    """Each event opens from the timeline, each company from the directory, each marker on its layer."""
    window, ex = kiosk.window, kiosk.ctx.exhibition
    window.navigate(Screen.TIMELINE)
    timeline = window.view(Screen.TIMELINE)
    for index, event in enumerate(timeline.events):
        timeline.scroll_to_index(index)
        tap(qtbot, timeline.track.cards[index])
        assert timeline.current_item() == event.id
        timeline.close_event()
    reached = set()
    for company in ex.companies:
        window.navigate(Screen.COMPANIES, company.id)  # a company id scrolls to its card
        directory = window.view(Screen.COMPANIES)
        card = directory.cards[company.id]
        qtbot.wait(1)
        top_left = card.mapTo(directory.area.viewport(), card.rect().topLeft())
        assert directory.area.viewport().rect().contains(top_left), f"{company.id} is scrolled into view"
        tap(qtbot, card)
        assert window.view(Screen.PROFILE).current_item() == company.id
        reached.add(company.id)
    assert reached == {c.id for c in ex.companies}
    for layer in ex.layers:
        window.navigate(Screen.MAP, layer.id)
        map_view = window.view(Screen.MAP)
        for company in ex.companies_on(layer.id):
            assert company.id in map_view.scene.markers
