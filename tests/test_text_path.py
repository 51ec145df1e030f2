"""One road from the toggle to every text: on every screen, whether the toggle is tapped there or
elsewhere, no text a visitor can see stays in the old variant."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.map.items import LabelItem

LEFT = Qt.MouseButton.LeftButton


def visible_texts(root: QWidget, *, on_screen: bool = False) -> set[str]:
    """Every text a visitor can see (`on_screen`: now, without scrolling): labels, buttons, and
    the names drawn on a map (not those written in one variant on purpose: the invitation in
    every language, a Chinese name beside its translation)."""

    def seen(widget: QWidget) -> bool:
        return widget.isVisible() and not (on_screen and widget.visibleRegion().isEmpty())

    texts = {w.text() for w in root.findChildren(QLabel) if seen(w) and not w.property("variant")}
    texts |= {w.text() for w in root.findChildren(QAbstractButton) if seen(w)}
    scene = getattr(root, "scene", None)
    if scene is not None and not callable(scene):
        texts |= {item.text() for item in scene.items() if isinstance(item, LabelItem) and item.isVisible()}
    return {t for t in texts if t.strip()}


def stale(kiosk, before: set[str], *, on_screen: bool = False) -> list[str]:  # noqa: ANN001
    """Texts still shown as they were, although the new variant writes them differently."""
    engine = kiosk.ctx.engine
    toggle = {v.label for v in engine.variants}  # each language names itself in its own script
    after = visible_texts(kiosk.window, on_screen=on_screen) - toggle
    return sorted(t for t in after & before if engine.convert(t, "zh-Hant") != t)


def show(qtbot, kiosk, screen: Screen) -> None:  # noqa: ANN001
    """The screen shown as a visitor finds it: painted, and its parts made after the paint (a
    profile's foot) made, as they are long before a finger can reach the picker."""
    item = screen.view_class().showcase(kiosk.ctx.exhibition)[-1]
    kiosk.window.navigate(screen, item)
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(2 * theme.AFTER_FRAME_MS)


@pytest.mark.parametrize("screen", list(Screen), ids=lambda s: s.id)
def test_a_toggle_on_the_screen_leaves_nothing_in_the_old_variant(qtbot, kiosk, screen: Screen) -> None:  # noqa: ANN001
    show(qtbot, kiosk, screen)
    before = visible_texts(kiosk.window)
    assert any(kiosk.ctx.engine.convert(t, "zh-Hant") != t for t in before), "the screen shows Chinese text"
    qtbot.mouseClick(kiosk.window.top_bar.variant_buttons["zh-Hant"], LEFT)
    QApplication.processEvents()
    assert stale(kiosk, before, on_screen=True) == []  # what shows, at the first paint
    qtbot.waitUntil(lambda: stale(kiosk, before) == [])  # what a scroll would show, a frame later


@pytest.mark.parametrize("screen", [s for s in Screen if s is not Screen.HOME], ids=lambda s: s.id)
def test_a_toggle_elsewhere_reaches_the_screen_when_it_is_shown(qtbot, kiosk, screen: Screen) -> None:  # noqa: ANN001
    show(qtbot, kiosk, screen)
    before = visible_texts(kiosk.window)
    kiosk.window.navigate(Screen.HOME)
    qtbot.mouseClick(kiosk.window.top_bar.variant_buttons["zh-Hant"], LEFT)
    show(qtbot, kiosk, screen)
    assert stale(kiosk, before, on_screen=True) == []
    qtbot.waitUntil(lambda: stale(kiosk, before) == [])


CJK = re.compile(r"[\u3400-\u9fff]")
# A Chinese title kept for looking it up, (《沈阳…规划》), and a document's number, 国函〔2015〕218号.
BRACKETED = re.compile(r"\([^)]*\)|（[^）]*）|[\u3400-\u9fff]+〔\d{4}〕\d+号")


@pytest.mark.parametrize("screen", list(Screen), ids=lambda s: s.id)
def test_in_english_no_chinese_is_left_on_screen(qtbot, kiosk, screen: Screen) -> None:  # noqa: ANN001
    """The bundled content is translated whole: after a switch to English, no Chinese remains
    but the picker's own names, what is written in one variant on purpose, and a Chinese name
    given in brackets for looking it up."""
    show(qtbot, kiosk, screen)
    qtbot.mouseClick(kiosk.window.top_bar.variant_buttons["en"], LEFT)
    show(qtbot, kiosk, screen)
    toggle = {v.label for v in kiosk.ctx.engine.variants}

    def chinese_left(*, on_screen: bool = False) -> list[str]:
        shown = visible_texts(kiosk.window, on_screen=on_screen) - toggle
        return sorted(t for t in shown if CJK.search(BRACKETED.sub("", t)))

    assert chinese_left(on_screen=True) == []
    qtbot.waitUntil(lambda: chinese_left() == [])  # texts out of sight follow a frame after the paint
    assert chinese_left() == []
