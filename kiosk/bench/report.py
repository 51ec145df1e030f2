"""Targets for each figure, and the two ways of showing a run: a table for people, JSON for tools."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

FRAME_BUDGET_MS = 16.7  # one frame at 60 Hz


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    limit: float
    unit: str
    media: bool = False  # measured only on a pack with photos and films


def targets(scale: int) -> list[Target]:
    """The targets (offscreen, 1920x1080, 2 cores); a larger pack may take longer to start."""
    return [
        Target("cold_start_s", "cold start to first frame (median)", 1.0 if scale <= 1 else 2.0, "s"),
        Target("nav_p95_ms", "navigation p95 (worst navigation)", 100.0, "ms"),
        Target("toggle_p95_ms", "language switch p95 (busiest screen)", 50.0, "ms"),
        Target("toggle_first_ms", "first switch into a language on a screen (worst)", 100.0, "ms"),
        Target("frame_p95_ms", "frame p95 while flicking/zooming (worst run)", FRAME_BUDGET_MS, "ms"),
        Target("rss_mib", "resident memory after the walks", 350.0, "MiB"),
        Target("rss_growth_mib", "memory growth over a repeated walk", 20.0, "MiB"),
        # With --media-pack (photos and a film): judged only when measured.
        Target("media_profile_p95_ms", "profile with photos, tap to first paint p95", 33.0, "ms", media=True),
        Target("media_profile_first_ms", "profile with photos, first visit (worst)", 100.0, "ms", media=True),
        Target("viewer_open_p95_ms", "photo viewer open p95", 50.0, "ms", media=True),
        Target("film_first_frame_ms", "film, tap to first frame (worst)", 500.0, "ms", media=True),
        Target("rss_media_mib", "memory after every photo and the film, twice", 350.0, "MiB", media=True),
        Target("rss_media_growth_mib", "memory growth over the second round", 10.0, "MiB", media=True),
    ]


def judge(figures: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each target with its figure and PASS/MISS (a missing or NaN figure is a MISS)."""
    verdicts = {}
    for target in targets(int(figures.get("scale", 1))):
        if target.media and target.key not in figures:
            continue
        value = figures.get(target.key)
        ok = isinstance(value, int | float) and not math.isnan(value) and value <= target.limit
        verdicts[target.key] = {"value": value, "target": target.limit, "unit": target.unit,
                                "result": "PASS" if ok else "MISS"}
    return verdicts


def to_json(figures: dict[str, Any]) -> str:
    return json.dumps(figures, ensure_ascii=False, indent=2, allow_nan=True)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def _row(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [_row(header, widths), _row(["-" * w for w in widths], widths), *(_row(r, widths) for r in rows)]


def to_table(figures: dict[str, Any]) -> str:
    lines = [f"kiosk bench: scale {figures['scale']} ({_counts(figures)}), {figures['mode']} mode, "
             f"offscreen {figures['size']}, load average {figures['env']['loadavg_before']} -> "
             f"{figures['env']['loadavg_after']}", ""]
    verdicts = figures["targets"]
    labels = {t.key: t.label for t in targets(int(figures["scale"]))}
    rows = [[labels[k], f"{_fmt(v['value'])} {v['unit']}", f"<= {_fmt(v['target'])} {v['unit']}", v["result"]]
            for k, v in verdicts.items()]
    lines += _table(["figure", "value", "target", "result"], rows)

    cold, bare = figures["cold_start"], figures["bare_qt"]
    lines += ["", f"cold start: kiosk median {_fmt(cold['median'])} s (p95 {_fmt(cold['p95'])} s, runs "
              f"{', '.join(_fmt(x) for x in cold['runs'])}); bare PySide6 window median {_fmt(bare['median'])} s; "
              f"ratio {_fmt(figures['cold_start_ratio'])}x"]
    load = figures["load"]
    lines.append(f"content load + validation: median {_fmt(load['median'])} s, p95 {_fmt(load['p95'])} s "
                 f"(first {_fmt(load['first_s'])} s)")

    lines += ["", "navigation (tap -> end of the first paint), ms; 'grab p95' adds a second, full paint:"]
    rows = [[name, _fmt(v["first_ms"]), _fmt(v["median"]), _fmt(v["p95"]), _fmt(v["max"]), _fmt(v["grab_p95"]),
             "PASS" if v["p95"] <= 100 else "MISS"] for name, v in figures["nav_ms"].items()]
    lines += _table(["navigation", "first", "median", "p95", "max", "grab p95", "p95<=100"], rows)

    toggle = figures["toggle_ms"]
    firsts = ", ".join(f"{v} {_fmt(ms)}" for v, ms in toggle.get("first_by_variant", {}).items())
    lines += ["", f"language switch, ms ('first': the first switch into each language on that screen, the worst "
                  f"of them; worst by language: {firsts}; the rest make median, p95 and max; "
                  f"warm-up done {_fmt(figures.get('warm_up_done_s', float('nan')))} s after start):"]
    rows = [[name, _fmt(v["first_ms"]), _fmt(v["median"]), _fmt(v["p95"]), _fmt(v["max"]), _fmt(v["grab_p95"]),
             _fmt(v.get("after_paint_p95", float("nan"))), "PASS" if v["p95"] <= 50 else "MISS"]
            for name, v in toggle.items() if isinstance(v, dict) and "p95" in v]
    lines += _table(["screen", "first", "median", "p95", "max", "grab p95", "after paint p95", "p95<=50"], rows)
    lines += ["('after paint': the longest pass of the event loop in the 0.2 s after the paint, where the texts "
              "out of sight follow)"]

    lines += ["", "frames while flicking / zooming (60 Hz pacing), ms:"]
    rows = []
    for name, v in figures["frame_ms"].items():
        moved = f"{v['scrolled_px']} px, {v['flicks']} flick(s)" if "scrolled_px" in v else f"zoom x{v['zoom_range']}"
        rows.append([name, _fmt(v["median"]), _fmt(v["p95"]), _fmt(v["max"]), f"{v['n']} ({v['forced_paints']})",
                     moved, "PASS" if v["p95"] <= FRAME_BUDGET_MS else "MISS"])
    lines += _table(["run", "median", "p95", "max", "frames (forced)", "movement", "p95<=16.7"], rows)

    lines += ["", f"memory: RSS {figures['rss_start_mib']} MiB after start, {figures['rss_views_built_mib']} MiB with "
              f"every view built, {figures['rss_first_walk_mib']} MiB after a first walk of {figures['walk_steps']} "
              f"navigations (+{figures['rss_first_walk_growth_mib']} MiB: caches and first visits), "
              f"{figures['rss_mib']} MiB after the same walk again (growth {figures['rss_growth_mib']} MiB); "
              f"peak {figures['rss_peak_mib']} MiB",
              f"live objects before -> after both walks: QObjects {figures['qobjects_before']} -> "
              f"{figures['qobjects_after']}, scene items {figures['scene_items_before']} -> "
              f"{figures['scene_items_after']}, Python objects {figures['python_objects_before']} -> "
              f"{figures['python_objects_after']}"]
    for note in figures.get("notes", []):
        lines.append(f"note: {note}")
    return "\n".join(lines)


def _counts(figures: dict[str, Any]) -> str:
    content = figures.get("content", {})
    return ", ".join(f"{content[k]} {k}" for k in ("events", "companies", "figures") if k in content)
