"""`kiosk run` as an installer starts it: a real process that stays up, refuses a twin, stops on TERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent


def start(env: dict[str, str], *, capture: bool) -> subprocess.Popen[str]:
    output = subprocess.PIPE if capture else subprocess.DEVNULL
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--windowed", "--size", "1280x720"],
        cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT, text=True,
    )


def wait_for_log(path: Path, text: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.is_file() and text in path.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared in {path}")


def test_run_starts_refuses_a_second_instance_and_stops_on_sigterm() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    log = Path(env["KIOSK_DATA_DIR"]) / "logs" / "kiosk.log"
    first = start(env, capture=False)
    try:
        wait_for_log(log, "kiosk started on")
        second = start(env, capture=True)
        out, _ = second.communicate(timeout=60)
        assert second.returncode == 3, "another kiosk: its own exit code, not an admin's quit"
        assert "already running" in out
        assert first.poll() is None, "the first kiosk is still up"
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) == 0, "a service stop is a clean exit (the supervisor stops too)"
    finally:
        if first.poll() is None:
            first.kill()
    assert "quit requested by SIGTERM" in log.read_text(encoding="utf-8")
