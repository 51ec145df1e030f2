"""Floating panels' shadows: blurred once, drawn in nine slices, following their panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QFrame, QWidget

from kiosk.content import load_content
from kiosk.ui.map.view import MapView
from kiosk.ui.widgets.shadow import FloatShadow, nine_slices, shadow_tile
from tests.conftest import Navigations, show_view, view_context
from tests.factory import write_exhibition


def covered(slices: list[tuple[QRect, QRect]]) -> list[tuple[int, int]]:
    return [(x, y) for target, _ in slices for x in range(target.left(), target.right() + 1)
            for y in range(target.top(), target.bottom() + 1)]


@pytest.mark.parametrize("size", [(300, 200), (40, 30), (1, 1), (201, 17)])
def test_nine_slices_cover_the_target_once_and_read_inside_the_tile(size: tuple[int, int]) -> None:
    target = QRect(5, 7, *size)
    side, corner = 129, 60
    slices = nine_slices(target, side, corner)
    pixels = covered(slices)
    assert len(pixels) == len(set(pixels)) == size[0] * size[1]  # no gap, no pixel drawn twice
    assert all(target.contains(x, y) for x, y in pixels)
    assert all(QRect(0, 0, side, side).contains(source) for _, source in slices)


def test_corners_are_copied_unscaled_when_there_is_room() -> None:
    slices = nine_slices(QRect(0, 0, 300, 300), 129, 60)
    corners = [(t, s) for t, s in slices if t.width() == 60 and t.height() == 60]
    assert len(corners) == 4
    assert all(t.size() == s.size() for t, s in corners)


def test_the_tile_fades_from_the_edge_to_the_full_alpha(qtbot) -> None:  # noqa: ANN001
    tile = shadow_tile("#102030", 60, 36, 28).toImage()
    middle = tile.height() // 2
    alphas = [tile.pixelColor(x, middle).alpha() for x in range(tile.width() // 2 + 1)]
    assert alphas[0] == 0
    assert alphas == sorted(alphas)  # darker towards the middle, never banded
    assert alphas[-1] == pytest.approx(60, abs=5)  # the middle is as dark as a large panel's shadow


def test_the_shadow_follows_its_panel(qtbot) -> None:  # noqa: ANN001
    stage = QWidget()
    qtbot.addWidget(stage)
    stage.resize(800, 600)
    below = QWidget(stage)  # what the panel floats over
    panel = QFrame(stage)
    shadow = FloatShadow(panel, color="#102030", alpha=60, blur=20, offset=4, radius=10)
    panel.setGeometry(100, 100, 200, 150)
    stage.show()
    qtbot.waitExposed(stage)
    assert shadow.geometry() == QRect(80, 84, 240, 190)
    siblings = stage.children()
    assert siblings.index(below) < siblings.index(shadow) < siblings.index(panel)  # stacked just under it
    panel.hide()
    assert not shadow.isVisible()
    panel.move(300, 50)
    panel.show()
    panel.raise_()
    assert shadow.isVisible()
    assert shadow.geometry() == QRect(280, 34, 240, 190)
    siblings = stage.children()
    assert siblings.index(shadow) == siblings.index(panel) - 1


def test_nothing_over_the_map_is_re_blurred_each_frame(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """A graphics effect on a panel over the map redoes its blur on every frame of a zoom."""
    result = load_content(write_exhibition(tmp_path))
    assert result.ok, result.problems
    view = MapView(view_context(result, tmp_path / "media"), Navigations())
    show_view(qtbot, view)
    view.enter("park")
    QApplication.processEvents()
    view.open_company(next(iter(view.scene.markers)))
    QApplication.processEvents()
    assert view.card.isVisible()
    effects = [w for w in view.findChildren(QWidget) if w.graphicsEffect() is not None]
    assert effects == []
    shadows = view.findChildren(FloatShadow)
    assert {s.panel for s in shadows} == {view.card, view.trail, view.controls}
    assert all(s.isVisible() for s in shadows)
