"""Kiosk mode keeps its window the visible, active, full-screen one: a window manager's Iconify,
show-desktop or a lost full screen is put right within a moment, and logged."""

from __future__ import annotations

import logging

import pytest
import shiboken6
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
    for _ in range(2 + 4 + 8 + 8):
        keeper.check()
    assert restored == ["minimised"] * 4, "after 2, then 4, then 8 checks, and never more than 8 apart"


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


def test_watchers_that_outlive_their_window_let_it_go(qtbot) -> None:  # noqa: ANN001
    """The admin corner watches the whole application: once its window is gone (a reload, a
    shutdown) a tap anywhere must not reach for it (it crashed the process)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from kiosk.ui.admin.panel import AdminCorner

    window = QWidget()
    corner = AdminCorner(window, "top-left", 3000)
    keeper = WindowKeeper(window, check_ms=10_000)
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    QTest.mouseClick(other, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    keeper.check()
    assert not keeper.timer.isActive()
    assert not corner.timer.isActive()
