"""Map: layers and their outlines, markers and cards, filters, drill-down, gestures, scripts, reset.

Gestures are driven both ways a kiosk meets them: QTest mouse events (a mouse, or a touch screen
that only sends mouse) and QTest touch events (press, move, release; two points for a pinch).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.screens import Screen
from kiosk.ui import theme
from tests.conftest import open_kiosk

REPO = Path(__file__).resolve().parent.parent
LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def touch():  # noqa: ANN201 - a QPointingDevice
    return QTest.createTouchDevice()


def open_map(kiosk, item: str | None = None):  # noqa: ANN001, ANN201 - the MapView
    kiosk.window.navigate(Screen.MAP, item)
    QApplication.processEvents()
    return kiosk.window.view(Screen.MAP)


def on_screen(view, scene_point: QPointF) -> QPoint:  # noqa: ANN001
    return view.canvas.mapFromScene(scene_point)


def marker_point(view, company_id: str) -> QPoint:  # noqa: ANN001
    return on_screen(view, view.scene.markers[company_id].pos())


def free_point_in(view, path_item) -> QPoint:  # noqa: ANN001
    """A viewport point inside an outline and beyond a finger's reach of every marker."""
    box = view.canvas.mapFromScene(path_item.boundingRect()).boundingRect()
    markers = [marker_point(view, k) for k, m in view.scene.markers.items() if m.isVisible()]
    markers += [on_screen(view, c.pos()) for c in view.scene.clusters]
    step = theme.SPACE_S
    for y in range(box.top(), box.bottom(), step):
        for x in range(box.left(), box.right(), step):
            point = QPoint(x, y)
            if not view.canvas.rect().contains(point):
                continue
            if not path_item.path().contains(view.canvas.mapToScene(point)):
                continue
            if all((point - m).manhattanLength() > 2 * theme.MARKER_HIT_RADIUS for m in markers):
                return point
    raise AssertionError("no free point inside the outline")


def fingers(widget: QWidget, device, action: str, *points: QPoint) -> None:  # noqa: ANN001
    """One touch event: finger n at points[n] does `action` (press, move or release). Points are
    passed with their widget: without it PySide picks the QWindow overload, in screen coordinates."""
    sequence = QTest.touchEvent(widget, device)
    for n, point in enumerate(points):
        getattr(sequence, action)(n, point, widget)
    sequence.commit()


def reachable_by_touch(widget: QWidget, *points: QPoint) -> None:
    """Move the window so these points of the widget lie on the virtual screen.

    Touch events pass through the screen (unlike QTest's mouse events, which go straight to the
    widget), and Qt drops touch points off every screen; the offscreen screen is smaller than the
    1920x1080 window, so a test brings the spot it touches onto it first."""
    screen = QGuiApplication.primaryScreen().geometry()
    xs = [widget.mapToGlobal(p).x() for p in points]
    ys = [widget.mapToGlobal(p).y() for p in points]
    middle = QPoint((min(xs) + max(xs)) // 2, (min(ys) + max(ys)) // 2)
    window = widget.window()
    window.move(window.pos() + screen.center() - middle)
    QApplication.processEvents()


def tap_touch(widget: QWidget, device, pos: QPoint) -> None:  # noqa: ANN001
    reachable_by_touch(widget, pos)
    fingers(widget, device, "press", pos)
    fingers(widget, device, "release", pos)


def feature_count(reference: str) -> int:
    data = json.loads((REPO / "media" / reference).read_text(encoding="utf-8"))
    return len(data["features"])


# --- layers ----------------------------------------------------------------------------------
def test_each_layer_draws_its_features_zones_and_markers(qtbot, kiosk) -> None:  # noqa: ANN001
    ex = kiosk.ctx.exhibition
    for layer in ex.layers:
        view = open_map(kiosk, layer.id)
        assert view.layer.id == layer.id
        assert len(view.scene.outlines) == feature_count(layer.base)
        zones = [item for item in view.scene.outlines.values() if item.zone is not None]
        assert len(zones) == len(layer.zones)
        assert set(view.scene.markers) == {c.id for c in ex.companies_on(layer.id)}
        assert set(view.scene.places) == {p.id for p in layer.places}
        assert view.panel.hint.isVisibleTo(view) == bool(layer.drill)
        assert view.credit.text() == kiosk.ctx.t(layer.credit)
        assert view.trail.chips[layer.id].isChecked()


def test_outlines_are_read_once_per_layer(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "shenyang")
    first = view.geometry_for(view.layer)
    open_map(kiosk, "park")
    view = open_map(kiosk, "shenyang")
    assert view.geometry_for(view.layer) is first
    assert view.scene.outlines["tiexi"].path() == first.outlines[[o.id for o in first.outlines].index("tiexi")].path


def test_zones_are_labelled_with_area_and_schematic_mark(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    label = view.scene.region_labels["industrial-internet-core"]
    zone = next(z for z in view.layer.zones if z.id == "industrial-internet-core")
    area = f"{zone.area_qualifier or ''}3.2 {kiosk.ctx.ui('km2')}"
    assert label.text() == f"工业互联网核心板块\n{area} {kiosk.ctx.ui('status_planned')} · {kiosk.ctx.ui('schematic')}"
    assert label.isVisible()


# --- markers and cards -----------------------------------------------------------------------
def test_tapping_a_marker_opens_its_card_and_the_profile(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    company = kiosk.ctx.exhibition.companies_by_id["sansheng-pharma"]
    assert view.scene.markers[company.id].isVisible()
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, marker_point(view, company.id))
    assert view.card.isVisible()
    assert view.current_item() == company.id
    assert view.card.title.text() == kiosk.ctx.t(company.name)
    sector = kiosk.ctx.exhibition.sectors_by_id[company.sector]
    assert view.card.kicker.text() == kiosk.ctx.t(sector.name)
    assert view.card.text.text() == kiosk.ctx.t(company.summary)
    assert view.card.note.text() == kiosk.ctx.ui("approximate")
    assert view.card.action.text() == kiosk.ctx.ui("open_profile")
    assert view.scene.markers[company.id].selected
    qtbot.mouseClick(view.card.action, LEFT)
    assert kiosk.window.current == Screen.PROFILE
    assert kiosk.window.view(Screen.PROFILE).current_item() == company.id
    kiosk.window.back()  # Back returns to the map with the same card open
    assert kiosk.window.current == Screen.MAP
    assert view.current_item() == company.id
    assert view.card.isVisible()


def test_a_touch_tap_opens_a_card_once_and_a_tap_elsewhere_closes_it(qtbot, kiosk, touch) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    taps: list[QPointF] = []
    view.canvas.tapped.connect(taps.append)
    tap_touch(view.canvas.viewport(), touch, marker_point(view, "sansheng-pharma"))
    assert len(taps) == 1, "a touch is handled as touch, not again as synthesized mouse"
    assert view.current_item() == "sansheng-pharma"
    qtbot.wait(QApplication.styleHints().mouseDoubleClickInterval() + 50)  # not a double tap
    tap_touch(view.canvas.viewport(), touch, QPoint(view.canvas.width() // 2, view.canvas.height() - 2))
    assert not view.card.isVisible()
    assert view.current_item() == "park"
    assert not view.scene.markers["sansheng-pharma"].selected


def test_a_zone_card_shows_the_disagreeing_areas(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    zone_item = view.scene.outlines["life-health-city"]
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, free_point_in(view, zone_item))
    assert view.card.isVisible()
    assert view.card.kind == "zone"
    assert view.card.title.text() == "沈阳国际生命健康城"
    assert view.card.figure.text() == "约6.2"
    assert view.card.unit.text() == kiosk.ctx.ui("km2")
    assert "33.2" in view.card.text.text()
    assert "6.2" in view.card.text.text()
    assert kiosk.ctx.ui("schematic") in view.card.note.text()
    assert not view.card.action.isVisibleTo(view.card)
    assert view.current_item() == "park"


def test_a_place_opens_its_card_with_note(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "metro")
    place = kiosk.ctx.exhibition.layers_by_id["metro"].places[0]
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, on_screen(view, view.scene.places[place.id].pos()))
    assert view.card.kind == "place"
    assert view.card.title.text() == kiosk.ctx.t(place.name)
    assert view.card.text.text() == kiosk.ctx.t(place.note)
    assert view.card.note.text() == kiosk.ctx.ui("approximate")


def test_entering_with_a_company_centres_it_beside_its_card(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "shengu")
    assert view.layer.id == "shenyang"
    assert view.current_item() == "shengu"
    marker = view.scene.markers["shengu"]
    assert marker.isVisible(), "the chosen company is never hidden in a cluster"
    assert view.canvas.zoom >= theme.MAP_FOCUS_ZOOM
    point = marker_point(view, "shengu")
    assert view.free_rect().contains(point)
    assert not view.card.geometry().contains(point)
    assert view.scene.marker_labels["shengu"].isVisible()


def test_dots_are_named_zoomed_in_without_overlap_and_unnamed_zoomed_out(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    scene, canvas = view.scene, view.canvas

    def named() -> list:  # noqa: ANN202
        return [key for key, label in scene.marker_labels.items() if label.isVisible()]

    assert named() == [], "at fit the dots are not named"
    canvas.set_view(theme.MAP_MARKER_LABEL_ZOOM * 1.5, canvas.center)
    shown = named()
    assert shown, "zoomed in, dots on screen are named"
    assert set(shown) <= {key for key, marker in scene.markers.items() if marker.isVisible()}
    to_view = canvas.viewportTransform()
    boxes = [scene.marker_labels[k].boundingRect().translated(to_view.map(scene.marker_labels[k].pos()))
             for k in shown]
    assert all(canvas.viewport().rect().contains(box.toRect()) for box in boxes)
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]), "names never overlap"
    canvas.set_view(1.0, canvas.home_center())
    assert named() == [], "zoomed out again, the names go"


def test_dots_named_after_a_toggle_are_named_in_the_new_script(qtbot, kiosk) -> None:  # noqa: ANN001
    """Names of dots off screen are made when needed, so they must be made in the script shown then."""
    view = open_map(kiosk, "park")
    scene, canvas = view.scene, view.canvas
    kiosk.window.set_variant("zh-Hant")
    canvas.set_view(theme.MAP_MARKER_LABEL_ZOOM * 1.5, canvas.center)
    shown = [key for key, label in scene.marker_labels.items() if label.isVisible()]
    assert shown
    for key in shown:
        company = scene.company(key)
        assert scene.marker_labels[key].text() == kiosk.ctx.t(company.display_name)
    assert scene.marker_labels["bmw-lydia-plant"].text() == "里達工廠", "and any other name asked for"


def test_tapping_a_cluster_zooms_until_it_comes_apart(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "shenyang")
    assert view.scene.clusters, "the city-centre companies overlap at fit"
    cluster = view.scene.clusters[0]
    members = set(cluster.members)
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, on_screen(view, cluster.pos()))
    assert view.canvas.zoom > 1
    still = {k for c in view.scene.clusters for k in c.members} & members
    assert len(still) < len(members)


# --- filters and layers ----------------------------------------------------------------------
def test_sector_chips_filter_the_markers(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    companies = kiosk.ctx.exhibition.companies_on("park")
    present = {c.sector for c in companies}
    assert {s for s, chip in view.panel.sector_chips.items() if chip.isVisibleTo(view)} == present
    qtbot.mouseClick(view.panel.sector_chips["automotive"], LEFT)
    assert view.panel.sector_chips["automotive"].isChecked()
    assert not view.panel.all_chip.isChecked()
    for company in companies:
        assert view.scene.markers[company.id].isVisible() == (company.sector == "automotive"), company.id
    qtbot.mouseClick(view.panel.sector_chips["biopharma"], LEFT)  # a second sector joins the first
    shown = {c.id for c in companies if view.scene.markers[c.id].isVisible()}
    assert shown == {c.id for c in companies if c.sector in {"automotive", "biopharma"}}
    qtbot.mouseClick(view.panel.all_chip, LEFT)
    assert all(view.scene.markers[c.id].isVisible() for c in companies)
    assert view.panel.all_chip.isChecked()


def test_tapping_a_drill_region_opens_the_next_layer_and_back_returns(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "shenyang")
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, free_point_in(view, view.scene.outlines["tiexi"]))
    assert view.layer.id == "park"
    assert view.trail.chips["park"].isChecked()
    kiosk.window.back()
    assert view.layer.id == "shenyang"


def test_layer_chips_switch_layers(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "metro")
    qtbot.mouseClick(view.trail.chips["park"], LEFT)
    assert view.layer.id == "park"
    assert view.canvas.zoom == 1


# --- gestures --------------------------------------------------------------------------------
def centre_of(view) -> QPoint:  # noqa: ANN001
    return view.canvas.frame().center().toPoint()


def test_a_mouse_drag_pans_and_does_not_tap(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    canvas = view.canvas
    canvas.set_view(4.0, canvas.center)
    taps: list[QPointF] = []
    canvas.tapped.connect(taps.append)
    before = QPointF(canvas.center)
    start = centre_of(view)
    QTest.mousePress(canvas.viewport(), LEFT, NO_MOD, start)
    for step in range(1, 9):
        QTest.mouseMove(canvas.viewport(), start + QPoint(step * 20, step * 10))
    QTest.mouseRelease(canvas.viewport(), LEFT, NO_MOD, start + QPoint(160, 80))
    moved = (before - canvas.center) * canvas.scale_now()
    assert moved.x() == pytest.approx(160, abs=2)
    assert moved.y() == pytest.approx(80, abs=2)
    assert taps == []


def test_a_one_finger_drag_pans(qtbot, kiosk, touch) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    canvas = view.canvas
    canvas.set_view(4.0, canvas.center)
    before = QPointF(canvas.center)
    start = centre_of(view)
    viewport = canvas.viewport()
    reachable_by_touch(viewport, start, start - QPoint(160, 0))
    fingers(viewport, touch, "press", start)
    for step in range(1, 9):
        fingers(viewport, touch, "move", start - QPoint(step * 20, 0))
    fingers(viewport, touch, "release", start - QPoint(160, 0))
    assert (canvas.center.x() - before.x()) * canvas.scale_now() == pytest.approx(160, abs=2)
    assert not view.card.isVisible()


def test_panning_cannot_lose_the_map(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    canvas = view.canvas
    home = QPointF(canvas.center)
    canvas.pan_by(QPointF(5000, 5000))
    assert canvas.center == home, "at fit the map stays put"
    canvas.set_view(3.0, canvas.center)
    canvas.pan_by(QPointF(100000, 100000))
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.intersects(canvas.map_rect)
    pad = theme.MAP_FIT_PADDING / canvas.scale_now()
    reach = canvas.map_rect.adjusted(-pad, -pad, pad, pad)
    assert reach.contains(canvas.to_scene(canvas.frame().center())), "an edge comes at most to the middle"


def test_a_pinch_zooms_in_and_stops_at_the_limit(qtbot, kiosk, touch) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    canvas = view.canvas
    viewport = canvas.viewport()
    c = centre_of(view)
    scale_before = canvas.transform().m11()
    reachable_by_touch(viewport, c - QPoint(300, 0), c + QPoint(300, 0))
    fingers(viewport, touch, "press", c - QPoint(50, 0), c + QPoint(50, 0))
    fingers(viewport, touch, "move", c - QPoint(100, 0), c + QPoint(100, 0))
    assert canvas.zoom == pytest.approx(2.0, rel=0.02)
    assert canvas.transform().m11() == pytest.approx(2 * scale_before, rel=0.02)
    fingers(viewport, touch, "release", c - QPoint(100, 0), c + QPoint(100, 0))
    fingers(viewport, touch, "press", c - QPoint(30, 0), c + QPoint(30, 0))  # and again, wider
    fingers(viewport, touch, "move", c - QPoint(150, 0), c + QPoint(150, 0))
    fingers(viewport, touch, "move", c - QPoint(300, 0), c + QPoint(300, 0))
    assert canvas.zoom == theme.MAP_MAX_ZOOM
    fingers(viewport, touch, "release", c - QPoint(300, 0), c + QPoint(300, 0))
    assert not view.card.isVisible(), "a pinch is never a tap"
    fingers(viewport, touch, "press", c - QPoint(300, 0), c + QPoint(300, 0))
    fingers(viewport, touch, "move", c - QPoint(1, 0), c + QPoint(1, 0))
    fingers(viewport, touch, "release", c - QPoint(1, 0), c + QPoint(1, 0))
    assert canvas.zoom == 1.0, "pinching in stops at fit"


def test_a_moving_map_is_drawn_plain_and_smooth_once_still(qtbot, kiosk, touch) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    canvas = view.canvas
    viewport = canvas.viewport()
    c = centre_of(view)
    canvas.set_view(2.0, canvas.center)  # a single jump (a button, a reset) is drawn smooth at once
    assert not canvas.is_draft()
    canvas.settle.setInterval(60_000)  # "still" comes only when the test says so, not when the machine is slow
    reachable_by_touch(viewport, c - QPoint(80, 0), c + QPoint(80, 0))
    fingers(viewport, touch, "press", c - QPoint(50, 0), c + QPoint(50, 0))
    fingers(viewport, touch, "move", c - QPoint(80, 0), c + QPoint(80, 0))
    assert canvas.is_draft(), "outlines are drawn without antialiasing while the fingers move"
    fingers(viewport, touch, "release", c - QPoint(80, 0), c + QPoint(80, 0))
    assert canvas.is_draft()
    canvas.settle.start(1)
    qtbot.waitUntil(lambda: not canvas.is_draft())


def test_names_are_drawn_ahead_while_the_map_is_still(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    ratio = view.canvas.devicePixelRatioF()
    labels = [label for label, _ in view.scene.labels]
    qtbot.waitUntil(lambda: all(label.is_prepared(ratio) for label in labels))
    kiosk.window.set_variant("zh-Hant")  # new words: drawn again, ahead of need
    assert not all(label.is_prepared(ratio) for label in labels)
    view.canvas._draw_draft()  # as if a finger were moving the map: the frames are the visitor's
    assert view._prepare_labels(time.perf_counter() + 1) is False
    assert not all(label.is_prepared(ratio) for label in labels)
    qtbot.waitUntil(lambda: all(label.is_prepared(ratio) for label in labels))


def test_a_pinch_keeps_the_point_between_the_fingers(qtbot, kiosk, touch) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    canvas = view.canvas
    viewport = canvas.viewport()
    c = centre_of(view) + QPoint(120, 60)
    under = canvas.to_scene(QPointF(c))
    reachable_by_touch(viewport, c - QPoint(120, 0), c + QPoint(120, 0))
    fingers(viewport, touch, "press", c - QPoint(40, 0), c + QPoint(40, 0))
    fingers(viewport, touch, "move", c - QPoint(120, 0), c + QPoint(120, 0))
    after = canvas.to_scene(QPointF(c))
    assert (after - under).manhattanLength() * canvas.scale_now() < 3


def test_double_tap_and_double_click_zoom_in(qtbot, kiosk, touch) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    canvas = view.canvas
    point = free_point_in(view, view.scene.outlines["park"])
    QTest.mouseDClick(canvas.viewport(), LEFT, NO_MOD, point)
    assert canvas.zoom == pytest.approx(theme.MAP_ZOOM_STEP)
    canvas.fit()
    point = free_point_in(view, view.scene.outlines["park"])
    tap_touch(canvas.viewport(), touch, point)
    tap_touch(canvas.viewport(), touch, point)
    assert canvas.zoom == pytest.approx(theme.MAP_ZOOM_STEP)


def test_zoom_buttons_step_and_reset(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "park")
    assert not view.zoom_out.isEnabled()
    qtbot.mouseClick(view.zoom_in, LEFT)
    assert view.canvas.zoom == pytest.approx(theme.MAP_ZOOM_STEP)
    assert view.zoom_out.isEnabled()
    qtbot.mouseClick(view.zoom_fit, LEFT)
    assert view.canvas.zoom == pytest.approx(1.0)
    assert view.zoom_in.accessibleName() == kiosk.ctx.ui("zoom_in")


def test_zoom_is_animated_when_animations_are_on(qtbot, kiosk, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(theme, "ANIMATION_MS", 60)
    view = open_map(kiosk, "park")
    qtbot.mouseClick(view.zoom_in, LEFT)
    assert view.canvas.is_animating()
    qtbot.waitUntil(lambda: not view.canvas.is_animating())
    assert view.canvas.zoom == pytest.approx(theme.MAP_ZOOM_STEP)


# --- scripts, reset, layout ------------------------------------------------------------------
def test_the_script_toggle_converts_region_labels_and_the_card(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "metro")
    assert view.scene.region_labels["shenyang"].text() == "沈阳市"
    kiosk.window.set_variant("zh-Hant")
    assert view.scene.region_labels["shenyang"].text() == "瀋陽市"
    assert view.panel.title.text() == kiosk.ctx.t(view.layer.title)
    view = open_map(kiosk, "shengu")
    assert view.scene.region_labels["tiexi"].text() == "鐵西區"
    assert "瀋" in view.card.title.text()
    assert view.card.action.text() == "查看企業介紹"
    kiosk.window.set_variant("zh-Hans")
    assert view.scene.region_labels["tiexi"].text() == "铁西区"
    assert view.card.title.text() == "沈鼓集团股份有限公司"


def test_a_layer_visited_again_is_the_same_scene_in_the_script_now_shown(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "metro")
    metro = view.scene
    open_map(kiosk, "shenyang")
    assert view.scene is not metro
    kiosk.window.set_variant("zh-Hant")  # toggled while metro is away
    open_map(kiosk, "metro")
    assert view.scene is metro, "kept, not rebuilt"
    assert view.canvas.scene() is metro
    assert metro.region_labels["shenyang"].text() == "瀋陽市"
    assert view.canvas.zoom == 1.0


def test_reset_restores_the_first_layer_fitted_with_everything_shown(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "sansheng-pharma")
    qtbot.mouseClick(view.panel.sector_chips["biopharma"], LEFT)
    view.canvas.set_view(5.0, view.canvas.center)
    view.reset()
    first = kiosk.ctx.exhibition.layers[0].id
    assert view.layer.id == first
    assert view.current_item() == first
    assert view.canvas.zoom == 1.0
    assert view.canvas.center == view.canvas.home_center()
    assert not view.card.isVisible()
    assert view.panel.all_chip.isChecked()
    assert view.scene.hidden_sectors == set()


def test_the_layer_showing_is_refitted_and_cleared_without_a_rebuild(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "sansheng-pharma")
    layer = view.layer.id
    markers = dict(view.scene.markers)
    qtbot.mouseClick(view.panel.sector_chips["biopharma"], LEFT)
    view.canvas.set_view(5.0, view.canvas.center)
    kiosk.window.navigate(Screen.MAP, layer)
    assert view.scene.markers == markers  # the same items: nothing was rebuilt
    assert view.canvas.zoom == 1.0
    assert not view.card.isVisible()
    assert view.scene.hidden_sectors == set()
    assert all(marker.isVisible() or any(k in c.members for c in view.scene.clusters)
               for k, marker in view.scene.markers.items())


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_overlays_stay_on_screen_and_apart_in_both_orientations(qtbot, kiosk, size) -> None:  # noqa: ANN001
    kiosk.window.resize(*size)
    qtbot.wait(10)
    view = open_map(kiosk, "bmw-brilliance")
    qtbot.wait(10)
    assert kiosk.window.width() == size[0], "the map must not force the window wider than the screen"

    def box(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(kiosk.window, QPoint(0, 0)), widget.size())

    screen = kiosk.window.rect()
    parts = {"card": view.card, "trail": view.trail, "controls": view.controls, "credit": view.credit,
             "panel": view.panel}
    for name, widget in parts.items():
        assert widget.isVisible(), name
        assert screen.contains(box(widget)), f"{name} leaves the screen at {size}"
    names = list(parts)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not box(parts[a]).intersects(box(parts[b])), f"{a} overlaps {b} at {size}"
    for chip in view.panel.sector_chips.values():
        if chip.isVisibleTo(view):
            assert chip.height() >= theme.TOUCH_MIN
    assert view.card.height() >= view.card.minimumSizeHint().height()


# --- robustness, on the small test exhibition -----------------------------------------------
def test_the_map_draws_the_outlines_read_with_the_content_and_opens_no_file(qtbot, exhibition_dir) -> None:  # noqa: ANN001
    from kiosk.content import load_content

    media = exhibition_dir.parent / "media"
    result = load_content(exhibition_dir, media)
    assert result.ok, result.problems
    assert [f.id for f in result.outlines["maps/park.geojson"]] == ["core"]
    # validated, then broken on disk (a disk going bad, an edit mid-copy): the map never reads it
    (media / "maps" / "park.geojson").write_text("{not json", encoding="utf-8")
    built = open_kiosk(qtbot, result, media)
    built.window.navigate(Screen.MAP, "park")
    view = built.window.view(Screen.MAP)
    assert set(view.scene.outlines) == {"core"}
    assert set(view.scene.markers) == {"acme"}


def test_companies_no_zoom_can_part_are_listed_on_a_card(qtbot, kiosk) -> None:  # noqa: ANN001
    view = open_map(kiosk, "shenyang")
    canvas = view.canvas
    canvas.set_view(theme.MAP_MAX_ZOOM, view.scene.clusters[0].pos())
    assert view.scene.clusters, "two city-centre companies still overlap at the largest zoom"
    cluster = view.scene.clusters[0]
    canvas.set_view(theme.MAP_MAX_ZOOM, cluster.pos())
    QTest.mouseClick(canvas.viewport(), LEFT, NO_MOD, on_screen(view, cluster.pos()))
    assert view.card.kind == "group"
    assert canvas.zoom == theme.MAP_MAX_ZOOM
    chips = [view.card.member_flow.itemAt(i).widget() for i in range(view.card.member_flow.count())]
    assert len(chips) == len(cluster.members)
    qtbot.mouseClick(chips[1], LEFT)
    chosen = cluster.members[1]
    assert view.current_item() == chosen
    assert view.scene.markers[chosen].isVisible()
    assert view.scene.markers[chosen].selected


def flick(canvas, start: QPoint) -> None:  # noqa: ANN001
    QTest.mousePress(canvas.viewport(), LEFT, NO_MOD, start)
    for step in range(1, 7):
        QTest.mouseMove(canvas.viewport(), start + QPoint(step * 40, 0))
    QTest.mouseRelease(canvas.viewport(), LEFT, NO_MOD, start + QPoint(240, 0))


def test_a_flick_glides_on_and_a_touch_stops_it(qtbot, kiosk, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(theme, "ANIMATION_MS", 60)
    view = open_map(kiosk, "park")
    canvas = view.canvas
    canvas.set_view(6.0, canvas.center)
    start = centre_of(view) - QPoint(120, 0)
    before = QPointF(canvas.center)
    flick(canvas, start)
    assert canvas.is_animating(), "released while moving fast: the map coasts"
    qtbot.waitUntil(lambda: not canvas.is_animating())
    assert (before.x() - canvas.center.x()) * canvas.scale_now() > 240 + theme.TAP_SLOP
    canvas.set_view(6.0, before)
    flick(canvas, start)
    QTest.mousePress(canvas.viewport(), LEFT, NO_MOD, start)  # a finger on the map stops it at once
    assert not canvas.is_animating()
    QTest.mouseRelease(canvas.viewport(), LEFT, NO_MOD, start)
