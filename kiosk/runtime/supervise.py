"""Keep `kiosk run` alive all day: restart it when it crashes, stop when it is told to.

The kiosk runs as a child process so that anything that kills it (a segfault in a driver,
an out-of-memory kill, an uncaught error) costs the visitors a few seconds, not the day.
Exit code 0 means an admin quit on purpose, and ends supervision; so does 3, "another kiosk
already runs on this PC" (restarting would only be refused again); any other exit, or death by
a signal, is a crash. A child that keeps crashing soon after it starts is restarted
after 2, 4, 8 ... up to 60 s, so a broken install does not spin the CPU and flood the log;
a run of a minute or more counts as stable and resets the delay. SIGTERM or SIGINT to the
supervisor (systemd stopping the service, Ctrl+C) is passed to the child and ends
supervision; a second one kills the child.

The command, the process launcher, the sleep and the clock are parameters, so the tests
run the whole policy in milliseconds.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any, Protocol

from kiosk.paths import kiosk_command
from kiosk.runtime.exitcodes import ANOTHER_KIOSK

log = logging.getLogger(__name__)

SUPERVISED_ENV = "KIOSK_SUPERVISED"  # set for the child: its "quit" ends the day, not just one run
CRASHED_TO_START = 127  # the exit code recorded when the child could not even be started


class Child(Protocol):
    """The part of subprocess.Popen the supervisor uses."""

    pid: int

    def wait(self) -> int: ...

    def send_signal(self, sig: int) -> None: ...

    def kill(self) -> None: ...


def run_command(args: Sequence[str] = ()) -> list[str]:
    """The command line of `kiosk run ARGS` for this installation (frozen build or Python)."""
    return kiosk_command("run", *args)


def _popen(argv: Sequence[str]) -> Child:
    return subprocess.Popen(list(argv), env={**os.environ, SUPERVISED_ENV: "1"})


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            return f"was killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"was killed by signal {-code}"
    return f"exited with code {code}"


class Supervisor:
    """Runs `command` until it exits 0 or the supervisor is asked to stop."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        spawn: Callable[[Sequence[str]], Child] = _popen,
        sleep: Callable[[float], object] | None = None,
        clock: Callable[[], float] = time.monotonic,
        first_delay_s: float = 2.0,
        max_delay_s: float = 60.0,
        stable_after_s: float = 60.0,
    ) -> None:
        self.command = list(command)
        self._spawn = spawn
        self._wake = threading.Event()
        # The default sleep ends early when a stop is requested (Event.wait wakes on set()).
        self._sleep = sleep if sleep is not None else self._wake.wait
        self._clock = clock
        self.first_delay_s = first_delay_s
        self.max_delay_s = max_delay_s
        self.stable_after_s = stable_after_s
        self.restarts = 0
        self._child: Child | None = None
        self._stop_signal: int | None = None

    @property
    def stopping(self) -> bool:
        return self._stop_signal is not None

    def request_stop(self, signum: int = signal.SIGTERM) -> None:
        """Pass `signum` on to the child and end supervision; a second request kills the child.

        Safe to call from a signal handler: it only sets flags and signals the child.
        """
        again = self.stopping
        self._stop_signal = signum
        self._wake.set()
        child = self._child
        if child is None:
            return
        try:
            if again:
                child.kill()
            elif os.name == "nt":
                child.send_signal(signal.SIGTERM)  # Popen maps it to TerminateProcess
            else:
                child.send_signal(signum)
        except (ProcessLookupError, OSError):
            pass  # it has already gone

    def run(self) -> int:
        """Supervise until done; 0 after a deliberate quit or a stop request."""
        previous = self._install_signal_handlers()
        try:
            return self._loop()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _install_signal_handlers(self) -> dict[int, Any]:
        if threading.current_thread() is not threading.main_thread():
            return {}  # only the main thread may set handlers; an embedding caller stops us itself

        def handler(signum: int, _frame: FrameType | None) -> None:
            self.request_stop(signum)

        previous: dict[int, Any] = {}
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous[signum] = signal.signal(signum, handler)
        return previous

    def _run_once(self) -> int:
        try:
            child = self._spawn(self.command)
        except OSError as exc:
            log.error("cannot start %s: %s", " ".join(self.command), exc)
            return CRASHED_TO_START
        self._child = child
        log.info("started kiosk (pid %s): %s", child.pid, " ".join(self.command))
        if self._stop_signal is not None:  # a stop arrived while it was starting
            self.request_stop(self._stop_signal)
        try:
            return child.wait()
        finally:
            self._child = None

    def _loop(self) -> int:
        delay = self.first_delay_s
        while not self.stopping:
            started = self._clock()
            code = self._run_once()
            ran = self._clock() - started
            if self._stop_signal is not None:
                name = signal.Signals(self._stop_signal).name
                log.info("stopped on %s; the kiosk %s", name, describe_exit(code))
                return 0
            if code == 0:
                log.info("the kiosk quit normally after %.0f s; supervision ends", ran)
                return 0
            if code == ANOTHER_KIOSK:
                log.warning("another kiosk already runs on this PC; supervision ends")
                return ANOTHER_KIOSK
            if ran >= self.stable_after_s:
                delay = self.first_delay_s
            self.restarts += 1
            log.warning(
                "the kiosk %s after %.0f s; restart %d in %.0f s",
                describe_exit(code),
                ran,
                self.restarts,
                delay,
            )
            self._sleep(delay)
            delay = min(delay * 2, self.max_delay_s)
        log.info("stopped while waiting to restart the kiosk")
        return 0
