"""A small, valid exhibition written to a temporary folder, for tests to break one piece at a time."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

EXHIBITION = """\
title: 测试展览
script: zh-Hans
default_variant: zh-Hans
variants:
  - id: zh-Hans
    label: 简体
    font: SC
  - id: zh-Hant
    label: 繁體
    opencc: s2hk
    font: HK
idle_timeout_s: 30
home_tiles:
  - screen: timeline
    title: 发展历程
  - screen: map
    title: 地图
  - screen: companies
    title: 企业
sources:
  - id: src-a
    file: a.txt
    title: 来源甲
  - id: src-b
    file: b.txt
    title: 来源乙
    short: 乙
"""

TIMELINE = """\
eras:
  - id: founding
    title: 起步
    start: 2015
    end: 2020
events:
  - id: approval
    date: 2015-12
    kind: milestone
    era: founding
    title: 国务院批复
    summary: 国务院批复建设中德园。
    companies: [acme]
    source: [src-a, src-b]
  - id: plant-opens
    date: 2018
    era: founding
    title: 工厂投产
    summary: 沈阳工厂投产。
    media:
      - file: photos/plant.png
        caption: 工厂
    source: src-a
"""

SECTORS = """\
sectors:
  - id: automotive
    name: 汽车
    color: "#1F5AA6"
"""

COMPANIES = """\
companies:
  - id: acme
    name: 宝马里达工厂
    sector: automotive
    summary: 一家位于沈阳的工厂。
    facts:
      - label: 配套企业
        value: 30
        unit: 家
        qualifier: 余
        source: src-b
    location:
      layer: park
      lon: 123.3
      lat: 41.72
    events: [plant-opens]
    source: src-a
"""

MAPS = """\
layers:
  - id: park
    title: 中德园
    base: maps/park.geojson
    zones:
      - id: core
        name: 核心板块
        feature: core
        area_km2: 3.2
        area_qualifier: 约
        status: planned
    credit: 示意图
"""

FIGURES = """\
figures:
  - id: output
    label: 产值
    value: 1220
    unit: 亿元
    year: 2025
    kind: estimate
    source: src-a
  - id: suppliers
    label: 配套商
    value: 40
    unit: 家
    qualifier: 近
    year: 2022
    source: src-b
  - id: output-goal
    label: 产值目标
    value: 1600
    unit: 亿元
    year: 2025
    kind: target
    source: src-a
comparisons:
  - id: output
    title: 规上工业总产值
    target: output-goal
    results: [output]
    note: 2025年产值为预计数。
    event: plant-opens
"""

GLOSSARY = """\
phrases:
  zh-Hant:
    里达: 里達
"""

FILES = {
    "exhibition.yaml": EXHIBITION,
    "timeline.yaml": TIMELINE,
    "sectors.yaml": SECTORS,
    "companies.yaml": COMPANIES,
    "maps.yaml": MAPS,
    "figures.yaml": FIGURES,
    "glossary.yaml": GLOSSARY,
}

GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"id": "core", "name": "核心"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[123.28, 41.71], [123.32, 41.71], [123.32, 41.74], [123.28, 41.74], [123.28, 41.71]]],
            },
        }
    ],
}


def tiny_png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 30, 40)) -> bytes:
    """A valid PNG made without any imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def write_exhibition(root: Path) -> Path:
    """Write the valid exhibition under root/content and root/media; return the content folder."""
    content = root / "content"
    media = root / "media"
    (media / "photos").mkdir(parents=True)
    (media / "maps").mkdir()
    content.mkdir()
    for name, text in FILES.items():
        (content / name).write_text(text, encoding="utf-8")
    (media / "photos" / "plant.png").write_bytes(tiny_png())
    (media / "maps" / "park.geojson").write_text(json.dumps(GEOJSON), encoding="utf-8")
    return content


def line_col(path: Path, needle: str, *, occurrence: int = 1) -> tuple[int, int]:
    """1-based line and column where `needle` starts in the file (its n-th occurrence)."""
    text = path.read_text(encoding="utf-8")
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col
