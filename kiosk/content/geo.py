"""GeoJSON outlines under media/, read once at load into plain polygons (no Qt: the map view
projects them). The same reading validates them: a file the kiosk would not draw is a located
problem for the curator, and views never open a file themselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.media import MAX_GEOJSON_BYTES, MediaError, resolve_media

Ring = list[tuple[float, float]]  # (lon, lat) points; the first polygon ring is the outline, the rest holes

# What a map layer may hold so that no tap waits for it: the bundled layers have about 3,500
# points; a 2-million-point outline froze the kiosk for 20 s at start and 10 s on each visit.
MAX_POINTS_PER_OUTLINE = 20_000
MAX_POINTS_PER_LAYER = 60_000
SIMPLIFY_HINT = ("simplify it (Douglas-Peucker, as packaging/build_maps.py does, or mapshaper's "
                 "-simplify) to about a screen pixel")


@dataclass(frozen=True)
class Feature:
    id: str
    name: str
    polygons: tuple[tuple[Ring, ...], ...]


def load_outlines(media_dir: Path, reference: str) -> tuple[Feature, ...]:
    """The polygon features of a GeoJSON file under media/; MediaError says what is wrong."""
    path = resolve_media(media_dir, reference)
    size = path.stat().st_size
    if size > MAX_GEOJSON_BYTES:
        raise MediaError(f"media/{reference} is {size / 1e6:.0f} MB; map outlines must stay under 20 MB")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MediaError(f"media/{reference} is not valid GeoJSON ({exc})") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise MediaError(f"media/{reference}: expected a GeoJSON FeatureCollection")
    features = []
    for index, item in enumerate(data.get("features") or []):
        try:
            props = item.get("properties") or {}
            geometry = item["geometry"]
            coords = geometry["coordinates"]
            kind = geometry["type"]
            polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
            rings = tuple(tuple([(float(x), float(y)) for x, y, *_ in ring] for ring in poly) for poly in polygons)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise MediaError(f"media/{reference}: feature {index} is not a polygon the map can draw ({exc})") from None
        if rings:
            features.append(Feature(str(props.get("id", index)), str(props.get("name", "")), rings))
    _check_budget(reference, features)
    return tuple(features)


def points(feature: Feature) -> int:
    return sum(len(ring) for polygon in feature.polygons for ring in polygon)


def _check_budget(reference: str, features: list[Feature]) -> None:
    heaviest = max(features, key=points, default=None)
    if heaviest is not None and points(heaviest) > MAX_POINTS_PER_OUTLINE:
        raise MediaError(f"media/{reference}: outline '{heaviest.id}' has {points(heaviest):,} points; the map "
                         f"draws at most {MAX_POINTS_PER_OUTLINE:,} per outline: {SIMPLIFY_HINT}")
    total = sum(points(f) for f in features)
    if total > MAX_POINTS_PER_LAYER:
        raise MediaError(f"media/{reference} has {total:,} points; the map draws at most "
                         f"{MAX_POINTS_PER_LAYER:,} per layer: {SIMPLIFY_HINT}")
