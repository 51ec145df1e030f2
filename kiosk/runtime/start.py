"""Start the kiosk for the day: machine settings, logging, one kiosk per PC, content (or its last
good copy), the controller and its window, clean ends on SIGTERM. `kiosk run` calls this; so
does the cold-start benchmark's child, so that everything a real start does is measured."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

log = logging.getLogger("kiosk.run")


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def run_kiosk(content_given: Path | None, media_given: Path | None, *, default_content: Path,
              windowed: bool, size: tuple[int, int] | None) -> int:
    """Run the kiosk until it is quit; the process exit code."""
    from kiosk.runtime.logs import install_excepthook, setup_logging
    from kiosk.runtime.settings import load_settings

    settings, setting_problems = load_settings()
    setup_logging(settings.log_level)
    for problem in setting_problems:
        log.warning("settings: %s", problem)
    content = Path(content_given or settings.content_dir or default_content)
    media = Path(media_given or settings.media_dir or content.parent / "media")

    from PySide6.QtCore import QLockFile, QTimer

    from kiosk.runtime.controller import KioskController, RunOptions, load_with_fallback
    from kiosk.runtime.machine import data_dir
    from kiosk.ui.app import qt_application

    app = qt_application()
    # One kiosk per PC: a logon task and a shell launcher both starting it must not stack two
    # windows. A lock left by a crashed kiosk is stale (its process is gone) and is taken over.
    data_dir().mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir() / "kiosk.lock"))
    if not lock.tryLock(0):
        _out("kiosk: another kiosk is already running on this PC; not starting a second one")
        return 0
    result, failed = load_with_fallback(content, media)
    if not result.ok:
        for problem in result.problems:
            _out(str(problem))
        _out("kiosk: no valid content to show (and no last good copy); fix the problems above")
        return 1
    options = RunOptions(content=content, media=media, kiosk_mode=not windowed, size=size)
    controller = KioskController(options, settings, result, failed)
    install_excepthook(lambda _exc: controller.crash_did_happen.emit(),
                       context=lambda: f"screen {controller.kiosk.window.current}")
    # SIGTERM (service stop, supervisor) ends the day cleanly; Python only sees signals when it
    # runs, so a slow timer gives it the chance while Qt's loop is waiting.
    signal.signal(signal.SIGTERM, lambda *_: controller.quit("SIGTERM"))
    signal.signal(signal.SIGINT, lambda *_: controller.quit("SIGINT"))
    heartbeat = QTimer()
    heartbeat.start(500)
    heartbeat.timeout.connect(lambda: None)
    controller.show()
    log.info("kiosk started on %s", content)
    return app.exec()
