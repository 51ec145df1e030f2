"""A number as a visitor reads it: value and unit, qualifier, label, year, source and mark."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.basics import TapFrame
from kiosk.ui.widgets.tile_text import Arrangement, TileTexts, arranged, natural_width, unscaled

if TYPE_CHECKING:
    from kiosk.content.model import Figure, KeyFact
    from kiosk.ui.context import ViewContext
    from kiosk.ui.theme import Palette

# The palette role each text is drawn in (the stylesheet's for the labels they replace)
TEXT_COLOURS = {"unit": "muted", "mark": "target", "caption": "ink", "meta": "muted"}


class FactTile(TapFrame):
    """A key figure: big value and unit, its label, the year, and a 'plan target' badge. A tile
    its owner makes `tappable` (a headline figure, which the figures screen can show) presses
    and emits `tapped`; any other stays still under a finger.

    It draws its texts itself (kiosk.ui.widgets.tile_text says where they go): one widget
    instead of six, which a profile's tap no longer waits to make, style and show."""

    tappable = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fact: Figure | KeyFact | None = None
        self.texts = TileTexts()
        self._palette: Palette | None = None
        # The face the texts are in: the variant's, taken with the texts. Not the family the
        # tile inherits, which a switch of language sets before the texts arrive (and a screen
        # out of sight only when it is next shown): texts measured in one face and drawn in
        # another do not fit the room they were measured for.
        self.face = QFont()
        self.setMinimumWidth(theme.FACT_TILE_MIN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.tappable:
            super().mousePressEvent(event)
        else:
            event.ignore()  # what the tile sits on has the press, as it would without the tile

    def show_fact(self, ctx: ViewContext, fact: Figure | KeyFact, cite: str = "") -> None:
        """Fill from a headline figure or a key fact in the current variant: the number with its
        qualifier (近40, 30余), its label and year, where it comes from, and a badge when it is
        an estimate (预计) or a plan's goal (规划目标)."""
        self.fact = fact
        self._palette = ctx.palette
        face = QFont(theme.font_families(ctx.region))  # as the window sets it (KioskWindow._apply_font)
        quantity = ctx.quantity(fact, fact.unit)
        texts = TileTexts(
            value=quantity.number, unit=quantity.unit, mark=kind_mark(ctx, fact), caption=ctx.t(fact.label),
            meta=" · ".join(part for part in (figure_when(ctx, fact), cite) if part))
        if texts != self.texts or face != self.face:
            self.texts, self.face = texts, face
            self.setAccessibleName(" ".join(t for t in (texts.value + texts.unit, texts.mark, texts.caption,
                                                        texts.meta) if t))
            self.updateGeometry()
            self.update()

    # --- measuring and drawing -------------------------------------------------------------
    def _padding(self) -> tuple[int, int]:
        """Width and height the frame and the padding take around the texts."""
        inner = self.contentsRect()
        return (self.width() - inner.width() + 2 * theme.SPACE_M,
                self.height() - inner.height() + 2 * theme.SPACE_S)

    def arrangement(self, width: int | None = None) -> Arrangement:
        """Where the texts go in a tile `width` px wide (the tile's own width if not given)."""
        room = max(1, (self.width() if width is None else width) - self._padding()[0])
        return arranged(self.texts, self.face, room)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.arrangement(width).height + self._padding()[1]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As wide as the number's line at full size, as tall as the texts at that width."""
        width = max(self.minimumWidth(), natural_width(self.texts, self.face) + self._padding()[0])
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.minimumWidth(), self.heightForWidth(self.minimumWidth()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)  # the card: its ground and border, from the stylesheet
        if self._palette is None:
            return
        painter = QPainter(self)
        origin = self.contentsRect().topLeft() + QPoint(theme.SPACE_M, theme.SPACE_S)
        for piece in self.arrangement().pieces:
            painter.setFont(piece.font(self.face))
            painter.setPen(self._palette.color(self._colour_role(piece.part)))
            box = piece.box.translated(origin)
            if piece.scale == 1.0:
                painter.drawText(box, piece.flags, piece.text)
                continue
            painter.save()  # a number stepped down: its font drawn smaller, laid out as measured
            painter.translate(box.topLeft())
            painter.scale(piece.scale, piece.scale)
            height = math.ceil(box.height() / piece.scale)
            painter.drawText(QRect(0, 0, unscaled(box.width(), piece.scale), height), piece.flags, piece.text)
            painter.restore()
        painter.end()

    def _colour_role(self, part: str) -> str:
        if part == "value":  # a plan's goal drawn apart (the owner marks such a tile `target`)
            return "target" if self.property("target") else "accent"
        return TEXT_COLOURS[part]


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
