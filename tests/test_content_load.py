"""The loader and validator: every class of curator mistake gives a located, plain message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import load_content
from kiosk.content.model import PartialDate
from tests.factory import line_col, tiny_png


def problems(content: Path) -> list[str]:
    result = load_content(content)
    assert result.exhibition is None, "broken content must not produce an exhibition"
    return [str(p) for p in result.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def expect_one(content: Path, file: str, needle: str, *fragments: str, occurrence: int = 1) -> None:
    """Exactly one problem, at the needle's line:col in `file`, containing each fragment."""
    found = problems(content)
    assert len(found) == 1, found
    line, col = line_col(content / file, needle, occurrence=occurrence)
    assert found[0].startswith(f"{content / file}:{line}:{col}: ") or found[0].split(": ")[0].endswith(
        f"{file}:{line}:{col}"
    ), found[0]
    for fragment in fragments:
        assert fragment in found[0], found[0]


def test_valid_exhibition_loads(exhibition_dir: Path) -> None:
    result = load_content(exhibition_dir)
    assert result.problems == []
    ex = result.exhibition
    assert ex is not None
    assert [e.id for e in ex.events_sorted] == ["approval", "plant-opens"]
    assert ex.companies_by_id["acme"].location.layer == "park"
    assert result.summary()["events"] == 2
    assert [e.id for e in ex.events_for("acme")] == ["approval", "plant-opens"]


def test_model_is_immutable(exhibition_dir: Path) -> None:
    ex = load_content(exhibition_dir).exhibition
    with pytest.raises(Exception, match="frozen"):
        ex.settings.idle_timeout_s = 5  # type: ignore[misc]


def test_yaml_syntax_error_is_located(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "sectors.yaml", 'color: "#1F5AA6"', 'color: ["#1F5AA6"')
    found = problems(exhibition_dir)
    assert len(found) == 1
    assert "sectors.yaml:" in found[0]
    assert "YAML syntax" in found[0]
    assert "Traceback" not in found[0]


def test_tab_indentation(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "sectors.yaml", "    name: 汽车", "\tname: 汽车")
    found = problems(exhibition_dir)
    line, _ = line_col(exhibition_dir / "sectors.yaml", "\tname")
    assert found == [f"{exhibition_dir / 'sectors.yaml'}:{line}:1: indent with spaces, not tabs"] or found[0].endswith(
        f"sectors.yaml:{line}:1: indent with spaces, not tabs"
    )


def test_bad_encoding(exhibition_dir: Path) -> None:
    path = exhibition_dir / "figures.yaml"
    path.write_bytes(path.read_bytes().replace("产值".encode(), "产值".encode("gbk")))
    found = problems(exhibition_dir)
    assert len(found) == 1, found
    assert "figures.yaml:3:12:" in found[0]
    assert "UTF-8" in found[0]


def test_duplicate_key(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "figures.yaml", "    year: 2025\n", "    year: 2025\n    year: 2024\n")
    expect_one(exhibition_dir, "figures.yaml", "year: 2024", "duplicate key 'year'", "first given at line 6")


def test_unknown_key_suggests_the_right_one(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "companies.yaml", "    sector: automotive", "    secotr: automotive")
    found = problems(exhibition_dir)
    line, col = line_col(exhibition_dir / "companies.yaml", "secotr")
    assert any(f"companies.yaml:{line}:{col}: unknown key 'secotr' (did you mean 'sector'?)" in p for p in found), found
    assert any("'sector' is required" in p for p in found)


def test_missing_required_field(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "figures.yaml", "    unit: 亿元\n", "")
    expect_one(exhibition_dir, "figures.yaml", "id: output", "'unit' is required")


def test_wrong_type(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "figures.yaml", "value: 1220", "value: [1220]")
    expect_one(exhibition_dir, "figures.yaml", "[1220]", "expected a number", "got a list")


def test_text_field_wrong_type(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "sectors.yaml", "name: 汽车", "name: [汽车]")
    expect_one(exhibition_dir, "sectors.yaml", "[汽车]", "expected text, or a mapping per variant")


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [("2015-13", "month 13"), ("2015-02-30", "not a day of the calendar"), ("soon", "is not a date")],
)
def test_bad_dates(exhibition_dir: Path, bad: str, fragment: str) -> None:
    edit(exhibition_dir / "timeline.yaml", "date: 2015-12", f"date: {bad}")
    expect_one(exhibition_dir, "timeline.yaml", bad, fragment)


def test_partial_dates_parse_and_order() -> None:
    assert str(PartialDate.parse("2015")) == "2015"
    assert str(PartialDate.parse(2021)) == "2021"
    assert PartialDate.parse("2024-03").sort_key() < PartialDate.parse("2024-04").sort_key()


def test_dates_known_only_to_the_year_or_month_sort_after_the_dated_ones() -> None:
    """An event known only to 2024 is not placed before 2024's dated events as if it were 1 January."""
    year, month, day = PartialDate.parse("2024"), PartialDate.parse("2024-03"), PartialDate.parse("2024-03-27")
    assert sorted([year, month, day, PartialDate.parse("2024-12-31"), PartialDate.parse("2025-01")]) == [
        day, month, PartialDate.parse("2024-12-31"), year, PartialDate.parse("2025-01")]
    assert year.year_only
    assert not month.year_only
    assert (year.earliest(), year.latest()) == ((2024, 1, 1), (2024, 12, 31))


def test_a_range_may_end_in_the_year_it_starts(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "timeline.yaml", "    date: 2018\n", "    date: 2018-03\n    end: 2018\n")
    assert load_content(exhibition_dir).ok


def test_range_must_not_end_before_it_starts(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "timeline.yaml", "    date: 2018\n", "    date: 2018\n    end: 2017\n")
    expect_one(exhibition_dir, "timeline.yaml", "id: plant-opens", "end 2017 is before date 2018")


def test_duplicate_ids(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "timeline.yaml", "id: approval", "id: plant-opens")
    expect_one(exhibition_dir, "timeline.yaml", "plant-opens", "duplicate event id 'plant-opens' (first used at line 7)", occurrence=2)


def test_dangling_reference_across_files(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "companies.yaml", "sector: automotive", "sector: automotiv")
    expect_one(
        exhibition_dir, "companies.yaml", "automotiv", "sector 'automotiv' is not defined in sectors.yaml",
        "did you mean 'automotive'?",
    )


def test_event_names_unknown_company(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "timeline.yaml", "companies: [acme]", "companies: [acme, bmw]")
    expect_one(exhibition_dir, "timeline.yaml", "bmw", "company 'bmw' is not defined in companies.yaml")


@pytest.mark.parametrize(
    ("reference", "fragment"),
    [
        ("/etc/passwd", "absolute path"),
        ("C:\\\\photos\\\\a.png", "absolute path"),
        ("https://example.com/a.png", "web address"),
        ("../content/timeline.yaml", "climbs out of media/"),
        ("photos/plnat.png", "does not exist (did you mean 'plant.png'?)"),
    ],
)
def test_bad_media_references(exhibition_dir: Path, reference: str, fragment: str) -> None:
    edit(exhibition_dir / "timeline.yaml", "file: photos/plant.png", f'file: "{reference}"')
    expect_one(exhibition_dir, "timeline.yaml", f'"{reference}"', fragment)


def test_media_link_escaping_media_folder(exhibition_dir: Path) -> None:
    outside = exhibition_dir.parent / "secret.png"
    outside.write_bytes(tiny_png())
    (exhibition_dir.parent / "media" / "photos" / "link.png").symlink_to(outside)
    edit(exhibition_dir / "timeline.yaml", "photos/plant.png", "photos/link.png")
    expect_one(exhibition_dir, "timeline.yaml", "photos/", "leads outside media/")


def test_file_named_png_that_is_not_an_image(exhibition_dir: Path) -> None:
    (exhibition_dir.parent / "media" / "photos" / "plant.png").write_text("<html>not an image</html>")
    expect_one(exhibition_dir, "timeline.yaml", "photos/", "is named .png but is not an image")


def test_image_with_the_wrong_suffix(exhibition_dir: Path) -> None:
    (exhibition_dir.parent / "media" / "photos" / "plant.jpg").write_bytes(tiny_png())
    edit(exhibition_dir / "timeline.yaml", "photos/plant.png", "photos/plant.jpg")
    expect_one(exhibition_dir, "timeline.yaml", "photos/", "holds a PNG image; rename it to .png")


def test_zone_feature_missing_from_outline(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "maps.yaml", "feature: core", "feature: centre")
    expect_one(exhibition_dir, "maps.yaml", "centre", "feature 'centre' is not defined in media/maps/park.geojson")


def test_broken_geojson(exhibition_dir: Path) -> None:
    (exhibition_dir.parent / "media" / "maps" / "park.geojson").write_text("{not json")
    expect_one(exhibition_dir, "maps.yaml", "maps/park.geojson", "is not valid GeoJSON")


def test_billion_laughs_is_stopped(exhibition_dir: Path) -> None:
    bomb = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    (exhibition_dir / "glossary.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    found = problems(exhibition_dir)  # stopped at the alias count, before any expansion
    assert len(found) == 1
    assert "too many aliases" in found[0]
    assert "glossary.yaml:" in found[0]


def test_alias_loop_is_stopped(exhibition_dir: Path) -> None:
    (exhibition_dir / "glossary.yaml").write_text("phrases: &x\n  zh-Hant: [*x]\n", encoding="utf-8")
    expect_one(exhibition_dir, "glossary.yaml", "&x", "an alias refers to the value that contains it")


def test_file_too_large(exhibition_dir: Path) -> None:
    with (exhibition_dir / "figures.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# " + "x" * (11 * 1024 * 1024) + "\n")
    expect_one(exhibition_dir, "figures.yaml", "figures:", "content files must stay under 10 MB")


def test_python_tags_are_refused(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "figures.yaml", "value: 1220", "value: !!python/object/apply:os.system [echo hi]")
    expect_one(exhibition_dir, "figures.yaml", "!!python", "is not allowed in content")


def test_text_mapping_with_unknown_variant(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "sectors.yaml", "name: 汽车", "name: {zh-Hans: 汽车, zh-TW: 汽車}")
    expect_one(exhibition_dir, "sectors.yaml", "zh-TW", "'zh-TW' is not a variant this exhibition offers")


def test_default_variant_must_be_offered(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "exhibition.yaml", "default_variant: zh-Hans", "default_variant: en")
    expect_one(exhibition_dir, "exhibition.yaml", "title:", "default_variant 'en' is not one of the variants")


def test_every_problem_is_reported_at_once(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "figures.yaml", "value: 1220", "value: lots")
    edit(exhibition_dir / "sectors.yaml", "color: \"#1F5AA6\"", "color: blue")
    edit(exhibition_dir / "exhibition.yaml", "idle_timeout_s: 30", "idle_timeout_s: 1")
    found = problems(exhibition_dir)
    assert len(found) == 3, found
    assert any("figures.yaml" in p and "expected a number" in p for p in found)
    assert any("sectors.yaml" in p and "#RRGGBB" in p for p in found)
    assert any("exhibition.yaml" in p and "must be at least 10" in p for p in found)


def test_cli_validate_reports_without_traceback(exhibition_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(exhibition_dir)]) == 0
    assert "OK: 1 eras, 2 events" in capsys.readouterr().out
    edit(exhibition_dir / "companies.yaml", "sector: automotive", "sector: auto")
    assert main(["validate", str(exhibition_dir)]) == 1
    out = capsys.readouterr().out
    assert "companies.yaml:4:13: sector 'auto' is not defined in sectors.yaml" in out
    assert "Traceback" not in out


def test_schema_files_describe_each_content_file(exhibition_dir: Path, tmp_path: Path) -> None:
    assert main(["schema", str(exhibition_dir), "--out", str(tmp_path / "schema")]) == 0
    schema = json.loads((tmp_path / "schema" / "companies.schema.json").read_text(encoding="utf-8"))
    company = schema["$defs"]["Company"]
    assert company["additionalProperties"] is False
    assert "sector" in company["required"]
    assert "Sector id" in company["properties"]["sector"]["description"]


def test_ten_times_the_bundled_content_validates(tmp_path: Path) -> None:
    """How fast it loads is `kiosk bench --scale 10`'s figure; here, that it loads at all."""
    from kiosk.bench.scale import write_scaled_pack

    repo = Path(__file__).resolve().parent.parent
    content, media = write_scaled_pack(repo / "content", repo / "media", tmp_path, 10)
    result = load_content(content, media)
    assert result.problems == []
    assert len(result.exhibition.timeline.events) == 10 * len(load_content(repo / "content").exhibition.timeline.events)


def test_an_item_cites_several_sources_and_each_is_checked(exhibition_dir: Path) -> None:
    ex = load_content(exhibition_dir).exhibition
    assert ex is not None
    assert ex.events_by_id["approval"].source == ("src-a", "src-b")
    assert ex.events_by_id["plant-opens"].source == ("src-a",)  # one id reads as a list of one
    assert ex.companies_by_id["acme"].facts[0].source == ("src-b",)
    edit(exhibition_dir / "timeline.yaml", "source: [src-a, src-b]", "source: [src-a, src-c]")
    expect_one(exhibition_dir, "timeline.yaml", "src-c", "source 'src-c' is not defined in exhibition.yaml sources")


def test_a_key_facts_own_source_is_checked(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "companies.yaml", "        source: src-b", "        source: src-x")
    expect_one(exhibition_dir, "companies.yaml", "src-x", "source 'src-x' is not defined")


def test_qualifiers_are_the_sources_words_only(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "figures.yaml", "qualifier: 近", "qualifier: 大约")
    expect_one(exhibition_dir, "figures.yaml", "大约", "超", "不超过")


def test_zones_and_places_must_say_whether_they_are_planned(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "maps.yaml", "        status: planned\n", "")
    expect_one(exhibition_dir, "maps.yaml", "id: core", "'status' is required")


def test_a_comparisons_target_must_be_a_target(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "figures.yaml", "target: output-goal", "target: suppliers")
    expect_one(exhibition_dir, "figures.yaml", "suppliers", "'suppliers' is a result, not a target", occurrence=2)


def _chart(content: Path, kind: str, figures: str) -> None:
    with (content / "figures.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"charts:\n  - id: drawn\n    kind: {kind}\n    title: 图\n    figures: {figures}\n")


def test_a_chart_draws_figures_that_exist(exhibition_dir: Path) -> None:
    _chart(exhibition_dir, "ranking", "[output, outptu]")
    expect_one(exhibition_dir, "figures.yaml", "outptu", "figure 'outptu' is not defined", "did you mean 'output'?")


def test_a_share_chart_draws_percentages(exhibition_dir: Path) -> None:
    _chart(exhibition_dir, "share", "[output]")
    expect_one(exhibition_dir, "figures.yaml", "output]", "'output' is in 亿元", "percentages", occurrence=2)


def test_a_ranking_draws_two_figures_or_more_in_one_unit(exhibition_dir: Path) -> None:
    _chart(exhibition_dir, "ranking", "[output]")
    expect_one(exhibition_dir, "figures.yaml", "[output]", "two or more figures", occurrence=2)
    edit(exhibition_dir / "figures.yaml", "figures: [output]\n", "figures: [output, suppliers]\n")
    found = problems(exhibition_dir)
    assert len(found) == 2, found  # one unit, and one scope (suppliers is about Tiexi)
    assert any("one unit to one scale; these are in 亿元, 家" in problem for problem in found)
    assert any("its figures are about park, tiexi" in problem for problem in found)


def test_a_comparisons_results_must_be_reported(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "figures.yaml", "results: [output]", "results: [output, output-goal]")
    expect_one(exhibition_dir, "figures.yaml", "output-goal]", "'output-goal' is a target")
    edit(exhibition_dir / "figures.yaml", "results: [output, output-goal]", "results: [outptu]")
    expect_one(exhibition_dir, "figures.yaml", "outptu", "figure 'outptu' is not defined", "did you mean 'output'?")


def test_a_comparison_is_shown_with_its_event(exhibition_dir: Path) -> None:
    ex = load_content(exhibition_dir).exhibition
    assert ex is not None
    assert [c.id for c in ex.comparisons_for("plant-opens")] == ["output"]
    assert ex.comparisons_for("approval") == ()
    edit(exhibition_dir / "figures.yaml", "event: plant-opens", "event: plant-open")
    expect_one(exhibition_dir, "figures.yaml", "plant-open\n", "event 'plant-open' is not defined")


def test_the_bundled_schemas_match_the_model() -> None:
    """A curator's editor checks against content/.schema: it must say what the loader says."""
    from kiosk.content.model import FILE_MODELS
    from kiosk.content.schema import SCHEMA_DIR_NAME, schema_for

    folder = Path(__file__).resolve().parent.parent / "content" / SCHEMA_DIR_NAME
    for name in FILE_MODELS:
        written = json.loads((folder / name.replace(".yaml", ".schema.json")).read_text(encoding="utf-8"))
        assert written == schema_for(name), f"{name}: run `kiosk schema` after changing the model"


def test_an_outline_the_map_cannot_draw_is_a_located_problem(exhibition_dir: Path) -> None:
    path = exhibition_dir.parent / "media" / "maps" / "park.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["geometry"]["coordinates"] = [[["123.2", "north"]]]
    path.write_text(json.dumps(data), encoding="utf-8")
    expect_one(exhibition_dir, "maps.yaml", "maps/park.geojson", "feature 0 is not a polygon the map can draw")


def test_a_variant_offered_twice_is_refused(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "exhibition.yaml", "  - id: zh-Hant\n", "  - id: zh-Hans\n")
    line, col = line_col(exhibition_dir / "exhibition.yaml", "id: zh-Hans", occurrence=2)
    assert f"exhibition.yaml:{line}:{col + 4}: duplicate variant id 'zh-Hans' (first used at line" in "\n".join(
        problems(exhibition_dir))


def _square_ring(points: int) -> list[list[float]]:
    """A closed ring of `points` points round a small square."""
    ring = [[123.28 + 0.04 * (i / points), 41.71] for i in range(points - 1)]
    return [*ring, ring[0]]


def test_an_outline_too_heavy_to_draw_is_refused_with_a_way_out(exhibition_dir: Path) -> None:
    path = exhibition_dir.parent / "media" / "maps" / "park.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["geometry"]["coordinates"] = [_square_ring(25_000)]
    path.write_text(json.dumps(data), encoding="utf-8")
    expect_one(exhibition_dir, "maps.yaml", "maps/park.geojson", "outline 'core' has 25,000 points", "simplify")


def test_a_layer_too_heavy_to_draw_is_refused(exhibition_dir: Path) -> None:
    path = exhibition_dir.parent / "media" / "maps" / "park.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    feature = data["features"][0]
    data["features"] = [{**feature, "properties": {"id": f"f{n}"}, "geometry": {
        "type": "Polygon", "coordinates": [_square_ring(15_000)]}} for n in range(5)]
    data["features"][0]["properties"]["id"] = "core"
    path.write_text(json.dumps(data), encoding="utf-8")
    expect_one(exhibition_dir, "maps.yaml", "maps/park.geojson", "has 75,000 points", "60,000 per layer")


def test_a_right_to_left_override_is_reported_where_it_stands(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "companies.yaml", "name: 宝马里达工厂", "name: 宝马\u202e里达工厂")
    expect_one(exhibition_dir, "companies.yaml", "宝马\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE (character 3)",
               "turns the direction")


@pytest.mark.parametrize(("char", "name"), [("\U00020000", "U+20000 CJK UNIFIED IDEOGRAPH-20000"),
                                            ("\U0001F1E9", "U+1F1E9 REGIONAL INDICATOR SYMBOL LETTER D")])
def test_a_character_no_bundled_font_draws_is_reported(exhibition_dir: Path, char: str, name: str) -> None:
    edit(exhibition_dir / "timeline.yaml", "summary: 沈阳工厂投产。", f"summary: 沈阳工厂{char}投产。")
    expect_one(exhibition_dir, "timeline.yaml", "沈阳工厂", name, "empty box", occurrence=1)


def test_a_per_variant_text_is_checked_too(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "timeline.yaml", "    title: 工厂投产\n", "    title: {zh-Hans: 工厂投产, zh-Hant: \"工廠\u2066投產\"}\n")
    assert any("U+2066 LEFT-TO-RIGHT ISOLATE" in p for p in problems(exhibition_dir))


def test_the_font_coverage_table_matches_the_bundled_fonts() -> None:
    """Regenerate with `python packaging/font_coverage.py` when the fonts in media/fonts change."""
    import importlib.util

    from kiosk.content.font_coverage import COVERED

    repo = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("font_coverage_build", repo / "packaging" / "font_coverage.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert tuple(build.ranges(build.covered_code_points(repo / "media" / "fonts"))) == COVERED


SELF_CONTAINED_SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="30">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/></linearGradient></defs>
  <rect width="40" height="30" fill="url(#g)"/>
  <use xlink:href="#g"/>
</svg>
"""


@pytest.mark.parametrize("outside", ['<image href="../../../../etc/hostname" width="9" height="9"/>',
                                     '<image xlink:href="file:///etc/hostname"/>',
                                     '<rect style="fill: url(/etc/hostname)"/>'])
def test_an_svg_that_draws_something_outside_itself_is_refused_where_it_says_so(
        exhibition_dir: Path, outside: str) -> None:
    svg = exhibition_dir.parent / "media" / "photos" / "plan.svg"
    svg.write_text(SELF_CONTAINED_SVG.replace("</svg>", f"  {outside}\n</svg>"), encoding="utf-8")
    edit(exhibition_dir / "timeline.yaml", "photos/plant.png", "photos/plan.svg")
    expect_one(exhibition_dir, "timeline.yaml", "photos/plan.svg", "media/photos/plan.svg:5:", "outside itself")


def test_a_self_contained_svg_is_shown(exhibition_dir: Path) -> None:
    (exhibition_dir.parent / "media" / "photos" / "plan.svg").write_text(SELF_CONTAINED_SVG, encoding="utf-8")
    edit(exhibition_dir / "timeline.yaml", "photos/plant.png", "photos/plan.svg")
    assert load_content(exhibition_dir).ok


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header states a size (a decompression bomb needs no more than that)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def _jpeg_claiming(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0\x00\x11\x08" + height.to_bytes(2, "big") + width.to_bytes(2, "big") + b"\x03" + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


def test_a_decompression_bomb_is_refused_where_the_content_names_it(exhibition_dir: Path) -> None:
    (exhibition_dir.parent / "media" / "photos" / "plant.png").write_bytes(_png_claiming(30_000, 30_000))
    expect_one(exhibition_dir, "timeline.yaml", "photos/plant.png", "30,000 × 30,000 pixels (900 megapixels)",
               "scale it down")


def test_a_camera_sized_photo_passes_and_its_size_is_read_from_the_header(exhibition_dir: Path) -> None:
    from kiosk.content.media import image_size

    photo = exhibition_dir.parent / "media" / "photos" / "camera.jpg"
    photo.write_bytes(_jpeg_claiming(8_192, 5_464))  # a 45-megapixel camera
    assert image_size(photo, "jpeg") == (8_192, 5_464)
    edit(exhibition_dir / "timeline.yaml", "photos/plant.png", "photos/camera.jpg")
    assert load_content(exhibition_dir).ok
    photo.write_bytes(_jpeg_claiming(12_000, 9_000))
    expect_one(exhibition_dir, "timeline.yaml", "photos/camera.jpg", "108 megapixels")


def test_a_curators_theme_colour_that_makes_text_unreadable_is_located(exhibition_dir: Path) -> None:
    with (exhibition_dir / "exhibition.yaml").open("a", encoding="utf-8") as handle:
        handle.write('theme:\n  ink: "#9AA3AB"\n')
    expect_one(exhibition_dir, "exhibition.yaml", '"#9AA3AB"', "too faint to read: ink on paper (2.29:1), ",
               "ink on surface (2.56:1)", "choose a darker ink")


def test_an_icon_from_a_set_the_kiosk_does_not_carry_is_located(exhibition_dir: Path) -> None:
    """The kiosk carries Material Design Icons 6 alone: a Font Awesome name would show a dot."""
    edit(exhibition_dir / "sectors.yaml", '    color: "#1F5AA6"\n', '    color: "#1F5AA6"\n    icon: mdi6.car-side\n')
    assert load_content(exhibition_dir).ok
    edit(exhibition_dir / "sectors.yaml", "mdi6.car-side", "fa5s.industry")
    expect_one(exhibition_dir, "sectors.yaml", "fa5s.industry", "mdi6")
