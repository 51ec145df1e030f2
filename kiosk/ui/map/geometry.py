"""Map outlines: a layer's GeoJSON read once and turned into projected QPainterPaths.

The projection is equirectangular with longitude scaled by the cosine of the layer's mean
latitude, which is true to shape at a district's or a city's size; y is flipped because screens
count downwards. Each layer is projected about its own centre and scaled to MAP_SCENE_SPAN scene
units, so every layer fits the view with the same arithmetic. A broken or missing file gives an
empty layer (and a log line), never a crash: the content checker reports it to the curator.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF

from kiosk.content.geo import Feature
from kiosk.ui import theme

log = logging.getLogger(__name__)

TRIANGLE = 3  # a triangle's centroid is the mean of its three corners


@dataclass(frozen=True)
class Projection:
    lon0: float
    lat0: float
    scale: float  # scene units per degree of latitude

    def point(self, lon: float, lat: float) -> QPointF:
        return QPointF((lon - self.lon0) * math.cos(math.radians(self.lat0)) * self.scale,
                       -(lat - self.lat0) * self.scale)


@dataclass(frozen=True)
class Outline:
    id: str
    name: str
    path: QPainterPath
    anchor: QPointF  # where the region's name goes: inside its largest ring


@dataclass
class LayerGeometry:
    projection: Projection
    outlines: list[Outline] = field(default_factory=list)
    bounds: QRectF = field(default_factory=QRectF)


def projection_for(features: list[Feature]) -> Projection:
    lons = [x for f in features for poly in f.polygons for ring in poly for x, _ in ring]
    lats = [y for f in features for poly in f.polygons for ring in poly for _, y in ring]
    if not lons:
        return Projection(0.0, 0.0, theme.MAP_SCENE_SPAN)
    lon0, lat0 = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    width = (max(lons) - min(lons)) * math.cos(math.radians(lat0))
    span = max(width, max(lats) - min(lats)) or 1.0
    return Projection(lon0, lat0, theme.MAP_SCENE_SPAN / span)


def build_layer(features: list[Feature]) -> LayerGeometry:
    projection = projection_for(features)
    geometry = LayerGeometry(projection)
    for feature in features:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)  # holes in a polygon stay holes
        largest: QPolygonF | None = None
        largest_area = -1.0
        for poly in feature.polygons:
            for n, ring in enumerate(poly):
                polygon = QPolygonF([projection.point(lon, lat) for lon, lat in ring])
                path.addPolygon(polygon)
                path.closeSubpath()
                area = abs(_signed_area(polygon))
                if n == 0 and area > largest_area:
                    largest, largest_area = polygon, area
        anchor = label_anchor(largest, path) if largest is not None else path.boundingRect().center()
        geometry.outlines.append(Outline(feature.id, feature.name, path, anchor))
        geometry.bounds = geometry.bounds.united(path.boundingRect())
    return geometry


def _signed_area(polygon: QPolygonF) -> float:
    total = 0.0
    for i in range(polygon.size()):
        a, b = polygon.at(i), polygon.at((i + 1) % polygon.size())
        total += a.x() * b.y() - b.x() * a.y()
    return total / 2


def centroid(polygon: QPolygonF) -> QPointF:
    """Area centroid of a simple ring (falls back to the mean point for a degenerate one)."""
    cx = cy = cross_sum = 0.0
    for i in range(polygon.size()):
        a, b = polygon.at(i), polygon.at((i + 1) % polygon.size())
        cross = a.x() * b.y() - b.x() * a.y()
        cross_sum += cross
        cx += (a.x() + b.x()) * cross
        cy += (a.y() + b.y()) * cross
    if abs(cross_sum) < 1e-12:
        return polygon.boundingRect().center()
    return QPointF(cx / (TRIANGLE * cross_sum), cy / (TRIANGLE * cross_sum))


def label_anchor(ring: QPolygonF, path: QPainterPath) -> QPointF:
    """The centroid of the largest ring; for a crescent-like region whose centroid falls outside,
    the sampled inside point farthest from the ring's edge (a cheap pole of inaccessibility)."""
    point = centroid(ring)
    if path.contains(point):
        return point
    box = ring.boundingRect()
    steps = theme.MAP_POLYLABEL_GRID
    best, best_distance = point, -1.0
    for i in range(1, steps):
        for j in range(1, steps):
            candidate = QPointF(box.left() + box.width() * i / steps, box.top() + box.height() * j / steps)
            if not path.contains(candidate):
                continue
            distance = _distance_to_ring(candidate, ring)
            if distance > best_distance:
                best, best_distance = candidate, distance
    return best


def _distance_to_ring(p: QPointF, ring: QPolygonF) -> float:
    best = math.inf
    for i in range(ring.size()):
        a, b = ring.at(i), ring.at((i + 1) % ring.size())
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length))
        best = min(best, math.hypot(p.x() - a.x() - t * dx, p.y() - a.y() - t * dy))
    return best
