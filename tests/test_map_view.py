"""Map: layers and their outlines, markers and cards, filters, drill-down, gestures, scripts, reset.

Built on tests/map_factory.py's exhibition (three layers, a few outlines and companies placed for
these tests), never on the bundled content. Each test builds the MapView as the window would
(view_context -> MapView(ctx, navigate) -> show_view), changes it and looks; where the map asks the
window to go somewhere (a profile, another layer), a Navigations recorder stands in for the window
and the test checks what it was asked. Only Back and the way to a profile and back need the whole
window (open_kiosk), on the same content.

Gestures are driven both ways a kiosk meets them: QTest mouse events (a mouse, or a touch screen
that only sends mouse) and QTest touch events (press, move, release; two points for a pinch).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.content import load_content
from kiosk.content.load import LoadResult
from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.map.items import HALO_OFFSETS, RANK_ZONE, Line, glyph_runs
from kiosk.ui.map.view import MapView
from tests.conftest import Navigations, open_kiosk, show_view, view_context
from tests.map_factory import (
    CAMPUS,
    CAMPUS_OUTLINE,
    CARS,
    CITY,
    CORE_ZONE,
    CORNER,
    DRILL_CITY,
    DRILL_DISTRICT,
    FOCUS,
    FREIGHT,
    LIDA,
    MEDICINE,
    NEAR,
    OUTLINES,
    PHARMA,
    QUARTER_ZONE,
    REGION,
    TWINS,
    VARIANT_HANT,
    feature_ids,
    write_map_exhibition,
)

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier

Content = tuple[LoadResult, Path]  # validated content and its media folder


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    """The map exhibition, written and validated once for the module (the models are frozen)."""
    root = tmp_path_factory.mktemp("map-exhibition")
    result = load_content(write_map_exhibition(root), root / "media")
    assert result.ok, result.problems
    return result, root / "media"


@pytest.fixture
def touch():  # noqa: ANN201 - a QPointingDevice
    return QTest.createTouchDevice()


def map_view(qtbot, content: Content, item: str | None = None, *, size: tuple[int, int] = (1920, 1080),  # noqa: ANN001
             shown: bool = True) -> MapView:
    """The map screen on its own, as the window builds it: context, view, shown at a screen's
    size, then entered on `item` (a layer or a company). Its navigate is a Navigations recorder.
    `shown=False` enters it before it shows, as the window does on the map's first visit."""
    result, media = content
    view = MapView(view_context(result, media), Navigations())
    if shown:
        show_view(qtbot, view, size)
    if item is not None:
        view.enter(item)
    if not shown:
        show_view(qtbot, view, size)
    return view


def on_screen(view: MapView, scene_point: QPointF) -> QPoint:
    return view.canvas.mapFromScene(scene_point)


def marker_point(view: MapView, company_id: str) -> QPoint:
    return on_screen(view, view.scene.markers[company_id].pos())


def free_point_in(view: MapView, path_item) -> QPoint:  # noqa: ANN001
    """A viewport point inside an outline and beyond a finger's reach of every marker."""
    box = view.canvas.mapFromScene(path_item.boundingRect()).boundingRect()
    markers = [marker_point(view, k) for k, m in view.scene.markers.items() if m.isVisible()]
    markers += [on_screen(view, c.pos()) for c in view.scene.clusters]
    markers += [on_screen(view, p.pos()) for p in view.scene.places.values()]
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
    1920x1080 view, so a test brings the spot it touches onto it first."""
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


def centre_of(view: MapView) -> QPoint:
    return view.canvas.frame().center().toPoint()


def named(view: MapView) -> list[str]:
    """Companies whose dot carries its name now."""
    return [key for key, label in view.scene.marker_labels.items() if label.isVisible()]


# --- layers ----------------------------------------------------------------------------------
def test_each_layer_draws_its_features_zones_and_markers(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content)
    ctx = view.ctx
    ex = ctx.exhibition
    for layer in ex.layers:
        view.enter(layer.id)
        assert view.layer.id == layer.id
        assert len(view.scene.outlines) == len(feature_ids(layer.base))
        assert set(view.scene.outlines) == set(feature_ids(layer.base))
        zones = [item for item in view.scene.outlines.values() if item.zone is not None]
        assert len(zones) == len(layer.zones)
        assert set(view.scene.markers) == {c.id for c in ex.companies_on(layer.id)}
        assert set(view.scene.places) == {p.id for p in layer.places}
        assert view.panel.hint.isVisibleTo(view) == bool(layer.drill)
        assert view.credit.text() == ctx.t(layer.credit)
        assert view.trail.chips[layer.id].isChecked()
    assert view.navigate == [], "entering a layer is the window's doing, not a navigation"


def test_outlines_are_read_once_per_layer(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CITY)
    first = view.geometry_for(view.layer)
    view.enter(CAMPUS)
    view.enter(CITY)
    assert view.geometry_for(view.layer) is first
    index = [o.id for o in first.outlines].index(DRILL_DISTRICT)
    assert view.scene.outlines[DRILL_DISTRICT].path() == first.outlines[index].path


def test_zones_are_labelled_with_area_and_schematic_mark(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    ctx = view.ctx
    label = view.scene.region_labels[CORE_ZONE]
    zone = next(z for z in view.layer.zones if z.id == CORE_ZONE)
    area = f"{zone.area_qualifier or ''}3.2 {ctx.ui('km2')}"
    assert label.text() == f"核心板块\n{area} {ctx.ui('status_planned')} · {ctx.ui('schematic')}"
    assert label.isVisible()


@pytest.mark.parametrize(("size", "room_for_a_zone"), [((1920, 1080), True), ((1000, 700), True), ((700, 500), False)])
def test_no_name_is_printed_over_another_however_small_the_map(qtbot, content, size, room_for_a_zone) -> None:  # noqa: ANN001
    """Zones' names show even over dots, but never over each other: on a small map (German names
    zoomed out) one waits for the zoom instead."""
    view = map_view(qtbot, content, CAMPUS, size=size)
    to_view = view.canvas.viewportTransform()
    shown = [label for label, _ in view.scene.labels if label.isVisible()]
    boxes = [label.boundingRect().translated(to_view.map(label.pos())) for label in shown]
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            assert not a.intersects(boxes[j]), f"{shown[i].text()!r} over {shown[j].text()!r} at {size}"
    assert any(label.rank >= RANK_ZONE for label in shown) == room_for_a_zone, "zones named where there is room"


# --- markers and cards -----------------------------------------------------------------------
def test_tapping_a_marker_opens_its_card_and_asks_for_the_profile(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    ctx = view.ctx
    company = ctx.exhibition.companies_by_id[PHARMA]
    assert view.scene.markers[company.id].isVisible()
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, marker_point(view, company.id))
    assert view.card.isVisible()
    assert view.current_item() == company.id
    assert view.card.title.text() == ctx.t(company.name)
    sector = ctx.exhibition.sectors_by_id[company.sector]
    assert view.card.kicker.text() == ctx.t(sector.name)
    assert view.card.text.full_text == ctx.t(company.summary)
    assert view.card.text.isVisible()
    # the card is laid out in the frames after the tap; then a short summary shows whole
    qtbot.waitUntil(lambda: view.card.text.text() == ctx.t(company.summary), timeout=1000)
    assert view.card.note.text() == ctx.ui("approximate")
    assert view.card.action.text() == ctx.ui("open_profile")
    assert view.scene.markers[company.id].selected
    assert view.navigate == []
    qtbot.mouseClick(view.card.action, LEFT)
    assert view.navigate == [(Screen.PROFILE, company.id)]


def test_the_profile_opened_from_a_card_returns_to_the_same_card(qtbot, content) -> None:  # noqa: ANN001
    """The whole window: the card's button opens the profile, and Back returns to the map with the card open."""
    result, media = content
    kiosk = open_kiosk(qtbot, result, media)
    kiosk.window.navigate(Screen.MAP, CAMPUS)
    view = kiosk.window.view(Screen.MAP)
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, marker_point(view, PHARMA))
    qtbot.mouseClick(view.card.action, LEFT)
    assert kiosk.window.current == Screen.PROFILE
    assert kiosk.window.view(Screen.PROFILE).current_item() == PHARMA
    kiosk.window.back()
    assert kiosk.window.current == Screen.MAP
    assert view.current_item() == PHARMA
    assert view.card.isVisible()


def test_a_touch_tap_opens_a_card_once_and_a_tap_elsewhere_closes_it(qtbot, content, touch) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    taps: list[QPointF] = []
    view.canvas.tapped.connect(taps.append)
    tap_touch(view.canvas.viewport(), touch, marker_point(view, PHARMA))
    assert len(taps) == 1, "a touch is handled as touch, not again as synthesized mouse"
    assert view.current_item() == PHARMA
    qtbot.wait(QApplication.styleHints().mouseDoubleClickInterval() + 50)  # not a double tap
    tap_touch(view.canvas.viewport(), touch, QPoint(view.canvas.width() // 2, view.canvas.height() - 2))
    assert not view.card.isVisible()
    assert view.current_item() == CAMPUS
    assert not view.scene.markers[PHARMA].selected


def test_a_zone_card_shows_the_disagreeing_areas(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    ctx = view.ctx
    zone_item = view.scene.outlines[QUARTER_ZONE]
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, free_point_in(view, zone_item))
    assert view.card.isVisible()
    assert view.card.kind == "zone"
    assert view.card.title.text() == "生命健康城"
    assert view.card.figure.text() == "约6.2"
    assert view.card.unit.text() == ctx.ui("km2")
    assert "33.2" in view.card.text.full_text
    assert "6.2" in view.card.text.full_text
    assert ctx.ui("schematic") in view.card.note.text()
    assert not view.card.action.isVisibleTo(view.card)
    assert view.current_item() == CAMPUS


def test_a_place_opens_its_card_with_note(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, REGION)
    ctx = view.ctx
    place = ctx.exhibition.layers_by_id[REGION].places[0]
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, on_screen(view, view.scene.places[place.id].pos()))
    assert view.card.kind == "place"
    assert view.card.title.text() == ctx.t(place.name)
    assert view.card.text.full_text == ctx.t(place.note)
    assert view.card.note.text() == ctx.ui("approximate")


def test_a_marker_the_card_would_cover_is_moved_beside_it(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    before = marker_point(view, CORNER)
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, before)
    assert view.current_item() == CORNER
    assert view.card.geometry().contains(before), "the card opened over the marker tapped"
    point = marker_point(view, CORNER)
    assert view.free_rect().contains(point)
    assert not view.card.geometry().contains(point)


@pytest.mark.parametrize("shown", [True, False], ids=["entered-once-shown", "entered-before-shown"])
def test_entering_with_a_company_centres_it_beside_its_card(qtbot, content, shown) -> None:  # noqa: ANN001
    """Also when entered before the view has its size (the window's first visit to the map)."""
    view = map_view(qtbot, content, FOCUS, shown=shown)
    assert view.layer.id == CITY
    assert view.current_item() == FOCUS
    at_fit = view.scene.groups_at(view.canvas.fit_scale(), keep_selected_apart=False)
    assert any(FOCUS in group and len(group) > 1 for group in at_fit), "at fit it would be in a bubble"
    marker = view.scene.markers[FOCUS]
    assert marker.isVisible(), "the chosen company is never hidden in a cluster"
    assert view.canvas.zoom >= theme.MAP_FOCUS_ZOOM
    point = marker_point(view, FOCUS)
    assert view.free_rect().contains(point)
    assert not view.card.geometry().contains(point)
    assert view.scene.marker_labels[FOCUS].isVisible()


def test_dots_are_named_zoomed_in_without_overlap_and_unnamed_zoomed_out(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    scene, canvas = view.scene, view.canvas
    assert named(view) == [], "at fit the dots are not named"
    canvas.set_view(theme.MAP_MARKER_LABEL_ZOOM * 1.5, canvas.center)
    shown = named(view)
    assert shown, "zoomed in, dots on screen are named"
    visible = {key for key, marker in scene.markers.items() if marker.isVisible()}
    assert set(shown) <= visible
    on_view = {key for key in visible if canvas.viewport().rect().contains(marker_point(view, key))}
    assert set(shown) < on_view, "a name that finds no clear spot is left out"
    to_view = canvas.viewportTransform()
    boxes = [scene.marker_labels[k].boundingRect().translated(to_view.map(scene.marker_labels[k].pos()))
             for k in shown]
    assert all(canvas.viewport().rect().contains(box.toRect()) for box in boxes)
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]), "names never overlap"
    canvas.set_view(1.0, canvas.home_center())
    assert named(view) == [], "zoomed out again, the names go"


def test_dots_named_after_a_toggle_are_named_in_the_new_script(qtbot, content) -> None:  # noqa: ANN001
    """Names of dots off screen are made when needed, so they must be made in the script shown then."""
    view = map_view(qtbot, content, CAMPUS)
    scene, canvas = view.scene, view.canvas
    view.ctx.set_variant(VARIANT_HANT)
    canvas.set_view(theme.MAP_MARKER_LABEL_ZOOM * 1.5, canvas.center)
    shown = named(view)
    assert shown
    for key in shown:
        company = scene.company(key)
        assert scene.marker_labels[key].text() == view.ctx.t(company.display_name)
    assert LIDA not in shown
    assert scene.marker_labels[LIDA].text() == "里達工廠", "and any other name asked for"


def test_tapping_a_cluster_zooms_until_it_comes_apart(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CITY)
    clusters = {frozenset(c.members): c for c in view.scene.clusters}
    assert frozenset(NEAR) in clusters, "the companies a few metres apart overlap at fit"
    cluster = clusters[frozenset(NEAR)]
    members = set(cluster.members)
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, on_screen(view, cluster.pos()))
    assert view.canvas.zoom > 1
    still = {k for c in view.scene.clusters for k in c.members} & members
    assert len(still) < len(members)


def test_companies_no_zoom_can_part_are_listed_on_a_card(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CITY)
    canvas = view.canvas
    canvas.set_view(theme.MAP_MAX_ZOOM, view.scene.markers[TWINS[0]].pos())
    clusters = [c for c in view.scene.clusters if set(c.members) == set(TWINS)]
    assert clusters, "two companies at one point still overlap at the largest zoom"
    cluster = clusters[0]
    members = cluster.members
    canvas.set_view(theme.MAP_MAX_ZOOM, cluster.pos())
    QTest.mouseClick(canvas.viewport(), LEFT, NO_MOD, on_screen(view, cluster.pos()))
    assert view.card.kind == "group"
    assert canvas.zoom == theme.MAP_MAX_ZOOM
    chips = [view.card.member_flow.itemAt(i).widget() for i in range(view.card.member_flow.count())]
    assert len(chips) == len(members)
    qtbot.mouseClick(chips[1], LEFT)
    chosen = members[1]
    assert view.current_item() == chosen
    assert view.scene.markers[chosen].isVisible()
    assert view.scene.markers[chosen].selected


# --- filters and layers ----------------------------------------------------------------------
def test_sector_chips_filter_the_markers(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    companies = view.ctx.exhibition.companies_on(CAMPUS)
    present = {c.sector for c in companies}
    assert present == {CARS, MEDICINE, FREIGHT}
    assert {s for s, chip in view.panel.sector_chips.items() if chip.isVisibleTo(view)} == present
    qtbot.mouseClick(view.panel.sector_chips[CARS], LEFT)
    assert view.panel.sector_chips[CARS].isChecked()
    assert not view.panel.all_chip.isChecked()
    for company in companies:
        assert view.scene.markers[company.id].isVisible() == (company.sector == CARS), company.id
    qtbot.mouseClick(view.panel.sector_chips[MEDICINE], LEFT)  # a second sector joins the first
    shown = {c.id for c in companies if view.scene.markers[c.id].isVisible()}
    assert shown == {c.id for c in companies if c.sector in {CARS, MEDICINE}}
    qtbot.mouseClick(view.panel.all_chip, LEFT)
    assert all(view.scene.markers[c.id].isVisible() for c in companies)
    assert view.panel.all_chip.isChecked()


def test_tapping_a_drill_region_asks_for_the_next_layer(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CITY)
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, free_point_in(view, view.scene.outlines[DRILL_DISTRICT]))
    assert view.navigate == [(Screen.MAP, CAMPUS)]
    assert view.layer.id == CITY, "the window changes the layer, so that Back can climb again"


def test_layer_chips_ask_for_their_layer(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, REGION)
    qtbot.mouseClick(view.trail.chips[REGION], LEFT)
    assert view.navigate == [], "the layer showing, with no card open, is already there"
    qtbot.mouseClick(view.trail.chips[CAMPUS], LEFT)
    assert view.navigate == [(Screen.MAP, CAMPUS)]


def test_drilling_down_and_layer_chips_are_steps_back_climbs(qtbot, content) -> None:  # noqa: ANN001
    """The whole window: a drill tap and a layer chip change the layer, fitted, and Back returns."""
    result, media = content
    kiosk = open_kiosk(qtbot, result, media)
    kiosk.window.navigate(Screen.MAP, CITY)
    view = kiosk.window.view(Screen.MAP)
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, free_point_in(view, view.scene.outlines[DRILL_DISTRICT]))
    assert view.layer.id == CAMPUS
    assert view.trail.chips[CAMPUS].isChecked()
    kiosk.window.back()
    assert view.layer.id == CITY
    kiosk.window.navigate(Screen.MAP, REGION)
    QTest.mouseClick(view.canvas.viewport(), LEFT, NO_MOD, free_point_in(view, view.scene.outlines[DRILL_CITY]))
    assert view.layer.id == CITY
    qtbot.mouseClick(view.trail.chips[CAMPUS], LEFT)
    assert view.layer.id == CAMPUS
    assert view.canvas.zoom == 1
    kiosk.window.back()
    assert view.layer.id == CITY
    kiosk.window.back()
    assert view.layer.id == REGION


# --- gestures --------------------------------------------------------------------------------
def test_a_mouse_drag_pans_and_does_not_tap(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
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


def test_a_one_finger_drag_pans(qtbot, content, touch) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
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


def test_panning_cannot_lose_the_map(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
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


def test_a_pinch_zooms_in_and_stops_at_the_limit(qtbot, content, touch) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
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


def test_a_moving_map_is_drawn_plain_and_smooth_once_still(qtbot, content, touch) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
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


def test_names_are_drawn_ahead_while_the_map_is_still(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    ratio = view.canvas.devicePixelRatioF()
    labels = [label for label, _ in view.scene.labels]
    qtbot.waitUntil(lambda: all(label.is_prepared(ratio) for label in labels))
    view.ctx.set_variant(VARIANT_HANT)  # new words: drawn again, ahead of need
    assert not all(label.is_prepared(ratio) for label in labels)
    view.canvas._draw_draft()  # as if a finger were moving the map: the frames are the visitor's
    assert view._prepare_labels(time.perf_counter() + 1) is False
    assert not all(label.is_prepared(ratio) for label in labels)
    qtbot.waitUntil(lambda: all(label.is_prepared(ratio) for label in labels))


def test_a_pinch_keeps_the_point_between_the_fingers(qtbot, content, touch) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    canvas = view.canvas
    viewport = canvas.viewport()
    c = centre_of(view) + QPoint(120, 60)
    under = canvas.to_scene(QPointF(c))
    reachable_by_touch(viewport, c - QPoint(120, 0), c + QPoint(120, 0))
    fingers(viewport, touch, "press", c - QPoint(40, 0), c + QPoint(40, 0))
    fingers(viewport, touch, "move", c - QPoint(120, 0), c + QPoint(120, 0))
    after = canvas.to_scene(QPointF(c))
    assert canvas.zoom > 1
    assert (after - under).manhattanLength() * canvas.scale_now() < 3


def test_double_tap_and_double_click_zoom_in(qtbot, content, touch) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    canvas = view.canvas
    point = free_point_in(view, view.scene.outlines[CAMPUS_OUTLINE])
    QTest.mouseDClick(canvas.viewport(), LEFT, NO_MOD, point)
    assert canvas.zoom == pytest.approx(theme.MAP_ZOOM_STEP)
    canvas.fit()
    point = free_point_in(view, view.scene.outlines[CAMPUS_OUTLINE])
    tap_touch(canvas.viewport(), touch, point)
    tap_touch(canvas.viewport(), touch, point)
    assert canvas.zoom == pytest.approx(theme.MAP_ZOOM_STEP)


def test_zoom_buttons_step_and_reset(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    assert not view.zoom_out.isEnabled()
    qtbot.mouseClick(view.zoom_in, LEFT)
    assert view.canvas.zoom == pytest.approx(theme.MAP_ZOOM_STEP)
    assert view.zoom_out.isEnabled()
    qtbot.mouseClick(view.zoom_fit, LEFT)
    assert view.canvas.zoom == pytest.approx(1.0)
    assert view.zoom_in.accessibleName() == view.ctx.ui("zoom_in")


def test_zoom_is_animated_when_animations_are_on(qtbot, content, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(theme, "ANIMATION_MS", 60)
    view = map_view(qtbot, content, CAMPUS)
    qtbot.mouseClick(view.zoom_in, LEFT)
    assert view.canvas.is_animating()
    qtbot.waitUntil(lambda: not view.canvas.is_animating())
    assert view.canvas.zoom == pytest.approx(theme.MAP_ZOOM_STEP)


def flick(canvas, start: QPoint) -> None:  # noqa: ANN001
    QTest.mousePress(canvas.viewport(), LEFT, NO_MOD, start)
    for step in range(1, 7):
        QTest.mouseMove(canvas.viewport(), start + QPoint(step * 40, 0))
    QTest.mouseRelease(canvas.viewport(), LEFT, NO_MOD, start + QPoint(240, 0))


def test_a_flick_glides_on_and_a_touch_stops_it(qtbot, content, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(theme, "ANIMATION_MS", 60)
    view = map_view(qtbot, content, CAMPUS)
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


# --- scripts, reset, layout ------------------------------------------------------------------
def test_the_script_toggle_converts_region_labels_and_the_card(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, REGION)
    ctx = view.ctx
    assert view.scene.region_labels[DRILL_CITY].text() == "钢城市"
    ctx.set_variant(VARIANT_HANT)
    assert view.scene.region_labels[DRILL_CITY].text() == "鋼城市"
    assert view.panel.title.text() == ctx.t(view.layer.title) == "鋼城都市圈"
    view.enter(FOCUS)
    assert view.scene.region_labels[DRILL_DISTRICT].text() == "鐵東區"
    assert "瀋陽" in view.card.title.text()
    assert view.card.action.text() == "查看企業介紹"
    ctx.set_variant("zh-Hans")
    assert view.scene.region_labels[DRILL_DISTRICT].text() == "铁东区"
    assert view.card.title.text() == "沈阳钢城重型机床有限公司"


def test_a_layer_visited_again_is_the_same_scene_in_the_script_now_shown(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, REGION)
    region = view.scene
    view.enter(CITY)
    assert view.scene is not region
    view.ctx.set_variant(VARIANT_HANT)  # toggled while the region is away
    view.enter(REGION)
    assert view.scene is region, "kept, not rebuilt"
    assert view.canvas.scene() is region
    assert region.region_labels[DRILL_CITY].text() == "鋼城市"
    assert view.canvas.zoom == 1.0


def test_reset_restores_the_first_layer_fitted_with_everything_shown(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, PHARMA)
    assert view.layer.id == CAMPUS != view.ctx.exhibition.layers[0].id
    qtbot.mouseClick(view.panel.sector_chips[MEDICINE], LEFT)
    view.canvas.set_view(5.0, view.canvas.center)
    view.reset()
    first = view.ctx.exhibition.layers[0].id
    assert view.layer.id == first
    assert view.current_item() == first
    assert view.canvas.zoom == 1.0
    assert view.canvas.center == view.canvas.home_center()
    assert not view.card.isVisible()
    assert view.panel.all_chip.isChecked()
    assert view.scene.hidden_sectors == set()


def test_the_layer_showing_is_refitted_and_cleared_without_a_rebuild(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, PHARMA)
    layer = view.layer.id
    markers = dict(view.scene.markers)
    qtbot.mouseClick(view.panel.sector_chips[MEDICINE], LEFT)
    assert view.scene.hidden_sectors
    view.canvas.set_view(5.0, view.canvas.center)
    view.enter(layer)  # what the window's navigate(Screen.MAP, layer) does
    assert view.scene.markers == markers  # the same items: nothing was rebuilt
    assert view.canvas.zoom == 1.0
    assert not view.card.isVisible()
    assert view.scene.hidden_sectors == set()
    assert all(marker.isVisible() or any(k in c.members for c in view.scene.clusters)
               for k, marker in view.scene.markers.items())


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_overlays_stay_on_screen_and_apart_in_both_orientations(qtbot, content, size) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, PHARMA, size=size)
    QApplication.processEvents()
    assert view.width() == size[0], "the map must not force the screen wider than it is"

    def box(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(view, QPoint(0, 0)), widget.size())

    screen = view.rect()
    panel, stage = box(view.panel), box(view.stage)
    if size[1] > size[0]:  # portrait: the panel is a band across the top, the card runs along the bottom
        assert panel.width() == screen.width()
        assert panel.bottom() < stage.top()
        assert box(view.card).bottom() > stage.center().y()
    else:  # landscape: the panel is a column beside the map, the card floats top right
        assert panel.height() == screen.height()
        assert panel.right() < stage.left()
        assert box(view.card).left() > stage.center().x()
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


@pytest.mark.parametrize("size", [(1600, 700), (1080, 1100)])  # too short for the card beside the buttons
def test_at_the_larger_type_a_card_shows_whole_and_the_overlays_still_keep_apart(qtbot, content, size) -> None:  # noqa: ANN001
    theme.set_text_scale(theme.LARGE_TEXT_SCALE)  # as the Aa button does before the map is made
    view = map_view(qtbot, content, PHARMA, size=size)
    QApplication.processEvents()

    def box(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(view, QPoint(0, 0)), widget.size())

    card = view.card
    assert card.height() >= card.heightForWidth(card.width()), "a card taller than half the map still shows whole"
    assert box(card).top() > box(view.trail).bottom(), "and never covers the trail"
    shown = [w for w in (card, view.trail, view.controls, view.credit) if w.isVisible()]
    for i, a in enumerate(shown):
        assert view.rect().contains(box(a))
        for b in shown[i + 1 :]:
            assert not box(a).intersects(box(b)), f"{a.objectName()} overlaps {b.objectName()} at {size}"
    card.close_button.click()
    QApplication.processEvents()
    assert view.controls.isVisible(), "with the card gone, the zoom buttons return"
    assert view.credit.isVisible(), "and so does the credit"


def test_a_trail_that_wraps_starts_its_next_line_with_a_chevron_never_ends_one_with_it(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, CAMPUS)
    trail = view.trail
    chips = list(trail.chips.values())
    for width in range(trail.flow.sizeHint().width() - 1, chips[-1].width() * 2, -theme.SPACE_L):  # ever narrower
        trail.flow.setGeometry(QRect(0, 0, width, trail.flow.heightForWidth(width)))
        rows = [chip.mapTo(trail, QPoint(0, 0)).y() for chip in chips]
        assert len(set(rows)) > 1, "the trail wraps"
        for chip in chips[1:]:
            chevron = chip.parentWidget().findChild(QLabel)
            assert chevron is not None, "each chip after the first has its chevron"
            assert chevron.mapTo(trail, QPoint(0, 0)).y() == chip.mapTo(trail, QPoint(0, 0)).y(), "on the chip's line"
            assert chevron.x() < chip.x(), "before the chip"


def test_a_long_name_wraps_into_lines_no_wider_than_a_map_label_may_be(qtbot, content) -> None:  # noqa: ANN001
    """A German zone's name on one line ran across its neighbours' names."""
    from PySide6.QtGui import QFontMetricsF

    from kiosk.ui.map.items import RANK_ZONE, LabelItem, Line

    ctx = view_context(*content)
    name = "Internationale Stadt für Life Sciences und Gesundheit Shenyang"
    font = ctx.font("caption", bold=True)
    label = LabelItem(ctx, RANK_ZONE)
    label.set_content([Line(name, font), Line("etwa 3,2 km²", ctx.font("caption"))], "Geplant")
    assert len(label.lines) > 2
    assert all(QFontMetricsF(font).horizontalAdvance(line.text) <= theme.MAP_LABEL_MAX_WIDTH for line in label.lines)
    assert " ".join(line.text for line in label.lines[:-1]) == name, "every word kept, in order"
    assert label.lines[-1].text == "etwa 3,2 km²"
    short = LabelItem(ctx, RANK_ZONE)
    short.set_content([Line("中德园", font)])
    assert [line.text for line in short.lines] == ["中德园"]


def test_the_trail_is_placed_again_when_its_chips_take_new_words(qtbot, content) -> None:  # noqa: ANN001
    """New words (a switch of language) reach a chip's step on a later layout pass than the
    one that placed the trail: it was left at its old height over the map."""
    view = map_view(qtbot, content, CAMPUS, size=(1280, 1080))
    trail = view.trail
    room = view.stage.width() - 2 * theme.SPACE_M
    before = trail.size()
    list(trail.chips.values())[-1].setText("Chinesisch-Deutscher Industriepark für Hochleistungsausrüstungsfertigung (Shenyang)")
    # placed again, at the size its new words need (without the signal it kept its old size)
    qtbot.waitUntil(lambda: trail.size() != before and trail.size() == trail.size_for(room))


def test_names_are_placed_anew_only_when_something_moved_or_their_words_changed(qtbot, content, monkeypatch) -> None:  # noqa: ANN001
    """Placing the names takes milliseconds on a large layer; a switch of language placed them
    three or four times over (every placing of the overlays refitted the map)."""
    view = map_view(qtbot, content, CAMPUS)
    QApplication.processEvents()
    placed = []
    real = view.scene.relayout
    monkeypatch.setattr(view.scene, "relayout", lambda *args: (placed.append(1), real(*args)))
    view.place_overlays()
    assert placed == [], "nothing moved: the names stay where they are"
    view.place_overlays(names_changed=True)
    assert len(placed) == 1, "new words: placed anew, once"
    placed.clear()
    view.ctx.set_variant(VARIANT_HANT)
    QApplication.processEvents()
    assert len(placed) == 1, f"a switch of language places the names once, not {len(placed)} times"
    view.enter(PHARMA)  # a card opens over the map
    QApplication.processEvents()
    assert len(placed) >= 1, "clear of the card"


# --- robustness ------------------------------------------------------------------------------
def test_the_map_draws_the_outlines_read_with_the_content_and_opens_no_file(qtbot, tmp_path) -> None:  # noqa: ANN001
    media = tmp_path / "media"
    result = load_content(write_map_exhibition(tmp_path), media)
    assert result.ok, result.problems
    for base in OUTLINES:
        assert [f.id for f in result.outlines[base]] == feature_ids(base)
    # validated, then broken on disk (a disk going bad, an edit mid-copy): the map never reads them
    for base in OUTLINES:
        (media / base).write_text("{not json", encoding="utf-8")
    view = map_view(qtbot, (result, media))
    for layer in result.exhibition.layers:
        view.enter(layer.id)
        assert set(view.scene.outlines) == set(feature_ids(layer.base))
        assert set(view.scene.markers) == {c.id for c in result.exhibition.companies_on(layer.id)}


def test_a_switch_of_language_fits_the_map_once_to_the_overlays_new_sizes(qtbot, kiosk) -> None:  # noqa: ANN001
    """In English the layer trail takes a second row and the credit a second line. The map is
    fitted once, to their new sizes: before, it was fitted first to a trail measured before its
    chips had their new words (a row too tall), then again."""
    window = kiosk.window
    window.navigate(Screen.MAP)
    view = window.view(Screen.MAP)
    for _ in range(3):
        QApplication.processEvents()
    fitted = []
    set_insets = view.canvas.set_insets

    def counted(insets) -> None:  # noqa: ANN001
        if insets != view.canvas.insets:
            fitted.append(insets.top())
        set_insets(insets)

    view.canvas.set_insets = counted
    qtbot.mouseClick(window.top_bar.variant_buttons["en"], LEFT)
    for _ in range(3):
        QApplication.processEvents()
    assert fitted == [view.trail.geometry().bottom() + 1], "fitted once, below the trail as it now is"


def names_placed_by_a_switch(qtbot, kiosk, item: str, variant: str) -> list[str]:  # noqa: ANN001
    """Open the map on `item` in the kiosk, switch to `variant` with a tap, and return the
    variant the names were in each time they were placed meanwhile."""
    window = kiosk.window
    window.navigate(Screen.MAP, item)
    view = window.view(Screen.MAP)
    for _ in range(3):
        QApplication.processEvents()
    placed = []
    place_labels = view.scene._place_labels

    def counted(*args) -> None:  # noqa: ANN002
        placed.append(view.scene.variant)
        place_labels(*args)

    view.scene._place_labels = counted
    qtbot.mouseClick(window.top_bar.variant_buttons[variant], LEFT)
    for _ in range(3):
        QApplication.processEvents()
    return placed


def test_a_switch_of_language_places_the_names_once(qtbot, kiosk) -> None:  # noqa: ANN001
    """The city map moves when its trail takes a second row in English; its names are placed
    then, in their new words, and not a second time for those words."""
    assert names_placed_by_a_switch(qtbot, kiosk, "shenyang", "en") == ["en"]


@pytest.mark.parametrize(("families", "text"), [
    (["Noto Sans", "Noto Sans CJK SC"], "Tiexi District 铁西区 Hochleistungs"),
    (["Noto Sans CJK HK"], "國務院批覆 骨直"),
])
def test_a_name_drawn_from_its_shaped_glyphs_looks_as_drawn_text(qtbot, families, text) -> None:  # noqa: ANN001
    """A map name's halo is its glyphs drawn two dozen times, shaped once: pixel for pixel what
    drawing the text each time gives, a Chinese name in a Latin face (its fallback) included."""
    font = QFont(families)
    font.setPixelSize(22)
    font.setBold(True)

    def drawn(shaped: bool) -> QImage:
        image = QImage(700, 60, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        baseline = QPointF(10, 40)
        runs, top = glyph_runs(Line(text, font))
        for offset in HALO_OFFSETS:
            if shaped:
                for run in runs:
                    painter.drawGlyphRun(baseline - top + offset, run)
            else:
                painter.setFont(font)
                painter.drawText(baseline + offset, text)
        painter.end()
        return image

    plain = drawn(shaped=False)
    assert drawn(shaped=True) == plain
    assert any(plain.pixel(x, y) for x in range(700) for y in range(60)), "the name is drawn"


def test_with_a_card_open_a_switch_places_the_names_at_most_once_per_move(qtbot, kiosk) -> None:  # noqa: ANN001
    """A company's card open on the park: a switch gives the card, the trail and the names new
    words. The trail's new height moves the map once and the card's new size re-centres the
    company once; the names are placed for each, in English, and no more (they were placed four
    or five times: once for every time the card and the trail asked to be placed again)."""
    company = next(c.id for c in kiosk.ctx.exhibition.companies if c.location)
    placed = names_placed_by_a_switch(qtbot, kiosk, company, "en")
    assert kiosk.window.view(Screen.MAP).card.key == company
    assert 1 <= len(placed) <= 2
    assert set(placed) == {"en"}


def test_placing_the_overlays_again_leaves_a_map_that_did_not_move_alone(qtbot, content) -> None:  # noqa: ANN001
    view = map_view(qtbot, content, FOCUS)
    moves = []
    view.canvas.view_did_change.connect(lambda: moves.append(view.canvas.zoom))
    view.place_overlays()
    view.place_overlays()
    assert moves == [], "the company's card placed again keeps the map (and its names) as they are"
    view.canvas.set_view(view.canvas.zoom * 1.5, view.canvas.center)
    assert len(moves) == 1
