"""Work deferred past a paint runs after that paint, even when the tap's own work took longer
than the frame it waited."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui import theme
from kiosk.ui.pacing import AfterFrame


class PaintLog(QObject):
    def __init__(self, widget: QWidget, log: list[str]) -> None:
        super().__init__(widget)
        self.log = log
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.log.append("paint")
        return False


def shown(qtbot, widget: QWidget) -> QWidget:  # noqa: ANN001
    """`widget` as a small window on screen, painted, its events handled."""
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return widget


def test_deferred_work_follows_the_paint_of_a_slow_tap(qtbot) -> None:  # noqa: ANN001
    widget = shown(qtbot, QWidget())
    log: list[str] = []
    PaintLog(widget, log)
    later = AfterFrame(widget, lambda: log.append("work"))
    later.request()
    widget.update()
    time.sleep(2 * theme.AFTER_FRAME_MS / 1000)  # the tap's own work outlasts the frame
    QApplication.processEvents()
    assert log == ["paint"], "the paint does not wait for the deferred work"
    qtbot.waitUntil(lambda: "work" in log)
    assert log == ["paint", "work"]


class SlowPaint(QWidget):
    """A widget whose paint outlasts a frame (a switch of language drawing new glyphs)."""

    def __init__(self, log: list[tuple[str, float]]) -> None:
        super().__init__()
        self.log = log

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802 - Qt override
        time.sleep(2 * theme.AFTER_FRAME_MS / 1000)
        self.log.append(("painted", time.perf_counter()))


def test_deferred_work_waits_a_frame_after_a_slow_paint_ends(qtbot) -> None:  # noqa: ANN001
    """The wait starts when the paint is done: a paint longer than the wait would otherwise
    find the work due and run it straight after, with no moment for a tap in between."""
    log: list[tuple[str, float]] = []
    widget = shown(qtbot, SlowPaint(log))
    log.clear()
    later = AfterFrame(widget, lambda: log.append(("work", time.perf_counter())))
    later.request()
    widget.update()
    deadline = time.monotonic() + 5
    while not any(what == "painted" for what, _ in log) and time.monotonic() < deadline:
        QApplication.processEvents()  # the pass that paints, and the timers due in it
    QApplication.sendPostedEvents()
    assert [what for what, _ in log] == ["painted"], "nothing due in the pass that painted"
    qtbot.waitUntil(lambda: len(log) == 2)
    (_, painted), (what, worked) = log
    assert what == "work"
    assert (worked - painted) * 1000 >= theme.AFTER_FRAME_MS * 0.9


def test_work_of_a_page_built_off_screen_follows_its_first_paint_on_screen(qtbot) -> None:  # noqa: ANN001
    """A page asks for its later parts while it is being built, before it joins the window, and
    again once shown: the tap that shows it may take longer than a frame, and the work must still
    wait for the paint."""
    window = shown(qtbot, QWidget())
    log: list[str] = []
    PaintLog(window, log)
    page = QWidget()
    later = AfterFrame(page, lambda: log.append("work"), painted=page)
    later.request()
    time.sleep(2 * theme.AFTER_FRAME_MS / 1000)  # the rest of the tap outlasts a frame
    page.setParent(window)
    page.show()
    later.request()  # shown: its owner asks again (a page does it when it is shown)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: "work" in log)
    assert log[0] == "paint", log


def test_deferred_work_runs_even_if_nothing_is_painted(qtbot) -> None:  # noqa: ANN001
    widget = shown(qtbot, QWidget())
    done: list[int] = []
    AfterFrame(widget, lambda: done.append(1)).request()
    qtbot.waitUntil(lambda: done == [1], timeout=theme.AFTER_NO_PAINT_MS * 10)


def test_work_called_off_before_its_frame_does_not_run_until_asked_again(qtbot) -> None:  # noqa: ANN001
    """Called off after the paint, while it waits its frame, and after a request with no paint."""
    widget = shown(qtbot, QWidget())
    log: list[str] = []
    later = AfterFrame(widget, lambda: log.append("work"))
    later.request()
    widget.repaint()  # the paint it follows; the frame's wait is queued
    widget.update()
    QApplication.processEvents()
    later.cancel()
    unasked = AfterFrame(widget, lambda: log.append("unpainted"))
    unasked.request()
    unasked.cancel()
    qtbot.wait(theme.AFTER_NO_PAINT_MS + 4 * theme.AFTER_FRAME_MS)
    assert log == []
    later.request()
    widget.update()
    qtbot.waitUntil(lambda: log == ["work"])
