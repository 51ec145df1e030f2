"""The window's one way to navigate, Back/Home, the script toggle and both orientations.

The whole window on tests/factory.py's kiosk exhibition (a long timeline, a directory several
screens tall, two map layers).
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.content import load_content
from kiosk.screens import Screen
from tests.conftest import factory_kiosk
from tests.factory import write_kiosk_exhibition

LATE_EVENT = "net-zero-goal"  # the last card on the track: opening it scrolls far along


@pytest.fixture
def kiosk(qtbot, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201 - a Kiosk
    """The window on factory content (not the bundled content conftest's `kiosk` opens)."""
    return factory_kiosk(qtbot, tmp_path_factory, write_kiosk_exhibition)


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in root.findChildren(QLabel) + root.findChildren(QPushButton):
        if widget.isVisibleTo(root) and widget.text():
            texts.append(widget.text())
    return texts


def tap(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_starts_home_and_tiles_open_each_view(qtbot, kiosk) -> None:  # noqa: ANN001
    window = kiosk.window
    assert window.current == Screen.HOME
    home = window.view(Screen.HOME)
    seen = []
    for tile in home.tiles:
        with qtbot.waitSignal(window.screen_did_change):
            tap(qtbot, tile)
        seen.append(window.current)
        tap(qtbot, window.top_bar.home)
        assert window.current == Screen.HOME
    assert seen == [Screen.TIMELINE, Screen.MAP, Screen.COMPANIES]


def test_back_returns_through_history(qtbot, kiosk) -> None:  # noqa: ANN001
    window = kiosk.window
    window.navigate(Screen.TIMELINE)
    window.navigate(Screen.TIMELINE, "approval")
    window.navigate(Screen.COMPANIES)
    tap(qtbot, window.top_bar.back)
    assert window.current == Screen.TIMELINE
    assert window.view(Screen.TIMELINE).current_item() == "approval"
    tap(qtbot, window.top_bar.back)
    assert window.current == Screen.TIMELINE
    assert window.view(Screen.TIMELINE).current_item() is None, "Back closes the event detail"
    assert not window.view(Screen.TIMELINE).detail.isVisible()
    tap(qtbot, window.top_bar.back)
    assert window.current == Screen.HOME
    assert not window.top_bar.back.isVisible()


def test_toggle_converts_every_visible_text_and_back(qtbot, kiosk) -> None:  # noqa: ANN001
    window = kiosk.window
    window.navigate(Screen.TIMELINE, "approval")
    before = visible_texts(window)
    assert any("沈阳" in t for t in before)
    assert any("国务院" in t for t in before)
    tap(qtbot, window.top_bar.variant_buttons["zh-Hant"])
    after = visible_texts(window)
    assert not any("沈阳" in t for t in after)
    assert any("瀋陽" in t for t in after)
    assert any("國務院" in t for t in after)
    assert window.top_bar.title.text() == "發展歷程"
    tap(qtbot, window.top_bar.variant_buttons["zh-Hans"])
    assert visible_texts(window) == before


def test_toggle_keeps_scroll_position_and_open_item(qtbot, kiosk) -> None:  # noqa: ANN001
    window = kiosk.window
    window.navigate(Screen.TIMELINE)
    timeline = window.view(Screen.TIMELINE)
    bar = timeline.area.horizontalScrollBar()
    assert bar.value() == 0
    window.navigate(Screen.TIMELINE, LATE_EVENT)
    position = bar.value()
    assert position > 0, "opening a late event scrolls the track to it"
    window.set_variant("zh-Hant")
    qtbot.wait(10)
    assert bar.value() == position
    assert timeline.current_item() == LATE_EVENT


def test_font_follows_the_variant(qtbot, kiosk) -> None:  # noqa: ANN001
    """The bar and the screen on show take the variant's face at once; a screen out of sight
    takes it when it is shown (a new face re-lays out every text it reaches)."""
    window = kiosk.window
    timeline = window.view(Screen.TIMELINE)  # built, not shown
    assert window.view(Screen.HOME).title.font().family() == "Noto Sans CJK SC"
    window.set_variant("zh-Hant")
    assert window.top_bar.title.font().family() == "Noto Sans CJK HK"
    assert window.view(Screen.HOME).title.font().family() == "Noto Sans CJK HK"
    assert timeline.font().family() == "Noto Sans CJK SC", "a hidden screen waits"
    window.navigate(Screen.TIMELINE)
    assert timeline.hint.font().family() == "Noto Sans CJK HK"


def test_bundled_fonts_are_registered(kiosk) -> None:  # noqa: ANN001
    from PySide6.QtGui import QFontDatabase

    families = set(QFontDatabase.families())
    assert {"Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK HK"} <= families


def overlapping(widgets: list[QWidget], root: QWidget) -> list[tuple[str, str]]:
    rects = [(w, QRect(w.mapTo(root, w.rect().topLeft()), w.size())) for w in widgets]
    clashes = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1 :]:
            if ra.intersects(rb):
                clashes.append((a.objectName() or type(a).__name__, b.objectName() or type(b).__name__))
    return clashes


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_home_lays_out_without_overlap_in_both_orientations(qtbot, kiosk, size) -> None:  # noqa: ANN001
    window = kiosk.window
    window.resize(*size)
    qtbot.wait(20)
    assert window.width() == size[0], "a layout must not force the window wider than the screen"
    home = window.view(Screen.HOME)
    parts = [*home.tiles, home.spotlight, home.title]
    assert overlapping(parts, window) == []
    for part in parts:
        rect = QRect(part.mapTo(window, part.rect().topLeft()), part.size())
        assert window.rect().contains(rect), f"{type(part).__name__} leaves the screen at {size}"
    portrait = size[1] > size[0]
    xs = {tile.mapTo(window, tile.rect().topLeft()).x() for tile in home.tiles}
    ys = {tile.mapTo(window, tile.rect().topLeft()).y() for tile in home.tiles}
    if portrait:  # two columns on a tall screen, one row on a wide one
        assert (len(xs), len(ys)) == (2, math.ceil(len(home.tiles) / 2))
    else:
        assert (len(xs), len(ys)) == (len(home.tiles), 1)


def test_touch_targets_are_large_enough(qtbot, kiosk) -> None:  # noqa: ANN001
    from kiosk.ui import theme

    window = kiosk.window
    for screen in (Screen.TIMELINE, Screen.HOME):
        window.navigate(screen)
        qtbot.wait(10)
        for button in window.findChildren(QPushButton):
            if button.isVisibleTo(window):
                assert min(button.width(), button.height()) >= theme.TOUCH_MIN, button.text()


def test_texts_and_views_are_made_ahead_in_slices_then_the_heap_is_settled(qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """After the first frame every text is converted for every script and every view is built,
    a little at a time (a tap meanwhile waits for one slice, not all), and then the heap is
    frozen (kiosk.heap)."""
    import gc

    from kiosk.content.walk import file_parts, iter_texts
    from kiosk.ui import theme
    from kiosk.ui.app import build_window, qt_application
    from kiosk.ui.snapshots import wait_for_warm_up

    monkeypatch.setattr(theme, "IDLE_SLICE_MS", 0)  # one text a slice
    monkeypatch.setattr(theme, "WARM_UP_DELAY_MS", 0)
    monkeypatch.setattr(theme, "AFTER_FRAME_MS", 0)
    gc.unfreeze()
    qt_application()
    result = load_content(write_kiosk_exhibition(tmp_path))
    built = build_window(result, tmp_path / "media")
    qtbot.addWidget(built.window)
    engine = built.ctx.engine
    ex = built.ctx.exhibition
    texts = [v for _f, part, prefix in file_parts(ex) for _l, v in iter_texts(part, prefix)]
    assert len(ex.layers) > 1, "the first layer's scene is made with the view: a second is made ahead"
    assert built.window.warming(), "the warm-up is to come"
    qtbot.waitUntil(lambda: built.window._warming is not None)
    assert built.window.warming(), "still converting: it goes a slice at a time"
    wait_for_warm_up(built, limit_s=30)  # as `kiosk shots` and `kiosk self-test` wait for it
    assert not built.window.warming()
    misses = engine.cache_info()[1]
    for value in texts:
        for variant in engine.variants:
            engine.text(value, variant.id)
    assert engine.cache_info()[1] == misses, "every text was already converted"
    for screen in Screen:  # and every screen's view is built, so no first visit waits for it
        assert screen in built.window._views
    assert set(built.window._views[Screen.MAP].scenes) == {layer.id for layer in ex.layers}, \
        "and every map layer's scene"
    assert gc.get_freeze_count() > 0


class ShownWindows(QObject):
    """Every widget shown as a window of its own (anything but the kiosk's window)."""

    def __init__(self, main: QWidget) -> None:
        super().__init__()
        self.main = main
        self.stray: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow() and watched is not self.main:
            self.stray.append(type(watched).__name__)
        return False


def test_no_part_of_a_page_opens_as_a_window_of_its_own(qtbot, tmp_path_factory) -> None:  # noqa: ANN001
    """A widget made without a parent and shown before it joins its page opens as a native
    window for a moment (on a real screen: made, shown, dropped; a flash and a few ms each).
    Profiles, event sheets with comparisons, the map and a switch of language open none."""
    from PySide6.QtWidgets import QApplication

    from tests.factory import write_directory_exhibition

    window = factory_kiosk(qtbot, tmp_path_factory, write_directory_exhibition).window
    watch = ShownWindows(window)
    QApplication.instance().installEventFilter(watch)
    try:
        ex = window.ctx.exhibition
        for company in ex.companies:
            window.navigate(Screen.PROFILE, company.id)
            qtbot.wait(1)
        for event in ex.timeline.events:
            window.navigate(Screen.TIMELINE, event.id)
            qtbot.wait(1)
        window.navigate(Screen.MAP)
        window.navigate(Screen.COMPANIES)
        for variant in ("zh-Hant", "zh-Hans"):
            window.set_variant(variant)
            qtbot.wait(1)
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert watch.stray == []


def test_larger_text_scales_every_screen_keeps_the_visitors_place_and_the_idle_reset_undoes_it(qtbot, kiosk) -> None:  # noqa: ANN001
    from kiosk.ui import theme

    window = kiosk.window
    window.navigate(Screen.COMPANIES)
    window.navigate(Screen.MAP)
    place = window.place()
    assert place[0] == Screen.MAP

    def text_scales() -> set[float]:
        """Each visible text's size over its role's base size."""
        return {round(w.font().pixelSize() / theme.BASE_TYPE[theme.ROLES[w.property("role")][0]], 1)
                for w in window.findChildren(QLabel) if w.isVisible() and w.property("role") in theme.ROLES}

    assert text_scales() == {1.0}
    tap(qtbot, window.top_bar.larger)
    assert window.top_bar.larger.isChecked()
    assert window.place() == place, "the visitor stays where they were"
    assert text_scales() == {theme.LARGE_TEXT_SCALE}
    assert window.top_bar.title.font().pixelSize() == round(theme.BASE_TYPE["heading"] * theme.LARGE_TEXT_SCALE)
    window.back()
    assert window.current == Screen.COMPANIES, "and keeps their way back"
    tap(qtbot, window.top_bar.home)
    assert window.current == Screen.HOME, "the bar made anew still works"
    window.navigate(Screen.TIMELINE)
    assert text_scales() == {theme.LARGE_TEXT_SCALE}, "a screen made later, large too"
    window.reset()
    assert window.current == Screen.HOME
    assert not window.top_bar.larger.isChecked()
    assert theme.text_scale() == 1.0
    assert text_scales() == {1.0}


def test_shots_show_every_main_view_in_every_variant_at_both_type_sizes(qtbot, kiosk, tmp_path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QImage

    from kiosk.ui.snapshots import save_shots, shots

    kiosk.window.resize(1280, 800)
    written = save_shots(kiosk, tmp_path, "1280x800")
    variants = [v.id for v in kiosk.ctx.engine.variants]
    views = [name for name, _screen, _item in shots(kiosk)]
    assert sorted(p.name for p in written) == sorted(
        f"1280x800{size}-{v}-{view}.png" for size in ("", "-Aa") for v in variants for view in views)
    normal, large = (QImage(str(tmp_path / f"1280x800{size}-{variants[0]}-home.png")) for size in ("", "-Aa"))
    assert normal.size() == large.size() == kiosk.window.size()
    assert normal != large, "the larger type is drawn larger"
    assert not kiosk.window.top_bar.larger.isChecked(), "and the window is left at the normal size"


def test_the_self_test_renders_every_screen_at_both_type_sizes_unless_told_not_to(qtbot, tmp_path, capsys) -> None:  # noqa: ANN001
    import re

    from kiosk.cli import main

    content = write_kiosk_exhibition(tmp_path)
    renders = {}
    for flags in ([], ["--normal-size-only"]):
        assert main(["self-test", str(content), "--sizes", "1920x1080", *flags]) == 0
        out = capsys.readouterr().out
        renders[bool(flags)] = int(re.search(r"self-test 1920x1080: (\d+) renders, \d+ films played, 0 failures", out)[1])
    assert renders[False] == 2 * renders[True] > 0, "every render again at the larger type"
