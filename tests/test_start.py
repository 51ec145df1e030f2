"""Starting the kiosk for the day: one kiosk per PC, exit codes that mean one thing, and a log
even when the state folder cannot be written."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from kiosk.runtime import start
from kiosk.runtime.exitcodes import ANOTHER_KIOSK, ERROR


@pytest.fixture
def qt(qtbot):  # noqa: ANN001, ANN201 - QLockFile needs no window, but a Qt application
    return qtbot


def test_the_lock_is_taken_once_and_a_second_kiosk_is_told_apart(qt, tmp_path: Path) -> None:  # noqa: ANN001
    lock, refused = start.take_lock(tmp_path / "kiosk.lock")
    assert lock is not None
    assert refused is None
    again, refused = start.take_lock(tmp_path / "kiosk.lock", attempts=1, wait_s=0)
    assert again is None
    assert refused == ANOTHER_KIOSK
    lock.unlock()


@pytest.mark.parametrize("garbage", ["", "garbage\n\x00\x01", "not-a-pid\nkiosk\nhost\n"])
def test_an_empty_or_garbled_lock_holds_nothing(qt, tmp_path: Path, garbage: str) -> None:  # noqa: ANN001
    path = tmp_path / "kiosk.lock"
    path.write_text(garbage, encoding="utf-8")
    lock, refused = start.take_lock(path, attempts=2, wait_s=0)
    assert refused is None
    assert lock is not None
    lock.unlock()


def test_a_lock_that_cannot_be_written_is_an_error_not_another_kiosk(qt, tmp_path: Path) -> None:  # noqa: ANN001
    blocker = tmp_path / "state"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    lock, refused = start.take_lock(blocker / "kiosk.lock", attempts=2, wait_s=0)
    assert lock is None
    assert refused == ERROR


def test_a_state_folder_that_cannot_be_made_moves_the_lock_and_the_log_to_a_scratch_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(blocker / "data"))
    monkeypatch.setattr(start, "SCRATCH", tmp_path / "scratch")
    assert start.lock_path() == tmp_path / "scratch" / "kiosk.lock"
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        warning = start.start_logging("INFO")
        assert warning is not None
        assert str(tmp_path / "scratch") in warning, "the admin panel is told where the log went"
        logging.getLogger("kiosk.test").warning("still logged")
        written = (tmp_path / "scratch" / "logs" / "kiosk.log").read_text(encoding="utf-8")
        assert "still logged" in written
        assert "the state folder cannot be written" in written
    finally:
        from kiosk.runtime import logs

        if logs._current is not None:
            logs._current.close()
            logs._current = None
        root.handlers = handlers
    assert os.path.isdir(tmp_path / "scratch")
