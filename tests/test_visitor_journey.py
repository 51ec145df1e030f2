"""A visitor's walk through the kiosk, tapping real widgets the whole way, in both scripts.

home -> timeline -> event -> company -> map -> marker -> profile -> back -> home, and through the
companies screens: directory -> profile -> timeline / directory / map -> back. The whole window
on tests/factory.py's kiosk exhibition (a long timeline, a directory several screens tall, two
map layers); what each screen does on its own is tested on that screen's view.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.screens import Screen
from kiosk.ui.widgets import Chip
from tests.conftest import factory_kiosk
from tests.factory import write_kiosk_exhibition

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def kiosk(qtbot, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201 - a Kiosk
    """The window on factory content (not the bundled content conftest's `kiosk` opens)."""
    return factory_kiosk(qtbot, tmp_path_factory, write_kiosk_exhibition)


def tap(qtbot, widget) -> None:  # noqa: ANN001
    qtbot.mouseClick(widget, LEFT)


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant"])
def test_home_timeline_event_company_map_marker_profile_back_home(qtbot, kiosk, variant) -> None:  # noqa: ANN001
    window, ctx = kiosk.window, kiosk.ctx
    tap(qtbot, window.top_bar.variant_buttons[variant])
    home = window.view(Screen.HOME)
    tap(qtbot, next(t for t in home.tiles if t.screen == Screen.TIMELINE))
    assert window.current == Screen.TIMELINE

    # An event late on the track that names a company with a map location: find its card by
    # scrolling to its year.
    timeline = window.view(Screen.TIMELINE)
    event = ctx.exhibition.events_by_id["beacon-arrives"]
    index = timeline.events.index(event)
    assert index not in timeline.track.cards, "its card is screens away"
    tap(qtbot, timeline.year_buttons[event.date.year])
    qtbot.waitUntil(lambda: index in timeline.track.cards)  # cards beyond the screen come after the paint
    tap(qtbot, timeline.track.cards[index])
    assert timeline.current_item() == event.id
    assert timeline.detail.title.text() == ctx.t(event.title)

    company = ctx.exhibition.companies_by_id["beacon"]
    assert company.location is not None
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
    assert len(timeline.track.cards) < len(timeline.events), "most cards are built as they are scrolled to"
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
    assert len(ex.layers) > 1
    for layer in ex.layers:
        window.navigate(Screen.MAP, layer.id)
        map_view = window.view(Screen.MAP)
        assert map_view.current_item() == layer.id
        assert ex.companies_on(layer.id), f"the test content puts a company on {layer.id}"
        for company in ex.companies_on(layer.id):
            assert company.id in map_view.scene.markers


def test_directory_profile_and_the_screens_a_profile_leads_to(qtbot, kiosk) -> None:  # noqa: ANN001
    """Directory -> profile -> Back; a profile's event, sector and map lead on, and Back returns
    to the profile where the visitor left it."""
    window = kiosk.window
    tap(qtbot, next(t for t in window.view(Screen.HOME).tiles if t.screen == Screen.COMPANIES))
    window.navigate(Screen.COMPANIES, "pharma-co")  # its card scrolled into view
    directory = window.view(Screen.COMPANIES)
    qtbot.wait(1)
    tap(qtbot, directory.cards["pharma-co"])
    assert window.current == Screen.PROFILE
    profile = window.view(Screen.PROFILE)
    assert profile.current_item() == "pharma-co"
    assert profile.page.name.text() == "三生制药"
    assert profile.page.full_name.text() == "沈阳三生制药有限责任公司"
    tap(qtbot, window.top_bar.back)
    assert window.current == Screen.COMPANIES

    window.navigate(Screen.PROFILE, "carmaker")
    qtbot.waitUntil(lambda: profile.page.finished)  # the foot of the page follows its first paint
    bar = profile.area.verticalScrollBar()
    bar.setValue(bar.maximum())
    tap(qtbot, profile.page.event_rows[0])  # the timeline, opened on that event
    assert window.current == Screen.TIMELINE
    assert window.view(Screen.TIMELINE).current_item() == "carmaker-expands"
    tap(qtbot, window.top_bar.back)
    assert window.current == Screen.PROFILE
    assert profile.current_item() == "carmaker"
    assert bar.value() == bar.maximum() > 0, "Back lands where the visitor left the page"

    tap(qtbot, profile.page.sector_chip)  # the directory, filtered to the company's sector
    assert window.current == Screen.COMPANIES
    assert directory.current_item() == "automotive"
    assert "华晨宝马" in [card.name.text() for card in directory.cards.values() if not card.isHidden()]
    tap(qtbot, window.top_bar.back)
    assert window.current == Screen.PROFILE

    tap(qtbot, profile.page.map_button)  # the map, opened on the company's marker
    assert window.current == Screen.MAP
    assert window.view(Screen.MAP).current_item() == "carmaker"
    tap(qtbot, window.top_bar.back)
    assert window.current == Screen.PROFILE
    assert profile.current_item() == "carmaker"
