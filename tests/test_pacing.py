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


def test_deferred_work_follows_the_paint_of_a_slow_tap(qtbot) -> None:  # noqa: ANN001
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
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


def test_deferred_work_runs_even_if_nothing_is_painted(qtbot) -> None:  # noqa: ANN001
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    done: list[int] = []
    AfterFrame(widget, lambda: done.append(1)).request()
    qtbot.waitUntil(lambda: done == [1], timeout=theme.AFTER_NO_PAINT_MS * 10)
