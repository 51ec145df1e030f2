"""A number as a visitor reads it: value and unit, qualifier, label, year, source and mark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.basics import label
from kiosk.ui.widgets.fitting import FitLabel

if TYPE_CHECKING:
    from kiosk.content.model import Figure, KeyFact
    from kiosk.ui.context import ViewContext


class FactTile(QFrame):
    """A key figure: big value and unit, its label, the year, and a 'plan target' badge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setMinimumWidth(theme.FACT_TILE_MIN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_M, theme.SPACE_S, theme.SPACE_M, theme.SPACE_S)
        layout.setSpacing(theme.SPACE_XS)
        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_XS)
        # The number stays whole on one line: 122 Mrd. Yuan and mehr als 2.500 step down to fit.
        self.value = FitLabel("figure", theme.TYPE["subheading"])
        self.unit = label("", "subheading", wrap=False)
        row.addWidget(self.value, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.unit, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        layout.addLayout(row)
        self.caption = label("", "body")
        self.meta = label("", "caption")
        self.badge = label("", "target", wrap=False)
        layout.addWidget(self.caption)
        layout.addWidget(self.meta)
        layout.addWidget(self.badge)

    def show_fact(self, ctx: ViewContext, fact: Figure | KeyFact, cite: str = "") -> None:
        """Fill from a headline figure or a key fact in the current variant: the number with its
        qualifier (近40, 30余), its label and year, where it comes from, and a badge when it is
        an estimate (预计) or a plan's goal (规划目标)."""
        quantity = ctx.quantity(fact, fact.unit)
        self.value.setText(quantity.number)
        self.unit.setText(quantity.unit)
        self.caption.setText(ctx.t(fact.label))
        year = f"{fact.year}{ctx.ui('year')}" if fact.year else ""
        self.meta.setText(" · ".join(part for part in (year, cite) if part))
        badge = ctx.ui(fact.kind) if fact.kind in ("target", "estimate") else ""
        self.badge.setText(badge)
        self.badge.setVisible(bool(badge))
