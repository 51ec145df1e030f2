"""Kiosk mode keeps its window the visible, active, full-screen one: a window manager's Iconify,
show-desktop or a lost full screen is put right within a moment, and logged."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.runtime.kiosk_mode import WindowKeeper


@pytest.fixture
def kept(qtbot):  # noqa: ANN001, ANN201
    window = QWidget()
    qtbot.addWidget(window)
    window.showFullScreen()
    qtbot.waitExposed(window)
    keeper = WindowKeeper(window, check_ms=20, grace=2)
    yield window, keeper
    keeper.timer.stop()


@pytest.mark.parametrize(("upset", "problem"), [
    (QWidget.showMinimized, "minimised"),
    (QWidget.hide, "hidden"),
    (QWidget.showNormal, "not full screen"),
])
def test_an_upset_window_is_put_back(qtbot, kept, upset, problem: str, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    window, keeper = kept
    assert keeper.problem() is None
    upset(window)
    assert keeper.problem() == problem
    with caplog.at_level(logging.WARNING), qtbot.waitSignal(keeper.window_did_restore, timeout=2000) as blocker:
        pass
    assert blocker.args == [problem]
    assert window.isVisible()
    assert window.isFullScreen()
    assert window.isVisible()
    assert not window.isMinimized()
    assert f"the kiosk window was {problem}: restored to full screen" in caplog.text


def test_trouble_that_comes_straight_back_is_retried_less_often(qtbot, kept) -> None:  # noqa: ANN001
    window, keeper = kept
    keeper.timer.stop()
    keeper.restore = lambda problem: restored.append(problem)  # the window manager wins every time
    restored: list[str] = []
    window.showMinimized()
    for _ in range(2 + 4 + 8):
        keeper.check()
    assert restored == ["minimised"] * 3, "after 2, then 4, then 8 checks"


def test_a_moment_of_trouble_is_forgiven(qtbot, kept) -> None:  # noqa: ANN001
    window, keeper = kept
    keeper.timer.stop()
    window.showMinimized()
    keeper.check()  # one strike: a window manager's animation, a dialog passing
    window.showFullScreen()
    restored = []
    keeper.window_did_restore.connect(restored.append)
    keeper.check()
    keeper.check()
    assert restored == []
