"""Guard against a Qt binding that corrupts the interpreter over a long day.

PySide6-Essentials 6.12.0 dropped a reference to None on every call of a void method; the
kiosk then aborted ("deallocating None") after a few thousand visitor taps. pyproject pins
below it; this test fails if an install ever brings such a build back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

CALLS = 5000


def test_void_calls_keep_none_alive(qtbot) -> None:  # noqa: ANN001
    label = QLabel("x")
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("y")
        label.update()
    assert before - sys.getrefcount(None) < CALLS // 10
