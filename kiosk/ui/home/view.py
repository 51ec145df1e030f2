"""Home: the exhibition's title, a tile into each view, and a spotlight that cycles highlights.

The spotlight is the attract loop: while home is shown it steps through headline figures and
milestones every `attract_interval_s`; tapping it opens what it shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Event, Exhibition, Figure
from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.context import TextBinder, ViewContext
from kiosk.ui.navigation import Navigate
from kiosk.ui.strings import UI_STRINGS
from kiosk.ui.widgets import (
    ElidedLabel,
    FactTile,
    FilmPlayer,
    FitLabel,
    FlowLayout,
    TapFrame,
    flickable,
    icon,
    label,
)

FIGURES_SHOWN = 4


@dataclass(frozen=True)
class Highlight:
    """One step of the attract loop: a milestone event or a page of headline figures."""

    event: Event | None = None
    figures: tuple[Figure, ...] = ()


def highlights(ctx: ViewContext) -> list[Highlight]:
    ex = ctx.exhibition
    milestones = [e for e in ex.events_sorted if e.kind == "milestone"] or list(ex.events_sorted)
    pages = [ex.figures[i : i + FIGURES_SHOWN] for i in range(0, len(ex.figures), FIGURES_SHOWN)]
    steps: list[Highlight] = []
    for index in range(max(len(milestones), len(pages))):
        if index < len(pages):
            steps.append(Highlight(figures=tuple(pages[index])))
        if index < len(milestones):
            steps.append(Highlight(event=milestones[index]))
    return steps


class HomeTile(TapFrame):
    def __init__(self, ctx: ViewContext, texts: TextBinder, tile, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.screen = Screen.from_id(tile.screen)
        self.setMinimumHeight(theme.HOME_TILE_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_S)
        glyph = QLabel()
        glyph.setPixmap(icon(tile.icon, ctx.palette.accent, theme.ICON_XL))
        self.title = FitLabel("title", theme.TYPE["subheading"])
        self.subtitle = ElidedLabel("subheading", 2)  # a tagline: two lines in any language
        self.subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        texts.text(self.title, tile.title)
        texts.bind(self.subtitle, self.subtitle.set_full_text, lambda: ctx.t(tile.subtitle))
        head = QHBoxLayout()  # the icon beside the title: a tile row stays low in every language
        head.setSpacing(theme.SPACE_M)
        head.addWidget(glyph)
        head.addWidget(self.title, 1)
        layout.addStretch(1)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)


class Spotlight(TapFrame):
    """The attract loop's stage: a milestone, or a row of headline figures."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setMinimumHeight(theme.SPOTLIGHT_HEIGHT)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_L, theme.SPACE_S, theme.SPACE_L, theme.SPACE_S)
        outer.setSpacing(theme.SPACE_S)
        self.kicker = label("", "caption", wrap=False)
        self.headline = label("", "heading")
        self.detail = label("", "body")
        outer.addWidget(self.kicker)
        outer.addWidget(self.headline)
        outer.addWidget(self.detail)
        self.tiles_row = QGridLayout()
        self.tiles_row.setSpacing(theme.SPACE_S)
        self.tiles = [FactTile() for _ in range(FIGURES_SHOWN)]
        for index, tile in enumerate(self.tiles):
            tile.tappable = True  # to the figures screen, on this figure and its source
            self.tiles_row.addWidget(tile, 0, index)
        outer.addLayout(self.tiles_row)
        outer.addStretch(1)
        self.current: Highlight | None = None

    def set_columns(self, columns: int) -> None:
        for index, tile in enumerate(self.tiles):
            self.tiles_row.addWidget(tile, index // columns, index % columns)

    def show_highlight(self, step: Highlight) -> None:
        self.current = step
        ctx = self.ctx
        if step.event is not None:
            event = step.event
            self.kicker.setText(f"{ctx.ui('timeline')} · {ctx.when(event)}")
            self.headline.setText(ctx.t(event.title))
            self.headline.show()
            self.detail.setText(ctx.t(event.summary))
            self.detail.show()
            for tile in self.tiles:
                tile.hide()
            return
        self.kicker.setText(ctx.ui("headline_figures"))
        self.headline.hide()
        self.detail.hide()
        for tile, figure in zip(self.tiles, (*step.figures, *([None] * FIGURES_SHOWN)), strict=False):
            tile.setVisible(figure is not None)
            if figure is not None:
                # No note here: a passing visitor reads the figure, its label, year and source.
                tile.show_fact(ctx, figure, ctx.source_short(figure.source))


class HomeView(QWidget):
    def __init__(self, ctx: ViewContext, navigate: Navigate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.navigate = navigate
        self.texts = TextBinder(ctx, self)
        settings = ctx.exhibition.settings
        # All of home shows at once at the normal type; at the larger one (Aa) it may run
        # taller than the screen, and then scrolls rather than squeezing its texts.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.area, _scroller = flickable()
        outer.addWidget(self.area)
        page = QWidget()
        self.area.setWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_M, theme.SPACE_XL, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_S)
        self.title = FitLabel("display", theme.TYPE["heading"])
        self.subtitle = label("", "subheading")
        self.texts.text(self.title, settings.title)
        self.texts.text(self.subtitle, settings.subtitle)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

        # One row of tiles on a wide screen; two columns on a tall one (a column of four would
        # leave the highlights no room).
        self.tiles_box = QGridLayout()
        self.tiles_box.setSpacing(theme.SPACE_M)
        self.tiles: list[HomeTile] = []
        for tile in settings.home_tiles:
            widget = HomeTile(ctx, self.texts, tile)
            widget.tapped.connect(lambda s=widget.screen: navigate(s))
            self.tiles.append(widget)
        self._tile_columns = 0
        self._place_tiles(len(self.tiles))
        layout.addLayout(self.tiles_box, theme.HOME_TILES_STRETCH)

        self.spotlight = Spotlight(ctx)
        self.spotlight.tapped.connect(self._open_spotlight)
        for tile in self.spotlight.tiles:
            tile.tapped.connect(lambda t=tile: self._open_figure(t))
        # The attract film beside the highlights (above them on a portrait screen), silent, looping.
        self.stage_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.stage_box.setSpacing(theme.SPACE_M)
        self.stage_box.addWidget(self.spotlight, 1)
        self.film: FilmPlayer | None = None
        if settings.attract_film is not None:
            box = QSize(theme.ATTRACT_FILM_WIDTH, theme.ATTRACT_FILM_HEIGHT)
            self.film = FilmPlayer(ctx, settings.attract_film, box, attract=True)
            self.stage_box.insertWidget(0, self.film, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(self.stage_box, theme.HOME_SPOTLIGHT_STRETCH)
        # The invitation in every language the kiosk speaks, each in its own words and face,
        # whatever language shows: a visitor passing by sees theirs.
        invites = QWidget()
        self.invites = FlowLayout(invites)
        self.invites.setSpacing(theme.SPACE_L)
        for variant in ctx.engine.variants:
            invite = label(ctx.engine.text(UI_STRINGS["touch_to_start"], variant.id), "caption", wrap=False)
            invite.setFont(theme.font(variant.font, "caption", bold=variant.id == settings.default_variant))
            invite.setProperty("variant", variant.id)
            self.invites.addWidget(invite)
        self.credits = label("", "caption")
        self.texts.text(self.credits, settings.credits)
        # The invitations and the credits side by side on a wide screen, one above the other on
        # a tall one: the credits keep a readable measure, and the highlights keep their room.
        self.footer = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.footer.setSpacing(theme.SPACE_L)
        self.footer.addWidget(invites, 1, Qt.AlignmentFlag.AlignTop)
        self.footer.addWidget(self.credits, 1)
        layout.addLayout(self.footer)

        self.steps = highlights(ctx)
        self.step_index = 0
        self.timer = QTimer(self)
        self.timer.setInterval(settings.attract_interval_s * 1000)
        self.timer.timeout.connect(self.advance)
        self.texts.redraw(self.spotlight, self._show_step)
        self._show_step()

    # --- attract loop ----------------------------------------------------------------------
    def advance(self) -> None:
        if self.steps:
            self.step_index = (self.step_index + 1) % len(self.steps)
            self._show_step()

    def _show_step(self) -> None:
        if self.steps:
            self.spotlight.show_highlight(self.steps[self.step_index])

    def _open_spotlight(self) -> None:
        step = self.spotlight.current
        if step is not None and step.event is not None:
            self.navigate(Screen.TIMELINE, step.event.id)
        elif step is not None:
            self.navigate(Screen.FIGURES)

    def _open_figure(self, tile: FactTile) -> None:
        figure = tile.fact
        self.navigate(Screen.FIGURES, getattr(figure, "id", None))

    # --- ScreenView -------------------------------------------------------------------------
    @staticmethod
    def showcase(exhibition: Exhibition) -> list[str | None]:
        return [None]

    @staticmethod
    def items(exhibition: Exhibition) -> Iterable[str]:
        return ()

    def warm(self) -> Iterator[None]:
        yield from ()

    def enter(self, item: str | None) -> None:
        self.timer.start()
        if self.film is not None:
            self.film.loop_silently()

    def leave(self) -> None:
        self.timer.stop()
        if self.film is not None:
            self.film.pause()

    def reset(self) -> None:
        self.step_index = 0
        self._show_step()
        self.area.verticalScrollBar().setValue(0)

    def current_item(self) -> str | None:
        return None

    def _place_tiles(self, columns: int) -> None:
        if columns == self._tile_columns:
            return
        self._tile_columns = columns
        for index, tile in enumerate(self.tiles):
            self.tiles_box.addWidget(tile, index // columns, index % columns)
        for column in range(self.tiles_box.columnCount()):
            self.tiles_box.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        portrait = self.height() > self.width()
        self._place_tiles(theme.HOME_TILE_COLUMNS_PORTRAIT if portrait else len(self.tiles))
        self.footer.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.stage_box.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.RightToLeft)
        self.spotlight.set_columns(2 if portrait else FIGURES_SHOWN)
        super().resizeEvent(event)
