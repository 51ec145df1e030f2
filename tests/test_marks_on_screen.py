"""Every number on screen keeps its qualifier and its mark (预计, 规划目标, 规划), and says which
text gives it: on the home spotlight, in profiles, in the timeline's targets-and-results, on the
map. Small factory content, both scripts; then every figure and key fact of the bundled content."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.content import load_content
from kiosk.screens import Screen
from kiosk.ui.timeline.view import ComparisonRow
from kiosk.ui.widgets import FactTile
from tests.conftest import REPO, open_kiosk, view_context
from tests.factory import write_exhibition


@pytest.fixture
def kiosk(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    result = load_content(write_exhibition(tmp_path))
    assert result.ok, result.problems
    return open_kiosk(qtbot, result, tmp_path / "media")


def figure_tiles(home) -> dict[str, FactTile]:  # noqa: ANN001
    """The spotlight's figure tiles shown now, by caption."""
    home.spotlight.show_highlight(next(step for step in home.steps if step.figures))
    return {t.texts.caption: t for t in home.spotlight.tiles if t.isVisibleTo(home.spotlight)}


def test_home_spotlight_keeps_qualifiers_marks_and_sources(qtbot, kiosk) -> None:  # noqa: ANN001
    home = kiosk.window.view(Screen.HOME)
    tiles = figure_tiles(home)
    assert (tiles["配套商"].texts.value, tiles["配套商"].texts.unit) == ("近40", "家")
    assert tiles["配套商"].texts.meta == "2022年 · 来源：乙"
    assert tiles["产值"].texts.mark == "预计"
    assert tiles["产值目标"].texts.mark == "规划目标"
    assert tiles["配套商"].arrangement().piece("mark") is None, "a figure with no mark draws none"
    kiosk.ctx.set_variant("zh-Hant")
    tiles = figure_tiles(home)
    assert tiles["產值"].texts.mark == "預計"
    assert tiles["配套商"].texts.value == "近40"


def test_a_profile_numbers_its_sources_and_each_fact_cites_its_own(qtbot, kiosk) -> None:  # noqa: ANN001
    kiosk.window.navigate(Screen.PROFILE, "acme")
    page = kiosk.window.view(Screen.PROFILE).page
    (tile,) = page.fact_tiles
    assert (tile.texts.value, tile.texts.unit) == ("30余", "家")
    assert tile.texts.meta == "②"
    assert page.source.text() == "资料来源：①来源甲（a.txt）；②来源乙（b.txt）"
    kiosk.ctx.set_variant("zh-Hant")
    assert tile.texts.value == "30餘"
    assert page.source.text().startswith("資料來源：①來源甲（a.txt）")


def test_an_events_detail_sets_the_plans_goal_beside_what_was_reported(qtbot, kiosk) -> None:  # noqa: ANN001
    kiosk.window.navigate(Screen.TIMELINE, "plant-opens")
    detail = kiosk.window.view(Screen.TIMELINE).detail
    assert detail.date.text() == "2018年内", "a date known only to the year says so"
    (row,) = detail.findChildren(ComparisonRow)
    goal, result = row.tiles
    assert (goal.texts.value, goal.texts.mark, goal.property("target")) == ("1600", "规划目标", True)
    assert (result.texts.value, result.texts.mark) == ("1220", "预计")
    assert "2025年产值为预计数。" in {w.text() for w in row.findChildren(QLabel)}
    sources = [w.text() for w in detail.findChildren(QLabel) if w.text().startswith("资料来源")]
    assert sources == ["资料来源：来源甲（a.txt）"]


def test_a_planned_zone_reads_as_planned_on_the_map_and_in_its_card(qtbot, kiosk) -> None:  # noqa: ANN001
    kiosk.window.navigate(Screen.MAP, "park")
    QApplication.processEvents()
    view = kiosk.window.view(Screen.MAP)
    assert view.scene.region_labels["core"].text() == "核心板块\n约3.2 平方公里 规划 · 示意"
    zone = view.layer.zones[0]
    view.card.show_zone(zone, view.layer)
    assert view.card.status.text() == "规划"
    assert (view.card.figure.text(), view.card.unit.text()) == ("约3.2", "平方公里")
    kiosk.ctx.set_variant("zh-Hant")
    view.card.render()
    assert view.card.status.text() == "規劃"


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant"])
def test_no_bundled_figure_or_fact_drops_its_qualifier_or_mark(qtbot, bundled_result, variant: str) -> None:  # noqa: ANN001
    ex = bundled_result.exhibition
    ctx = view_context(bundled_result, REPO / "media", variant)
    tile = FactTile()
    qtbot.addWidget(tile)
    shown = [*ex.figures, *(fact for company in ex.companies for fact in company.facts)]
    assert sum(f.qualifier is not None for f in shown) >= 20
    for fact in shown:
        tile.show_fact(ctx, fact)
        text = tile.texts.value + tile.texts.unit
        if fact.qualifier:
            assert ctx.t(fact.qualifier) in text, (fact.label, text)
        if fact.kind != "result":
            assert tile.texts.mark == ctx.ui(fact.kind), fact.label
