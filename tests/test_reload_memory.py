"""No growth across reloads: a curator who saves a hundred times a day, or a hall that publishes
updates, must not run a kiosk out of memory. (The RSS figure is `kiosk soak --reloads N`.)"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.content import load_content
from kiosk.content.yamlsource import _Builder
from kiosk.soak import reload_many


def live_objects() -> int:
    gc.collect()
    return len(gc.get_objects())


def test_loading_keeps_nothing_of_earlier_loads(exhibition_dir: Path) -> None:
    """Each reload read a whole exhibition's YAML nodes into a shared cache that was never emptied."""
    for _ in range(3):
        load_content(exhibition_dir)
    before = live_objects()
    for _ in range(10):
        load_content(exhibition_dir)
    assert _Builder._scalar_constructor.constructed_objects == {}
    assert live_objects() - before < 200


def test_reloads_leave_one_window_and_no_widgets_behind(qtbot, exhibition_dir: Path) -> None:  # noqa: ANN001
    samples: dict[int, tuple[int, int]] = {}

    def sample(reload: int, _rss: float) -> None:
        samples[reload] = (len(QApplication.allWidgets()), live_objects())

    report = reload_many(exhibition_dir, exhibition_dir.parent / "media", 8, sample, size=(1280, 800))
    for window in QApplication.topLevelWidgets():
        qtbot.addWidget(window)
    assert report.windows_alive == 1
    (widgets_then, objects_then), (widgets_now, objects_now) = samples[2], samples[8]
    # A window left behind would keep hundreds of widgets (a view's every card and label).
    assert widgets_now - widgets_then < 50, "the widgets of the old windows are gone"
    assert objects_now - objects_then < 1000
