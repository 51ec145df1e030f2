"""`kiosk bench`: the figures come out complete and well-formed, and scaled packs validate.

Speed is not judged here (benchmarks are not tests): only that every figure is there, is a
number of the right kind, and that the run itself succeeds.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import pytest

from kiosk.bench.scale import write_scaled_pack
from kiosk.bench.stats import percentile, summary
from kiosk.cli import main
from kiosk.content import load_content

REPO = Path(__file__).resolve().parent.parent

NAVIGATIONS = {"home->timeline", "timeline->event", "home->map", "map->layer", "map->marker",
               "home->companies", "companies->profile", "back"}
POSITIVE = ["cold_start_s", "bare_qt_s", "cold_start_ratio", "nav_p95_ms", "toggle_p95_ms", "frame_p95_ms",
            "rss_mib", "load_s"]


def positive(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value > 0


@pytest.mark.gui  # Qt runs in the bench's child processes; slow (~30 s), so out of the quick loop
@pytest.mark.slow
def test_quick_json_has_every_figure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--quick", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)

    for key in POSITIVE:
        assert positive(figures[key]), key
    assert figures["scale"] == 1
    assert isinstance(figures["rss_growth_mib"], float)  # may be negative: memory can be given back
    assert abs(figures["rss_growth_mib"]) < figures["rss_mib"]
    for key in ("qobjects_before", "qobjects_after"):
        assert isinstance(figures[key], int), key
        assert figures[key] > 0, key
    assert figures["cold_start_ratio"] == pytest.approx(figures["cold_start_s"] / figures["bare_qt_s"], rel=0.05)

    assert set(figures["nav_ms"]) == NAVIGATIONS
    for name, nav in figures["nav_ms"].items():
        assert all(positive(nav[k]) for k in ("first_ms", "median", "p95", "max")), name
        assert nav["median"] <= nav["p95"] <= nav["max"], name
    assert figures["nav_p95_ms"] == max(nav["p95"] for nav in figures["nav_ms"].values())

    toggles = {k: v for k, v in figures["toggle_ms"].items() if isinstance(v, dict) and "p95" in v}
    assert set(toggles) == {"home", "timeline+detail", "profile", "companies", "map"}
    assert set(figures["toggle_ms"]["first_by_variant"]) == {"zh-Hant", "en", "de"}  # every language once
    # The first switch into a language is kept apart on every screen, not only the first screen.
    assert all(positive(t["first_ms"]) for t in toggles.values())
    assert figures["toggle_first_ms"] == max(t["first_ms"] for t in toggles.values())
    assert figures["toggle_first_ms"] == max(figures["toggle_ms"]["first_by_variant"].values())
    assert figures["toggle_p95_ms"] == max(t["p95"] for t in toggles.values())
    assert all(positive(t["after_paint_p95"]) for t in toggles.values())
    assert positive(figures["warm_up_done_s"])

    runs = figures["frame_ms"]
    assert {"timeline-flick", "companies-flick"} <= set(runs)
    assert any(name.startswith("map-zoom") for name in runs)
    for name, run in runs.items():
        assert positive(run["median"]), name
        assert positive(run["p95"]), name
        assert run["n"] > 0, name
    assert runs["timeline-flick"]["scrolled_px"] > 0, "the flick must actually move the track"
    assert figures["frame_p95_ms"] == max(run["p95"] for run in runs.values())

    assert set(figures["targets"]) == {"cold_start_s", "nav_p95_ms", "toggle_p95_ms", "toggle_first_ms",
                                       "frame_p95_ms", "rss_mib", "rss_growth_mib"}
    assert {t["result"] for t in figures["targets"].values()} <= {"PASS", "MISS"}


def test_scale_two_doubles_the_pack_and_validates(tmp_path: Path) -> None:
    content, media = write_scaled_pack(REPO / "content", REPO / "media", tmp_path, 2)
    scaled = load_content(content, media)
    original = load_content(REPO / "content", REPO / "media")
    assert scaled.ok, scaled.problems[:5]
    ex, base = scaled.exhibition, original.exhibition
    assert len(ex.timeline.events) == 2 * len(base.timeline.events)
    assert len(ex.companies) == 2 * len(base.companies)
    assert len(ex.figures) == 2 * len(base.figures)
    places = sum(len(layer.places) for layer in ex.layers)
    assert places == 2 * sum(len(layer.places) for layer in base.layers)
    copy_ids = {c.id for c in ex.companies} - {c.id for c in base.companies}
    assert copy_ids == {f"{c.id}-2" for c in base.companies}
    # copy 2 refers to copy 2: no event of one copy points at a company of the other
    for event in ex.timeline.events:
        assert all(c.endswith("-2") == event.id.endswith("-2") for c in event.companies), event.id
    assert len(set(map(str, (c.name for c in ex.companies))) & set(map(str, (c.name for c in base.companies)))) \
        == len(base.companies), "copies are renamed, so the script cache cannot share their texts"
    spots = Counter((c.location.layer, c.location.lon, c.location.lat) for c in ex.companies if c.location)
    assert max(spots.values()) == 1, "a copied marker is nudged off its original"


@pytest.mark.gui  # the photos are painted by Qt
def test_the_media_pack_puts_photos_on_every_fifth_company_and_a_film_on_the_first_event(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    from kiosk.bench.media_pack import PHOTO_EVERY, PHOTOS_EACH, write_media_pack

    content, media, notes = write_media_pack(REPO / "content", REPO / "media", tmp_path, photo_size=(640, 427))
    assert notes == [], "ffmpeg is there to make the film"
    result = load_content(content, media)
    assert result.ok, result.problems[:5]
    companies = result.exhibition.companies
    photographed = [c for c in companies if c.media]
    assert len(photographed) == len(companies[::PHOTO_EVERY])
    assert all(len(c.media) == PHOTOS_EACH for c in photographed)
    files = {m.file for c in photographed for m in c.media}
    assert len(files) == len(photographed) * PHOTOS_EACH, "every photo its own file: no cache can share them"
    first = result.exhibition.timeline.events[0]
    assert [m.file for m in first.media if m.is_film] == ["bench/film.mp4"]


def test_media_targets_are_judged_only_when_measured() -> None:
    from kiosk.bench.report import judge

    assert "viewer_open_p95_ms" not in judge({"scale": 1})
    assert judge({"scale": 1, "viewer_open_p95_ms": 17.2})["viewer_open_p95_ms"]["result"] == "PASS"
    assert judge({"scale": 1})["rss_mib"]["result"] == "MISS", "a core figure missing is a miss"


def test_percentiles() -> None:
    assert percentile([3.0], 95) == 3.0
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile(list(map(float, range(101))), 95) == pytest.approx(95.0)
    assert summary([])["n"] == 0
    assert summary([1.0, 2.0, 10.0]) == {"median": 2.0, "p95": 9.2, "max": 10.0, "n": 3}
