"""GeoJSON outlines under media/, read into plain polygons (no Qt: the map view projects them).

Views never open files themselves; the map asks this module for a layer's features. A broken
or missing file gives no features and a log line, never a crash: `kiosk validate` has already
told the curator what is wrong with it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.media import MediaError, resolve_media

log = logging.getLogger(__name__)

Ring = list[tuple[float, float]]  # (lon, lat) points; the first polygon ring is the outline, the rest holes


@dataclass(frozen=True)
class Feature:
    id: str
    name: str
    polygons: tuple[tuple[Ring, ...], ...]



def read_features(media_dir: Path, reference: str) -> list[Feature]:
    """The polygon features of a GeoJSON file under media/, or none if it cannot be read."""
    try:
        data = json.loads(resolve_media(media_dir, reference).read_text(encoding="utf-8"))
        raw = data["features"]
    except (MediaError, OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("map outlines media/%s not shown: %s", reference, exc)
        return []
    features = []
    for index, item in enumerate(raw):
        try:
            props = item.get("properties") or {}
            geometry = item["geometry"]
            coords = geometry["coordinates"]
            kind = geometry["type"]
            polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
            rings = tuple(tuple([(float(x), float(y)) for x, y, *_ in ring] for ring in poly) for poly in polygons)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            log.warning("media/%s: feature %d skipped: %s", reference, index, exc)
            continue
        if rings:
            features.append(Feature(str(props.get("id", index)), str(props.get("name", "")), rings))
    return features
