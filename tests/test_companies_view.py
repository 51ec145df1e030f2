"""Companies: the A-Z directory (order, sector filter, index strip, columns) and the profile page
(events, map, script toggle, target facts, a curator's photo).

Built on a copy of tests/factory.py's exhibition with more companies, so the tests do not move
when the bundled content is edited. The map screen is a recording stub: these tests check what
the profile asks of the map, not the map itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from kiosk.content.load import load_content
from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.app import Kiosk
from tests import gestures
from tests.conftest import open_kiosk
from tests.factory import tiny_png, write_exhibition

SECTORS = """\
sectors:
  - id: automotive
    name: 汽车
    color: "#1F5AA6"
  - id: biopharma
    name: 生物医药
    color: "#1E8C5A"
    description: 生物药与沈阳国际生命健康城。
  - id: equipment
    name: 高端装备
    color: "#4F5D6B"
"""

LONG_BODY = "华晨宝马在沈阳的工厂不断扩大产能，带动本地配套企业成长。" * 40

COMPANIES = f"""\
companies:
  - id: acme
    name: 宝马里达工厂
    sector: automotive
    summary: 一家位于沈阳的工厂。
    location: {{layer: park, lon: 123.3, lat: 41.72}}
    events: [plant-opens]
    source: src-a
  - id: bmw-brilliance
    name: 华晨宝马
    sector: automotive
    origin: 德国
    summary: 总部位于沈阳铁西的整车企业。
    body: {LONG_BODY}
    facts:
      - {{label: 年营收, value: 2100, unit: 亿元, year: 2024}}
    location: {{layer: park, lon: 123.31, lat: 41.73}}
    events: [bmw-expands]
    source: src-a
  - id: sansheng-pharma
    name: 沈阳三生制药有限责任公司
    short_name: 三生制药
    sector: biopharma
    summary: 生物制药企业。
    media:
      - {{file: photos/lab.png, caption: 实验室}}
    source: src-a
  - id: shengu
    name: 沈鼓集团
    sector: equipment
    summary: 装备制造老字号。
    source: src-a
  - id: college
    kind: institution
    name: 中德学院
    sector: equipment
    summary: 双元制职业教育。
    facts:
      - {{label: 每年输送技能人才, value: 2500, unit: 余人}}
      - {{label: 规划每年培养在校生, value: 600, unit: 人, kind: target}}
    source: src-a
"""

# More names across the alphabet, so the directory is taller than the screen and has sections
# to scroll to.
FILLER = ["安泰科技", "东方电气", "飞轮储能", "国药控股", "金杯汽车", "联想集团", "美的集团",
          "南方航空", "普天信息", "启明星辰", "特变电工", "万科物业", "新松机器人", "永安行"]

BMW_EVENT = """\
  - id: bmw-expands
    date: 2024-03
    era: founding
    title: 华晨宝马扩建
    summary: 华晨宝马在沈阳扩建工厂。
    source: src-a
"""


def write_content(root: Path) -> Path:
    content = write_exhibition(root)
    filler = "".join(
        f"  - id: filler-{n}\n    name: {name}\n    sector: equipment\n    summary: 示例企业。\n    source: src-a\n"
        for n, name in enumerate(FILLER)
    )
    (content / "sectors.yaml").write_text(SECTORS, encoding="utf-8")
    (content / "companies.yaml").write_text(COMPANIES + filler, encoding="utf-8")
    timeline = (content / "timeline.yaml").read_text(encoding="utf-8")
    (content / "timeline.yaml").write_text(timeline + BMW_EVENT, encoding="utf-8")
    (root / "media" / "photos" / "lab.png").write_bytes(tiny_png(8, 6))
    return content


class MapStub(QWidget):
    """Stands in for the map screen and remembers what it was asked to show."""

    def __init__(self, ctx, navigate) -> None:  # noqa: ANN001
        super().__init__()
        self.item: str | None = None

    def warm(self):  # noqa: ANN201
        yield from ()

    def enter(self, item: str | None) -> None:
        self.item = item

    def leave(self) -> None:
        pass

    def reset(self) -> None:
        self.item = None

    def current_item(self) -> str | None:
        return self.item


@pytest.fixture
def kiosk(qtbot, tmp_path: Path) -> Kiosk:  # noqa: ANN001
    result = load_content(write_content(tmp_path))
    assert result.ok, result.problems
    return open_kiosk(qtbot, result, tmp_path / "media", factories={Screen.MAP: MapStub})


def tap(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def directory(kiosk: Kiosk, item: str | None = None):  # noqa: ANN201
    kiosk.window.navigate(Screen.COMPANIES, item)
    return kiosk.window.view(Screen.COMPANIES)


def profile(kiosk: Kiosk, company_id: str):  # noqa: ANN201
    kiosk.window.navigate(Screen.PROFILE, company_id)
    return kiosk.window.view(Screen.PROFILE)


def shown_cards(view) -> dict[str, str]:  # noqa: ANN001
    """Company id -> the name its card shows, in display order, read off the cards as a visitor
    scrolling from top to bottom meets them (cards are built as they come near the screen)."""
    seen: dict[str, str] = {}
    bar = view.area.verticalScrollBar()
    step = view.area.viewport().height() // 2
    for y in [*range(0, bar.maximum(), step), bar.maximum()]:
        view.scroll_to(y)
        for company_id, card in view.cards.items():
            if company_id in view.canvas.slots:
                assert not card.isHidden()
                assert card.geometry() == view.canvas.slots[company_id]
                seen[company_id] = card.name.text()
    view.scroll_to(0)
    assert set(seen) == set(view.canvas.shown_ids()), "every shown company's card turned up"
    return {company_id: seen[company_id] for company_id in view.canvas.shown_ids()}


def shown_names(view) -> list[str]:  # noqa: ANN001
    return list(shown_cards(view).values())


# --- directory -------------------------------------------------------------------------------
def test_cards_are_in_pinyin_order_under_letter_headers(qtbot, kiosk) -> None:  # noqa: ANN001
    view = directory(kiosk)
    names = shown_names(view)
    assert len(names) == len(kiosk.ctx.exhibition.companies)
    # hua < san < shen: 三生制药 files under its everyday name, not 沈阳三生…
    assert names.index("华晨宝马") < names.index("三生制药") < names.index("沈鼓集团")
    assert names[0] == "安泰科技"
    letters = [s.letter for s in view.canvas.sections]
    assert letters == sorted(letters)
    names = shown_cards(view)
    assert [names[c.id] for c in view.sections["S"].companies] == ["三生制药", "沈鼓集团"]
    assert list(view.strip.buttons) == letters


def test_sector_chip_filters_the_cards_and_the_strip(qtbot, kiosk) -> None:  # noqa: ANN001
    view = directory(kiosk)
    tap(qtbot, view.chips["biopharma"])
    assert shown_names(view) == ["三生制药"]
    assert view.current_item() == "biopharma"
    assert [letter for letter, b in view.strip.buttons.items() if not b.isHidden()] == ["S"]
    assert view.sector_note.text() == "生物药与沈阳国际生命健康城。"
    assert view.count.text().startswith("1")
    tap(qtbot, view.chips[None])
    assert len(shown_names(view)) == len(kiosk.ctx.exhibition.companies)
    assert view.current_item() is None
    assert view.sector_note.isHidden()


def test_entering_with_a_sector_prefilters_and_reset_clears(qtbot, kiosk) -> None:  # noqa: ANN001
    view = directory(kiosk, "equipment")
    assert view.chips["equipment"].isChecked()
    assert "华晨宝马" not in shown_names(view)
    view.reset()
    assert view.current_item() is None
    assert view.area.verticalScrollBar().value() == 0


def test_index_strip_scrolls_to_its_section(qtbot, kiosk) -> None:  # noqa: ANN001
    view = directory(kiosk)
    bar = view.area.verticalScrollBar()
    assert bar.maximum() > 0, "the test content must be taller than the screen"
    for button in view.strip.buttons.values():
        assert min(button.width(), button.height()) >= theme.TOUCH_MIN
    tap(qtbot, view.strip.buttons["M"])
    section = view.sections["M"]
    assert bar.value() == min(section.top, bar.maximum()) > 0
    header_y = section.header.mapTo(view.area.viewport(), section.header.rect().topLeft()).y()
    assert 0 <= header_y < view.area.viewport().height()
    assert view.strip.buttons["M"].isChecked()


def test_columns_follow_the_orientation(qtbot, kiosk) -> None:  # noqa: ANN001
    view = directory(kiosk)
    assert view.canvas.columns == 4
    kiosk.window.resize(1080, 1920)
    qtbot.waitUntil(lambda: view.canvas.columns == 2)
    first, second = (view.canvas.slots[c.id] for c in view.sections["S"].companies)
    assert first.y() == second.y()
    assert first.x() < second.x()


def test_tapping_a_card_opens_its_profile(qtbot, kiosk) -> None:  # noqa: ANN001
    view = directory(kiosk, "sansheng-pharma")
    tap(qtbot, view.cards["sansheng-pharma"])
    assert kiosk.window.current == Screen.PROFILE
    page = kiosk.window.view(Screen.PROFILE)
    assert page.current_item() == "sansheng-pharma"
    assert page.page.name.text() == "三生制药"
    assert page.page.full_name.text() == "沈阳三生制药有限责任公司"
    tap(qtbot, kiosk.window.top_bar.back)
    assert kiosk.window.current == Screen.COMPANIES


def test_a_drag_over_the_cards_scrolls_and_opens_nothing(qtbot, kiosk) -> None:  # noqa: ANN001
    view = directory(kiosk)
    viewport = view.area.viewport()
    card = view.cards[view.canvas.shown_ids()[0]]  # on screen: the finger lands on a tappable card
    start = card.mapTo(viewport, card.rect().center())
    gestures.drag(viewport, start, QPoint(0, -400))
    qtbot.waitUntil(lambda: view.area.verticalScrollBar().value() > 200, timeout=3000)
    assert kiosk.window.current == Screen.COMPANIES
    assert not card.property("pressed")


def test_cards_are_built_near_the_screen_only_and_far_ones_let_go(qtbot, kiosk, monkeypatch) -> None:  # noqa: ANN001
    from kiosk.ui.companies import directory as companies

    view = directory(kiosk)
    every = view.canvas.shown_ids()
    bar = view.area.verticalScrollBar()
    assert bar.maximum() > 2 * view.area.viewport().height(), "the test content must be several screens tall"
    assert every[-1] not in view.cards, "a card screens below the view is not built yet"
    monkeypatch.setattr(companies, "LIVE_CARDS", 1)  # fewer than a screen holds: all others go
    view.scroll_to(bar.maximum())
    assert every[-1] in view.cards
    assert every[0] not in view.cards, "cards far above were dropped once past LIVE_CARDS"
    view.scroll_to(0)
    bindings = len(view.texts)
    for _ in range(3):
        view.scroll_to(bar.maximum())
        view.scroll_to(0)
    assert len(view.texts) == bindings, "dropped cards take their text bindings with them"
    assert view.cards[every[0]].name.text() == shown_names(view)[0]


# --- profile ---------------------------------------------------------------------------------
def test_related_event_row_opens_the_timeline_there(qtbot, kiosk) -> None:  # noqa: ANN001
    page = profile(kiosk, "bmw-brilliance").page
    assert [row.event.id for row in page.event_rows] == ["bmw-expands"]
    assert page.event_rows[0].title.text() == "华晨宝马扩建"
    assert page.event_rows[0].date.text() == "2024年3月"
    tap(qtbot, page.event_rows[0])
    assert kiosk.window.current == Screen.TIMELINE
    assert kiosk.window.view(Screen.TIMELINE).current_item() == "bmw-expands"


def test_a_company_without_events_says_so(qtbot, kiosk) -> None:  # noqa: ANN001
    page = profile(kiosk, "shengu").page
    assert page.event_rows == []
    assert page.no_events.text() == kiosk.ctx.ui("no_events")


def test_map_button_shows_the_company_on_the_map(qtbot, kiosk) -> None:  # noqa: ANN001
    page = profile(kiosk, "bmw-brilliance").page
    assert page.map_button.isVisibleTo(page)
    assert page.map_button.text() == "在地图上查看"
    tap(qtbot, page.map_button)
    assert kiosk.window.current == Screen.MAP
    assert kiosk.window.view(Screen.MAP).current_item() == "bmw-brilliance"
    no_location = profile(kiosk, "shengu").page
    assert not no_location.map_button.isVisibleTo(no_location)


def test_sector_chip_leads_to_the_filtered_directory(qtbot, kiosk) -> None:  # noqa: ANN001
    page = profile(kiosk, "sansheng-pharma").page
    tap(qtbot, page.sector_chip)
    assert kiosk.window.current == Screen.COMPANIES
    assert kiosk.window.view(Screen.COMPANIES).current_item() == "biopharma"


def test_toggle_shows_traditional_and_keeps_the_scroll_position(qtbot, kiosk) -> None:  # noqa: ANN001
    view = profile(kiosk, "bmw-brilliance")
    bar = view.area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    assert "沈阳" in view.page.summary.text()
    kiosk.window.set_variant("zh-Hant")
    qtbot.wait(20)
    assert view.page.name.text() == "華晨寶馬"
    assert "瀋陽" in view.page.summary.text()
    assert "沈阳" not in view.page.summary.text()
    assert "瀋陽" in view.page.body.text()
    assert view.page.map_button.text() == "在地圖上查看"
    assert bar.value() == position
    assert view.current_item() == "bmw-brilliance"
    assert kiosk.window.current == Screen.PROFILE


def test_two_columns_in_landscape_one_in_portrait(qtbot, kiosk) -> None:  # noqa: ANN001
    page = profile(kiosk, "bmw-brilliance").page
    assert page.side_host.isVisibleTo(page)

    def at(widget: QWidget) -> QPoint:
        return widget.mapTo(page, QPoint(0, 0))

    assert at(page.facts_block).x() > at(page.body).x()
    assert at(page.facts_block).y() < at(page.body).y() + page.body.height()
    kiosk.window.resize(1080, 1920)
    qtbot.waitUntil(lambda: page.side_host.isHidden())
    qtbot.waitUntil(lambda: at(page.facts_block).x() == at(page.body).x())
    assert at(page.facts_block).y() < at(page.body).y(), "portrait: the figures come before the long text"


def test_plan_targets_are_badged_and_drawn_apart(qtbot, kiosk) -> None:  # noqa: ANN001
    page = profile(kiosk, "college").page
    result, target = page.fact_tiles
    assert target.badge.text() == "规划目标"
    assert target.badge.isVisibleTo(target)
    assert target.property("target") is True
    assert not result.badge.isVisibleTo(result)
    assert not result.property("target")
    assert target.value.text() == "600"
    assert target.unit.text() == "人"


def test_a_curators_photo_shows_in_the_gallery(qtbot, kiosk) -> None:  # noqa: ANN001
    page = profile(kiosk, "sansheng-pharma").page
    assert page.gallery.isVisibleTo(page)
    assert len(page.images) == 1
    assert not page.images[0].pixmap().isNull()
    without = profile(kiosk, "shengu").page
    assert not without.gallery.isVisibleTo(without)


def test_reopening_the_same_company_keeps_its_place_and_reset_goes_to_top(qtbot, kiosk) -> None:  # noqa: ANN001
    view = profile(kiosk, "bmw-brilliance")
    bar = view.area.verticalScrollBar()
    bar.setValue(bar.maximum())
    kiosk.window.navigate(Screen.TIMELINE, "bmw-expands")
    tap(qtbot, kiosk.window.top_bar.back)
    assert kiosk.window.current == Screen.PROFILE
    assert bar.value() == bar.maximum() > 0
    view.reset()
    assert bar.value() == 0
