"""The supervisor's policy: restart crashes with backoff, stop on exit 0 or a stop signal."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from kiosk.runtime.supervise import CRASHED_TO_START, Supervisor, describe_exit, run_command


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class FakeChild:
    """A child that 'runs' for `runtime` fake seconds, then exits with `code`."""

    def __init__(self, code: int, runtime: float, clock: FakeClock, on_wait: object = None) -> None:
        self.pid = 4242
        self.code = code
        self.runtime = runtime
        self.clock = clock
        self.on_wait = on_wait
        self.signals: list[int] = []
        self.killed = False

    def wait(self) -> int:
        if callable(self.on_wait):
            self.on_wait()
        self.clock.now += self.runtime
        return self.code

    def send_signal(self, sig: int) -> None:
        self.signals.append(sig)
        self.code = -sig

    def kill(self) -> None:
        self.killed = True


def scripted(runs: Sequence[tuple[int, float]], clock: FakeClock) -> tuple[list[FakeChild], object]:
    children = [FakeChild(code, runtime, clock) for code, runtime in runs]
    queue = iter(children)

    def spawn(_argv: Sequence[str]) -> FakeChild:
        return next(queue)

    return children, spawn


def test_crashes_back_off_then_exit_zero_ends() -> None:
    clock, delays = FakeClock(), []
    _, spawn = scripted([(1, 1.0)] * 7 + [(0, 5.0)], clock)
    supervisor = Supervisor(["kiosk"], spawn=spawn, sleep=delays.append, clock=clock)
    assert supervisor.run() == 0
    assert delays == [2, 4, 8, 16, 32, 60, 60]
    assert supervisor.restarts == 7


def test_a_stable_run_resets_the_delay() -> None:
    clock, delays = FakeClock(), []
    runs = [(1, 1.0), (1, 1.0), (1, 1.0), (-11, 600.0), (1, 1.0), (0, 1.0)]
    _, spawn = scripted(runs, clock)
    assert Supervisor(["kiosk"], spawn=spawn, sleep=delays.append, clock=clock).run() == 0
    assert delays == [2, 4, 8, 2, 4]


def test_a_child_that_cannot_start_is_retried_with_backoff() -> None:
    clock, delays, calls = FakeClock(), [], []

    def spawn(argv: Sequence[str]) -> FakeChild:
        calls.append(argv)
        if len(calls) < 3:
            raise FileNotFoundError(2, "No such file", argv[0])
        return FakeChild(0, 1.0, clock)

    assert Supervisor(["missing-kiosk"], spawn=spawn, sleep=delays.append, clock=clock).run() == 0
    assert delays == [2, 4]


def test_stop_request_is_forwarded_and_ends_supervision() -> None:
    clock, delays = FakeClock(), []
    supervisor: Supervisor
    child = FakeChild(1, 1.0, clock, on_wait=lambda: supervisor.request_stop(signal.SIGTERM))

    supervisor = Supervisor(["kiosk"], spawn=lambda _argv: child, sleep=delays.append, clock=clock)
    assert supervisor.run() == 0
    assert child.signals == [signal.SIGTERM]
    assert delays == []  # no restart after a stop


def test_second_stop_request_kills_the_child() -> None:
    clock = FakeClock()
    supervisor: Supervisor

    def twice() -> None:
        supervisor.request_stop(signal.SIGINT)
        supervisor.request_stop(signal.SIGINT)

    child = FakeChild(1, 1.0, clock, on_wait=twice)
    supervisor = Supervisor(["kiosk"], spawn=lambda _argv: child, sleep=lambda _s: None, clock=clock)
    assert supervisor.run() == 0
    assert child.killed


def test_stop_while_waiting_to_restart() -> None:
    clock = FakeClock()
    _, spawn = scripted([(2, 1.0), (2, 1.0)], clock)
    supervisor: Supervisor
    supervisor = Supervisor(
        ["kiosk"], spawn=spawn, sleep=lambda _s: supervisor.request_stop(signal.SIGTERM), clock=clock
    )
    assert supervisor.run() == 0
    assert supervisor.restarts == 1


def test_restarts_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    _, spawn = scripted([(-11, 3.0), (0, 1.0)], clock)
    with caplog.at_level(logging.INFO, logger="kiosk.runtime.supervise"):
        Supervisor(["kiosk"], spawn=spawn, sleep=lambda _s: None, clock=clock).run()
    assert "the kiosk was killed by SIGSEGV after 3 s; restart 1 in 2 s" in caplog.text
    assert "quit normally" in caplog.text


def test_describe_exit() -> None:
    assert describe_exit(3) == "exited with code 3"
    assert describe_exit(-9) == "was killed by SIGKILL"
    assert CRASHED_TO_START != 0


def test_run_command_uses_this_python() -> None:
    assert run_command(["--windowed"]) == [sys.executable, "-m", "kiosk", "run", "--windowed"]


@pytest.mark.slow
def test_real_child_restarted_until_it_exits_zero(tmp_path: Path) -> None:
    counter = tmp_path / "runs"
    child = (
        "import pathlib, sys; p = pathlib.Path(sys.argv[1]); "
        "n = int(p.read_text()) + 1 if p.exists() else 1; p.write_text(str(n)); "
        "sys.exit(0 if n >= 4 else 2)"
    )
    delays: list[float] = []
    supervisor = Supervisor([sys.executable, "-c", child, str(counter)], sleep=delays.append)
    assert supervisor.run() == 0
    assert counter.read_text() == "4"
    assert delays == [2, 4, 8]


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.slow
def test_sigterm_to_the_supervisor_reaches_the_child(tmp_path: Path) -> None:
    marker = tmp_path / "child-got"
    child = textwrap.dedent(
        f"""
        import pathlib, signal, sys, time
        def stop(signum, frame):
            pathlib.Path({str(marker)!r}).write_text(signal.Signals(signum).name)
            sys.exit(1)
        signal.signal(signal.SIGTERM, stop)
        pathlib.Path({str(marker)!r}).write_text("ready")
        time.sleep(60)
        """
    )
    script = (
        "import sys; from kiosk.runtime.supervise import Supervisor; "
        f"sys.exit(Supervisor([sys.executable, '-c', {child!r}]).run())"
    )
    repo = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=repo)
    try:
        deadline = time.monotonic() + 20
        while not (marker.exists() and marker.read_text() == "ready"):
            assert time.monotonic() < deadline, "the child never started"
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert marker.read_text() == "SIGTERM"


def test_another_kiosk_on_the_pc_ends_supervision_with_its_own_code() -> None:
    """Not an admin's quit (0), not a crash: restarting would only be refused again."""
    from kiosk.runtime.exitcodes import ANOTHER_KIOSK

    clock, delays = FakeClock(), []
    _, spawn = scripted([(ANOTHER_KIOSK, 1.0)], clock)
    supervisor = Supervisor(["kiosk"], spawn=spawn, sleep=delays.append, clock=clock)
    assert supervisor.run() == ANOTHER_KIOSK
    assert delays == []


def test_a_lock_that_could_not_be_taken_is_a_crash_and_restarts() -> None:
    from kiosk.runtime.exitcodes import ERROR

    clock, delays = FakeClock(), []
    _, spawn = scripted([(ERROR, 1.0), (0, 5.0)], clock)
    assert Supervisor(["kiosk"], spawn=spawn, sleep=delays.append, clock=clock).run() == 0
    assert delays == [2]
