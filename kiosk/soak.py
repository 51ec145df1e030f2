"""Soak run: thousands of random visitor actions on the offscreen platform.

Taps anywhere, finger drags, script toggles, Back/Home and idle resets, in a seeded random
order. It reports exceptions, memory (RSS) and the count of live widgets at intervals, so a
leak or a crash that only shows after an afternoon of visitors shows in minutes instead.
"""

from __future__ import annotations

import gc
import random
import resource
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from kiosk import heap, touch_events
from kiosk.screens import Screen
from kiosk.ui.app import Kiosk

REPORT_EVERY = 100
SAMPLE_SETTLE_S = 0.4  # after a reset, before a sample: past the longest wait for a paint (pacing)
SAMPLE_TICK_S = 0.005
SWIPE_STEPS = 6


def rss_mib() -> float:
    """Resident memory now (Linux /proc), else the peak from getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def live_widgets() -> int:
    return len(QApplication.allWidgets())


@dataclass
class SoakReport:
    actions: int = 0
    errors: list[str] = field(default_factory=list)
    samples: list[tuple[int, float, int]] = field(default_factory=list)  # (actions, RSS MiB, widgets)
    seconds: float = 0.0

    def _warm(self) -> tuple[int, float, int]:
        # Growth is measured from half-way: by then every screen has been built at least once,
        # so what still grows after it is what would grow all day.
        return self.samples[len(self.samples) // 2]

    @property
    def rss_growth_mib(self) -> float:
        return self.samples[-1][1] - self._warm()[1] if len(self.samples) > 2 else 0.0

    @property
    def widget_growth(self) -> int:
        return self.samples[-1][2] - self._warm()[2] if len(self.samples) > 2 else 0


class Soak:
    def __init__(self, kiosk: Kiosk, seed: int = 7) -> None:
        self.kiosk = kiosk
        self.window = kiosk.window
        self.random = random.Random(seed)
        ex = kiosk.ctx.exhibition
        # Every screen of the table, bare and on each item its view can open.
        self.items: dict[Screen, list[str | None]] = {
            screen: [None, *screen.view_class().items(ex)] for screen in Screen
        }
        self.actions: list[tuple[float, Callable[[], None]]] = [
            (0.45, self.tap_somewhere),
            (0.08, self.drag_somewhere),
            (0.08, self.swipe_somewhere),
            (0.15, self.navigate_somewhere),
            (0.1, self.toggle),
            (0.08, self.window.back),
            (0.04, self.window.go_home),
            (0.03, self.window.reset),
        ]

    def _point(self) -> QPoint:
        return QPoint(self.random.randrange(self.window.width()), self.random.randrange(self.window.height()))

    def _target(self, point: QPoint) -> tuple[QWidget, QPoint]:
        widget = self.window.childAt(point) or self.window
        return widget, widget.mapFrom(self.window, point)

    def tap_somewhere(self) -> None:
        widget, local = self._target(self._point())
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)

    def drag_somewhere(self) -> None:
        widget, local = self._target(self._point())
        delta = QPoint(self.random.randint(-400, 400), self.random.randint(-400, 400))
        QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)
        QTest.mouseMove(widget, local + delta / 2)
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local + delta)

    def swipe_somewhere(self) -> None:
        """A finger swipe (touch events through the window, as a touch screen sends them)."""
        handle = self.window.windowHandle()
        if handle is None:
            return
        start = self._point()
        end = start + QPoint(self.random.randint(-600, 600), self.random.randint(-300, 300))
        touch_events.press(handle, {0: start})
        for step in range(1, SWIPE_STEPS + 1):
            touch_events.move(handle, {0: start + (end - start) * step / SWIPE_STEPS})
            QApplication.processEvents()
        touch_events.release(handle, {0: end})

    def navigate_somewhere(self) -> None:
        screen = self.random.choice(list(self.items))
        self.window.navigate(screen, self.random.choice(self.items[screen]))

    def toggle(self) -> None:
        ctx = self.kiosk.ctx
        self.window.set_variant(ctx.engine.next_variant(ctx.variant))

    def step(self) -> None:
        weights = [w for w, _ in self.actions]
        action = self.random.choices([a for _, a in self.actions], weights)[0]
        action()
        QApplication.processEvents()

    def run(self, count: int, progress: Callable[[SoakReport], None] | None = None) -> SoakReport:
        report = SoakReport()
        started = time.perf_counter()
        # Exceptions raised inside Qt slots never reach our try: catch them at the hook.
        previous_hook = sys.excepthook
        sys.excepthook = lambda kind, value, tb: report.errors.append(
            "".join(traceback.format_exception(kind, value, tb, limit=8))
        )
        try:
            self._run(count, report, progress)
        finally:
            sys.excepthook = previous_hook
        report.seconds = time.perf_counter() - started
        return report

    def tour(self) -> None:
        """Every screen once, each scrolled to its end and back: what is built on demand (cards
        near the screen, a layer's scene) is built before the figures start, so growth measured
        later is what would grow all day, not a first visit."""
        for screen, items in self.items.items():
            self.window.navigate(screen, items[0])
            view = self.window.view(screen)
            for area in view.findChildren(QScrollArea):
                for bar in (area.horizontalScrollBar(), area.verticalScrollBar()):
                    for value in range(bar.minimum(), bar.maximum() + bar.pageStep(), max(1, bar.pageStep())):
                        bar.setValue(value)
                        QApplication.processEvents()
                    bar.setValue(bar.minimum())
        for layer in self.kiosk.ctx.exhibition.layers:
            self.window.navigate(Screen.MAP, layer.id)
        self.window.reset()
        QApplication.processEvents()

    def _run(self, count: int, report: SoakReport, progress: Callable[[SoakReport], None] | None) -> None:
        self.tour()
        for index in range(count):
            try:
                self.step()
            except Exception:
                report.errors.append(traceback.format_exc(limit=8))
            report.actions = index + 1
            if index % REPORT_EVERY == 0 or index == count - 1:
                # Counted where every visitor leaves the kiosk: after the idle reset, once the work
                # put off past its paint is done (a track lets the cards beyond its build range go
                # then). Counted anywhere else, the count says where a track was left.
                self.window.reset()
                end = time.monotonic() + SAMPLE_SETTLE_S
                while time.monotonic() < end:
                    QApplication.processEvents()
                    time.sleep(SAMPLE_TICK_S)
                # deleteLater() runs when control returns to the event loop, which a script driving
                # processEvents() never does; flush it as a running kiosk would.
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                gc.collect()
                report.samples.append((index + 1, rss_mib(), live_widgets()))
                if progress:
                    progress(report)


@dataclass
class ReloadReport:
    """Memory over repeated content reloads, as a curator's saves or a hall's updates cause."""

    rss_after_first: float
    rss_after_last: float
    reloads: int
    windows_alive: int

    @property
    def growth_mib(self) -> float:
        return self.rss_after_last - self.rss_after_first


def reload_many(content: Path, media: Path, count: int, progress: Callable[[int, float], None] | None = None,
                size: tuple[int, int] = (1920, 1080)) -> ReloadReport:
    """Load, validate and show the content, then reload it `count` times the way a reload swaps
    it in (a new window on a new model, every screen built, the old window closed and deleted,
    the heap settled); memory is compared from the first reload on."""
    from kiosk.content import load_content
    from kiosk.ui.app import build_window, retire

    app = QApplication.instance()
    shown: Kiosk | None = None
    built: list[QWidget] = []  # every window made here: all but the last must be gone
    first = 0.0
    for index in range(count + 1):
        result = load_content(content, media)
        if not result.ok:
            raise ValueError(f"content does not validate: {result.problems[0]}")
        kiosk = build_window(result, media)
        built.append(kiosk.window)
        kiosk.window.resize(*size)
        kiosk.window.show()
        for screen in Screen:
            kiosk.window.view(screen)
        if shown is not None:
            retire(shown.window)
        shown = kiosk
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        heap.settle()  # as the new window's warm-up does once it is built
        if index == 1:
            first = rss_mib()
        elif progress is not None:
            progress(index, rss_mib())
    return ReloadReport(first, rss_mib(), count, sum(shiboken6.isValid(window) for window in built))
