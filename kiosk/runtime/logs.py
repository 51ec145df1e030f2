"""The kiosk's log: bounded on disk, readable from the admin panel, and the net under crashes.

An exhibition PC runs for months without anyone looking at its disk, so the log rotates at
1 MB and keeps five old files (6 MB at most). The supervisor writes its own file
(`supervise.log`): two processes rotating one file collide (on Windows the rename fails
while the other holds it open).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from kiosk.runtime.machine import data_dir, logs_dir

MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger(__name__)


@dataclass
class KioskLog:
    """What `setup_logging` installed, so a second call or a test can take it down again."""

    path: Path
    handlers: list[logging.Handler] = field(default_factory=list)
    previous_level: int = logging.WARNING

    def close(self) -> None:
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        if self.handlers:
            root.setLevel(self.previous_level)
        self.handlers.clear()


_current: KioskLog | None = None  # logging's handlers are process-wide; so is this record of ours


def log_file(data: Path | None = None, name: str = "kiosk") -> Path:
    return logs_dir(data) / f"{name}.log"


def setup_logging(
    level: str | int = "INFO", data: Path | None = None, *, name: str = "kiosk", stderr: bool = True
) -> KioskLog:
    """Send the root logger to `<data>/logs/<name>.log` (rotating) and stderr.

    Calling it again replaces what the previous call installed (e.g. after the log level
    changed in the admin panel), never stacking duplicate handlers.
    """
    global _current
    if _current is not None:
        _current.close()
    path = log_file(data, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = [
        RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    ]
    if stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    root = logging.getLogger()
    previous_level = root.level
    for handler in handlers:
        handler.setFormatter(formatter)
        root.addHandler(handler)
    root.setLevel(level if isinstance(level, int) else level.upper())
    _current = KioskLog(path, handlers, previous_level)
    return _current


def tail(n: int = 200, path: Path | None = None) -> list[str]:
    """The last `n` lines of the current log, for the admin panel; [] if there is none yet."""
    path = path if path is not None else log_file(data_dir())
    if n <= 0:
        return []
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            end = handle.tell()
            # Read backwards in blocks: the log may be a megabyte, the panel wants a screenful.
            block, data = 8192, b""
            while end > 0 and data.count(b"\n") <= n:
                start = max(0, end - block)
                handle.seek(start)
                data = handle.read(end - start) + data
                end = start
    except FileNotFoundError:
        return []
    return data.decode("utf-8", errors="replace").splitlines()[-n:]


ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def install_excepthook(
    callback: Callable[[BaseException], object], context: Callable[[], str] | None = None
) -> Callable[[], None]:
    """Log every uncaught exception (main thread, other threads, Qt slots) and call `callback`.

    Unattended, a crash dialog or a dead window is worse than a logged error and a return to
    the home screen; the Qt layer passes a callback that does that (and must hop to the GUI
    thread itself, since a thread's exception calls it from that thread). `context` adds a
    line such as the current screen. Ctrl+C still stops the program. Returns a function
    that puts the previous hooks back.
    """
    previous_sys, previous_thread = sys.excepthook, threading.excepthook

    def report(exc_info: ExcInfo, where: str) -> None:
        extra = ""
        if context is not None:
            try:
                extra = f" ({context()})"
            except Exception as exc:  # the context must never hide the real error
                extra = f" (context unavailable: {exc!r})"
        log.critical("uncaught exception in %s%s", where, extra, exc_info=exc_info)
        try:
            callback(exc_info[1])
        except Exception:
            # Never recurse into ourselves: a failing recovery is logged and left.
            log.critical("the crash callback itself failed:\n%s", traceback.format_exc())

    def sys_hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_sys(kind, value, tb)
            return
        report((kind, value, tb), "the main thread")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return  # threading ignores SystemExit too
        name = args.thread.name if args.thread is not None else "an unknown thread"
        report((args.exc_type, args.exc_value, args.exc_traceback), f"thread {name}")

    sys.excepthook = sys_hook
    threading.excepthook = thread_hook

    def uninstall() -> None:
        sys.excepthook, threading.excepthook = previous_sys, previous_thread

    return uninstall
