"""The main window: top bar (Home, Back, where you are, script toggle) over one screen at a time.

There is one way to move: `navigate(screen, item)`. It builds the screen on first use (so start
is fast and off-screen views cost nothing), runs the old screen's leave step and the new one's
enter step, records history for Back, and emits `screen_did_change(new, old)`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import heap, hyphenation
from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.context import TextBinder, ViewContext
from kiosk.ui.navigation import Navigate, ScreenView
from kiosk.ui.pacing import SlicedJob
from kiosk.ui.reach import needs_reach
from kiosk.ui.strings import every_ui_text
from kiosk.ui.widgets import ElidedLabel, TouchButton, close_viewers, film_playing, repolish, stop_films

log = logging.getLogger(__name__)


ViewFactory = Callable[[ViewContext, Navigate], QWidget]


PICKER_COLUMN = 3  # the top bar's: after home, back and the title


class TopBar(QWidget):
    def __init__(self, ctx: ViewContext, texts: TextBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedHeight(theme.TOP_BAR_HEIGHT)
        ink = ctx.palette.ink
        layout = QGridLayout(self)
        layout.setContentsMargins(theme.SPACE_M, theme.SPACE_S, theme.SPACE_M, theme.SPACE_S)
        layout.setHorizontalSpacing(theme.SPACE_S)
        layout.setVerticalSpacing(theme.SPACE_S)
        self.grid = layout
        self.home = TouchButton(icon_name="mdi6.home-outline", color=ink)
        self.back = TouchButton(icon_name="mdi6.arrow-left", color=ink)
        texts.ui(self.home, "home")
        texts.ui(self.back, "back")
        self.title = ElidedLabel("heading", 1)  # the home page shows a long title whole
        # A long title must never widen the window (it would push a portrait screen sideways).
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setContentsMargins(theme.SPACE_M, 0, 0, 0)
        layout.addWidget(self.home, 0, 0)
        layout.addWidget(self.back, 0, 1)
        layout.addWidget(self.title, 0, 2)
        layout.setColumnStretch(2, 1)
        # The language picker: beside the title where the bar is wide, on a row of its own where
        # four languages named in their own names would squeeze the title (a portrait screen).
        self.picker = QWidget()
        picker_row = QHBoxLayout(self.picker)
        picker_row.setContentsMargins(0, 0, 0, 0)
        picker_row.setSpacing(theme.SPACE_S)
        picker_row.addStretch(1)
        # Aa: a larger type scale everywhere, for a visitor who reads better so (kiosk.ui.theme)
        self.larger = TouchButton(theme.LARGER_TEXT_MARK)
        self.larger.setProperty("chip", True)  # marked when on, as the language in use is
        self.larger.setCheckable(True)
        self.larger.setChecked(theme.text_scale() > 1)
        texts.ui(self.larger, "larger_text", setter="setAccessibleName")
        picker_row.addWidget(self.larger)
        picker_row.addSpacing(theme.SPACE_L)  # a size, not a fifth language
        self.variant_buttons: dict[str, TouchButton] = {}
        self.variant_group = QButtonGroup(self)
        self.variant_group.setExclusive(True)
        for variant in ctx.engine.variants:
            button = TouchButton(variant.label)
            button.setCheckable(True)
            button.setProperty("chip", True)
            button.setFont(theme.font(variant.font, "body"))  # each label in its own glyph forms
            button.setChecked(variant.id == ctx.variant)
            self.variant_group.addButton(button)
            self.variant_buttons[variant.id] = button
            picker_row.addWidget(button)
        self._picker_below: bool | None = None
        self._place_picker(below=False)
        needs_reach(self.home, self.back, self.larger, *self.variant_buttons.values())

    def _place_picker(self, *, below: bool) -> None:
        if below == self._picker_below:
            return
        self._picker_below = below
        self.grid.removeWidget(self.picker)
        if below:
            self.grid.addWidget(self.picker, 1, 0, 1, PICKER_COLUMN)
        else:
            self.grid.addWidget(self.picker, 0, PICKER_COLUMN)
        rows = 2 if below else 1
        self.setFixedHeight(theme.TOP_BAR_HEIGHT * rows - theme.SPACE_S * (rows - 1))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_picker(below=event.size().width() < theme.TOP_BAR_ONE_ROW_MIN_WIDTH)


class KioskWindow(QWidget):
    screen_did_change = Signal(object, object)  # (new Screen, old Screen | None)

    def __init__(self, ctx: ViewContext, factories: Mapping[Screen, ViewFactory] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KioskRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle("中德园 · 铁西")
        self.ctx = ctx
        self.texts = TextBinder(ctx, self)
        # Each screen's view class comes from the one table of screens (kiosk.screens); a test
        # may stand a stub in for one.
        self._factories = dict(factories or {})
        self._views: dict[Screen, ScreenView] = {}
        self._history: list[tuple[Screen, str | None]] = []
        self.current: Screen | None = None

        self.setStyleSheet(theme.stylesheet(ctx.palette))
        # Widgets made outside the window (none today) would still draw in the right script.
        QApplication.setFont(ctx.font())
        self._apply_font()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.stack = QStackedWidget()
        # Screens adapt to the window, never the reverse: a portrait screen must not be widened
        # by a landscape layout's minimum size.
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.stack.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.stack, 1)
        self._bar_below: bool | None = None
        self.top_bar = self._make_bar()
        ctx.variant_did_change.connect(self._on_variant)
        self.navigate(Screen.HOME)
        self._warming: SlicedJob | None = None
        if theme.WARM_UP_DELAY_MS >= 0:
            QTimer.singleShot(theme.WARM_UP_DELAY_MS, self._warm_up)

    def warming(self) -> bool:
        """Whether the warm-up (below) is still to come or under way; never where it is off."""
        return theme.WARM_UP_DELAY_MS >= 0 and (self._warming is None or self._warming.running())

    def _warm_up(self) -> None:
        """After the first frame, while the home screen shows: load OpenCC and convert every
        text, and hyphenate every text's long words (in a child process), so no switch of
        language waits for it; build every screen's view, so no first visit waits for it; then settle the heap (kiosk.heap). In slices between frames: a tap meanwhile waits
        for one text or one view at most, not for all of it."""
        from kiosk.content.walk import file_parts, iter_texts

        ex = self.ctx.exhibition
        texts = [value for _file, part, prefix in file_parts(ex) for _loc, value in iter_texts(part, prefix)]
        words = [*texts, *every_ui_text()]  # the interface's own words are hyphenated ahead too

        def work() -> Iterator[object]:
            self.ctx.hyphenate_ahead(words)  # in a child process, while the texts convert here
            yield
            for value in texts:
                self.ctx.engine.warm((value,))
                yield
            yield from self.ctx.languages_ready()
            for screen in Screen:
                if screen not in self._views:
                    self.view(screen)
                    yield
                # a view may have more to make ahead (the map: each layer's scene), a slice a part
                yield from self._views[screen].warm()
            heap.settle()  # what exists now lives all day: keep the collector from walking it mid-tap

        steps = work()

        def step(deadline: float) -> bool:
            for signal in steps:
                # end the slice early while a thread still reads hyphenation patterns
                if signal is hyphenation.WAITING or time.perf_counter() > deadline:
                    return False
            return True

        self._warming = SlicedJob(self, step)
        self._warming.start()

    # --- navigation ------------------------------------------------------------------------
    def view(self, screen: Screen) -> ScreenView:
        """The screen's view, built on first use."""
        if screen not in self._views:
            factory = self._factories.get(screen) or screen.view_class()
            widget = factory(self.ctx, self.navigate)
            self._views[screen] = widget
            self.stack.addWidget(widget)
        return self._views[screen]

    def navigate(self, screen: Screen, item: str | None = None, *, record: bool = True) -> None:
        old = self.current
        if old is not None:
            old_view = self._views[old]
            if record:
                entry = (old, old_view.current_item())
                if not self._history or self._history[-1] != entry:
                    self._history.append(entry)
            if old != screen:
                old_view.leave()
        view = self.view(screen)
        self._give_face(view)  # before its texts: a screen hidden at a switch has the old face
        view.enter(item)
        self.stack.setCurrentWidget(view)
        self.current = screen
        if screen == Screen.HOME:
            self._history.clear()
        self.texts.flush()  # the bar's buttons hidden at a switch (home, back) show now
        self._update_bar()
        self.screen_did_change.emit(screen, old)

    def place(self) -> tuple[Screen | None, str | None]:
        """Where the visitor is: the screen and what it shows (an event, a company, a layer)."""
        if self.current is None:
            return None, None
        return self.current, self._views[self.current].current_item()

    def restore_place(self, screen: Screen | None, item: str | None) -> None:
        """Put a visitor back where they were (after a content reload): on the same item if it
        still exists, else at the top of its screen."""
        if screen is None:
            return
        if item is not None and item not in screen.view_class().items(self.ctx.exhibition):
            screen, item = screen.up, None
        self.navigate(screen, item, record=False)

    def back(self) -> None:
        if not self._history:
            self.go_home()
            return
        screen, item = self._history.pop()
        self.navigate(screen, item, record=False)

    def go_home(self) -> None:
        self.navigate(Screen.HOME)

    def film_playing(self) -> bool:
        """A film plays somewhere on screen (the idle reset waits for it)."""
        return film_playing(self.window())

    def reset(self) -> None:
        """Idle reset: default script, every view back to its start, home screen."""
        close_viewers(self.window())
        stop_films(self.window())
        self.ctx.media.forget()
        self.set_large_text(False)  # the next visitor starts at the normal size
        self.set_variant(self.ctx.exhibition.settings.default_variant)
        for view in self._views.values():
            view.reset()
        self._history.clear()
        self.navigate(Screen.HOME, record=False)
        # The visitor's photos, pages and films are freed now; glibc keeps the pages it freed
        # them into unless asked (a few ms, between visitors), and a kiosk runs all day.
        QTimer.singleShot(0, heap.give_back)

    # --- script variant --------------------------------------------------------------------
    def set_variant(self, variant: str) -> None:
        # The face first, then the texts: each label is then laid out (and elided) once, in
        # its new words and face, not once in the new words and the old face.
        if variant != self.ctx.variant:
            self._apply_font(self.ctx.engine.variant(variant).font)
        self.ctx.set_variant(variant)

    def _apply_font(self, region: str | None = None) -> None:
        # Every widget's font names only its size and weight (theme.role_font), so setting the
        # family on a screen reaches all of it with one call, no re-polish. Only the bar and the
        # screen on show take it now: a new family re-lays out every text it reaches, and the
        # screens out of sight get it when they are next shown (`_give_face`), as their texts do.
        self._face = QFont(theme.font_families(region or self.ctx.region))
        # A page built without a parent (a detail's contents) starts from the application's
        # font before it joins the window, and may keep its family: it starts from this one.
        QApplication.setFont(self._face)
        if self.current is None:  # building: everything made from now on inherits it
            self.setFont(self._face)
            return
        self._give_face(self.top_bar)
        self._give_face(self._views[self.current])

    def _give_face(self, widget: QWidget) -> None:
        if widget.font().families() == self._face.families():
            return
        widget.setFont(self._face)
        # A scroll area's page does not always take a new family from the viewport (a detail
        # sheet kept its English in the CJK face): it is given the face itself.
        for area in widget.findChildren(QScrollArea):
            if area.widget() is not None:
                area.widget().setFont(self._face)

    def _on_variant(self, variant: str) -> None:
        """Not texts (those the binders redo): the picker (the face is set before the switch)."""
        for variant_id, button in self.top_bar.variant_buttons.items():
            button.setChecked(variant_id == variant)

    # --- larger text ------------------------------------------------------------------------
    def set_large_text(self, on: bool) -> None:
        """Aa: every text at theme.LARGE_TEXT_SCALE (or back to normal). The bar and the screen
        on show are made again at the new sizes, the visitor kept where they were; the other
        screens are made again when next shown."""
        if on == (theme.text_scale() > 1):
            return
        screen, item = self.place()
        if screen is not None:
            self._views[screen].leave()
        theme.set_text_scale(theme.LARGE_TEXT_SCALE if on else 1.0)
        for view in self._views.values():
            self.stack.removeWidget(view)
            self.texts.forget(view)
            view.deleteLater()
        self._views.clear()
        self.current = None
        old_bar, self._bar_below = self.top_bar, None
        self.texts.forget(old_bar)
        old_bar.hide()
        old_bar.deleteLater()
        self.top_bar = self._make_bar()
        self._apply_font()
        size = self.size()
        self._place_bar(below=size.height() > size.width())
        history = self._history
        self.navigate(screen or Screen.HOME, item, record=False)
        self._history = history

    # --- top bar ---------------------------------------------------------------------------
    def _make_bar(self) -> TopBar:
        bar = TopBar(self.ctx, self.texts)
        self.layout().insertWidget(0, bar)
        bar.home.clicked.connect(self.go_home)
        bar.back.clicked.connect(self.back)
        bar.larger.toggled.connect(self.set_large_text)
        for variant_id, button in bar.variant_buttons.items():
            button.setChecked(variant_id == self.ctx.variant)
            button.clicked.connect(lambda _=False, v=variant_id: self.set_variant(v))
        self.texts.bind(bar.title, bar.title.set_full_text, self._title_text)
        return bar

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        size = event.size()
        self._place_bar(below=size.height() > size.width())

    def _place_bar(self, *, below: bool) -> None:
        """The navigation bar (home, back, the title, the languages) along the top of a
        landscape screen, and along the bottom of a portrait one: on a tall screen stood on the
        floor the top edge is out of a child's or a wheelchair user's reach (kiosk.reach)."""
        if below == self._bar_below:
            return
        self._bar_below = below
        layout = self.layout()
        layout.removeWidget(self.top_bar)
        layout.insertWidget(1 if below else 0, self.top_bar)
        self.top_bar.setProperty("below", below)
        repolish(self.top_bar)

    def _title_text(self) -> str:
        if self.current in (None, Screen.HOME):
            return self.ctx.t(self.ctx.exhibition.settings.title)
        return self.ctx.ui(self.current.title)

    def _update_bar(self) -> None:
        at_home = self.current == Screen.HOME
        self.top_bar.title.set_full_text(self._title_text())
        self.top_bar.back.setVisible(not at_home)
        self.top_bar.home.setVisible(not at_home)
