"""The in-process measurements, run in a child process of their own (`python -m kiosk.bench.session`).

One fresh process per run keeps the memory figures free of the parent's and of earlier runs'.
It loads the content (timed), builds the kiosk at 1920x1080 offscreen and measures, in order:
every navigation (the first, cold visit, then warm repeats), the script toggle, frame times while
flicking and zooming, and memory and live objects across a long scripted walk. It prints one
JSON object as its last line of stdout.

Timings are wall clock (time.perf_counter) from the call a tap makes to the end of the first
paint it causes: the call, then processEvents(), which runs the posted layouts and timers and,
offscreen as on screen, paints what changed. A watcher counts the window's Paint events; only
if the event loop painted nothing is a paint forced (repaint()). Timing a window.grab() on top
would paint the whole screen a second time, so that figure (call + processEvents + grab, as
first specified) is reported beside it as `grab_p95` for comparison, not as the result.
Set-up between samples is untimed, and so is flushing deleteLater()'d objects, which the real
event loop does after the frame.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.ui.import_hook import spare_source_reads  # noqa: E402

spare_source_reads()  # as the kiosk does, before the modules below are imported
from PySide6 import __version__ as pyside_version  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QPointF  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsView, QScrollArea, QScroller  # noqa: E402

from kiosk.bench.coldstart import apply_file_limit  # noqa: E402
from kiosk.bench.memory import rss_mib  # noqa: E402
from kiosk.bench.stats import summary  # noqa: E402

WIDTH, HEIGHT = 1920, 1080
FRAME_S = 1 / 60  # the pace frames are asked for, as a 60 Hz display would
START_IDLE_S = 1.5  # on the home screen before the first tap; start-up timers fire meanwhile
IDLE_TICK_S = 0.005
WARM_UP_LIMIT_S = 60  # waited for at most, after the start
AFTER_PAINT_S = 0.2  # watched after a switch's paint, for the work deferred past it
PINCH_GAP = 240  # px between two fingers as a pinch stroke starts
PINCH_SPREAD = 2.5  # a stroke ends with the fingers this many times farther apart
PINCH_FRAMES = 12  # finger moves in a stroke (a fifth of a second at 60 Hz)
MEDIA_WAIT_S = 10  # a decode or a film's first frame waited for at most
MEDIA_REPEATS = 3  # warm visits to each profile with photos
FILM_WATCH_S = 1.0  # a film plays this long before it is stopped


@dataclass(frozen=True)
class Plan:
    """How many samples of each kind; --quick trades precision for time."""

    nav_repeats: int
    toggle_repeats: int  # per screen: the first switch into each language is kept apart, the rest sampled
    frame_seconds: float
    walk_steps: int
    load_repeats: int
    phase_budget_s: float  # a phase that takes longer stops sampling early (huge packs), see `cut_short`

    @classmethod
    def for_mode(cls, quick: bool) -> Plan:
        if quick:
            return cls(nav_repeats=10, toggle_repeats=8, frame_seconds=1.0, walk_steps=200, load_repeats=3,
                       phase_budget_s=60)
        return cls(nav_repeats=30, toggle_repeats=26, frame_seconds=2.0, walk_steps=2000, load_repeats=7,
                   phase_budget_s=300)  # load_repeats: used by the parent (kiosk.bench.run)


MIN_SAMPLES = 5  # a phase over its budget still takes this many samples of everything


def progress(text: str) -> None:
    """A line for the parent to relay (it shows lines starting with 'bench:' and drops Qt's noise)."""
    sys.stderr.write(f"bench: {text}\n")
    sys.stderr.flush()


class PaintWatch(QObject):
    """Counts the Paint events one widget receives (for the window: one per frame painted)."""

    def __init__(self, widget: Any) -> None:
        super().__init__(widget)
        self.widget = widget
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False

    def detach(self) -> None:
        self.widget.removeEventFilter(self)
        self.deleteLater()


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


class Session:
    def __init__(self, content: Path, media: Path, plan: Plan) -> None:
        self.content, self.media, self.plan = content, media, plan
        self.out: dict[str, Any] = {"cut_short": []}

    def over_budget(self, phase: str, started: float, samples: int) -> bool:
        """True (and noted in `cut_short`) once a phase has its minimum samples and has run too long."""
        if samples >= MIN_SAMPLES and time.perf_counter() - started > self.plan.phase_budget_s:
            if phase not in self.out["cut_short"]:
                self.out["cut_short"].append(phase)
            return True
        return False

    # --- set-up --------------------------------------------------------------------------------
    def measure_load(self) -> Any:
        """Load the content once, as the kiosk does (repeated loads are timed by the parent:
        here they would leave their garbage in the heap the memory figures measure)."""
        from kiosk.content import load_content

        start = time.perf_counter()
        result = load_content(self.content, self.media)
        self.out["session_load_s"] = round(time.perf_counter() - start, 4)
        if not result.ok:
            raise SystemExit("content does not validate:\n" + "\n".join(map(str, result.problems[:20])))
        self.out["content"] = result.summary()
        return result

    def build(self, result: Any) -> None:
        from kiosk.screens import Screen
        from kiosk.ui.app import build_window, qt_application

        self.Screen = Screen
        self.app: QApplication = qt_application()
        self.deferred_delete = QEvent.Type.DeferredDelete
        start = time.perf_counter()
        from kiosk.runtime.machine import thumbnails_dir

        self.kiosk = build_window(result, self.media, thumbnails=thumbnails_dir())  # the child's own machine dir
        self.window = self.kiosk.window
        self.window.resize(WIDTH, HEIGHT)
        self.window.show()
        self.app.processEvents()
        self.window.grab()
        self.out["qt"] = pyside_version
        self.out["build_and_first_paint_ms"] = round(ms_since(start), 1)
        self.out["start_up_stall_ms"] = round(self.idle(START_IDLE_S), 1)
        # The warm-up (texts converted and hyphenated in every language, views built) ends a
        # little later; a visitor who comes then finds everything ready. When it ended:
        while self.window.warming() and ms_since(start) < WARM_UP_LIMIT_S * 1000:
            self.idle(IDLE_TICK_S)
        self.out["warm_up_done_s"] = round(ms_since(start) / 1000, 2)
        self.out["rss_start_mib"] = rss_mib()
        self.paints = PaintWatch(self.window)
        ex = self.kiosk.ctx.exhibition
        self.events = [e.id for e in ex.events_sorted]
        self.companies = [c.id for c in ex.companies]
        self.layers = [layer.id for layer in ex.layers]
        self.located = [(c.id, c.location.layer) for c in ex.companies
                        if c.location is not None and c.location.layer in ex.layers_by_id]
        self.variants = [v.id for v in self.kiosk.ctx.engine.variants]

    def settle(self) -> None:
        """What the event loop does after a frame: posted events, then deleteLater()'d objects."""
        self.app.processEvents()
        self.app.sendPostedEvents(None, self.deferred_delete)
        self.app.processEvents()

    def idle(self, seconds: float) -> float:
        """Run the event loop with nothing to do for `seconds` (the kiosk on its home screen before
        the first tap: start-up timers such as the script engine's warm-up run now). Returns the
        longest single pass, i.e. how long a tap at the worst moment would have had to wait."""
        longest = 0.0
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            start = time.perf_counter()
            self.app.processEvents()
            longest = max(longest, ms_since(start))
            time.sleep(IDLE_TICK_S)
        return longest

    def loop_once(self) -> None:
        """One pass of the event loop, and the update requests that pass posted (a scroll step
        posts its repaint while being processed; the real loop paints it without waiting)."""
        self.app.processEvents()
        self.app.sendPostedEvents()

    def frame(self) -> None:
        self.app.processEvents()
        self.window.grab()

    def timed(self, action: Callable[[], None]) -> tuple[float, float]:
        """(ms to the first paint the action causes, ms including a full window.grab() after it)."""
        self.paints.count = 0
        start = time.perf_counter()
        action()
        self.loop_once()
        if not self.paints.count:
            self.window.repaint()
        painted = ms_since(start)
        self.window.grab()
        return painted, ms_since(start)

    # --- navigation ----------------------------------------------------------------------------
    def _close_detail(self) -> None:
        view = self.window.view(self.Screen.TIMELINE)
        close = getattr(view, "close_event", None)
        if close is not None:
            close()

    def navigations(self) -> dict[str, tuple[Callable[[int], None], Callable[[int], None]]]:
        """name -> (set-up for sample i, the tap of sample i). Items cycle so no two in a row match."""
        S, w = self.Screen, self.window
        events, companies, layers, located = self.events, self.companies, self.layers, self.located
        stride = max(1, len(events) // 7)  # jump along the track, not to the neighbour

        def event_of(i: int) -> str:
            return events[(i * stride + i // 7) % len(events)]

        def to_timeline(_i: int) -> None:
            w.navigate(S.TIMELINE)
            self._close_detail()

        def back_setup(i: int) -> None:
            w.navigate(S.HOME)
            kind = i % 3
            if kind == 0:
                w.navigate(S.COMPANIES)
                w.navigate(S.PROFILE, companies[i % len(companies)])
            elif kind == 1 and located:
                company, layer = located[i % len(located)]
                w.navigate(S.MAP, layer)
                w.navigate(S.MAP, company)
            else:
                w.navigate(S.TIMELINE)
                w.navigate(S.TIMELINE, event_of(i))

        navs: dict[str, tuple[Callable[[int], None], Callable[[int], None]]] = {
            "home->timeline": (lambda _i: w.navigate(S.HOME), lambda _i: w.navigate(S.TIMELINE)),
            "timeline->event": (to_timeline, lambda i: w.navigate(S.TIMELINE, event_of(i))),
            "home->map": (lambda _i: w.navigate(S.HOME), lambda _i: w.navigate(S.MAP)),
            "map->layer": (lambda i: w.navigate(S.MAP, layers[i % len(layers)]),
                           lambda i: w.navigate(S.MAP, layers[(i + 1) % len(layers)])),
        }
        if located:
            navs["map->marker"] = (lambda i: w.navigate(S.MAP, located[i % len(located)][1]),
                                   lambda i: w.navigate(S.MAP, located[i % len(located)][0]))
        navs["home->companies"] = (lambda _i: w.navigate(S.HOME), lambda _i: w.navigate(S.COMPANIES))
        navs["companies->profile"] = (lambda _i: w.navigate(S.COMPANIES),
                                      lambda i: w.navigate(S.PROFILE, companies[i % len(companies)]))
        navs["back"] = (back_setup, lambda _i: w.back())
        return navs

    def measure_navigation(self) -> None:
        navs = self.navigations()
        first: dict[str, tuple[float, float]] = {}
        warm: dict[str, list[tuple[float, float]]] = {name: [] for name in navs}
        for name, (setup, action) in navs.items():  # the first visit builds the views: cold
            setup(0)
            self.settle()
            first[name] = self.timed(lambda a=action: a(0))
        started = time.perf_counter()
        for i in range(1, self.plan.nav_repeats + 1):  # then round robin, as a visitor wanders
            for name, (setup, action) in navs.items():
                setup(i)
                self.settle()
                warm[name].append(self.timed(lambda a=action, n=i: a(n)))
            if self.over_budget("navigation", started, i):
                break
        self.out["nav_ms"] = {name: {"first_ms": round(first[name][0], 1), **summary([t[0] for t in warm[name]], 1),
                                     "grab_p95": summary([t[1] for t in warm[name]], 1)["p95"]} for name in navs}
        self.out["nav_p95_ms"] = max(v["p95"] for v in self.out["nav_ms"].values())
        self.out["nav_worst"] = max(self.out["nav_ms"], key=lambda n: self.out["nav_ms"][n]["p95"])
        self.window.navigate(self.Screen.HOME)
        self.settle()

    # --- script toggle -------------------------------------------------------------------------
    def _longest_company(self) -> str:
        ex = self.kiosk.ctx.exhibition
        return max(ex.companies, key=lambda c: len(str(c.body or "")) + len(str(c.summary)) + 40 * len(c.facts)).id

    def _most_compared_event(self) -> str:
        """The event whose detail holds the most (a plan beside its results: the busiest sheet)."""
        ex = self.kiosk.ctx.exhibition
        return max(ex.timeline.events, key=lambda e: (len(ex.comparisons_for(e.id)),
                                                      len(str(e.body or "")) + len(str(e.summary)))).id

    def measure_toggle(self) -> None:
        """Switching language on each screen: every language in turn, back to the default after
        each. The first switch into each language on each screen is kept apart (that screen's
        characters are shaped and drawn in that face for the first time, once a day); the rest
        make the screen's p95."""
        S, w = self.Screen, self.window
        screens = {
            "home": lambda: w.navigate(S.HOME),
            "timeline+detail": lambda: w.navigate(S.TIMELINE, self._most_compared_event()),
            "profile": lambda: w.navigate(S.PROFILE, self._longest_company()),
            "companies": lambda: w.navigate(S.COMPANIES),
            "map": lambda: w.navigate(S.MAP),
        }
        default = self.kiosk.ctx.variant
        others = [v for v in self.variants if v != default] or [default]
        first: dict[str, float] = {}
        results = {}
        for name, go in screens.items():
            w.set_variant(default)
            go()
            self.settle()
            samples: list[tuple[float, float]] = []
            after: list[float] = []
            first_here: dict[str, float] = {}
            started = time.perf_counter()
            for i in range(self.plan.toggle_repeats):
                if self.over_budget(f"toggle:{name}", started, len(samples)):
                    break
                target = others[(i // 2) % len(others)] if i % 2 == 0 else default
                elapsed = self.timed(lambda v=target: w.set_variant(v))
                # What follows the paint (texts out of sight): the longest pass of the loop meanwhile.
                after.append(self.idle(AFTER_PAINT_S))
                self.settle()
                if target not in first_here and target != default:  # the default showed since the start
                    first_here[target] = elapsed[0]
                    first[target] = max(first.get(target, 0.0), elapsed[0])
                else:
                    samples.append(elapsed)
            results[name] = {"first_ms": round(max(first_here.values(), default=0.0), 1),
                             **summary([t[0] for t in samples], 1), "grab_p95": summary([t[1] for t in samples], 1)["p95"],
                             "after_paint_p95": summary(after, 1)["p95"]}
        w.set_variant(default)
        self.settle()
        self.out["toggle_ms"] = {"first_ms": round(max(first.values(), default=0.0), 1),
                                 "first_by_variant": {v: round(ms, 1) for v, ms in first.items()}, **results}
        self.out["toggle_p95_ms"] = max(v["p95"] for v in results.values())
        self.out["toggle_worst"] = max(results, key=lambda n: results[n]["p95"])
        self.out["toggle_first_ms"] = self.out["toggle_ms"]["first_ms"]

    # --- frames --------------------------------------------------------------------------------
    def _paced(self, step: Callable[[], None], painted: list[Any], seconds: float) -> tuple[list[float], int]:
        """Frames at 60 Hz for `seconds`: wait for the frame's time, then time the step and the event
        processing with the paint it brings. `painted` are the widgets whose Paint events show a
        frame was drawn (a scroll area's content widget, a graphics view's viewport); if none got
        one, the first is repainted, forced. Returns the frame times and how many were forced."""
        watches = [PaintWatch(widget) for widget in painted]
        samples, forced = [], 0
        deadline = time.perf_counter()
        end = deadline + seconds
        while time.perf_counter() < end:
            deadline += FRAME_S
            wait = deadline - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            else:
                deadline = time.perf_counter()  # a late frame: the next one is due a frame later
            for watch in watches:
                watch.count = 0
            start = time.perf_counter()
            step()
            self.loop_once()
            if not any(watch.count for watch in watches):
                painted[0].repaint()
                forced += 1
            samples.append(ms_since(start))
        for watch in watches:
            watch.detach()
        return samples, forced

    def _flick_run(self, area: Any, horizontal: bool) -> dict[str, Any]:
        viewport = area.viewport()
        scroller = QScroller.scroller(viewport)
        bar = area.horizontalScrollBar() if horizontal else area.verticalScrollBar()
        bar.setValue(0)
        self.settle()
        direction = [1]
        travelled = [0]
        last = [bar.value()]
        flicks = [0]

        def flick() -> None:
            if bar.value() >= bar.maximum():
                direction[0] = -1
            elif bar.value() <= bar.minimum():
                direction[0] = 1
            middle = QPointF(viewport.width() / 2, viewport.height() / 2)
            along = QPointF(1, 0) if horizontal else QPointF(0, 1)
            span = (viewport.width() if horizontal else viewport.height()) * 0.3
            stamp = int(time.monotonic() * 1000)
            start = middle + along * (span / 2 * direction[0])
            scroller.handleInput(QScroller.Input.InputPress, start, stamp)
            steps = 6
            for n in range(1, steps + 1):
                point = start - along * (span * n / steps * direction[0])
                scroller.handleInput(QScroller.Input.InputMove, point, stamp + n * 8)
            scroller.handleInput(QScroller.Input.InputRelease, start - along * (span * direction[0]), stamp + steps * 8 + 1)
            flicks[0] += 1

        def step() -> None:
            travelled[0] += abs(bar.value() - last[0])
            last[0] = bar.value()
            if scroller.state() == QScroller.State.Inactive:
                flick()

        samples, forced = self._paced(step, [self.window, viewport], self.plan.frame_seconds)
        scroller.stop()
        self.settle()
        return {**summary(samples, 2), "flicks": flicks[0], "scrolled_px": travelled[0], "range_px": bar.maximum(),
                "forced_paints": forced}

    def _zoom_run(self, layer: str) -> dict[str, Any]:
        """Pinch the map in from fit to the zoom limit and out again, as a visitor does: strokes
        of two real fingers (touch events through the window), each spreading them from PINCH_GAP
        to PINCH_SPREAD times that apart, then lifting for the next. One frame a finger move."""
        from kiosk import touch_events
        from kiosk.ui import theme

        self.window.navigate(self.Screen.MAP, layer)
        self.settle()
        view = self.window.view(self.Screen.MAP)
        canvas = view.canvas
        viewport = canvas.viewport()
        handle = self.window.windowHandle()
        centre = QPointF(viewport.width() * 0.55, viewport.height() * 0.45)
        strokes_per_way = math.ceil(math.log(theme.MAP_MAX_ZOOM) / math.log(PINCH_SPREAD))
        gaps = [PINCH_GAP * PINCH_SPREAD ** (n / PINCH_FRAMES) for n in range(PINCH_FRAMES + 1)]
        plan: list[tuple[str, float]] = []  # (press | move | release, gap), one per frame
        for way in (gaps, gaps[::-1]):
            for _ in range(strokes_per_way):
                plan += [("press", way[0])] + [("move", gap) for gap in way[1:]] + [("release", way[-1])]
        count = [0]
        scales = []

        def fingers(gap: float) -> dict[int, Any]:
            half = QPointF(gap / 2, 0)
            return {0: viewport.mapTo(self.window, (centre - half).toPoint()),
                    1: viewport.mapTo(self.window, (centre + half).toPoint())}

        def step() -> None:
            kind, gap = plan[count[0] % len(plan)]
            getattr(touch_events, kind)(handle, fingers(gap))
            scales.append(canvas.transform().m11())
            count[0] += 1

        samples, forced = self._paced(step, [viewport], self.plan.frame_seconds)
        if plan[(count[0] - 1) % len(plan)][0] != "release":
            touch_events.release(handle, fingers(PINCH_GAP))
        canvas.fit()
        self.settle()
        spread = max(scales) / min(scales) if scales and min(scales) > 0 else 0.0
        return {**summary(samples, 2), "zoom_range": round(spread, 2), "forced_paints": forced}

    def measure_frames(self) -> None:
        S, w = self.Screen, self.window
        runs: dict[str, Any] = {}
        w.navigate(S.TIMELINE)
        self._close_detail()
        self.settle()
        timeline = w.view(S.TIMELINE)
        runs["timeline-flick"] = self._flick_run(getattr(timeline, "area", None) or timeline.findChild(QScrollArea), True)
        w.navigate(S.COMPANIES)
        self.settle()
        directory = w.view(S.COMPANIES)
        runs["companies-flick"] = self._flick_run(getattr(directory, "area", None) or directory.findChild(QScrollArea), False)
        for layer in self.layers:
            runs[f"map-zoom:{layer}"] = self._zoom_run(layer)
        self.out["frame_ms"] = runs
        self.out["frame_p95_ms"] = max(v["p95"] for v in runs.values())
        self.out["frame_worst"] = max(runs, key=lambda n: runs[n]["p95"])
        w.navigate(S.HOME)
        self.settle()

    # --- memory --------------------------------------------------------------------------------
    def walk(self) -> Iterator[Callable[[], None]]:
        """An endless visitor: every screen, event, company, layer and marker; toggles, back, home."""
        S, w = self.Screen, self.window
        events, companies, layers, located = self.events, self.companies, self.layers, self.located
        i = 0
        while True:
            e, c, la = events[i % len(events)], companies[i % len(companies)], layers[i % len(layers)]
            variant = self.variants[(i // 3) % len(self.variants)]
            steps: list[Callable[[], None]] = [
                lambda: w.navigate(S.TIMELINE),
                lambda e=e: w.navigate(S.TIMELINE, e),
                lambda: w.navigate(S.COMPANIES),
                lambda c=c: w.navigate(S.PROFILE, c),
                w.back,
                lambda la=la: w.navigate(S.MAP, la),
            ]
            if located:
                marker = located[i % len(located)][0]
                steps.append(lambda m=marker: w.navigate(S.MAP, m))
            steps += [w.back, lambda v=variant: w.set_variant(v), lambda: w.navigate(S.HOME)]
            yield from steps
            i += 1

    def live_objects(self) -> dict[str, int]:
        """Live QObjects reachable from the kiosk (window tree, other top-level widgets, the
        context), graphics items in scenes, and Python objects: one consistent measure."""
        seen: set[int] = set()
        roots: list[QObject] = [self.window, self.kiosk.ctx, *self.app.topLevelWidgets()]
        for root in roots:
            seen.add(id(root))
            seen.update(id(o) for o in root.findChildren(QObject))
        scenes = {id(v.scene()): v.scene() for v in self.window.findChildren(QGraphicsView) if v.scene() is not None}
        return {
            "qobjects": len(seen),
            "scene_items": sum(len(s.items()) for s in scenes.values()),
            "python_objects": len(gc.get_objects()),
        }

    def _walk(self, steps: int, trace: list[list[float]], offset: int, *, budget: bool) -> int:
        """Take `steps` steps of the walk (fewer if `budget` and the phase runs over); return how many."""
        walker = self.walk()
        every = max(1, steps // 10)
        started = time.perf_counter()
        for n in range(1, steps + 1):
            next(walker)()
            self.frame()
            if n % 25 == 0:
                self.settle()
            if n % every == 0:
                trace.append([offset + n, rss_mib()])
            if budget and self.over_budget("memory walk", started, n):
                return n
        return steps

    def _checkpoint(self) -> tuple[float, dict[str, int]]:
        self.window.reset()  # the idle reset: the state a kiosk returns to between visitors
        self._collect()
        return rss_mib(), self.live_objects()

    def measure_memory(self) -> None:
        """Walk the kiosk twice along the same path. The first walk fills what is filled once
        (glyph caches for every character shown, converted texts, each view's first layout);
        the second repeats it exactly, so whatever it adds is what every walk would add."""
        warm = self.walk()
        for _ in range(12):  # once round every screen, so every view exists before the baseline
            next(warm)()
            self.frame()
        rss0, objects0 = self._checkpoint()
        trace: list[list[float]] = [[0, rss0]]
        steps = self._walk(self.plan.walk_steps, trace, 0, budget=True)
        rss1, objects1 = self._checkpoint()
        self._walk(steps, trace, steps, budget=False)  # the same steps again, however long they take
        rss2, objects2 = self._checkpoint()
        self.out.update(
            walk_steps=steps,
            rss_views_built_mib=rss0,
            rss_first_walk_mib=rss1,
            rss_mib=rss2,
            rss_first_walk_growth_mib=round(rss1 - rss0, 1),
            rss_growth_mib=round(rss2 - rss1, 1),
            rss_trace=trace,
            qobjects_before=objects0["qobjects"],
            qobjects_first_walk=objects1["qobjects"],
            qobjects_after=objects2["qobjects"],
            scene_items_before=objects0["scene_items"],
            scene_items_after=objects2["scene_items"],
            python_objects_before=objects0["python_objects"],
            python_objects_after=objects2["python_objects"],
        )

    # --- photos and films (kiosk bench --media-pack) ---------------------------------------------
    def _until(self, done: Callable[[], bool], limit_s: float = MEDIA_WAIT_S) -> float:
        """Run the event loop until `done()` (a decode or a frame arriving); ms waited."""
        start = time.perf_counter()
        while not done() and time.perf_counter() - start < limit_s:
            self.app.processEvents()
            time.sleep(IDLE_TICK_S)
        return ms_since(start)

    def _photos_shown(self) -> bool:
        """The profile's photos are made (after its first paint) and decoded."""
        from kiosk.ui.widgets import MediaImage

        page = self.window.view(self.Screen.PROFILE).page
        return page is not None and page.finished and all(
            image.loaded for image in page.findChildren(MediaImage) if image.isVisible())

    def measure_media(self) -> None:
        """A profile with photos: tap to first paint (first visit, then again), and how long its
        photos take to arrive; the viewer: open to first paint, and to the sharp photo; a film:
        tap to its first frame. Then memory after every photo in the viewer and the film, twice."""
        from kiosk.ui.widgets import FilmPlayer, close_viewers
        from kiosk.ui.widgets.viewer import open_viewer

        ex = self.kiosk.ctx.exhibition
        photographed = [c for c in ex.companies if any(not m.is_film for m in c.media)]
        filmed = [e for e in ex.events_sorted if any(m.is_film for m in e.media)]
        if not photographed and not filmed:
            return
        S, w = self.Screen, self.window
        first, warm, arrive = [], [], []
        for company in photographed:
            w.navigate(S.HOME)
            self.settle()
            first.append(self.timed(lambda c=company.id: w.navigate(S.PROFILE, c))[0])
            arrive.append(self._until(self._photos_shown))
        for _ in range(MEDIA_REPEATS):
            for company in photographed:
                w.navigate(S.HOME)
                self.settle()
                warm.append(self.timed(lambda c=company.id: w.navigate(S.PROFILE, c))[0])
        opened, sharp = [], []

        def view_every_photo() -> None:
            for company in photographed:
                w.navigate(S.PROFILE, company.id)
                self.settle()
                self._until(self._photos_shown)
                photos = [m for m in company.media if not m.is_film]
                for index in range(len(photos)):
                    shown: list[Any] = []
                    opened.append(self.timed(
                        lambda i=index, on=shown, all_=photos: on.append(open_viewer(self.kiosk.ctx, all_, i, w)))[0])
                    sharp.append(self._until(lambda v=shown[0]: v.sharp))
                    close_viewers(w)
                    self.settle()

        frames = []

        def play_every_film() -> None:
            for event in filmed:
                w.navigate(S.TIMELINE, event.id)
                self.settle()
                for film in w.findChildren(FilmPlayer):
                    if film.attract or not film.isVisible():
                        continue
                    film.stop()
                    self.settle()
                    start = time.perf_counter()
                    film.play()
                    self._until(lambda f=film: f.frames_played > 0)
                    frames.append(ms_since(start))
                    self.idle(FILM_WATCH_S)
                    film.stop()

        rounds = []
        for _ in range(2):
            view_every_photo()
            play_every_film()
            rounds.append(self._checkpoint()[0])
        self.out["media"] = {
            "profiles_with_photos": len(photographed), "films": len(filmed),
            "profile_first_ms": summary(first, 1), "profile_ms": summary(warm, 1),
            "photos_arrive_ms": summary(arrive, 1), "viewer_open_ms": summary(opened, 1),
            "viewer_sharp_ms": summary(sharp, 1), "film_first_frame_ms": summary(frames, 1),
            "decodes": self.kiosk.ctx.media.decodes, "thumbnail_hits": self.kiosk.ctx.media.thumbnail_hits,
        }
        if warm:
            self.out["media_profile_p95_ms"] = summary(warm, 1)["p95"]
            self.out["media_profile_first_ms"] = round(max(first), 1)
            self.out["viewer_open_p95_ms"] = summary(opened, 1)["p95"]
        if frames:
            self.out["film_first_frame_ms"] = round(max(frames), 1)
        self.out["rss_media_mib"] = rounds[-1]
        self.out["rss_media_growth_mib"] = round(rounds[1] - rounds[0], 1)

    def _collect(self) -> None:
        for _ in range(3):
            self.settle()
            gc.collect()

    def run(self) -> dict[str, Any]:
        progress("loading the content")
        result = self.measure_load()
        self.build(result)
        for phase, measure in (("navigation", self.measure_navigation), ("script toggle", self.measure_toggle),
                               ("frames", self.measure_frames), ("memory", self.measure_memory),
                               ("photos and films", self.measure_media)):
            progress(f"measuring {phase}")
            start = time.perf_counter()
            measure()
            self.out.setdefault("phase_s", {})[phase] = round(time.perf_counter() - start, 1)
        self.out["rss_peak_mib"] = max(self.out["rss_mib"], rss_mib(peak=True))
        return self.out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.bench.session")
    parser.add_argument("content", type=Path)
    parser.add_argument("media", type=Path)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    apply_file_limit()
    out = Session(args.content, args.media, Plan.for_mode(args.quick)).run()
    sys.stdout.write("\n" + json.dumps(out, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
