"""Cold start: a fresh interpreter from launch to the first painted frame of the home screen.

The parent takes the time just before it launches `python -m kiosk.bench.coldstart kiosk ...`
and again when the child says on stdout that it has painted; the child starts the kiosk the
way `kiosk run --windowed` does (through kiosk.runtime.start, so settings, logging, content load,
the controller and the window all count) with one addition: an event filter on the window
that, at the window's first Paint event, queues a zero-delay timer. That timer fires once the
paint pass (the whole widget tree, flushed) is over, writes "painted" and ends the process.

`bare` does the same for a plain QApplication + QWidget of the same size: the floor set by
Python and Qt themselves, measured the same way in the same run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path

PAINTED = "painted"
TIMEOUT_S = 120
SIZE = "1920x1080"
LIMIT_ENV = "KIOSK_BENCH_MAX_FILE_BYTES"  # set by the bench when a scaled pack outgrows the loader's cap


def apply_file_limit() -> None:
    """Lift the loader's per-file size cap in this process, if the bench asked for it."""
    limit = os.environ.get(LIMIT_ENV)
    if limit:
        from kiosk.content import yamlsource

        yamlsource.MAX_FILE_BYTES = int(limit)


def child_env(base: Mapping[str, str], machine_dir: Path) -> dict[str, str]:
    """Offscreen, with per-machine settings and logs in a scratch folder."""
    env = dict(base)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["KIOSK_CONFIG_DIR"] = str(machine_dir / "config")
    env["KIOSK_DATA_DIR"] = str(machine_dir / "data")
    env.pop("QT_LOGGING_RULES", None)
    return env


def launch(kind: str, content: Path, media: Path, env: Mapping[str, str]) -> float:
    """Seconds from just before the launch to the child's first painted frame."""
    argv = [sys.executable, "-m", "kiosk.bench.coldstart", kind, str(content), str(media)]
    start = time.perf_counter()
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(env), text=True) as process:
        watchdog = threading.Timer(TIMEOUT_S, process.kill)  # a child that never paints must not hang the bench
        watchdog.start()
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            painted = time.perf_counter()
            _, err = process.communicate()
        finally:
            watchdog.cancel()
    if line.strip() != PAINTED:
        raise RuntimeError(f"cold start ({kind}) failed (exit {process.returncode}):\n{line}{err[-3000:]}")
    return painted - start


# --- the child side ----------------------------------------------------------------------------
def _paint_probe(widget) -> None:  # noqa: ANN001 - a QWidget; Qt is imported only in the child
    from PySide6.QtCore import QEvent, QObject, QTimer

    def report() -> None:
        sys.stdout.write(PAINTED + "\n")
        sys.stdout.flush()
        os._exit(0)  # nothing after the first frame is part of a cold start

    class Probe(QObject):
        fired = False

        def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - Qt override
            if not self.fired and event.type() == QEvent.Type.Paint:
                self.fired = True
                QTimer.singleShot(0, report)
            return False

    probe = Probe(widget)
    widget.installEventFilter(probe)


def _bare() -> int:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(*map(int, SIZE.split("x")))
    _paint_probe(window)
    window.show()
    return app.exec()


def _kiosk(content: str, media: str) -> int:
    apply_file_limit()
    from kiosk.runtime.start import run_kiosk
    from kiosk.ui.window import KioskWindow

    built = KioskWindow.__init__

    def init_and_probe(self, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        built(self, *args, **kwargs)
        _paint_probe(self)

    KioskWindow.__init__ = init_and_probe  # type: ignore[method-assign]
    width, height = map(int, SIZE.split("x"))
    return run_kiosk(Path(content), Path(media), default_content=Path(content), windowed=True, size=(width, height))


def main(argv: list[str]) -> int:
    kind = argv[0] if argv else ""
    if kind == "bare":
        return _bare()
    if kind == "kiosk" and len(argv) == 3:
        return _kiosk(argv[1], argv[2])
    sys.stderr.write("usage: python -m kiosk.bench.coldstart bare | kiosk CONTENT MEDIA\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
