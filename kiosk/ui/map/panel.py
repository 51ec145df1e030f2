"""The map's controls: the layer trail over the map and the panel with the sector legend.

The trail (都市圈 › 沈阳市 › 中德园) floats over the map's top-left corner, where a visitor
looks for "where am I"; the panel beside the map (above it in portrait) names the layer, says
that highlighted regions can be tapped, and holds the sector legend, whose chips filter the
markers. Chips wrap in rows; in the landscape panel the legend is a single column, like a key.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import theme
from kiosk.ui.context import TextBinder, ViewContext
from kiosk.ui.map.card import FloatingPanel
from kiosk.ui.widgets import Chip, FlowLayout, flickable, icon, label, repolish


class LayerTrail(FloatingPanel):
    """One chip a layer, broad to narrow, joined by chevrons: where you are and how to go back up.
    A chip's new words reach the trail's size a layout pass after the map placed it (each chip
    sits in a step with its chevron): it asks to be placed again then (FloatingPanel)."""

    def __init__(self, ctx: ViewContext, texts: TextBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MapFloat")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.flow = FlowLayout(self)
        self.flow.setSpacing(0)
        self.flow.setContentsMargins(theme.SPACE_XS, theme.SPACE_XS, theme.SPACE_XS, theme.SPACE_XS)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.chips: dict[str, Chip] = {}
        for n, layer in enumerate(ctx.exhibition.layers):
            chip = Chip()
            texts.text(chip, layer.title)
            self.group.addButton(chip)
            self.chips[layer.id] = chip
            if not n:
                self.flow.addWidget(chip)
                continue
            # The chevron leads its chip: where the trail wraps, the new line starts with it,
            # never a line ending in a chevron that points at nothing.
            step = QWidget()
            row = QHBoxLayout(step)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(0)
            chevron = QLabel()
            chevron.setPixmap(icon("mdi6.chevron-right", ctx.palette.muted, theme.ICON_S))
            chevron.setFixedSize(theme.ICON_S, theme.TOUCH_MIN)
            chevron.setAlignment(Qt.AlignmentFlag.AlignCenter)
            row.addWidget(chevron)
            row.addWidget(chip)
            self.flow.addWidget(step)

    def size_for(self, max_width: int) -> QSize:
        """As wide as its chips in one row, wrapping only when the map is narrower than that."""
        margins = self.flow.contentsMargins()
        extra = margins.left() + margins.right()
        width = min(self.flow.sizeHint().width() + extra, max_width)
        height = self.flow.heightForWidth(width - extra) + margins.top() + margins.bottom()
        return QSize(width, height)


class MapPanel(QFrame):
    """The layer's name, the drill-down hint and the sector legend, scrolling if it runs long."""

    def __init__(self, ctx: ViewContext, texts: TextBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MapPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll, _scroller = flickable()
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # a finger scrolls it
        outer.addWidget(self.scroll)
        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_S)
        self.title = label("", "heading")
        layout.addWidget(self.title)
        self.hint = QWidget()
        hint_row = QHBoxLayout(self.hint)
        hint_row.setContentsMargins(0, 0, 0, 0)
        hint_row.setSpacing(theme.SPACE_XS)
        glyph = QLabel()
        glyph.setPixmap(icon("mdi6.gesture-tap", ctx.palette.accent, theme.ICON_M))
        self.hint_text = label("", "body")
        texts.ui(self.hint_text, "tap_region")
        hint_row.addWidget(glyph, 0, Qt.AlignmentFlag.AlignTop)
        hint_row.addWidget(self.hint_text, 1)
        layout.addWidget(self.hint)
        self.sector_heading = label("", "caption", wrap=False)
        self.sector_heading.setContentsMargins(0, theme.SPACE_S, 0, 0)
        texts.ui(self.sector_heading, "sector")
        layout.addWidget(self.sector_heading)
        self.sector_flow = FlowLayout(column=True)
        self.all_chip = Chip()
        self.all_chip.setProperty("legend", True)
        texts.ui(self.all_chip, "all")
        self.sector_flow.addWidget(self.all_chip)
        self.sector_chips: dict[str, Chip] = {}
        for sector in ctx.exhibition.sectors:
            chip = Chip(dot=sector.color)
            chip.setProperty("legend", True)
            texts.text(chip, sector.name)
            self.sector_flow.addWidget(chip)
            self.sector_chips[sector.id] = chip
        layout.addLayout(self.sector_flow)
        layout.addStretch(1)
        self.scroll.setWidget(self.content)
        self.unbounded = self.maximumHeight()  # Qt's "no limit", to undo a fixed size

    def set_portrait(self, portrait: bool) -> None:
        """A column key beside the map; wrapping rows above it."""
        if self.sector_flow.column == portrait:
            self.sector_flow.column = not portrait
            self.sector_flow.invalidate()
            self.content.layout().invalidate()  # the column's cached height-for-width is stale now
        if bool(self.property("portrait")) != portrait:
            self.setProperty("portrait", portrait)
            repolish(self)

    def height_for(self, width: int) -> int:
        """Everything at this width, without scrolling."""
        return self.content.layout().heightForWidth(width)
