"""The running kiosk: one window plus everything that keeps it going unattended all day.

It owns the window and wires kiosk mode, idle reset, the admin corner and panel, live reload
and crash recovery. Content that fails validation never replaces what is on screen; the last
good content is also kept on disk so that a restart after a bad edit still shows something.
"""

from __future__ import annotations

import logging
import platform
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.load import LoadResult, load_content
from kiosk.runtime import lastgood
from kiosk.runtime.idle import IdleWatcher
from kiosk.runtime.kiosk_mode import KioskGuard, WindowKeeper, hide_cursor, keep_awake
from kiosk.runtime.logs import tail
from kiosk.runtime.machine import data_dir, thumbnails_dir
from kiosk.runtime.pin import PinGate
from kiosk.runtime.reload import ContentChanges, ContentReloader, fingerprint
from kiosk.runtime.settings import MachineSettings
from kiosk.screens import Screen
from kiosk.ui.admin.panel import AdminCorner, AdminPanel, PinPad
from kiosk.ui.app import Kiosk, build_window, retire
from kiosk.ui.still_there import StillTherePrompt
from kiosk.ui.theme import STILL_THERE_S
from kiosk.ui.unavailable import UnavailablePage

log = logging.getLogger(__name__)

IDLE_S = 90  # the idle reset when there is no exhibition to say otherwise (the unavailable page)

@dataclass(frozen=True)
class RunOptions:
    content: Path
    media: Path
    kiosk_mode: bool = True
    size: tuple[int, int] | None = None
    idle_timeout_ms: int | None = None
    reload_settle_ms: int = 1500
    reload_poll_ms: int = 3000
    swap_after_idle_ms: int = 5000  # a validated reload waits until nobody has touched the screen this long
    window_check_ms: int = 1000  # how often kiosk mode checks that its window is still the one shown
    still_there_s: int = STILL_THERE_S  # the "still there?" countdown before an idle reset (0: none)


def load_with_fallback(content: Path, media: Path) -> tuple[LoadResult, LoadResult | None]:
    """(what is shown, the failed load if the last good copy had to stand in)."""
    result = load_content(content, media)
    if result.ok:
        try:
            lastgood.remember(result, media)
        except OSError:
            log.exception("could not keep a copy of the good content")
        return result, None
    for problem in result.problems:
        log.error("content: %s", problem)
    kept = lastgood.recall()
    if kept is None:
        log.error("no last good copy of the content to stand in")
        return result, result
    fallback = load_content(*kept)
    if fallback.ok:
        log.warning("showing the last good content from %s until content/ is fixed", kept[0])
        return fallback, result
    for problem in fallback.problems:
        log.error("last good copy: %s", problem)
    return result, result


class KioskController(QObject):
    content_did_reload = Signal(object)  # ContentChanges
    crash_did_happen = Signal()  # emitted from any thread; delivered to recover() in the GUI thread

    def __init__(self, options: RunOptions, settings: MachineSettings, result: LoadResult,
                 failed: LoadResult | None = None, warnings: list[str] | None = None) -> None:
        """`result` may be content that did not validate (and no last good copy either): the
        kiosk then shows the unavailable page and keeps checking until something validates."""
        super().__init__()
        self.options = options
        self.settings = settings
        self.warnings = list(warnings or [])  # how this run is degraded (unwritable folders, bad settings)
        self.last_problems = list(failed.problems) if failed else []
        self.pending: LoadResult | None = None
        self.last_reload: tuple[str, ContentChanges] | None = None  # when, and what changed
        self._media_seen = fingerprint(options.media)
        self._kept_awake = False
        self.gate = PinGate(settings.pin_hash, state_file=data_dir() / "pin-lockout.json")
        self.unavailable: UnavailablePage | None = None
        self.kiosk: Kiosk | None = None
        if result.ok:
            self.kiosk = self._build(result)
        else:
            log.error("no valid content to show (and no last good copy): the unavailable page shows "
                      "until content/ validates")
            self.last_problems = list(result.problems)
            self.unavailable = UnavailablePage()
        self.guard: KioskGuard | None = None
        self.keeper: WindowKeeper | None = None
        self.corner: AdminCorner | None = None
        self.reloader = ContentReloader(options.content, options.media, settle_ms=options.reload_settle_ms,
                                        poll_ms=options.reload_poll_ms, parent=self)
        self._wire_window()
        self.idle = IdleWatcher(self._idle_ms(result))
        self.idle.idle_did_time_out.connect(self.on_idle)
        self.idle.activity_did_happen.connect(self._still_there)
        self.crash_did_happen.connect(self.recover)
        self.reloader.content_did_validate.connect(self.on_validated)
        self.swap_timer = QTimer(self)
        self.swap_timer.setInterval(1000)
        self.swap_timer.timeout.connect(self._swap_when_idle)

    # --- window ----------------------------------------------------------------------------
    @property
    def window(self) -> QWidget:
        """What is on screen: the exhibition's window, or the unavailable page."""
        if self.kiosk is not None:
            return self.kiosk.window
        assert self.unavailable is not None
        return self.unavailable

    def _idle_ms(self, result: LoadResult) -> int:
        if self.options.idle_timeout_ms is not None:
            return self.options.idle_timeout_ms
        exhibition = result.exhibition
        seconds = self.settings.idle_timeout_s or (exhibition.settings.idle_timeout_s if exhibition else IDLE_S)
        return seconds * 1000

    def _wire_window(self) -> None:
        window = self.window
        app = QApplication.instance()
        if self.keeper is not None:
            self.keeper.timer.stop()  # it must not put back a window being replaced
        for old in (self.guard, self.corner, self.keeper):  # what watched a replaced window goes with it
            if old is not None:
                app.removeEventFilter(old)
                old.deleteLater()
        if self.options.kiosk_mode:
            self.guard = KioskGuard(window, self)
            self.keeper = WindowKeeper(window, check_ms=self.options.window_check_ms, parent=self)
        self.corner = AdminCorner(window, self.settings.admin_corner, int(self.settings.admin_hold_s * 1000), self)
        self.pin_pad = PinPad(window, self.gate)
        self.panel = AdminPanel(window, self.status_lines, lambda: tail(80))
        if self.kiosk is not None:
            self.prompt = StillTherePrompt(self.kiosk.ctx, window)
            self.prompt.ran_out.connect(self.reset_to_start)
        self.corner.admin_did_request.connect(self.pin_pad.open)
        self.pin_pad.pin_did_pass.connect(self.panel.open)
        self.panel.reload_requested.connect(self.reloader_check)
        self.panel.quit_requested.connect(lambda: self.quit())

    def show(self) -> None:
        window = self.window
        if self.options.kiosk_mode:
            screens = QApplication.screens()
            screen = screens[self.settings.screen] if self.settings.screen < len(screens) else screens[0]
            window.setScreen(screen)
            window.setGeometry(screen.geometry())
            window.showFullScreen()
            if not self.settings.show_cursor:
                hide_cursor()
            if self.settings.keep_awake and not self._kept_awake:
                keep_awake()
                self._kept_awake = True  # once per run, not again on every content swap
        else:
            if self.options.size:
                window.resize(*self.options.size)
            window.show()

    def quit(self, reason: str = "the admin panel") -> None:
        """A deliberate quit (admin panel, service stop): exit code 0 tells the supervisor the day is over."""
        log.info("quit requested by %s", reason)
        if self.guard:
            self.guard.allow_close()
        if self.keeper:
            self.keeper.timer.stop()
        self.reloader.stop()
        QApplication.instance().exit(0)

    def _build(self, result: LoadResult, variant: str | None = None) -> Kiosk:
        """The window on `result`, with this PC's thumbnails folder and film sound setting."""
        return build_window(result, self.options.media, variant=variant, thumbnails=thumbnails_dir(),
                            film_sound=self.settings.film_sound)

    # --- idle and recovery -----------------------------------------------------------------
    def on_idle(self) -> None:
        """The idle time ran out: on home, straight back to the start (the default language); on
        any other screen first "still there?", which a touch dismisses; never during a film."""
        kiosk = self.kiosk
        if kiosk is not None and kiosk.window.film_playing():
            self.idle.poke()  # a visitor watching a film is not idle
            return
        if kiosk is not None and kiosk.window.current != Screen.HOME and self.options.still_there_s > 0:
            self.prompt.open(self.options.still_there_s)
            return
        self.reset_to_start()

    def _still_there(self) -> None:
        """Input while the prompt shows: the visitor is there."""
        if self.prompt.isVisible():
            self.prompt.dismiss()

    def reset_to_start(self) -> None:
        log.info("idle: back to the start")
        self.pin_pad.close_pad()
        self.panel.hide()
        if self.kiosk is not None:
            self.kiosk.window.reset()
        self._swap_when_idle()

    def recover(self, _error: BaseException | None = None) -> None:
        """After an uncaught exception: close overlays and go home, rather than freeze."""
        try:
            if self.kiosk is not None:
                self.kiosk.window.reset()
        except Exception:
            log.exception("recovery to home failed")

    # --- reload ----------------------------------------------------------------------------
    def reloader_check(self) -> None:
        self.reloader.check_now()

    def on_validated(self, result: LoadResult) -> None:
        if not result.ok:
            self.last_problems = list(result.problems)
            log.error("content change rejected (%d problems); still showing the last good content",
                      len(result.problems))
            for problem in result.problems[:50]:
                log.error("content: %s", problem)
            return
        self.last_problems = []
        self.pending = result
        self.swap_timer.start()
        self._swap_when_idle()

    def _swap_when_idle(self) -> None:
        """Swap validated content in at a quiet moment, on every screen alike: nobody has touched
        the screen for swap_after_idle_ms. The visitor keeps their language and their place."""
        if self.pending is None:
            self.swap_timer.stop()
            return
        if self.idle.idle_for() * 1000 < self.options.swap_after_idle_ms:
            return
        result, self.pending = self.pending, None
        self.swap_timer.stop()
        media_seen = fingerprint(self.options.media)
        old = self.kiosk
        assert result.exhibition is not None
        changes = ContentChanges.between(old.ctx.exhibition, result.exhibition,
                                         media_changed=media_seen != self._media_seen) \
            if old is not None else ContentChanges(frozenset({"everything"}))
        self._media_seen = media_seen
        self.last_reload = (time.strftime("%H:%M:%S"), changes)
        if not changes:
            log.info("content saved without changes: nothing to swap")
            return
        try:
            lastgood.remember(result, self.options.media)
        except OSError:
            log.exception("could not keep a copy of the good content")
        shown = self.window
        if old is not None:
            screen, item = old.window.place()
            self.kiosk = self._build(result, variant=old.ctx.variant)
            self.kiosk.window.restore_place(screen, item)
        else:
            self.kiosk = self._build(result)
            log.info("content validates again: the exhibition replaces the unavailable page")
        if self.guard:
            self.guard.allow_close()
        self._wire_window()
        self.show()
        retire(shown)
        self.unavailable = None
        self.idle.set_timeout(self._idle_ms(result))
        log.info("content reloaded; changed: %s", changes)
        self.content_did_reload.emit(changes)

    # --- admin panel ---------------------------------------------------------------------
    def status_lines(self) -> list[str]:
        from kiosk.version import version_text

        summary = self.kiosk.result.summary() if self.kiosk is not None else {}
        screen = self.window.screen()
        lines = [
            f"版本 / Version: {version_text()}",
            f"内容 / Content: {self.options.content.resolve()}",
            "  " + ", ".join(f"{n} {k}" for k, n in summary.items()),
            f"屏幕 / Screen: {screen.name()} {screen.geometry().width()}x{screen.geometry().height()} "
            f"@{screen.devicePixelRatio():g}x · {platform.system()} {platform.release()}",
        ]
        lines += [f"注意 / Warning: {warning}" for warning in self.warnings]
        if self.last_reload is not None:
            when, changes = self.last_reload
            lines.append(f"最近一次更新 / Last reload: {when}, {changes}")
        if self.last_problems:
            lines.append(f"最近一次内容检查失败 / Last content check failed ({len(self.last_problems)}):")
            lines += [f"  {p}" for p in self.last_problems[:12]]
        else:
            lines.append("内容检查通过 / Content OK")
        return lines
