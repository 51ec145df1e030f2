"""A number as a visitor reads it: value and unit, qualifier, label, year, source and mark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.basics import TapFrame, label
from kiosk.ui.widgets.elided import ElidedLabel
from kiosk.ui.widgets.fitting import FitLabel

if TYPE_CHECKING:
    from kiosk.content.model import Figure, KeyFact
    from kiosk.ui.context import ViewContext


class FactTile(TapFrame):
    """A key figure: big value and unit, its label, the year, and a 'plan target' badge. A tile
    its owner makes `tappable` (a headline figure, which the figures screen can show) presses
    and emits `tapped`; any other stays still under a finger."""

    tappable = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fact: Figure | KeyFact | None = None
        self.setMinimumWidth(theme.FACT_TILE_MIN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_M, theme.SPACE_S, theme.SPACE_M, theme.SPACE_S)
        layout.setSpacing(theme.SPACE_XS)
        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_XS)
        # The number stays whole on one line: 122 Mrd. Yuan and mehr als 2.500 step down to fit.
        self.value = FitLabel("figure", theme.TYPE["subheading"])
        self.unit = label("", "subheading")  # a long unit (Studierende) wraps; the number keeps its line
        row.addWidget(self.value, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.unit, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        layout.addLayout(row)
        # The estimate or target mark sits on the number's line: it qualifies the number, and a
        # line of its own would cost a tile row the height a longer English label needs. Most
        # figures have none, and their tiles make none (each widget on a page costs its tap
        # about 0.2 ms to make, style and show).
        self.badge: QLabel | None = None
        self._row = row
        self._badge_in_row: bool | None = None
        # At most two lines each: a tile row keeps one height in every language.
        self.caption = ElidedLabel("body", 2)
        self.meta = ElidedLabel("caption", 2)
        for text in (self.caption, self.meta):
            text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.caption)
        layout.addWidget(self.meta)
        self._below = QVBoxLayout()  # where the mark goes when the number's line has no room
        layout.addLayout(self._below)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.tappable:
            super().mousePressEvent(event)
        else:
            event.ignore()  # what the tile sits on has the press, as it would without the tile

    def _made_badge(self) -> QLabel:
        if self.badge is None:
            self.badge = label("", "target", wrap=False, parent=self)
            self._place_badge(in_row=True)
        return self.badge

    def _place_badge(self, *, in_row: bool) -> None:
        if self.badge is None or in_row == self._badge_in_row:
            return
        self._badge_in_row = in_row
        if in_row:
            self._row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        else:
            self._below.addWidget(self.badge)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.badge is None:
            return
        margins = self.layout().contentsMargins()
        room = event.size().width() - margins.left() - margins.right()
        spacing = self._row.spacing() * 2
        need = self.value.sizeHint().width() + self.unit.sizeHint().width() + self.badge.sizeHint().width() + spacing
        self._place_badge(in_row=not self.badge.isVisibleTo(self) or need <= room)

    def show_fact(self, ctx: ViewContext, fact: Figure | KeyFact, cite: str = "") -> None:
        """Fill from a headline figure or a key fact in the current variant: the number with its
        qualifier (近40, 30余), its label and year, where it comes from, and a badge when it is
        an estimate (预计) or a plan's goal (规划目标)."""
        self.fact = fact
        quantity = ctx.quantity(fact, fact.unit)
        self.value.setText(quantity.number)
        self.unit.setText(quantity.unit)
        self.caption.set_full_text(ctx.t(fact.label))
        self.meta.set_full_text(" · ".join(part for part in (figure_when(ctx, fact), cite) if part))
        badge = kind_mark(ctx, fact)
        if badge or self.badge is not None:
            mark = self._made_badge()
            mark.setText(badge)
            if mark.isHidden() == bool(badge):  # a change of visibility re-lays the tile out
                mark.setVisible(bool(badge))


def figure_when(ctx: ViewContext, fact: Figure | KeyFact) -> str:
    """The year a figure refers to (2025年, 2025), or how its source dates it when it gives no
    year (十年前, ten years earlier)."""
    period = getattr(fact, "period", None)
    if period:
        return ctx.t(period)
    return f"{fact.year}{ctx.ui('year')}" if fact.year else ""


def kind_mark(ctx: ViewContext, fact: Figure | KeyFact) -> str:
    """The mark a number carries when it is not a result: 预计 (an estimate), 规划目标 (a goal)."""
    return ctx.ui(fact.kind) if fact.kind in ("target", "estimate") else ""


def figure_line(ctx: ViewContext, figure: Figure) -> str:
    """A figure's label and when it refers to: 华晨宝马全体系年产量 · 十年前."""
    return " · ".join(part for part in (ctx.t(figure.label), figure_when(ctx, figure)) if part)
