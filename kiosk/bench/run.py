"""The `kiosk bench` verb: generate a scaled pack if asked, time cold starts, run a measuring
session in a child process, judge the figures against their targets and print them.

The exit code says whether the benchmark ran, never whether the kiosk met its targets.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Any

from kiosk.bench import coldstart, report
from kiosk.bench.stats import summary

SESSION_TIMEOUT_S = 3 * 3600  # phases stop sampling early on huge packs; this only catches a hang


def _progress(text: str) -> None:
    sys.stderr.write(f"bench: {text}\n")
    sys.stderr.flush()


def _loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):  # Windows
        return None


def _file_limit(content: Path) -> int | None:
    """A raised per-file cap if the pack outgrows the loader's, else None."""
    from kiosk.content import yamlsource

    largest = max(p.stat().st_size for p in content.glob("*.yaml"))
    return largest + 1 if largest > yamlsource.MAX_FILE_BYTES else None


def measure_load(content: Path, media: Path, limit: int | None, repeats: int) -> tuple[dict[str, Any], list[str]]:
    """Content load and validation: the first load (cold caches in pydantic and the file system),
    then the median of `repeats` more. Timed here, in the parent, which shows nothing."""
    from kiosk.content import load_content, yamlsource

    saved = yamlsource.MAX_FILE_BYTES
    if limit:
        yamlsource.MAX_FILE_BYTES = limit
    try:
        start = time.perf_counter()
        result = load_content(content, media)
        first = time.perf_counter() - start
        runs = []
        for _ in range(repeats if result.ok else 0):
            start = time.perf_counter()
            load_content(content, media)
            runs.append(time.perf_counter() - start)
    finally:
        yamlsource.MAX_FILE_BYTES = saved
    load = {"first_s": round(first, 4), **summary(runs, 4)}
    return {"load_s": load["median"], "load": load}, [str(p) for p in result.problems]


def measure_cold_start(content: Path, media: Path, runs: int, env: dict[str, str]) -> dict[str, Any]:
    """Kiosk and bare PySide6 launches interleaved (so load spikes hit both), one warm-up each."""
    samples: dict[str, list[float]] = {"kiosk": [], "bare": []}
    for kind in samples:  # warm the file cache and Python's bytecode cache; not counted
        coldstart.launch(kind, content, media, env)
    for n in range(runs):
        for kind in samples:
            samples[kind].append(coldstart.launch(kind, content, media, env))
        _progress(f"cold start {n + 1}/{runs}: kiosk {samples['kiosk'][-1]:.3f} s, bare {samples['bare'][-1]:.3f} s")
    kiosk, bare = (dict(summary(samples[k], 3), runs=[round(x, 3) for x in samples[k]]) for k in ("kiosk", "bare"))
    return {
        "cold_start_s": kiosk["median"],
        "bare_qt_s": bare["median"],
        "cold_start_ratio": round(statistics.median(samples["kiosk"]) / statistics.median(samples["bare"]), 2),
        "cold_start": kiosk,
        "bare_qt": bare,
    }


def _pump(stream: IO[str], keep: list[str], relay: bool) -> None:
    for line in stream:
        keep.append(line)
        if relay and line.startswith("bench:"):
            sys.stderr.write(line)
            sys.stderr.flush()


def run_session(content: Path, media: Path, quick: bool, env: dict[str, str]) -> dict[str, Any]:
    """The measuring session in its own process; its progress lines are relayed as they come."""
    argv = [sys.executable, "-m", "kiosk.bench.session", str(content), str(media)] + (["--quick"] if quick else [])
    out: list[str] = []
    err: list[str] = []
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True) as process:
        readers = [threading.Thread(target=_pump, args=(process.stdout, out, False), daemon=True),
                   threading.Thread(target=_pump, args=(process.stderr, err, True), daemon=True)]
        for reader in readers:
            reader.start()
        try:
            process.wait(timeout=SESSION_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        finally:
            for reader in readers:
                reader.join()
    lines = [line for line in out if line.startswith("{")]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"the measuring session failed (exit {process.returncode}):\n"
                           f"{''.join(out)[-2000:]}{''.join(err)[-4000:]}")
    return json.loads(lines[-1])


def bench(args: argparse.Namespace) -> dict[str, Any]:
    content = Path(args.content).resolve()
    media = Path(args.media).resolve() if args.media else content.parent / "media"
    scale = max(1, int(args.scale))
    figures: dict[str, Any] = {"scale": scale, "mode": "quick" if args.quick else "full", "size": "1920x1080",
                               "notes": []}
    env_info: dict[str, Any] = {"python": platform.python_version(), "platform": platform.platform(),
                                "cpus": os.cpu_count(), "loadavg_before": _loadavg()}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as scratch:
        root = Path(scratch)
        env = coldstart.child_env(os.environ, root / "machine")
        variants = [v for v in (args.variants or "").split(",") if v]
        if scale > 1 or variants:
            from kiosk.bench.scale import write_scaled_pack

            start = time.perf_counter()
            content, media = write_scaled_pack(content, media, root / "pack", scale, variants)
            _progress(f"wrote a pack {scale}x the content in {time.perf_counter() - start:.1f} s: {content}")
            if variants:
                figures["variants"] = variants
        if getattr(args, "media_pack", False):
            from kiosk.bench.media_pack import write_media_pack

            start = time.perf_counter()
            content, media, notes = write_media_pack(content, media, root / "media-pack")
            figures["media_pack"] = True
            figures["notes"] += notes
            _progress(f"wrote the media pack (40 MP photos, a film) in {time.perf_counter() - start:.1f} s")
        limit = _file_limit(content)
        if limit:
            env[coldstart.LIMIT_ENV] = str(limit)
            figures["file_limit_lifted"] = True
            figures["notes"].append(
                f"content files of up to {limit / 2**20:.1f} MB exceed the loader's per-file cap "
                "(kiosk/content/yamlsource.py MAX_FILE_BYTES): a real kiosk refuses this pack; "
                "the benchmark lifted the cap in its own processes to measure it anyway")
        loads, problems = measure_load(content, media, limit, 3 if args.quick else 7)
        if problems:
            raise RuntimeError("the content does not validate:\n" + "\n".join(problems[:20]))
        figures.update(loads)
        runs = 3 if args.quick else 7
        figures.update(measure_cold_start(content, media, runs, env))
        _progress("measuring navigation, toggle, frames and memory in one session ...")
        figures.update(run_session(content, media, args.quick, env))
    env_info["loadavg_after"] = _loadavg()
    figures["env"] = env_info
    figures["targets"] = report.judge(figures)
    if figures.get("cut_short"):
        figures["notes"].append("stopped sampling early (phase over its time budget, at least 5 samples kept): "
                                + ", ".join(figures["cut_short"]))
    if args.quick:
        figures["notes"].append(f"quick mode: {figures['walk_steps']} navigations per memory walk "
                                "(the growth target is for 2,000) and fewer samples everywhere")
    return figures


def run_bench(args: argparse.Namespace) -> int:
    try:
        figures = bench(args)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        sys.stderr.write(f"kiosk bench: {exc}\n")
        return 1
    sys.stdout.write((report.to_json(figures) if args.json else report.to_table(figures)) + "\n")
    return 0
