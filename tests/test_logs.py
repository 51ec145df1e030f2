"""The log stays bounded on disk, the admin panel can read its tail, and crashes are logged."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.runtime import logs
from kiosk.runtime.machine import data_dir


@pytest.fixture
def kiosk_log() -> Iterator[logs.KioskLog]:
    installed = logs.setup_logging("DEBUG", data_dir(), stderr=False)
    yield installed
    installed.close()


def test_log_goes_to_the_data_dir(kiosk_log: logs.KioskLog) -> None:
    assert kiosk_log.path == data_dir() / "logs" / "kiosk.log"
    logging.getLogger("kiosk.test").info("hello 展览")
    assert logs.tail(1)[-1].endswith("hello 展览")


def test_rotation_keeps_the_log_bounded(kiosk_log: logs.KioskLog) -> None:
    line = "x" * 200
    logger = logging.getLogger("kiosk.test")
    for _ in range(7_000_000 // 250):
        logger.info(line)
    files = list(kiosk_log.path.parent.glob("kiosk.log*"))
    assert len(files) == logs.BACKUPS + 1
    total = sum(f.stat().st_size for f in files)
    assert 5_000_000 < total <= (logs.BACKUPS + 1) * logs.MAX_BYTES


def test_setting_up_twice_does_not_duplicate_lines(tmp_path: Path) -> None:
    first = logs.setup_logging("INFO", tmp_path, stderr=False)
    second = logs.setup_logging("INFO", tmp_path, stderr=False)
    try:
        assert not first.handlers
        logging.getLogger("kiosk.test").warning("once")
        assert [line for line in logs.tail(10, second.path) if line.endswith("once")] == [
            logs.tail(1, second.path)[0]
        ]
    finally:
        second.close()


def test_tail(tmp_path: Path) -> None:
    path = tmp_path / "some.log"
    assert logs.tail(5, path) == []
    path.write_text("".join(f"line {i}\n" for i in range(20_000)), encoding="utf-8")
    assert logs.tail(3, path) == ["line 19997", "line 19998", "line 19999"]
    assert logs.tail(0, path) == []
    path.write_text("only\n", encoding="utf-8")
    assert logs.tail(10, path) == ["only"]


def test_excepthook_logs_and_calls_back(kiosk_log: logs.KioskLog) -> None:
    seen: list[BaseException] = []
    uninstall = logs.install_excepthook(seen.append, context=lambda: "screen=timeline")
    try:
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)

        def fail() -> None:
            raise ValueError("boom in a thread")

        thread = threading.Thread(target=fail, name="loader")
        thread.start()
        thread.join()
    finally:
        uninstall()
    assert [str(e) for e in seen] == ["boom in a slot", "boom in a thread"]
    text = kiosk_log.path.read_text(encoding="utf-8")
    assert "uncaught exception in the main thread (screen=timeline)" in text
    assert "uncaught exception in thread loader" in text
    assert "RuntimeError: boom in a slot" in text  # the traceback is there


def test_a_failing_callback_is_logged_not_raised(kiosk_log: logs.KioskLog) -> None:
    def broken(_exc: BaseException) -> None:
        raise OSError("cannot go home")

    uninstall = logs.install_excepthook(broken)
    try:
        exc = KeyError("x")
        sys.excepthook(KeyError, exc, None)
    finally:
        uninstall()
    assert "the crash callback itself failed" in kiosk_log.path.read_text(encoding="utf-8")


def test_uninstall_restores_the_previous_hooks() -> None:
    before = (sys.excepthook, threading.excepthook)
    logs.install_excepthook(lambda _exc: None)()
    assert (sys.excepthook, threading.excepthook) == before
