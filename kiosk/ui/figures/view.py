"""The figures screen (数说中德园): every headline figure, grouped as a visitor thinks of them.

Chips choose where the figures are about (the park, Tiexi, the metropolitan circle) or the plan's
goals beside what later sources report. Within a place, figures stand under what they measure
(economy, investment, innovation, people, green, opening), each topic's charts first (drawn
from the content's `charts`), then its figures as tiles. A tap on a tile opens a sheet at the
bottom of the screen, within reach, that says where the figure comes from, in the source's words.

A place's page is made the first time it is chosen and kept: changing place is then a swap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import get_args

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Exhibition, Figure, Scope, Topic
from kiosk.ui import theme
from kiosk.ui.context import TextBinder, ViewContext
from kiosk.ui.figures.charts import ChartBlock, chart_block, comparison_block
from kiosk.ui.navigation import Navigate
from kiosk.ui.reach import needs_reach
from kiosk.ui.widgets import (
    Chip,
    ChipFlow,
    FactTile,
    TouchButton,
    figure_line,
    flickable,
    kind_mark,
    label,
    repolish,
    rule,
    show_if,
)

SCOPES: tuple[str, ...] = get_args(Scope)
TOPICS: tuple[str, ...] = get_args(Topic)
GOALS = "goals"  # the page of plan goals beside later results


def pages_of(exhibition: Exhibition) -> list[str]:
    """The pages the screen has, in order: each place with figures, then the goals if any."""
    pages = [scope for scope in SCOPES if any(f.scope == scope for f in exhibition.figures)]
    return [*pages, GOALS] if exhibition.comparisons else pages


class FigurePage(QWidget):
    """One place's figures: per topic, a header, its charts and a grid of tiles (columns to
    the width). The goals page holds one chart per comparison."""

    def __init__(self, ctx: ViewContext, texts: TextBinder, page: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = texts
        self.tiles: dict[str, FactTile] = {}
        self.charts: list[ChartBlock] = []
        self._grids: list[tuple[QGridLayout, list[FactTile]]] = []
        self._columns = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M)
        ex = ctx.exhibition
        if page == GOALS:
            for comparison in ex.comparisons:
                self._add_chart(layout, comparison_block(ctx, texts, comparison))
                source = label("", "caption")
                figures = (comparison.target, *comparison.results)
                texts.bind(source, source.setText, lambda f=figures: self._sources_of(f))
                layout.addWidget(source)
                layout.addWidget(rule())
        else:
            for topic in TOPICS:
                figures = [f for f in ex.figures if f.scope == page and f.topic == topic]
                if not figures:
                    continue
                layout.addWidget(self._header(topic))
                for chart in ex.charts:
                    first = ex.figures_by_id[chart.figures[0]]
                    if first.scope == page and first.topic == topic:
                        self._add_chart(layout, chart_block(ctx, texts, chart))
                grid = QGridLayout()
                grid.setSpacing(theme.SPACE_S)
                tiles = [self._tile(figure) for figure in figures]
                self._grids.append((grid, tiles))
                layout.addLayout(grid)
        layout.addStretch(1)
        self._place_tiles(1)

    def _header(self, topic: str) -> QWidget:
        header = QWidget()
        row = QHBoxLayout(header)
        row.setContentsMargins(0, theme.SPACE_S, 0, 0)
        row.setSpacing(theme.SPACE_M)
        words = label("", "heading", wrap=False)
        self.texts.ui(words, f"topic:{topic}")
        row.addWidget(words)
        row.addWidget(rule(), 1, Qt.AlignmentFlag.AlignVCenter)
        return header

    def _add_chart(self, layout: QVBoxLayout, chart: ChartBlock) -> None:
        self.charts.append(chart)
        layout.addWidget(chart)

    def _tile(self, figure: Figure) -> FactTile:
        tile = FactTile()
        tile.tappable = True

        def fill() -> None:
            tile.show_fact(self.ctx, figure, self.ctx.source_short(figure.source))

        self.texts.redraw(tile, fill)
        fill()
        self.tiles[figure.id] = tile
        return tile

    def _sources_of(self, figure_ids: tuple[str, ...]) -> str:
        figures = self.ctx.exhibition.figures_by_id
        cited = tuple(dict.fromkeys(s for i in figure_ids for s in figures[i].source))
        return self.ctx.source_line(cited)

    def _place_tiles(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for grid, tiles in self._grids:
            for tile in tiles:
                grid.removeWidget(tile)
            for index, tile in enumerate(tiles):
                grid.addWidget(tile, index // columns, index % columns)
            for column in range(grid.columnCount()):
                grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        gap = theme.SPACE_S
        self._place_tiles(max(1, (event.size().width() + gap) // (theme.FIGURE_TILE_WIDTH + gap)))


class FigureSource(QFrame):
    """Where a figure comes from: its label in full, the number with its mark, when it refers
    to, the note in the source's words and the source itself. Sits at the screen's bottom."""

    def __init__(self, ctx: ViewContext, texts: TextBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("Sheet")
        self.figure: Figure | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_M, theme.SPACE_M)
        outer.setSpacing(theme.SPACE_M)
        column = QVBoxLayout()
        column.setSpacing(theme.SPACE_XS)
        self.title = label("", "subheading")
        number_row = QHBoxLayout()
        number_row.setSpacing(theme.SPACE_S)
        self.number = label("", "chart-value", wrap=False)
        self.mark = label("", "target", wrap=False)
        number_row.addWidget(self.number)
        number_row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        number_row.addStretch(1)
        self.note = label("", "body")
        self.source = label("", "caption")
        column.addWidget(self.title)
        column.addLayout(number_row)
        column.addWidget(self.note)
        column.addWidget(self.source)
        outer.addLayout(column, 1)
        self.close_button = TouchButton(icon_name="mdi6.close")
        texts.ui(self.close_button, "close", setter="setAccessibleName")
        self.close_button.clicked.connect(self.hide)
        needs_reach(self.close_button)
        outer.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        texts.redraw(self, self._fill)

    def show_figure(self, figure: Figure) -> None:
        self.figure = figure
        self._fill()
        self.show()

    def _fill(self) -> None:
        figure, ctx = self.figure, self.ctx
        if figure is None:
            return
        self.title.setText(figure_line(ctx, figure))
        self.number.setText(str(ctx.quantity(figure, figure.unit)))
        self.mark.setText(kind_mark(ctx, figure))
        show_if(self.note, ctx.t(figure.note))
        self.source.setText(ctx.source_line(figure.source))


class FiguresView(QWidget):
    """The FIGURES screen: place chips, the chosen place's page, the source sheet."""

    def __init__(self, ctx: ViewContext, navigate: Navigate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.navigate = navigate
        self.texts = TextBinder(ctx, self)
        self.pages: dict[str, FigurePage] = {}
        self.page_ids = pages_of(ctx.exhibition)
        self.current: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_M)
        self.chip_row = ChipFlow()
        self.chip_group = QButtonGroup(self)
        self.chip_group.setExclusive(True)
        self.chips: dict[str, Chip] = {}
        for page in self.page_ids:
            chip = Chip("")
            self.texts.ui(chip, "targets_and_results" if page == GOALS else f"scope:{page}")
            chip.clicked.connect(lambda _=False, p=page: self.show_page(p))
            self.chip_group.addButton(chip)
            self.chips[page] = chip
            self.chip_row.add(chip)
        layout.addWidget(self.chip_row)
        self.hint = label("", "caption")
        self.texts.ui(self.hint, "tap_for_source")
        layout.addWidget(self.hint)
        self.area, self.scroller = flickable()
        layout.addWidget(self.area, 1)
        self.sheet = FigureSource(ctx, self.texts)
        self.sheet.hide()
        layout.addWidget(self.sheet)
        self.texts.after_refresh(self.chip_row.relayout)
        if self.page_ids:
            self.show_page(self.page_ids[0])

    # --- pages ----------------------------------------------------------------------------------
    def page(self, page_id: str) -> FigurePage:
        """A page, made the first time it is asked for."""
        if page_id not in self.pages:
            page = FigurePage(self.ctx, self.texts, page_id)
            for figure_id, tile in page.tiles.items():
                tile.tapped.connect(lambda f=figure_id: self.show_source(f))
            self.pages[page_id] = page
        return self.pages[page_id]

    def show_page(self, page_id: str) -> None:
        """Show a place's page (or the goals) from its top, its charts growing in."""
        if page_id not in self.chips:
            return
        self.chips[page_id].setChecked(True)
        self.sheet.hide()
        if page_id != self.current:
            shown = self.page(page_id)
            self.area.takeWidget()  # kept in self.pages; the area would delete it
            self.area.setWidget(shown)
            self.current = page_id
        self.scroller.stop()
        self.area.verticalScrollBar().setValue(0)
        for chart in self.pages[page_id].charts:
            chart.grow()

    def show_source(self, figure_id: str) -> None:
        """The sheet for one figure; its tile marked as the one read."""
        figure = self.ctx.exhibition.figures_by_id[figure_id]
        for page in self.pages.values():
            for tile_id, tile in page.tiles.items():
                if bool(tile.property("current")) != (tile_id == figure_id):
                    tile.setProperty("current", tile_id == figure_id)
                    repolish(tile)
        self.sheet.show_figure(figure)

    def show_figure(self, figure_id: str) -> None:
        """Open on one figure: its place, scrolled to its tile, its source shown."""
        figure = self.ctx.exhibition.figures_by_id[figure_id]
        self.show_page(figure.scope)
        self.show_source(figure_id)
        tile = self.pages[figure.scope].tiles[figure_id]
        # Once laid out at the screen's width, where the tile really is.
        QTimer.singleShot(0, self, lambda: self.area.ensureWidgetVisible(tile, 0, theme.SPACE_L))

    def finish(self) -> None:
        """Bars at their full length now (screenshots, the self-test)."""
        if self.current in self.pages:
            for chart in self.pages[self.current].charts:
                chart.finish()

    # --- ScreenView ------------------------------------------------------------------------------
    @staticmethod
    def items(exhibition: Exhibition) -> Iterable[str]:
        return pages_of(exhibition)

    @staticmethod
    def showcase(exhibition: Exhibition) -> list[str | None]:
        return list(pages_of(exhibition))  # each page by name: a bare visit keeps the last page seen

    def warm(self) -> Iterator[None]:
        yield from ()

    def enter(self, item: str | None) -> None:
        if item in self.ctx.exhibition.figures_by_id:
            self.show_figure(item)
        elif item in self.chips:
            self.show_page(item)
        elif self.current is not None:
            self.show_page(self.current)

    def leave(self) -> None:
        self.scroller.stop()
        self.finish()

    def reset(self) -> None:
        if self.page_ids:
            self.show_page(self.page_ids[0])

    def current_item(self) -> str | None:
        if self.sheet.isVisibleTo(self) and self.sheet.figure is not None:
            return self.sheet.figure.id
        return self.current
