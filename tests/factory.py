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
        credit: 测试摄影
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
    scope: park
    topic: economy
    source: src-a
  - id: suppliers
    label: 配套商
    value: 40
    unit: 家
    qualifier: 近
    year: 2022
    scope: tiexi
    topic: economy
    source: src-b
  - id: output-goal
    label: 产值目标
    value: 1600
    unit: 亿元
    year: 2025
    kind: target
    scope: park
    topic: economy
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


# --- larger exhibitions, built on the one above ------------------------------------------------
# Each `extend_*` only adds to a content folder written by write_exhibition (appending to its
# lists, never rewriting its items), so they compose in any order and every id above stays.

TIMELINE_ERAS = """\
  - id: growth
    title: 成长
    start: 2021
    end: 2023
  - id: renewal
    title: 更新
    start: 2024
    end: 2026
"""

# (id, date, end, kind, era, title, summary, companies, source): 23 events over 2016-2026 that,
# with write_exhibition's two (approval 2015-12, plant-opens 2018), make 25 cards in three eras:
# several screens of track at 1920 px (a card's slot is 404 px), so cards are built lazily.
TIMELINE_EVENTS = [
    ("first-road", "2016-04", "2016-09", "event", "founding", "首条道路通车", "沈阳铁西的第一条园区道路建成通车。", (), "src-a"),
    ("training-centre", "2016-11", None, "event", "founding", "实训中心启用", "中德双元制实训中心在园区启用。", (), "src-a"),
    ("partner-visit", "2017-05-18", None, "event", "founding", "德国代表团来访", "德国企业代表团考察园区。", (), "src-b"),
    ("supplier-cluster", "2017", None, "event", "founding", "配套企业集聚", "汽车配套企业在园区集聚。", ("acme",), "src-b"),
    ("expo-held", "2018-06", None, "event", "founding", "首届博览会", "园区举办首届中德装备博览会。", (), "src-a"),
    ("smart-factory", "2019-04", None, "event", "founding", "智能工厂建成", "沈阳首座智能示范工厂建成。", (), "src-a"),
    ("talent-apartments", "2019-10", None, "event", "founding", "人才公寓交付", "园区人才公寓交付使用。", (), "src-b"),
    ("online-services", "2020-03", None, "event", "founding", "政务服务上线", "企业办事全程网上办理。", (), "src-a"),
    ("green-grid", "2020-08", None, "event", "founding", "绿色电网接入", "园区接入绿色电力。", (), "src-a"),
    ("five-year-plan", "2021-01", None, "milestone", "growth", "五年规划发布", "园区发展五年规划发布实施。", (), "src-a"),
    ("fund-launched", "2021-07", None, "event", "growth", "产业基金设立", "设立园区产业发展基金。", (), "src-b"),
    ("incubator-opens", "2022-02", None, "event", "growth", "孵化器开园", "科技企业孵化器开园。", (), "src-a"),
    ("rail-link", "2022-09", None, "event", "growth", "中欧班列开行", "沈阳至德国的货运班列开行。", (), "src-b"),
    ("research-lab", "2023-04", None, "event", "growth", "联合实验室揭牌", "中德联合实验室揭牌。", (), "src-a"),
    ("skills-fair", "2023-10", None, "event", "growth", "技能大赛举办", "园区举办职业技能大赛。", (), "src-a"),
    ("exports-up", "2023", None, "event", "growth", "出口增长", "园区企业出口持续增长。", (), "src-b"),
    ("park-renewal", "2024-03-27", None, "milestone", "renewal", "园区更新启动", "老厂区更新改造全面启动。", (), "src-a"),
    ("hydrogen-pilot", "2024-08", None, "event", "renewal", "氢能试点", "氢能物流车辆投入试运行。", (), "src-a"),
    ("beacon-arrives", "2025-01", None, "event", "renewal", "北辰仪器落户", "北辰仪器在沈阳设厂，为整车厂配套。", ("beacon", "acme"), "src-b"),
    ("data-centre", "2025-06", None, "event", "renewal", "数据中心投用", "工业互联网数据中心投入使用。", (), "src-a"),
    ("output-record", "2025", None, "event", "renewal", "产值创新高", "园区工业产值创历史新高。", (), "src-a"),
    ("tram-line", "2026-02", None, "target", "renewal", "有轨电车延伸", "规划有轨电车延伸至园区。", (), "src-a"),
    ("net-zero-goal", "2026", None, "target", "renewal", "零碳园区目标", "规划建成零碳示范园区。", (), "src-a"),
]

BEACON = """\
  - id: beacon
    name: 北辰精密仪器有限公司
    short_name: 北辰仪器
    sector: automotive
    origin: 德国
    summary: 为沈阳整车厂供应传感器的仪器企业。
    location:
      layer: park
      lon: 123.286
      lat: 41.736
    events: [beacon-arrives]
    source: src-b
"""


def _event_yaml(row: tuple) -> str:  # noqa: ANN001
    event_id, date, end, kind, era, title, summary, companies, source = row
    lines = [f"  - id: {event_id}", f"    date: {date}"]
    if end:
        lines.append(f"    end: {end}")
    lines += [f"    kind: {kind}", f"    era: {era}", f"    title: {title}", f"    summary: {summary}"]
    if companies:
        lines.append(f"    companies: [{', '.join(companies)}]")
    lines.append(f"    source: {source}")
    return "\n".join(lines) + "\n"


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def extend_timeline(content: Path) -> None:
    """Two more eras and TIMELINE_EVENTS, and the company `beacon` (on the park) that one names."""
    timeline = content / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    assert text.startswith("eras:\n")
    timeline.write_text("eras:\n" + TIMELINE_ERAS + text.removeprefix("eras:\n"), encoding="utf-8")
    _append(timeline, "".join(_event_yaml(row) for row in TIMELINE_EVENTS))
    _append(content / "companies.yaml", BEACON)


def write_timeline_exhibition(root: Path) -> Path:
    """write_exhibition plus extend_timeline: 25 events over 2015-2026 in three eras (founding,
    growth, renewal); `beacon-arrives` (2025) names beacon then acme; the last, `net-zero-goal`
    (2026), is a plan's target far along the track."""
    content = write_exhibition(root)
    extend_timeline(content)
    return content


DIRECTORY_SECTORS = """\
  - id: life-science
    name: 生物医药
    color: "#1E8C5A"
    description: 生物药与沈阳国际生命健康城。
  - id: machinery
    name: 高端装备
    color: "#4F5D6B"
"""

LONG_BODY = "华晨宝马在沈阳的工厂不断扩大产能，带动本地配套企业成长。" * 40

DIRECTORY_COMPANIES = f"""\
  - id: carmaker
    name: 华晨宝马
    sector: automotive
    origin: 德国
    summary: 总部位于沈阳铁西的整车企业。
    body: {LONG_BODY}
    facts:
      - {{label: 年营收, value: 2100, unit: 亿元, year: 2024}}
    location: {{layer: park, lon: 123.31, lat: 41.73}}
    events: [carmaker-expands]
    source: src-a
  - id: pharma-co
    name: 沈阳三生制药有限责任公司
    short_name: 三生制药
    sector: life-science
    summary: 生物制药企业。
    media:
      - {{file: photos/lab.png, caption: 实验室}}
    source: src-a
  - id: compressors
    name: 沈鼓集团
    sector: machinery
    summary: 装备制造老字号。
    source: src-a
  - id: college
    kind: institution
    name: 中德学院
    sector: machinery
    summary: 双元制职业教育。
    facts:
      - {{label: 每年输送技能人才, value: 2500, unit: 余人}}
      - {{label: 规划每年培养在校生, value: 600, unit: 人, kind: target}}
    source: src-a
"""

# More names across the alphabet (none under S), so the directory is several screens tall and
# has sections to scroll to.
DIRECTORY_FILLER = ["安泰科技", "东方电气", "飞轮储能", "国药控股", "金杯汽车", "联想集团", "美的集团",
                    "南方航空", "普天信息", "启明星辰", "特变电工", "万科物业", "新松机器人", "永安行"]

DIRECTORY_EVENT = """\
  - id: carmaker-expands
    date: 2019-03
    era: founding
    title: 华晨宝马扩建
    summary: 华晨宝马在沈阳扩建工厂。
    source: src-a
"""


def extend_directory(content: Path) -> None:
    """Two more sectors and 18 more companies (acme stays), so the A-Z directory is several
    screens tall: carmaker (华晨宝马: long body, a fact, on the park, one event carmaker-expands),
    pharma-co (三生制药, registered as 沈阳三生制药有限责任公司; a photo), compressors (沈鼓集团:
    no events, no place), college (an institution; a result and a target fact) and filler-0..13."""
    _append(content / "sectors.yaml", DIRECTORY_SECTORS)
    filler = "".join(
        f"  - id: filler-{n}\n    name: {name}\n    sector: machinery\n    summary: 示例企业。\n    source: src-a\n"
        for n, name in enumerate(DIRECTORY_FILLER)
    )
    _append(content / "companies.yaml", DIRECTORY_COMPANIES + filler)
    _append(content / "timeline.yaml", DIRECTORY_EVENT)
    (content.parent / "media" / "photos" / "lab.png").write_bytes(tiny_png(8, 6))


def write_directory_exhibition(root: Path) -> Path:
    """write_exhibition plus extend_directory."""
    content = write_exhibition(root)
    extend_directory(content)
    return content


DISTRICT_LAYER = """\
  - id: district
    title: 铁西区
    base: maps/district.geojson
    credit: 示意图
"""

DISTRICT_COMPANY = """\
  - id: riverside
    name: 滨河物流
    sector: automotive
    summary: 沈阳西部的物流企业。
    location: {layer: district, lon: 123.2, lat: 41.8}
    source: src-a
"""

DISTRICT_GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"id": "west", "name": "西部"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[123.15, 41.77], [123.25, 41.77], [123.25, 41.83], [123.15, 41.83], [123.15, 41.77]]],
            },
        }
    ],
}


def extend_map(content: Path) -> None:
    """A second map layer, `district`, with one company on it (riverside)."""
    _append(content / "maps.yaml", DISTRICT_LAYER)
    _append(content / "companies.yaml", DISTRICT_COMPANY)
    (content.parent / "media" / "maps" / "district.geojson").write_text(json.dumps(DISTRICT_GEOJSON), encoding="utf-8")


def write_kiosk_exhibition(root: Path) -> Path:
    """Every extension at once, for tests of the whole window: a long timeline, a directory
    several screens tall and two map layers."""
    content = write_exhibition(root)
    extend_timeline(content)
    extend_directory(content)
    extend_map(content)
    return content


# --- English and German beside the Chinese ------------------------------------------------------
# The small exhibition with two written variants: English complete, German falling back to
# English, each with the longest words German has where the kiosk is narrowest (a sector chip,
# a card's kicker, a fact's label, a tile's title).

WRITTEN_VARIANTS = """\
  - id: en
    label: English
    kind: written
    font: Latin
    locale: en_GB
    complete: true
  - id: de
    label: Deutsch
    kind: written
    font: Latin
    fallback: [en]
"""

LONGEST_GERMAN = "Hochleistungsausrüstungsfertigungsindustrieparkverwaltungsgesellschaft"

TRANSLATIONS = {
    "en": {
        "exhibition.yaml": """\
title: Test exhibition
home_tiles:
  timeline: {title: Timeline}
  map: {title: Map}
  companies: {title: Companies}
sources:
  src-a: {title: Source A}
  src-b: {title: Source B, short: Press B}
""",
        "timeline.yaml": """\
eras:
  founding: {title: Beginnings}
events:
  approval: {title: State Council approval, summary: The State Council approved the Sino-German Park.}
  plant-opens:
    title: Plant opens
    summary: The Shenyang plant started production.
    media:
      - {caption: The plant, credit: Test photographer}
""",
        "sectors.yaml": "sectors:\n  automotive: {name: Automotive}\n",
        "companies.yaml": """\
companies:
  acme:
    name: BMW Brilliance Lydia plant
    summary: A plant in Shenyang.
    facts:
      - label: Suppliers
""",
        "maps.yaml": """\
layers:
  park:
    title: Sino-German Park
    credit: Schematic map
    zones:
      core: {name: Core zone}
""",
        "figures.yaml": """\
figures:
  output: {label: Output}
  suppliers: {label: Suppliers}
  output-goal: {label: Output target}
comparisons:
  output: {title: Industrial output, note: The 2025 output is an estimate.}
""",
        "glossary.yaml": """\
names:
  宝马里达工厂: BMW Brilliance Lydia plant
units:
  元: yuan
  家: ""
""",
    },
    "de": {
        "exhibition.yaml": f"""\
title: Testausstellung
home_tiles:
  timeline: {{title: {LONGEST_GERMAN}}}
sources:
  src-b: {{short: Presse B}}
""",
        "timeline.yaml": f"""\
events:
  approval: {{title: {LONGEST_GERMAN}, summary: Der Staatsrat genehmigte den {LONGEST_GERMAN}.}}
""",
        "sectors.yaml": f"sectors:\n  automotive: {{name: {LONGEST_GERMAN}}}\n",
        "companies.yaml": f"""\
companies:
  acme:
    name: {LONGEST_GERMAN}
    summary: Ein Werk in Shenyang.
    facts:
      - label: {LONGEST_GERMAN}
""",
        "figures.yaml": f"figures:\n  output: {{label: {LONGEST_GERMAN}}}\n",
        "glossary.yaml": 'units:\n  元: Yuan\n  家: ""\n',
    },
}


def extend_languages(content: Path) -> None:
    """English (complete) and German (partly, falling back to English) beside the Chinese."""
    exhibition = content / "exhibition.yaml"
    text = exhibition.read_text(encoding="utf-8")
    exhibition.write_text(text.replace("idle_timeout_s:", WRITTEN_VARIANTS + "idle_timeout_s:"), encoding="utf-8")
    for variant, files in TRANSLATIONS.items():
        folder = content / "translations" / variant
        folder.mkdir(parents=True)
        for name, body in files.items():
            (folder / name).write_text(body, encoding="utf-8")


def write_language_exhibition(root: Path) -> Path:
    content = write_exhibition(root)
    extend_languages(content)
    return content
