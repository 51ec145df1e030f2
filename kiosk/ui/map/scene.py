"""The map's scene: one layer's outlines, zones, labels and markers, and what a tap hits.

After every change of view the scene re-decides which markers merge into a cluster bubble and
which labels fit without colliding (most important first), which keeps the map legible from the
whole metropolitan circle down to one street. It runs on every frame of a pinch, so it is kept
to plain arithmetic over grids (markers by cell, labels by cell), groupings are remembered per
zoom step, and bubbles that did not change are kept: hundreds of markers stay within a frame.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from kiosk.content.model import Company, MapLayer, Place, Zone
from kiosk.ui import theme
from kiosk.ui.context import ViewContext
from kiosk.ui.map.geometry import LayerGeometry
from kiosk.ui.map.items import (
    LABEL_NUDGES,
    RANK_HIGHLIGHT,
    RANK_MARKER,
    RANK_PLACE,
    RANK_REGION,
    RANK_ZONE,
    Z_LABEL,
    Z_SELECTED,
    ClusterItem,
    LabelItem,
    Line,
    MarkerItem,
    OutlineItem,
)

SIDESTEPS = 4  # a region's name moves sideways in quarters of its width


class RectGrid:
    """Screen rectangles filed by the grid cells they touch, so asking whether a new one overlaps
    any looks at its neighbours only, not at every dot and name on the map."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, rect: QRectF) -> list[tuple[int, int]]:
        cell = self.cell
        columns = range(math.floor(rect.left() / cell), math.floor(rect.right() / cell) + 1)
        rows = range(math.floor(rect.top() / cell), math.floor(rect.bottom() / cell) + 1)
        return [(x, y) for x in columns for y in rows]

    def add(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self.cells.setdefault(key, []).append(rect)

    def hits(self, rect: QRectF) -> bool:
        return any(rect.intersects(other) for key in self._keys(rect) for other in self.cells.get(key, ()))


@dataclass(frozen=True)
class Hit:
    """What a tap landed on: kind is cluster, company, place, zone or drill."""

    kind: str
    key: str
    members: tuple[str, ...] = ()


def status_badge(ctx: ViewContext, subject: Zone | Place) -> str:
    """What a zone's or place's name carries on the map: 规划 or 在建 where it is not reported
    built, and 示意 where its outline or position is schematic."""
    marks = [ctx.ui(f"status_{subject.status}")] if subject.status != "built" else []
    if subject.approximate and isinstance(subject, Zone):
        marks.append(ctx.ui("schematic"))
    return " · ".join(marks)


class MapScene(QGraphicsScene):
    def __init__(self, ctx: ViewContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.layer: MapLayer | None = None
        self.outlines: dict[str, OutlineItem] = {}
        self.labels: list[tuple[LabelItem, QGraphicsItem | None]] = []  # label and what it names
        self.region_labels: dict[str, LabelItem] = {}
        self.markers: dict[str, MarkerItem] = {}
        self.places: dict[str, MarkerItem] = {}
        self.marker_labels: dict[str, LabelItem] = {}
        self.clusters: list[ClusterItem] = []
        self.hidden_sectors: set[str] = set()
        self.selected: str | None = None
        self.variant: str | None = None  # the script its names are drawn in
        self._companies: dict[str, Company] = {}
        self._place_data: dict[str, Place] = {}
        self._grouping: tuple[tuple[str, ...], ...] = ()
        # Plain numbers for the work done on every frame of a zoom (Qt calls cost more than maths):
        self._xy: dict[str, tuple[float, float]] = {}  # each company's dot, scene units
        self._shown: list[str] = []  # companies whose sector is not filtered out, in content order
        self._dots: set[str] = set()  # companies drawn as their own dot (shown and not clustered)
        self._ranked: list[tuple[LabelItem, QGraphicsItem | None]] | None = None  # see _ranked_labels
        self._named: set[LabelItem] = set()  # dots' names tried last time (the others are hidden)
        # zoom step -> (groups, company -> its group's index): see groups_at
        self._groups_cache: dict[int, tuple[list[tuple[str, ...]], dict[str, int]]] = {}
        self.setBackgroundBrush(ctx.palette.color("paper"))
        # Dots, bubbles and names show, hide and move on every frame of a zoom: keeping a BSP index
        # of them up to date costs more than walking a few hundred items when painting.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)

    # --- building ----------------------------------------------------------------------------
    def show_layer(self, layer: MapLayer, geometry: LayerGeometry) -> None:
        self.clear()
        self.layer = layer
        self.outlines, self.labels, self.region_labels = {}, [], {}
        self.markers, self.places, self.marker_labels, self.clusters = {}, {}, {}, []
        self._grouping = ()
        self._xy, self._dots, self._groups_cache = {}, set(), {}
        self._ranked = None
        self._named = set()
        self.selected = None
        zones = {zone.feature: zone for zone in layer.zones}
        # A lone region (the park's extent under its zones) is outlined, not tinted: a tint with
        # nothing beside it to stand out from would only muddy the zone colours over it.
        regions = sum(1 for outline in geometry.outlines if outline.id not in zones)
        for outline in geometry.outlines:
            zone = zones.get(outline.id)
            item = OutlineItem(outline, self.ctx, highlight=outline.id in layer.highlight, zone=zone,
                               fill_highlight=regions > 1)
            self.addItem(item)
            self.outlines[outline.id] = item
            if regions == 1 and zone is None:
                continue  # a lone region is the layer itself, already named in the panel
            rank = RANK_ZONE if zone else RANK_HIGHLIGHT if outline.id in layer.highlight else RANK_REGION
            label = LabelItem(self.ctx, rank, color="ink" if rank > RANK_REGION else "muted")
            label.anchor = outline.anchor
            label.setPos(outline.anchor)
            self.addItem(label)
            self.labels.append((label, item))
            self.region_labels[outline.id] = label
        project = geometry.projection.point
        self._companies = {c.id: c for c in self.ctx.exhibition.companies_on(layer.id)}
        sectors = self.ctx.exhibition.sectors_by_id
        for company in self._companies.values():
            assert company.location is not None
            marker = MarkerItem(self.ctx, company.id, color=theme.sector_color(sectors[company.sector].color))
            marker.setPos(project(company.location.lon, company.location.lat))
            marker.hide()  # until clustering decides it stands alone
            self.addItem(marker)
            self.markers[company.id] = marker
            self._xy[company.id] = (marker.pos().x(), marker.pos().y())
            label = LabelItem(self.ctx, RANK_MARKER, beside=True)
            label.anchor = marker.pos()
            label.setPos(marker.pos())
            label.set_shown(False)  # until placed: a dot's name is only looked at near the screen
            self.addItem(label)
            self.marker_labels[company.id] = label
            self.labels.append((label, marker))
        self.set_hidden_sectors(set())
        self._place_data = {p.id: p for p in layer.places}
        for place in layer.places:
            marker = MarkerItem(self.ctx, place.id, color=self.ctx.palette.color("ink"), place=True)
            marker.setPos(project(place.lon, place.lat))
            self.addItem(marker)
            self.places[place.id] = marker
            label = LabelItem(self.ctx, RANK_PLACE, beside=True)
            label.anchor = marker.pos()
            label.setPos(marker.pos())
            self.addItem(label)
            self.labels.append((label, marker))
            self.region_labels[place.id] = label
        self.refresh_text()

    def refresh_text(self) -> None:
        """Re-render every label in the current script variant (and its font)."""
        if self.layer is None:
            return
        ctx = self.ctx
        self.variant = ctx.variant
        zones = {zone.feature: zone for zone in self.layer.zones}
        for feature_id, label in self.region_labels.items():
            if feature_id in self._place_data:
                place = self._place_data[feature_id]
                label.set_content([Line(ctx.t(place.name), ctx.font("caption", bold=True))], status_badge(ctx, place))
                continue
            zone = zones.get(feature_id)
            if zone is not None:
                lines = [Line(ctx.t(zone.name), ctx.font("caption", bold=True))]
                area = str(ctx.area(zone.area_km2, zone.area_qualifier)) if zone.area_km2 else ""
                lines.append(Line(area, ctx.font("caption")))
                label.set_content(lines, status_badge(ctx, zone))
            else:
                name = ctx.engine.convert(self.outlines[feature_id].outline.name, ctx.variant)
                label.set_content([Line(name, ctx.font("caption", bold=feature_id in self.layer.highlight))])
        # A dot's name is only made when it is about to show (a large layer has thousands, most
        # off screen or hidden in bubbles): a toggle costs what is on screen, not the whole layer.
        for company_id, label in self.marker_labels.items():
            company = self._companies[company_id]
            label.set_content_later(lambda c=company: ([Line(ctx.t(c.display_name), ctx.font("caption"))], ""))

    def prepare_labels(self, ratio: float, deadline: float) -> bool:
        """Draw names not drawn yet (at this pixel ratio) until `deadline` (perf_counter);
        True once every name is ready."""
        for label, _subject in self.labels:
            if not label.is_prepared(ratio):
                if time.perf_counter() > deadline:
                    return False
                label.fresh().prepare(ratio)
        return True

    # --- state -------------------------------------------------------------------------------
    def company(self, company_id: str) -> Company:
        return self._companies[company_id]

    def place(self, place_id: str) -> Place:
        return self._place_data[place_id]

    def sectors_present(self) -> list[str]:
        present = {c.sector for c in self._companies.values()}
        return [s.id for s in self.ctx.exhibition.sectors if s.id in present]

    def set_hidden_sectors(self, hidden: set[str]) -> None:
        if hidden == self.hidden_sectors and self._groups_cache:
            return  # the same filter (every visit to a layer clears it): the groupings still hold
        self.hidden_sectors = set(hidden)
        self._shown = [k for k, c in self._companies.items() if c.sector not in self.hidden_sectors]
        self._groups_cache = {}
        self._grouping = ()  # force the clusters to be rebuilt

    def select(self, key: str | None) -> None:
        """Ring the marker of the company or place whose card is open (None: no ring)."""
        for old_or_new in {self.selected, key} - {None}:
            marker = self.markers.get(old_or_new or "") or self.places.get(old_or_new or "")
            if marker is not None:
                marker.set_selected(old_or_new == key)
        if key != self.selected:
            self._grouping = ()
        self.selected = key

    def shown_companies(self) -> list[str]:
        return list(self._shown)

    # --- after every change of view ----------------------------------------------------------
    def relayout(self, view: QGraphicsView, zoom: float, covered: list[QRectF] | None = None) -> None:
        """Re-cluster and re-place labels for the view as it is now; `covered` are viewport
        rectangles under floating controls, where a label would be hidden."""
        scale = view.transform().m11()
        self._cluster(scale)
        self._place_labels(view, zoom, covered or [])

    def groups_at(self, scale: float, *, keep_selected_apart: bool = True) -> list[tuple[str, ...]]:
        """Companies that overlap on screen at this scale, greedily grouped. The selected company
        (its card is open) stays out of any group, so its dot and ring are always visible.

        Scales are taken in steps of MAP_CLUSTER_SCALE_STEP and each step's grouping is kept
        (until the filter changes): a pinch goes back and forth over the same steps, and bubbles
        that split a few percent of zoom later than they might are not a difference anyone sees."""
        step = round(math.log(scale) / math.log(theme.MAP_CLUSTER_SCALE_STEP))
        cached = self._groups_cache.get(step)
        if cached is None:
            groups = self._group(theme.MAP_CLUSTER_SCALE_STEP ** step)
            cached = (groups, {key: index for index, group in enumerate(groups) for key in group})
            self._groups_cache[step] = cached
        groups, group_of = cached
        apart = self.selected if keep_selected_apart else None
        index = group_of.get(apart) if apart is not None else None
        if apart is None or index is None or len(groups[index]) == 1:
            return groups
        # The chosen company steps out of its bubble; the rest stay grouped as they were.
        rest = tuple(key for key in groups[index] if key != apart)
        return [*groups[:index], rest, *groups[index + 1:], (apart,)]

    def _group(self, scale: float) -> list[tuple[str, ...]]:
        groups: list[list[str]] = []
        seeds: list[tuple[float, float]] = []
        limit = theme.MAP_CLUSTER_DISTANCE / scale
        # Seeds filed in a grid of `limit`-sized cells: a seed closer than `limit` is in one of the
        # 3x3 cells around the point, so each company checks a few seeds, not all (10x content has
        # hundreds of markers on one layer). Same result as scanning every group in order.
        cells: dict[tuple[int, int], list[int]] = {}
        xy, reach = self._xy, limit * limit
        for key in self._shown:
            x, y = xy[key]
            cx, cy = math.floor(x / limit), math.floor(y / limit)
            found = None
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    for index in cells.get((cx + dx, cy + dy), ()):
                        if found is not None and index > found:
                            continue
                        sx, sy = seeds[index]
                        if (x - sx) ** 2 + (y - sy) ** 2 < reach:
                            found = index
            if found is None:
                cells.setdefault((cx, cy), []).append(len(groups))
                groups.append([key])
                seeds.append((x, y))
            else:
                groups[found].append(key)
        return [tuple(g) for g in groups]

    def _cluster(self, scale: float) -> None:
        groups = tuple(self.groups_at(scale))
        if groups == self._grouping:
            return
        self._grouping = groups
        # Bubbles whose members are unchanged stay (zooming splits a few groups a frame, not all).
        wanted = [group for group in groups if len(group) > 1]
        kept: dict[tuple[str, ...], ClusterItem] = {}
        wanted_set = set(wanted)
        for cluster in self.clusters:
            if cluster.members in wanted_set:
                kept[cluster.members] = cluster
            else:
                self.removeItem(cluster)
        clustered = {key for group in wanted for key in group}
        dots = set(self._shown) - clustered
        for key in dots ^ self._dots:  # only the dots that change
            self.markers[key].setVisible(key in dots)
        self._dots = dots
        sectors = self.ctx.exhibition.sectors_by_id
        self.clusters = []
        for group in wanted:
            cluster = kept.get(group)
            if cluster is None:
                cluster = ClusterItem(self.ctx, group, [sectors[self._companies[k].sector].color for k in group])
                cluster.setPos(sum(self._xy[k][0] for k in group) / len(group),
                               sum(self._xy[k][1] for k in group) / len(group))
                self.addItem(cluster)
            self.clusters.append(cluster)

    def _place_labels(self, view: QGraphicsView, zoom: float, covered: list[QRectF]) -> None:
        """Show labels most important first. A region's or zone's name may shift up or down inside
        its region to clear the dots; a name that still collides is hidden, except a zone's or a
        place's, which shows over the dots if it can without covering another name. No name is
        ever printed over another, but the open card's. Region names wider than their region on
        screen wait for the visitor to zoom in."""
        to_view = view.viewportTransform()
        scale = to_view.m11()
        seen = QRectF(view.rect())
        width, height = seen.width(), seen.height()
        m11, m22, dx, dy = to_view.m11(), to_view.m22(), to_view.dx(), to_view.dy()
        blocked = RectGrid(theme.MAP_LABEL_GRID_CELL)  # dots, controls and the labels placed so far
        radius = theme.MARKER_RADIUS
        names_dots = zoom >= theme.MAP_MARKER_LABEL_ZOOM
        near: list[str] = []  # dots whose name may fit on screen, to try (in content order)
        for key in self._shown:
            if key not in self._dots:
                continue
            x, y = self._xy[key]
            x, y = x * m11 + dx, y * m22 + dy
            if -radius < x < width + radius and -radius < y < height + radius:
                blocked.add(QRectF(x - radius, y - radius, 2 * radius, 2 * radius))
            # a dot's name shows zoomed in, beside a dot standing alone, if it can be on screen
            if names_dots and key != self.selected and self.marker_labels[key].may_fit(x, y, width, height):
                near.append(key)
        for item in (*self.places.values(), *self.clusters):
            blocked.add(self._screen_rect(to_view, item))
        # A zone's or place's name shows even where no spot is clear of the dots: drawn over them,
        # its middle inside its zone, covering no other name nor a control. Where there is no such
        # spot (German names on a small zone, zoomed out) it waits for the visitor to zoom in
        # rather than print over another name.
        names = RectGrid(theme.MAP_LABEL_GRID_CELL)  # controls and the labels placed so far
        for rect in covered:
            blocked.add(rect)
            names.add(rect)
        chosen = self.markers.get(self.selected or "")
        # The open card's company is named first and at any zoom (the visitor is looking for it),
        # then places, zones and regions by rank, then the names of dots near the screen; every
        # other dot's name is hidden without being looked at (a large layer has thousands).
        ordered = [(self.marker_labels[self.selected or ""], chosen)] if chosen is not None else []
        ordered += self._ranked_labels()
        ordered += [(self.marker_labels[key], self.markers[key]) for key in near]
        named = {label for label, _ in ordered}
        for label in self._named - named:
            label.set_shown(False)
        self._named = {label for label, subject in ordered if label.rank == RANK_MARKER}
        for label, subject in ordered:
            label.fresh()
            if label.rank == RANK_REGION and subject is not None:
                if to_view.mapRect(subject.boundingRect()).width() < label.boundingRect().width():
                    label.set_shown(False)
                    continue
            spot = None  # best: clear of others and wholly inside the region; else clear, middle inside
            over_dots = None  # for a name shown regardless: clear of names and controls, middle inside
            offsets = self._label_offsets(label, subject, subject is chosen)
            for offset in offsets:
                pos = label.anchor + offset / scale
                rect = label.boundingRect().translated(to_view.map(pos))
                if not seen.contains(rect):
                    continue  # cut off by the edge
                if blocked.hits(rect):  # under a control, or on top of another name or a dot
                    if over_dots is None and not names.hits(rect) and self._middle_inside(label, subject, offset, pos):
                        over_dots = (pos, rect)
                    continue
                if subject is None or label.beside or self._inside(subject, to_view, rect):
                    spot = (pos, rect)
                    break
                if spot is None and self._middle_inside(label, subject, offset, pos):
                    spot = (pos, rect)
            lifted = False  # a name over dots is drawn above them, or they would hide its words
            if spot is None and label.rank >= RANK_ZONE and over_dots is not None:
                spot, lifted = over_dots, True
            if spot is None and subject is chosen:  # the open card's: named regardless
                pos = label.anchor + offsets[0] / scale
                spot = (pos, label.boundingRect().translated(to_view.map(pos)))
            label.set_shown(spot is not None)
            label.setZValue(Z_SELECTED if subject is chosen or lifted else Z_LABEL)  # above any cluster beside it
            if spot is not None:
                label.setPos(spot[0])
                blocked.add(spot[1])
                names.add(spot[1])

    def _ranked_labels(self) -> list[tuple[LabelItem, QGraphicsItem | None]]:
        """Names of places, zones and regions, most important first (worked out once a layer)."""
        if self._ranked is None:
            others = [pair for pair in self.labels if pair[0].rank != RANK_MARKER]
            self._ranked = sorted(others, key=lambda pair: -pair[0].rank)
        return self._ranked

    @staticmethod
    def _label_offsets(label: LabelItem, subject: QGraphicsItem | None, chosen: bool) -> list[QPointF]:
        """Nudges (screen px) to try, nearest first: up to LABEL_NUDGES half-heights up or down
        and quarter-widths sideways, keeping the label's middle inside its region. Names beside
        a dot stay put, clear of the ring the chosen one wears."""
        box = label.boundingRect()
        if label.beside:  # right of the dot, else left of it, else above or below it
            ring = theme.MARKER_SELECTED_RING if chosen else 0
            middle = -(box.left() + box.right()) / 2
            lift = box.height() / 2 + theme.MARKER_RADIUS + ring
            return [QPointF(ring, 0), QPointF(-box.left() - box.right() - ring, 0),
                    QPointF(middle, -lift), QPointF(middle, lift)]
        if not isinstance(subject, OutlineItem):
            return [QPointF()]
        steps = range(-LABEL_NUDGES, LABEL_NUDGES + 1)
        offsets = [QPointF(i * box.width() / SIDESTEPS, j * box.height() / 2) for i in steps for j in steps]
        return sorted(offsets, key=lambda o: abs(o.x()) / box.width() + abs(o.y()) / box.height())

    @staticmethod
    def _middle_inside(label: LabelItem, subject: QGraphicsItem | None, offset: QPointF, pos: QPointF) -> bool:
        """Whether a label moved by `offset` (to `pos`) still has its middle inside its region."""
        if subject is None or label.beside or offset.isNull():
            return True
        return isinstance(subject, OutlineItem) and subject.path().contains(pos)

    @staticmethod
    def _inside(subject: OutlineItem, to_view, rect: QRectF) -> bool:  # noqa: ANN001
        """Whether a label's screen rectangle lies inside the region (its corners do). The path,
        not the item: an item's contains() strokes its outline with the pen on every call."""
        to_scene = to_view.inverted()[0]
        corners = (rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight())
        return all(subject.path().contains(to_scene.map(corner)) for corner in corners)

    @staticmethod
    def _screen_rect(to_view, item: QGraphicsItem) -> QRectF:  # noqa: ANN001
        centre = to_view.map(item.pos())
        if isinstance(item, MarkerItem):
            radius = theme.MARKER_RADIUS
            return QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        return item.boundingRect().translated(centre)

    # --- taps --------------------------------------------------------------------------------
    def hit(self, view: QGraphicsView, pos: QPointF) -> Hit | None:
        """What a tap at viewport position `pos` means: the nearest marker within a finger's
        reach wins, then a zone, then a region that drills down to another layer."""
        to_view = view.viewportTransform()
        best: tuple[float, Hit] | None = None
        candidates: list[tuple[QGraphicsItem, Hit, float]] = []
        for cluster in self.clusters:
            reach = max(theme.MAP_CLUSTER_RADIUS, theme.MARKER_HIT_RADIUS)
            candidates.append((cluster, Hit("cluster", cluster.members[0], cluster.members), reach))
        for key, marker in self.markers.items():
            if marker.isVisible():
                candidates.append((marker, Hit("company", key), theme.MARKER_HIT_RADIUS))
        for key, marker in self.places.items():
            candidates.append((marker, Hit("place", key), theme.MARKER_HIT_RADIUS))
        for item, hit, reach in candidates:
            centre = to_view.map(item.pos())
            distance = math.hypot(centre.x() - pos.x(), centre.y() - pos.y())
            if distance <= reach and (best is None or distance < best[0]):
                best = (distance, hit)
        if best is not None:
            return best[1]
        scene_pos = to_view.inverted()[0].map(pos)
        for item in self.outlines.values():
            if item.zone is not None and item.path().contains(scene_pos):
                return Hit("zone", item.zone.id)
        if self.layer is not None:
            for feature_id, target in self.layer.drill.items():
                item = self.outlines.get(feature_id)
                if item is not None and item.path().contains(scene_pos):
                    return Hit("drill", target)
        return None
