"""Render every view of an exhibition offscreen: screenshots for people, a self-test for machines.

`kiosk self-test` walks every screen, every event, every company profile and every map layer in
every variant, and fails on any exception, on a render that came out blank, on any text cut
off or overflowing its box, on running text set too wide to read (kiosk.ui.fit), and on a
control a visitor needs out of reach on the machine's mounting (kiosk.ui.reach). Each film it meets is played to its first frame, so a
machine (or a build) that cannot decode the content's films fails here, not before a visitor.
It is meant for an installed exhibition PC as much as for CI. `kiosk shots` saves the main views as PNGs.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.reach import mounting
from kiosk.screens import Screen
from kiosk.ui.app import Kiosk
from kiosk.ui.fit import long_lines, misfits
from kiosk.ui.reach import out_of_reach
from kiosk.ui.widgets import FilmPlayer

log = logging.getLogger(__name__)

MIN_DISTINCT_COLOURS = 3  # a blank or single-colour render has fewer
SAMPLE_STEP = 16  # px between sampled pixels
ENOUGH_COLOURS = 12  # stop sampling once a render is clearly not blank
TRACEBACK_DEPTH = 6
SETTLE_ROUNDS = 5  # event-loop passes for lazy builds and deferred layouts before a grab
FIRST_FRAME_S = 10.0  # a full-HD film shows its first frame in well under a second (kiosk bench)
FRAME_POLL_S = 0.01
WARM_UP_LIMIT_S = 60.0  # the warm-up takes a few seconds; past this something is stuck
WARM_UP_POLL_MS = 20


@dataclass
class SelfTestReport:
    renders: int = 0
    failures: list[str] = field(default_factory=list)
    films: set[str] = field(default_factory=set)  # media/ files played to a frame (or failing)

    @property
    def ok(self) -> bool:
        return not self.failures and self.renders > 0


def distinct_colours(image: QImage, step: int = SAMPLE_STEP) -> int:
    """How many different colours a sparse grid of the image holds (cheap blank detection)."""
    seen: set[int] = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
            if len(seen) >= ENOUGH_COLOURS:
                return len(seen)
    return len(seen)


def wait_for_warm_up(kiosk: Kiosk, limit_s: float = WARM_UP_LIMIT_S) -> None:
    """Let the window's warm-up finish, as it has for a visitor who comes a minute after the
    start: every German word hyphenated, every text converted. A render before it would judge
    (and show) words a visitor never sees unbroken."""
    app = QApplication.instance()
    deadline = time.perf_counter() + limit_s
    while kiosk.window.warming() and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, WARM_UP_POLL_MS)
        time.sleep(WARM_UP_POLL_MS / 1000)
    if kiosk.window.warming():
        log.warning("the warm-up took longer than %.0f s; rendering anyway", limit_s)


def walk(kiosk: Kiosk, *, larger: bool = True) -> Iterator[tuple[str, Callable[[], None]]]:
    """(name, action) for every render the self-test makes: every screen of the table, bare and
    on every item its view can open, in every variant; then all of it again in the larger type
    (the Aa button, names starting Aa/) unless `larger` is off."""
    ex = kiosk.ctx.exhibition
    window = kiosk.window
    for large in (False, True) if larger else (False,):
        size = "Aa/" if large else ""
        yield f"{size}size/variant", lambda on=large: window.set_large_text(on)
        for variant in kiosk.ctx.engine.variants:
            yield f"{size}{variant.id}/variant", lambda v=variant.id: window.set_variant(v)
            for screen in Screen:
                yield f"{size}{variant.id}/{screen.id}", lambda s=screen: window.navigate(s)
                for item in screen.view_class().items(ex):
                    yield f"{size}{variant.id}/{screen.id}/{item}", lambda s=screen, i=item: window.navigate(s, i)
    if larger:
        yield "size/variant", lambda: window.set_large_text(False)


def settle(kiosk: Kiosk) -> None:
    """The screen as a visitor sees it a frame after a tap: what a view makes after its first
    paint made now (`finish`), cards built after the paint laid out."""
    app = QApplication.instance()
    app.processEvents()
    current = kiosk.window.current
    finish = getattr(kiosk.window.view(current), "finish", None) if current is not None else None
    if finish is not None:
        finish()
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def first_frame(film: FilmPlayer, limit_s: float = FIRST_FRAME_S) -> str | None:
    """Play `film` until it shows a frame; None when it did, else why not. A film that was
    not playing is stopped again (back to its poster)."""
    app = QApplication.instance()
    was_playing = film.playing
    if not was_playing:
        film.play()
    start = time.perf_counter()
    while film.frames_played == 0 and film.failure is None and time.perf_counter() - start < limit_s:
        app.processEvents()
        time.sleep(FRAME_POLL_S)
    if not was_playing:
        film.stop()
    if film.frames_played:
        return None
    return film.failure or f"no frame in {limit_s:g} s"


def check_films(kiosk: Kiosk, report: SelfTestReport) -> list[str]:
    """Play each film on show that the report has not met yet; the failures."""
    failures = []
    for film in kiosk.window.findChildren(FilmPlayer):
        if film.item.file in report.films or not film.isVisible():
            continue
        report.films.add(film.item.file)
        problem = first_frame(film)
        if problem is not None:
            failures.append(f"film media/{film.item.file} cannot play: {problem}")
    return failures


def self_test(kiosk: Kiosk, progress: Callable[[str], None] | None = None, *,
              lower_edge_mm: int | None = None, height_mm: int | None = None, larger: bool = True) -> SelfTestReport:
    """Every render of `walk` (at the larger type too, unless `larger` is off), checked; the
    controls held to the reach zone of a screen mounted as the machine's settings say (else the
    orientation's default, kiosk.reach)."""
    report = SelfTestReport()
    app = QApplication.instance()
    window = kiosk.window
    place = mounting(portrait=window.height() > window.width(), lower_edge_mm=lower_edge_mm, height_mm=height_mm)
    for name, action in walk(kiosk, larger=larger):
        try:
            action()
            app.processEvents()
            if name.endswith("/variant"):
                continue
            settle(kiosk)
            image = kiosk.window.grab().toImage()
            report.renders += 1
            if image.isNull() or distinct_colours(image) < MIN_DISTINCT_COLOURS:
                report.failures.append(f"{name}: the render came out blank")
            report.failures += [f"{name}: {misfit}" for misfit in misfits(kiosk.window)]
            report.failures += [f"{name}: {line}" for line in long_lines(kiosk.window)]
            report.failures += [f"{name}: {control}" for control in out_of_reach(kiosk.window, place)]
            report.failures += [f"{name}: {failure}" for failure in check_films(kiosk, report)]
        except Exception:  # the point is to catch anything a view may raise
            report.failures.append(f"{name}: {traceback.format_exc(limit=TRACEBACK_DEPTH)}")
        if progress:
            progress(name)
    return report


def shots(kiosk: Kiosk) -> Iterator[tuple[str, Screen, str | None]]:
    """(name, screen, item) of each screenshot: what each screen's view shows off (`showcase`:
    the bare screen, a map's layers, an event with a plan's goals beside results ...)."""
    for screen in Screen:
        for item in screen.view_class().showcase(kiosk.ctx.exhibition):
            yield f"{screen.id}-{item}" if item else screen.id, screen, item


def save_shots(kiosk: Kiosk, out: Path, tag: str, *, larger: bool = True) -> list[Path]:
    """Save each main view in each variant as PNG: out/{tag}-{variant}-{view}.png; and again at
    the larger type (the Aa button) as out/{tag}-Aa-{variant}-{view}.png, unless `larger` is off."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for large in (False, True) if larger else (False,):
        kiosk.window.set_large_text(large)
        size = f"{tag}-Aa" if large else tag
        for variant in kiosk.ctx.engine.variants:
            kiosk.window.set_variant(variant.id)
            for name, screen, item in shots(kiosk):
                kiosk.window.navigate(screen, item)
                settle(kiosk)
                path = out / f"{size}-{variant.id}-{name}.png"
                kiosk.window.grab().save(str(path))
                written.append(path)
    kiosk.window.set_large_text(False)
    return written
