"""Figures drawn as bars, in the theme's colours: shares of a whole, a change, a ranking, and a
plan's goal beside what later sources report.

Every chart says what it shows in one sentence above it (the content's words), and every bar
carries its number as the figure tiles write it: qualifier, unit, and the estimate or target
mark. Bars are painted (QtCharts is not in PySide6-Essentials); the words beside them are
labels, so they wrap, hyphenate and are checked for fit like every other text.

Scales say only what the numbers say: a share, and a change of a share, is drawn against its
whole (100 %); a ranking, any other change and a comparison against the largest number drawn,
so lengths compare like with like.
A goal is an outline, never a filled bar: it is not a result. An estimate's bar is striped.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.model import Chart, Comparison, Figure
from kiosk.formatting import PERCENT
from kiosk.ui import theme
from kiosk.ui.context import TextBinder, ViewContext
from kiosk.ui.widgets import figure_line, kind_mark, label

WHOLE = 100.0  # a share is drawn against its whole, in percent
COLUMNS = ("bar", "number", "mark")


class Bar(QWidget):
    """One bar: `share` (0 to 1) of the track filled, times `grown` while it grows in. `whole`
    draws the track (a share's 100 %); a goal is an outline; an estimate is striped."""

    def __init__(self, palette: theme.Palette, share: float, *, kind: str = "result", whole: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.palette_ = palette
        self.share = max(0.0, min(1.0, share))
        self.kind = kind
        self.whole = whole
        self.grown = 1.0
        self.setFixedHeight(theme.CHART_BAR_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = theme.CHART_BAR_RADIUS
        if self.whole:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.palette_.color("line"))
            painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        width = self.width() * self.share * self.grown
        if width <= 0:
            return
        if self.kind == "target":
            inset = theme.CHART_TARGET_PEN / 2
            painter.setPen(QPen(self.palette_.color("target"), theme.CHART_TARGET_PEN))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(inset, inset, max(width - 2 * inset, 0), self.height() - 2 * inset),
                                    radius, radius)
            return
        bar = QRectF(0, 0, width, self.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette_.color("accent"))
        painter.drawRoundedRect(bar, radius, radius)
        if self.kind == "estimate":
            painter.setBrush(QBrush(QColor(theme.CHART_ESTIMATE_HATCH), Qt.BrushStyle.BDiagPattern))
            painter.drawRoundedRect(bar, radius, radius)


class BarRow:
    """A bar with its words: the figure's label (and when it refers to) above, the number and
    its mark at the bar's end. Its widgets go into the chart's grid, so every bar of a chart
    has one track length and numbers line up."""

    def __init__(self, ctx: ViewContext, texts: TextBinder, figure: Figure, share: float, *, whole: bool) -> None:
        self.figure = figure
        self.words = label("", "body")
        texts.bind(self.words, self.words.setText, lambda: figure_line(ctx, figure))
        self.bar = Bar(ctx.palette, share, kind=figure.kind, whole=whole)
        self.value = label("", "chart-goal" if figure.kind == "target" else "chart-value", wrap=False)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        texts.bind(self.value, self.value.setText, lambda: _number(ctx, figure))
        self.mark = label("", "target", wrap=False)
        texts.bind(self.mark, self.mark.setText, lambda: kind_mark(ctx, figure))


class ChartBlock(QWidget):
    """A chart: its sentence, its bars, and what a visitor must know to read it right."""

    def __init__(self, ctx: ViewContext, texts: TextBinder, title: object, rows: Sequence[tuple[Figure, float]],
                 note: object = None, *, whole: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(theme.CHART_MAX_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_S)
        self.title = label("", "subheading")
        texts.text(self.title, title)
        layout.addWidget(self.title)
        self.rows = [BarRow(ctx, texts, figure, share, whole=whole) for figure, share in rows]
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.SPACE_S)
        grid.setVerticalSpacing(theme.SPACE_XS)
        grid.setColumnStretch(0, 1)
        for index, row in enumerate(self.rows):
            words_at, bar_at = 2 * index, 2 * index + 1  # the label's line above its bar's
            grid.addWidget(row.words, words_at, 0, 1, len(COLUMNS))
            for column, widget in enumerate((row.bar, row.value, row.mark)):
                grid.addWidget(widget, bar_at, column)
        layout.addLayout(grid)
        self.note = label("", "caption")
        if note:
            texts.text(self.note, note)
            layout.addWidget(self.note)
        self._growth = QVariantAnimation(self)
        self._growth.setStartValue(0.0)
        self._growth.setEndValue(1.0)
        self._growth.valueChanged.connect(self._set_grown)

    @property
    def bars(self) -> list[Bar]:
        return [row.bar for row in self.rows]

    def grow(self) -> None:
        """Bars grow in from nothing (on entering the screen); at once where motion is off."""
        duration = theme.ANIMATION_MS * theme.CHART_GROW_SHARE
        if duration <= 0:
            self.finish()
            return
        self._growth.stop()
        self._growth.setDuration(duration)
        self._set_grown(0.0)  # from nothing now, not from the first tick
        self._growth.start()

    def finish(self) -> None:
        self._growth.stop()
        self._set_grown(1.0)

    def _set_grown(self, grown: object) -> None:
        for bar in self.bars:
            bar.grown = float(grown)  # type: ignore[arg-type]
            bar.update()


def chart_block(ctx: ViewContext, texts: TextBinder, chart: Chart) -> ChartBlock:
    """A content chart (figures.yaml `charts`) as bars to the scale its kind calls for."""
    figures = [ctx.exhibition.figures_by_id[figure_id] for figure_id in chart.figures]
    of_a_whole = all(figure.unit == PERCENT and float(figure.value) <= WHOLE for figure in figures)
    if chart.kind == "share" or (chart.kind == "change" and of_a_whole):
        # a share, and a share that changed (34% -> 36%), against the whole: two points apart
        # look two points apart, not a bar that doubled
        rows = [(figure, float(figure.value) / WHOLE) for figure in figures]
    else:
        if chart.kind == "ranking":
            figures.sort(key=lambda figure: float(figure.value), reverse=True)
        rows = _against_largest(figures)
    return ChartBlock(ctx, texts, chart.title, rows, chart.note, whole=chart.kind == "share" or of_a_whole)


def comparison_block(ctx: ViewContext, texts: TextBinder, comparison: Comparison) -> ChartBlock:
    """A plan's goal (an outline) above what later sources report, on one scale, with the
    sources' own words on the gap below."""
    figures = ctx.exhibition.figures_by_id
    drawn = [figures[comparison.target], *(figures[i] for i in comparison.results)]
    return ChartBlock(ctx, texts, comparison.title, _against_largest(drawn), comparison.note)


def _against_largest(figures: Sequence[Figure]) -> list[tuple[Figure, float]]:
    largest = max((float(figure.value) for figure in figures), default=0.0)
    return [(figure, float(figure.value) / largest if largest > 0 else 0.0) for figure in figures]


def _number(ctx: ViewContext, figure: Figure) -> str:
    return str(ctx.quantity(figure, figure.unit))

