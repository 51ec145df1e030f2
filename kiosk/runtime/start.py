"""Start the kiosk for the day: machine settings, logging, one kiosk per PC, content (or its last
good copy), the controller and its window, clean ends on SIGTERM. `kiosk run` calls this; so
does the cold-start benchmark's child, so that everything a real start does is measured."""

from __future__ import annotations

import logging
import signal
import sys
import tempfile
import time
from pathlib import Path

from kiosk.runtime.exitcodes import ANOTHER_KIOSK, ERROR

log = logging.getLogger("kiosk.run")

LOCK_ATTEMPTS = 5
LOCK_RETRY_S = 2.0
SCRATCH = Path(tempfile.gettempdir()) / "tiexi-kiosk"  # where logs and the lock go if the state folder cannot


def start_logging(level: str) -> str | None:
    """The log under the state folder; where that cannot be written, a temporary folder; where
    nothing can be written, stderr alone. Never a crash before the log exists. Returns what the
    admin panel should warn of, if anything."""
    from kiosk.runtime.logs import setup_logging

    for folder in (None, SCRATCH):
        try:
            setup_logging(level, folder)
        except OSError as exc:
            sys.stderr.write(f"kiosk: cannot write the log under {folder or 'the state folder'}: {exc}\n")
            continue
        if folder is None:
            return None
        warning = f"the state folder cannot be written; the log is in {folder}"
        log.warning(warning)
        return warning
    logging.basicConfig(level=level.upper(), stream=sys.stderr)
    log.warning("no folder can be written: logging to stderr only")
    return "no folder can be written: the log goes to stderr only"


def take_lock(lock_file: Path, *, attempts: int = LOCK_ATTEMPTS, wait_s: float = LOCK_RETRY_S):  # noqa: ANN201
    """This PC's single-kiosk lock: (the lock, None) when taken; (None, ANOTHER_KIOSK) when a
    live kiosk holds it; (None, ERROR) when it cannot be taken for another reason, after a
    few tries. An empty or garbled lock file (a power cut while it was written) holds nothing."""
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(lock_file))
    for attempt in range(1, attempts + 1):
        if lock.tryLock(0):
            return lock, None
        if lock.error() == QLockFile.LockError.LockFailedError:
            pid, _host, _app = lock.getLockInfo()
            if pid > 0:
                return None, ANOTHER_KIOSK  # Qt has already taken over a dead kiosk's lock
            log.warning("lock %s is empty or garbled (attempt %d): removing it", lock_file, attempt)
            lock.removeStaleLockFile()
            continue
        log.error("cannot take the lock %s (%s), attempt %d of %d", lock_file, lock.error().name, attempt, attempts)
        time.sleep(wait_s)
    return None, ERROR


def lock_path() -> Path:
    """This PC's lock file, in the state folder, or in a temporary folder if that cannot be made."""
    from kiosk.runtime.machine import data_dir

    for folder in (data_dir(), SCRATCH):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return folder / "kiosk.lock"
        except OSError as exc:
            log.error("cannot use %s for the lock: %s", folder, exc)
    return SCRATCH / "kiosk.lock"


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def run_kiosk(content_given: Path | None, media_given: Path | None, *, default_content: Path,
              windowed: bool, size: tuple[int, int] | None) -> int:
    """Run the kiosk until it is quit; the process exit code."""
    from kiosk.runtime.logs import install_excepthook
    from kiosk.runtime.settings import load_settings

    settings, setting_problems = load_settings()
    warnings = [f"settings: {problem}" for problem in setting_problems]
    warnings += [w for w in [start_logging(settings.log_level)] if w]
    for problem in setting_problems:
        log.warning("settings: %s", problem)
    content = Path(content_given or settings.content_dir or default_content)
    media = Path(media_given or settings.media_dir or content.parent / "media")

    from kiosk.ui.import_hook import spare_source_reads

    spare_source_reads()  # before the modules below: PySide6 would keep every line of their source
    from PySide6.QtCore import QTimer

    from kiosk.runtime.controller import KioskController, RunOptions, load_with_fallback
    from kiosk.ui.app import qt_application

    app = qt_application()
    # One kiosk per PC: a logon task and a shell launcher both starting it must not stack two
    # windows. A lock left by a crashed kiosk is stale (its process is gone) and is taken over.
    lock, refused = take_lock(lock_path())
    if refused == ANOTHER_KIOSK:
        _out("kiosk: another kiosk is already running on this PC; not starting a second one")
        log.info("another kiosk holds the lock; not starting a second one")
        return ANOTHER_KIOSK
    if refused is not None:
        _out("kiosk: cannot take this PC's kiosk lock; see the log")
        return ERROR
    result, failed = load_with_fallback(content, media)
    if not result.ok:
        for problem in result.problems:
            _out(str(problem))
        _out("kiosk: no valid content to show (and no last good copy): showing the unavailable page "
             "until the problems above are fixed")
    options = RunOptions(content=content, media=media, kiosk_mode=not windowed, size=size)
    controller = KioskController(options, settings, result, failed, warnings=warnings)
    install_excepthook(lambda _exc: controller.crash_did_happen.emit(),
                       context=lambda: f"screen {getattr(controller.window, 'current', 'unavailable')}")
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
