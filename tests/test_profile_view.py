"""Company profile: related events, the map button, the sector chip, the script toggle, columns
by orientation, target facts, a curator's photo, keeping the reader's place.

One CompanyProfile on tests/factory.py's directory exhibition, shown at a screen's size; where a
tap sends the visitor is read off a Navigations recorder. Arriving from the directory, the
timeline or the map, and Back: tests/test_visitor_journey.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from kiosk.screens import Screen
from kiosk.ui.companies.profile import CompanyProfile
from tests.conftest import factory_context, show_view
from tests.factory import write_directory_exhibition


@pytest.fixture
def ctx(tmp_path: Path):  # noqa: ANN201 - a ViewContext
    return factory_context(tmp_path, write_directory_exhibition)


@pytest.fixture
def view(qtbot, ctx, navigate) -> CompanyProfile:  # noqa: ANN001
    profile = CompanyProfile(ctx, navigate)
    show_view(qtbot, profile)
    return profile


def tap(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def page(view: CompanyProfile, company_id: str):  # noqa: ANN201 - the ProfilePage
    view.enter(company_id)
    assert view.current_item() == company_id
    return view.page


def test_related_event_row_opens_the_timeline_there(qtbot, view, navigate) -> None:  # noqa: ANN001
    shown = page(view, "carmaker")
    assert shown.event_rows == [], "the foot of the page is made after its first paint"
    qtbot.waitUntil(lambda: shown.finished)
    assert [row.event.id for row in shown.event_rows] == ["carmaker-expands"]
    assert shown.event_rows[0].title.text() == "华晨宝马扩建"
    assert shown.event_rows[0].date.text() == "2019年3月"
    tap(qtbot, shown.event_rows[0])
    assert navigate == [(Screen.TIMELINE, "carmaker-expands")]


def test_a_company_without_events_says_so(qtbot, ctx, view) -> None:  # noqa: ANN001
    shown = page(view, "compressors")
    qtbot.waitUntil(lambda: shown.finished)
    assert shown.event_rows == []
    assert shown.no_events.text() == ctx.ui("no_events")
    assert shown.no_events.isVisibleTo(shown)


def test_map_button_shows_the_company_on_the_map(qtbot, view, navigate) -> None:  # noqa: ANN001
    shown = page(view, "carmaker")
    assert shown.map_button.isVisibleTo(shown)
    assert shown.map_button.text() == "在地图上查看"
    tap(qtbot, shown.map_button)
    assert navigate == [(Screen.MAP, "carmaker")]
    no_location = page(view, "compressors")
    assert not no_location.map_button.isVisibleTo(no_location)


def test_sector_chip_leads_to_the_filtered_directory(qtbot, view, navigate) -> None:  # noqa: ANN001
    shown = page(view, "pharma-co")
    assert shown.sector_chip.text() == "生物医药"
    tap(qtbot, shown.sector_chip)
    assert navigate == [(Screen.COMPANIES, "life-science")]


def test_short_and_registered_names(qtbot, view) -> None:  # noqa: ANN001
    shown = page(view, "pharma-co")
    assert shown.name.text() == "三生制药"
    assert shown.full_name.text() == "沈阳三生制药有限责任公司"
    assert shown.full_name.isVisibleTo(shown)
    plain = page(view, "compressors")
    assert plain.name.text() == "沈鼓集团"
    assert not plain.full_name.isVisibleTo(plain), "no second line when there is one name"


def test_toggle_shows_traditional_and_keeps_the_scroll_position(qtbot, ctx, view, navigate) -> None:  # noqa: ANN001
    shown = page(view, "carmaker")
    bar = view.area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    assert "沈阳" in shown.summary.text()
    ctx.set_variant("zh-Hant")
    qtbot.waitUntil(lambda: shown.name.text() == "華晨寶馬", timeout=1000)  # scrolled away: after the paint
    assert "瀋陽" in shown.summary.text()
    assert "沈阳" not in shown.summary.text()
    assert "瀋陽" in shown.body.text()
    assert shown.map_button.text() == "在地圖上查看"
    assert bar.value() == position
    assert view.current_item() == "carmaker"
    assert view.page is shown, "a toggle re-renders the page; it does not rebuild it"
    assert navigate == []


def test_two_columns_in_landscape_one_in_portrait(qtbot, view) -> None:  # noqa: ANN001
    shown = page(view, "carmaker")
    assert shown.side_host.isVisibleTo(shown)

    def at(widget: QWidget) -> QPoint:
        return widget.mapTo(shown, QPoint(0, 0))

    assert at(shown.facts_block).x() > at(shown.body).x()
    assert at(shown.facts_block).y() < at(shown.body).y() + shown.body.height()
    view.resize(1080, 1920)
    qtbot.waitUntil(lambda: shown.side_host.isHidden())
    qtbot.waitUntil(lambda: at(shown.facts_block).x() == at(shown.body).x())
    assert at(shown.facts_block).y() < at(shown.body).y(), "portrait: the figures come before the long text"


def test_plan_targets_are_badged_and_drawn_apart(qtbot, view) -> None:  # noqa: ANN001
    shown = page(view, "college")
    result, target = shown.fact_tiles
    assert target.texts.mark == "规划目标"
    assert target.arrangement().piece("mark").text == "规划目标"
    assert target.property("target") is True
    assert result.arrangement().piece("mark") is None
    assert not result.property("target")
    assert (target.texts.value, target.texts.unit) == ("600", "人")


def test_a_curators_photo_shows_in_the_gallery(qtbot, view) -> None:  # noqa: ANN001
    shown = page(view, "pharma-co")
    assert shown.gallery.isVisibleTo(shown), "its place is kept from the start"
    qtbot.waitUntil(lambda: shown.finished)  # the photos follow the page's first paint
    assert len(shown.images) == 1
    photo = shown.images[0]
    shape = photo.size()
    assert not shape.isEmpty(), "its place is held at its shape while it decodes"
    qtbot.waitUntil(lambda: photo.loaded)
    assert photo.size() == shape, "nothing moves when it arrives"
    without = page(view, "compressors")
    assert not without.gallery.isVisibleTo(without)


def test_reopening_the_same_company_keeps_its_place_and_reset_goes_to_top(qtbot, view) -> None:  # noqa: ANN001
    shown = page(view, "carmaker")
    bar = view.area.verticalScrollBar()
    bar.setValue(bar.maximum())
    view.leave()  # off to the timeline, say, and Back: the window enters the same company again
    view.hide()
    view.show()
    view.enter("carmaker")
    assert view.page is shown
    assert bar.value() == bar.maximum() > 0
    view.enter(None)  # nothing new to show keeps the page
    assert view.current_item() == "carmaker"
    assert bar.value() == bar.maximum()
    view.reset()
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    page(view, "college")  # another company in between: coming back opens a fresh page, at its top
    again = page(view, "carmaker")
    assert again is not shown
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0


def test_a_long_profiles_later_figures_are_made_after_its_first_paint(qtbot, ctx, view) -> None:  # noqa: ANN001
    from kiosk.ui import theme

    company = ctx.exhibition.companies_by_id["carmaker"]
    many = replace_facts(company, theme.PROFILE_FACTS_AT_ONCE + 3)
    view.show_company(many)
    shown = view.page
    assert len(shown.fact_tiles) == theme.PROFILE_FACTS_AT_ONCE
    qtbot.waitUntil(lambda: shown.finished)
    assert len(shown.fact_tiles) == len(shown.fact_grid.tiles) == theme.PROFILE_FACTS_AT_ONCE + 3
    assert all(tile.isVisible() for tile in shown.fact_tiles)
    assert shown.fact_tiles[-1].texts.value == f"{theme.PROFILE_FACTS_AT_ONCE + 3}"


def test_a_page_out_of_view_before_its_later_parts_were_made_waits_to_be_seen(qtbot, view) -> None:  # noqa: ANN001
    """Its photos, events and later figures are not made for nobody: not when the visitor has
    gone on (Home), nor when another company replaced it. They were, inside the next tap."""
    from kiosk.ui import theme

    shown = page(view, "carmaker")
    view.hide()  # the visitor went on before its first frame had passed
    qtbot.wait(theme.AFTER_NO_PAINT_MS + 4 * theme.AFTER_FRAME_MS)
    assert not shown.finished
    view.show()  # Back: made after the paint that shows it again
    qtbot.waitUntil(lambda: shown.finished)
    assert [row.event.id for row in shown.event_rows] == ["carmaker-expands"]
    replaced = page(view, "college")
    page(view, "compressors")
    qtbot.wait(theme.AFTER_NO_PAINT_MS + 4 * theme.AFTER_FRAME_MS)
    assert view.page.finished
    assert replaced.event_rows == [], "the page replaced at once never makes its foot"


def replace_facts(company, count: int):  # noqa: ANN001, ANN201 - a Company with `count` facts
    fact = company.facts[0]
    return company.model_copy(update={"facts": tuple(fact.model_copy(update={"value": n + 1}) for n in range(count))})


def test_a_replaced_page_is_let_go_without_becoming_a_window(qtbot, view) -> None:  # noqa: ANN001
    """Taking a page out of its scroll area made it a window for a moment: every one of its
    widgets heard of a new parent, font and palette, 3 ms of the next tap on BMW's page. It is
    hidden where it is, and goes once the next page has been painted."""
    import shiboken6
    from PySide6.QtCore import QEvent, QObject

    class Changes(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[QEvent.Type] = []

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() in (QEvent.Type.ParentChange, QEvent.Type.FontChange, QEvent.Type.PaletteChange):
                self.seen.append(event.type())
            return False

    old = page(view, "carmaker")
    changes = Changes()
    old.installEventFilter(changes)
    old.name.installEventFilter(changes)
    new = page(view, "college")
    assert changes.seen == []
    assert not old.isWindow()
    assert not old.isVisible()
    assert new.isVisible()
    assert new.parentWidget() is view.area.widget()
    qtbot.waitUntil(lambda: not shiboken6.isValid(old))
