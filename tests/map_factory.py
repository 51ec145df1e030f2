"""A small valid exhibition with a map made for the map screen's tests.

Three layers, broad to narrow: a region whose one highlighted city drills into the city layer,
whose one highlighted district drills into the campus layer. The outlines are a few rectangles
and one trapezoid written here; the companies are placed so that each thing the map does shows:

- region: three cities (one drills down), two places with notes, one company.
- city: three districts (one drills down); three companies some 250 m apart that merge into a
  bubble at fit and come apart when zoomed (NEAR); two companies at the very same point that no
  zoom parts (TWINS).
- campus: the campus outline with two zones on it (one with an area the sources disagree on),
  nine companies in three sectors, none overlapping at fit: five in a row near the middle with long
  names that cannot all stand beside their dots once zoomed in (ROW), one in the corner a card
  opens over (CORNER).

Every id here is the tests' own (none is a curator's), and every file is written from the data
below, so the tests can name what they expect from the same constants.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

REGION, CITY, CAMPUS = "region", "city", "campus"
LAYERS = (REGION, CITY, CAMPUS)
DRILL_CITY = "steel-city"  # the region's highlighted feature: drills into CITY
DRILL_DISTRICT = "east-bank"  # the city's highlighted feature: drills into CAMPUS
CAMPUS_OUTLINE = "campus"  # the campus layer's one region, under its zones
CORE_ZONE = "core"
QUARTER_ZONE = "clinic-quarter"  # its area differs between two sources
FOCUS = "heavy-lathe"  # on the city layer, in a bubble at fit; its name converts (沈阳 -> 瀋陽)
NEAR = (FOCUS, "tool-forge", "bolt-mill")  # one bubble at fit, apart once zoomed in
TWINS = ("twin-yard-a", "twin-yard-b")  # the same point: no zoom parts them
PHARMA = "pharma-one"  # on the campus, sector medicine, in the clinic quarter
CORNER = "pharma-two"  # in the campus's top-right corner, where a card opens in landscape
LIDA = "lida-plant"  # on the campus, far from the middle; its short name is in the glossary
ROW = ("gear-works", "axle-works", "seat-works", "crate-works", "wire-works")  # in a row near the campus middle
CARS, MEDICINE, FREIGHT = "cars", "medicine", "freight"

VARIANT_HANT = "zh-Hant"

EXHIBITION = {
    "title": "地图测试展览",
    "script": "zh-Hans",
    "default_variant": "zh-Hans",
    "variants": [
        {"id": "zh-Hans", "label": "简体", "font": "SC"},
        {"id": VARIANT_HANT, "label": "繁體", "opencc": "s2hk", "font": "HK"},
    ],
    "idle_timeout_s": 30,
    "home_tiles": [
        {"screen": "timeline", "title": "发展历程"},
        {"screen": "map", "title": "地图"},
        {"screen": "companies", "title": "企业"},
    ],
    "sources": [
        {"id": "src-a", "file": "a.txt", "title": "来源甲"},
        {"id": "src-b", "file": "b.txt", "title": "来源乙", "short": "乙"},
    ],
}

TIMELINE = {
    "eras": [{"id": "founding", "title": "起步", "start": 2015, "end": 2020}],
    "events": [
        {"id": "campus-opens", "date": "2016-05", "kind": "milestone", "era": "founding", "title": "园区开园",
         "summary": "测试产业园开园。", "companies": [PHARMA], "source": "src-a"},
        {"id": "lathe-expands", "date": "2019", "era": "founding", "title": "机床厂扩建",
         "summary": "钢城机床扩建厂房。", "companies": [FOCUS], "source": "src-b"},
    ],
}

SECTORS = {
    "sectors": [
        {"id": CARS, "name": "汽车", "color": "#1F5AA6"},
        {"id": MEDICINE, "name": "生物医药", "color": "#1E8C5A"},
        {"id": FREIGHT, "name": "物流", "color": "#B5651D"},
    ]
}


def _company(company_id: str, name: str, sector: str, layer: str, lon: float, lat: float, *,
             short: str | None = None, **more: object) -> dict[str, object]:
    company: dict[str, object] = {"id": company_id, "name": name}
    if short:
        company["short_name"] = short
    company.update(sector=sector, summary=f"{name}是一家测试企业。",
                   location={"layer": layer, "lon": lon, "lat": lat}, source="src-a")
    company.update(more)
    return company


# City layer: 1e-3 degrees of latitude are 3.3 scene units; NEAR stands 8 units apart (a bubble
# at fit, apart from about 5x zoom), TWINS share one point.
COMPANIES = {
    "companies": [
        _company("ridge-supplier", "北岭配套物流有限公司", FREIGHT, REGION, 123.6, 42.35),
        _company(FOCUS, "沈阳钢城重型机床有限公司", CARS, CITY, 123.25, 41.93, short="钢城机床",
                 origin="德国", events=["lathe-expands"],
                 facts=[{"label": "员工", "value": 1200, "unit": "人", "qualifier": "近"}]),
        _company("tool-forge", "钢城工具锻造厂", CARS, CITY, 123.25, 41.9324),
        _company("bolt-mill", "钢城紧固件厂", FREIGHT, CITY, 123.25, 41.9348),
        _company(TWINS[0], "双子仓储甲公司", FREIGHT, CITY, 123.2, 41.75),
        _company(TWINS[1], "双子仓储乙公司", CARS, CITY, 123.2, 41.75),
        _company(LIDA, "里达汽车工厂有限公司", CARS, CAMPUS, 123.305, 41.705, short="里达工厂"),
        _company(PHARMA, "测试生物制药股份有限公司", MEDICINE, CAMPUS, 123.385, 41.71, short="测试制药",
                 events=["campus-opens"],
                 facts=[{"label": "产值", "value": 12, "unit": "亿元", "year": 2024, "source": "src-b"}]),
        _company(CORNER, "园区医疗器械有限公司", MEDICINE, CAMPUS, 123.37, 41.745, short="园区器械"),
        _company("depot", "园区物流中心", FREIGHT, CAMPUS, 123.32, 41.745),
        _company(ROW[0], "钢城齿轮精密制造股份有限公司东厂", CARS, CAMPUS, 123.342, 41.728),
        _company(ROW[1], "钢城车桥精密制造股份有限公司西厂", CARS, CAMPUS, 123.346, 41.728),
        _company(ROW[2], "钢城座椅精密制造股份有限公司南厂", FREIGHT, CAMPUS, 123.350, 41.728),
        _company(ROW[3], "钢城包装精密制造股份有限公司北厂", MEDICINE, CAMPUS, 123.354, 41.728),
        _company(ROW[4], "钢城线束精密制造股份有限公司中厂", FREIGHT, CAMPUS, 123.358, 41.728),
    ]
}

PLACES = [
    {"id": "demo-zone", "name": "东湖示范区", "lon": 124.4, "lat": 41.85, "approximate": True,
     "status": "building", "note": "报道称示范区位于东湖市西部，正在建设。位置为示意。", "source": "src-b"},
    {"id": "river-port", "name": "东湖河港", "lon": 124.7, "lat": 41.65, "approximate": True,
     "status": "built", "note": "报道称河港已投入使用。"},
]

MAPS = {
    "layers": [
        {"id": REGION, "title": "钢城都市圈", "base": "maps/region.geojson", "highlight": [DRILL_CITY],
         "drill": {DRILL_CITY: CITY}, "places": PLACES, "credit": "测试边界"},
        {"id": CITY, "title": "钢城市与铁东区", "base": "maps/city.geojson", "highlight": [DRILL_DISTRICT],
         "drill": {DRILL_DISTRICT: CAMPUS}, "credit": "测试边界"},
        {"id": CAMPUS, "title": "测试产业园", "base": "maps/campus.geojson", "credit": "示意图",
         "zones": [
             {"id": CORE_ZONE, "name": "核心板块", "feature": CORE_ZONE, "area_km2": 3.2, "area_qualifier": "约",
              "status": "planned"},
             {"id": QUARTER_ZONE, "name": "生命健康城", "feature": QUARTER_ZONE, "area_km2": 6.2,
              "area_qualifier": "约", "status": "building", "source": "src-b",
              "area_note": "建设方案称规划面积约6.2平方公里；另一篇报道称33.2平方公里。"},
         ]},
    ]
}

FIGURES = {
    "figures": [
        {"id": "output", "label": "产值", "value": 120, "unit": "亿元", "year": 2024, "scope": "park",
         "topic": "economy", "source": "src-a"},
    ]
}

GLOSSARY = {"phrases": {VARIANT_HANT: {"里达": "里達"}}}

FILES = {
    "exhibition.yaml": EXHIBITION,
    "timeline.yaml": TIMELINE,
    "sectors.yaml": SECTORS,
    "companies.yaml": COMPANIES,
    "maps.yaml": MAPS,
    "figures.yaml": FIGURES,
    "glossary.yaml": GLOSSARY,
}


def box(west: float, south: float, east: float, north: float) -> list[list[float]]:
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


def feature(feature_id: str, name: str, ring: list[list[float]]) -> dict[str, object]:
    return {"type": "Feature", "properties": {"id": feature_id, "name": name},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


# One file per layer: feature id -> (name, outer ring).
OUTLINES: dict[str, dict[str, tuple[str, list[list[float]]]]] = {
    "maps/region.geojson": {
        DRILL_CITY: ("钢城市", box(123.0, 41.5, 124.0, 42.1)),
        "lake-city": ("东湖市", box(124.0, 41.5, 125.0, 42.1)),
        "ridge-city": ("北岭市", [[123.0, 42.1], [125.0, 42.1], [124.6, 42.6], [123.4, 42.6], [123.0, 42.1]]),
    },
    "maps/city.geojson": {
        DRILL_DISTRICT: ("铁东区", box(123.3, 41.7, 123.5, 41.85)),
        "riverside": ("滨河区", box(123.1, 41.7, 123.3, 41.85)),
        "ridge": ("北岭区", box(123.1, 41.85, 123.5, 42.0)),
    },
    "maps/campus.geojson": {
        CAMPUS_OUTLINE: ("测试产业园", box(123.30, 41.70, 123.40, 41.76)),
        CORE_ZONE: ("核心", box(123.30, 41.73, 123.34, 41.76)),
        QUARTER_ZONE: ("健康城", box(123.36, 41.70, 123.40, 41.73)),
    },
}


def feature_ids(base: str) -> list[str]:
    """The features written for a layer's GeoJSON, in file order."""
    return list(OUTLINES[base])


def write_map_exhibition(root: Path) -> Path:
    """Write the exhibition under root/content and its outlines under root/media/maps; return
    the content folder (the media folder is its sibling)."""
    content = root / "content"
    maps = root / "media" / "maps"
    content.mkdir(parents=True)
    maps.mkdir(parents=True)
    for name, data in FILES.items():
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (content / name).write_text(text, encoding="utf-8")
    for base, features in OUTLINES.items():
        collection = {"type": "FeatureCollection",
                      "features": [feature(fid, name, ring) for fid, (name, ring) in features.items()]}
        (root / "media" / base).write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return content
