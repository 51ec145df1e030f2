"""The figures screen: pages by place, topics with their charts and tiles, bars to the right
scale, a tapped figure's source, opening on one figure, growing in, the idle reset.

One FiguresView on tests/factory.py's small exhibition, with a share and two charts added here,
shown at a screen's size; where a tap sends the visitor is read off a Navigations recorder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.figures.view import GOALS, FiguresView
from tests import gestures
from tests.conftest import factory_context, show_view
from tests.factory import write_exhibition

SHARE = """\
  - id: share
    label: 产值占全区比重
    value: 48.8
    unit: "%"
    year: 2025
    kind: estimate
    scope: park
    topic: economy
    note: 与预计数同句。
    source: src-a
"""
CHARTS = """\
charts:
  - id: share-change
    kind: change
    title: 比重的变化。
    figures: [share, share]
  - id: park-share
    kind: share
    title: 园区产值占全区的比重。
    figures: [share]
  - id: park-output
    kind: ranking
    title: 园区产值与目标。
    figures: [output, output-goal]
    note: 产值为预计数。
"""


def write_figures_exhibition(root: Path) -> Path:
    content = write_exhibition(root)
    figures = content / "figures.yaml"
    text = figures.read_text(encoding="utf-8").replace("comparisons:", SHARE + "comparisons:")
    figures.write_text(text + CHARTS, encoding="utf-8")
    return content


@pytest.fixture
def ctx(tmp_path: Path):  # noqa: ANN201 - a ViewContext
    return factory_context(tmp_path, write_figures_exhibition)


@pytest.fixture
def view(qtbot, ctx, navigate) -> FiguresView:  # noqa: ANN001
    figures = FiguresView(ctx, navigate)
    show_view(qtbot, figures)
    figures.enter(None)
    return figures


def touch_tap(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    gestures.drag(widget, widget.rect().center(), QPoint(0, 0), steps=1)
    qtbot.wait(1)


def test_places_with_figures_have_a_page_and_the_goals_come_last(view) -> None:  # noqa: ANN001
    assert view.page_ids == ["park", "tiexi", GOALS], "no figure is about the metropolitan circle: no chip"
    assert [chip.text() for chip in view.chips.values()] == ["中德园", "铁西区", "规划目标与后来的报道"]
    assert view.current == "park"
    assert set(view.page("park").tiles) == {"output", "output-goal", "share"}
    assert set(view.page("tiexi").tiles) == {"suppliers"}


def test_bars_are_drawn_to_what_the_numbers_say(view) -> None:  # noqa: ANN001
    change, share, ranking = view.page("park").charts
    assert [round(bar.share, 3) for bar in change.bars] == [0.488, 0.488], "a share that changed: against 100 %"
    assert change.bars[0].whole
    assert [round(bar.share, 3) for bar in share.bars] == [0.488], "a share against its whole"
    assert share.bars[0].whole
    assert [row.figure.id for row in ranking.rows] == ["output-goal", "output"], "a ranking: longest first"
    assert [round(bar.share, 4) for bar in ranking.bars] == [1.0, round(1220 / 1600, 4)]
    assert [bar.kind for bar in ranking.bars] == ["target", "estimate"], "a goal is an outline, an estimate striped"
    assert [row.value.text() for row in ranking.rows] == ["1600亿元", "1220亿元"]
    assert [row.mark.text() for row in ranking.rows] == ["规划目标", "预计"]
    assert ranking.title.text() == "园区产值与目标。"
    goals = view.page(GOALS).charts
    assert [[row.figure.id for row in chart.rows] for chart in goals] == [["output-goal", "output"]]


def test_a_tapped_figure_shows_where_it_comes_from_and_closes(qtbot, view) -> None:  # noqa: ANN001
    tile = view.page("park").tiles["share"]
    view.area.ensureWidgetVisible(tile)
    touch_tap(qtbot, tile)
    assert view.sheet.isVisible()
    assert view.sheet.number.text() == "48.8%"
    assert view.sheet.mark.text() == "预计"
    assert view.sheet.note.text() == "与预计数同句。"
    assert view.sheet.source.text() == "资料来源：来源甲（a.txt）"
    assert tile.property("current")
    assert view.current_item() == "share", "a language switch or a reload keeps the figure open"
    bottom = view.mapFromGlobal(view.sheet.close_button.mapToGlobal(QPoint(0, 0))).y()
    assert bottom > view.height() // 2, "the sheet and its close button sit low, within reach"
    qtbot.mouseClick(view.sheet.close_button, Qt.MouseButton.LeftButton)
    assert not view.sheet.isVisible()
    assert view.current_item() == "park"


def test_entering_on_a_figure_opens_its_place_and_its_source(qtbot, view) -> None:  # noqa: ANN001
    view.enter("suppliers")
    assert view.current == "tiexi"
    assert view.chips["tiexi"].isChecked()
    assert view.sheet.isVisible()
    assert view.sheet.number.text() == "近40家"
    view.reset()
    assert view.current == "park"
    assert not view.sheet.isVisible()


def test_the_texts_follow_the_variant(qtbot, ctx, view) -> None:  # noqa: ANN001
    view.enter("share")
    ctx.set_variant("zh-Hant")
    qtbot.wait(1)
    assert view.chips["park"].text() == "中德園"
    assert view.page("park").charts[1].title.text() == "園區產值佔全區的比重。"
    assert view.sheet.mark.text() == "預計"


def test_bars_grow_in_on_entering_unless_motion_is_off(qtbot, view, monkeypatch) -> None:  # noqa: ANN001
    bar = view.page("park").charts[0].bars[0]
    assert bar.grown == 1.0, "motion off (as under test): drawn whole at once"
    monkeypatch.setattr(theme, "ANIMATION_MS", 50)
    view.show_page("tiexi")
    view.show_page("park")
    assert bar.grown < 1.0
    qtbot.waitUntil(lambda: bar.grown == 1.0, timeout=2000)
    view.show_page("park")
    view.finish()
    assert bar.grown == 1.0, "screenshots and the self-test see whole bars"


def test_a_headline_figure_on_home_opens_the_figures_screen_on_it(qtbot, ctx, navigate) -> None:  # noqa: ANN001
    from kiosk.ui.home.view import HomeView

    home = show_view(qtbot, HomeView(ctx, navigate))
    home.enter(None)
    step = next(i for i, s in enumerate(home.steps) if s.figures)
    home.step_index = step
    home._show_step()
    tile = home.spotlight.tiles[0]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert navigate[-1] == (Screen.FIGURES, tile.fact.id)
