"""A synthetic content pack N times the bundled one, for measuring how the kiosk scales.

Copy k (2..N) of every event, company, map place and headline figure gets its id suffixed
with -k, its texts suffixed with (k) (so the script engine's cache cannot share them), its
references pointed at copy k of what it names, and its map position nudged a little (so the
markers do not sit on top of each other: by up to 2% of the layer's extent, at least a few hundred
metres). Eras, sectors, sources, layers, zones and
the glossary are shared by all copies. Media is linked (or copied) beside the pack, so media
paths stay valid. No Qt here.
"""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from kiosk.content.model import FILE_MODELS
from kiosk.content.translations import FOLDER as TRANSLATIONS
from kiosk.content.yamlsource import read_yaml

JITTER_DEG = 0.004  # smallest largest-nudge of a copied marker, in degrees (a few hundred metres)
JITTER_SHARE = 0.02  # of the layer's extent: on the metropolitan map a few hundred metres is no move at all
TEXT_FIELDS = ("title", "name", "short_name", "summary", "body", "label", "note")

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _suffix_id(value: str, k: int) -> str:
    return value if k == 1 else f"{value}-{k}"


def _suffix_text(value: Any, k: int) -> Any:
    """A text field (plain or per variant) with a visible copy number."""
    if k == 1 or value is None:
        return value
    if isinstance(value, str):
        return f"{value}（{k}）"
    if isinstance(value, Mapping):
        return {variant: f"{text}（{k}）" for variant, text in value.items()}
    return value


def _copy_item(item: dict[str, Any], k: int) -> dict[str, Any]:
    out = copy.deepcopy(item)
    out["id"] = _suffix_id(out["id"], k)
    for name in TEXT_FIELDS:
        if name in out:
            out[name] = _suffix_text(out[name], k)
    return out


def _nudge(item: dict[str, Any], rng: random.Random, reach: float) -> None:
    item["lon"] = round(item["lon"] + rng.uniform(-reach, reach), 6)
    item["lat"] = round(item["lat"] + rng.uniform(-reach, reach), 6)


def _coordinates(value: Any) -> Iterator[tuple[float, float]]:
    if isinstance(value, list) and len(value) >= 2 and all(isinstance(v, int | float) for v in value[:2]):
        yield float(value[0]), float(value[1])
    elif isinstance(value, list):
        for part in value:
            yield from _coordinates(part)


def layer_reach(media: Path, base: str) -> float:
    """How far a copy of a marker may move on a layer: JITTER_SHARE of its outlines' extent."""
    try:
        data = json.loads((media / base).read_text(encoding="utf-8"))
        points = [p for f in data.get("features", []) for p in _coordinates((f.get("geometry") or {}).get("coordinates"))]
    except (OSError, ValueError, AttributeError):
        return JITTER_DEG
    if not points:
        return JITTER_DEG
    span = max(max(x for x, _ in points) - min(x for x, _ in points), max(y for _, y in points) - min(y for _, y in points))
    return max(JITTER_DEG, span * JITTER_SHARE)


def _read(content: Path, name: str) -> dict[str, Any]:
    data = read_yaml(content / name, name).data
    data.pop("$schema", None)
    return data


def _write(path: Path, data: Any) -> None:
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000)
    path.write_text(text, encoding="utf-8")


def scaled_data(content: Path, scale: int, media: Path | None = None, seed: int = 20151218) -> dict[str, Any]:
    """The scaled pack as plain data per file name (what would be written as YAML)."""
    if scale < 1:
        raise ValueError("scale must be 1 or more")
    rng = random.Random(seed)
    files = {name: _read(content, name) for name in FILE_MODELS}
    timeline, companies = files["timeline.yaml"], files["companies.yaml"]
    maps, figures = files["maps.yaml"], files["figures.yaml"]
    events0, companies0, figures0 = timeline["events"], companies["companies"], figures["figures"]
    places0 = [list(layer.get("places", [])) for layer in maps["layers"]]
    media = media if media is not None else content.parent / "media"
    reach = {layer["id"]: layer_reach(media, layer["base"]) for layer in maps["layers"]}

    events, firms, figs = [], [], []
    places: list[list[dict[str, Any]]] = [[] for _ in maps["layers"]]
    for k in range(1, scale + 1):
        for event in events0:
            item = _copy_item(event, k)
            item["companies"] = [_suffix_id(c, k) for c in event.get("companies", [])]
            events.append(item)
        for company in companies0:
            item = _copy_item(company, k)
            item["events"] = [_suffix_id(e, k) for e in company.get("events", [])]
            location = item.get("location")
            if k > 1 and location:
                _nudge(location, rng, reach.get(location["layer"], JITTER_DEG))
            firms.append(item)
        for figure in figures0:
            figs.append(_copy_item(figure, k))
        for layer, layer_places, originals in zip(maps["layers"], places, places0, strict=True):
            for place in originals:
                item = _copy_item(place, k)
                if k > 1:
                    _nudge(item, rng, reach[layer["id"]])
                layer_places.append(item)
    timeline["events"] = events
    companies["companies"] = firms
    figures["figures"] = figs
    for layer, layer_places in zip(maps["layers"], places, strict=True):
        if layer_places:
            layer["places"] = layer_places
    return files


def _suffix_texts(entry: Any, k: int) -> Any:
    """A translated item's texts with the copy number (its facts and media lists too)."""
    if isinstance(entry, str):
        return f"{entry} ({k})"
    if isinstance(entry, list):
        return [_suffix_texts(part, k) for part in entry]
    if isinstance(entry, dict):
        return {key: _suffix_texts(value, k) for key, value in entry.items()}
    return entry


def _scaled_keyed(items: dict[str, Any], scale: int) -> dict[str, Any]:
    """Translations keyed by id, for every copy: id-k with its texts numbered."""
    out = dict(items)
    for k in range(2, scale + 1):
        out.update({_suffix_id(item_id, k): _suffix_texts(entry, k) for item_id, entry in items.items()})
    return out


def scaled_translations(content: Path, scale: int) -> dict[str, dict[str, Any]]:
    """Each written language's files (translations/<id>/<file>) for the scaled pack: copies of
    events, companies, figures and places translated like their originals, numbered."""
    out: dict[str, dict[str, Any]] = {}
    folder = content / TRANSLATIONS
    for language in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else ():
        for path in sorted(language.glob("*.yaml")):
            data = _read(language, path.name)
            for key in ("events", "companies", "figures"):
                if isinstance(data.get(key), dict):
                    data[key] = _scaled_keyed(data[key], scale)
            for layer in (data.get("layers") or {}).values() if path.name == "maps.yaml" else ():
                if isinstance(layer, dict) and isinstance(layer.get("places"), dict):
                    layer["places"] = _scaled_keyed(layer["places"], scale)
            out[f"{TRANSLATIONS}/{language.name}/{path.name}"] = data
    return out


def _link_media(media: Path, target: Path) -> None:
    try:
        os.symlink(media.resolve(), target, target_is_directory=True)
    except (OSError, NotImplementedError):  # Windows without the right to make links
        shutil.copytree(media, target)


def write_scaled_pack(content: Path, media: Path, root: Path, scale: int,
                      variants: list[str] | None = None) -> tuple[Path, Path]:
    """Write the pack under root/content with root/media beside it; return (content, media).
    `variants` keeps only those languages (what the kiosk holds with two languages, not four)."""
    out_content, out_media = root / "content", root / "media"
    out_content.mkdir(parents=True, exist_ok=True)
    files = scaled_data(content, scale, media) | scaled_translations(content, scale)
    if variants:
        settings = files["exhibition.yaml"]
        settings["variants"] = [v for v in settings["variants"] if v["id"] in variants]
        settings["default_variant"] = settings["variants"][0]["id"]
        files = {name: data for name, data in files.items()
                 if not name.startswith(f"{TRANSLATIONS}/") or name.split("/")[1] in variants}
    for name, data in files.items():
        (out_content / name).parent.mkdir(parents=True, exist_ok=True)
        _write(out_content / name, data)
    if not out_media.exists():
        _link_media(media, out_media)
    return out_content, out_media
