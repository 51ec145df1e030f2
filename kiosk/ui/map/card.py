"""The card that opens over the map: a company, a named place or a planned zone.

One sheet, re-rendered for whatever was tapped and again on a script toggle. A zone shows its
planned area large, and its note in full: where the sources disagree (沈阳国际生命健康城: 6.2
or 33.2 km²) the note says so, and the card does not pick one. Every position and outline on
the map is schematic, and the card says so where the content marks it approximate.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.model import Company, MapLayer, Place, Zone
from kiosk.ui import theme
from kiosk.ui.context import ViewContext
from kiosk.ui.reach import needs_reach
from kiosk.ui.widgets import Chip, ElidedLabel, FitLabel, FlowLayout, TouchButton, icon, label, show_if
from kiosk.ui.widgets.shadow import FloatShadow


def drop_shadow(ctx: ViewContext, widget: QWidget) -> FloatShadow:
    """Lift a floating panel off the map with a soft shadow in the ink colour."""
    return FloatShadow(widget, color=ctx.palette.ink, alpha=theme.MAP_SHADOW_ALPHA, blur=theme.MAP_SHADOW_BLUR,
                       offset=theme.MAP_SHADOW_OFFSET, radius=theme.RADIUS_L)


class FloatingPanel(QFrame):
    """A panel floating over the map that the view places (its layout cannot resize it): it
    says when its content needs another size (a name fitted, a language switched), which can
    come a layout pass after the view last placed it."""

    wants_new_size = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            self.wants_new_size.emit()
        return super().event(event)


class MapCard(FloatingPanel):
    member_chosen = Signal(str)  # a company picked from a group card

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("Sheet")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        drop_shadow(ctx, self)
        self.kind: str | None = None  # company, place, zone or group
        self.key: str | None = None
        self.layer: MapLayer | None = None
        self._subject: Company | Place | Zone | tuple[Company, ...] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_M, theme.SPACE_L)
        outer.setSpacing(theme.SPACE_S)
        head = QHBoxLayout()
        head.setSpacing(theme.SPACE_XS)
        self.mark = QLabel()
        self.kicker = label("", "caption")
        self.close_button = TouchButton(icon_name="mdi6.close", color=ctx.palette.ink)
        self.close_button.setProperty("flat", True)
        needs_reach(self.close_button)
        head.addWidget(self.mark)
        head.addWidget(self.kicker, 1)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(head)
        body = QVBoxLayout()
        body.setContentsMargins(0, 0, theme.SPACE_S, 0)
        body.setSpacing(theme.SPACE_S)
        # A long name (an institution's, in German) steps down before it takes a fourth line.
        self.title = FitLabel("heading", theme.TYPE["body"], max_lines=theme.MAP_CARD_TITLE_LINES)
        body.addWidget(self.title)
        # In English or German, the name as Chinese signs write it: what a visitor looks for there.
        self.chinese_name = label("", "caption")
        self.chinese_name.setProperty("variant", ctx.exhibition.settings.script)
        body.addWidget(self.chinese_name)
        self.status = label("", "target", wrap=False)  # 规划 / 在建 / 已建成
        body.addWidget(self.status)
        figure = QHBoxLayout()
        figure.setSpacing(theme.SPACE_XS)
        self.figure = label("", "figure", wrap=False)
        self.unit = label("", "subheading", wrap=False)
        self.figure_label = label("", "caption", wrap=False)
        figure.addWidget(self.figure, 0, Qt.AlignmentFlag.AlignBaseline)
        figure.addWidget(self.unit, 0, Qt.AlignmentFlag.AlignBaseline)
        figure.addStretch(1)
        figure.addWidget(self.figure_label, 0, Qt.AlignmentFlag.AlignBaseline)
        self.figure_row = QWidget()
        self.figure_row.setLayout(figure)
        figure.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.figure_row)
        self.meta = label("", "caption")
        self.text = ElidedLabel("body", theme.MAP_CARD_TEXT_LINES)  # the profile holds the rest
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text.fill_height(at_most=theme.MAP_CARD_TEXT_LINES)  # fewer where the stage is short
        self.note = label("", "approximate")
        self.source = label("", "caption")
        for widget in (self.meta, self.text, self.note, self.source):
            body.addWidget(widget)
        self.members = QWidget()  # a group card's companies, one chip each
        self.member_flow = FlowLayout(self.members)
        body.addWidget(self.members)
        outer.addLayout(body)
        self.action = TouchButton()
        self.action.setProperty("accent", True)
        self.action.setFont(theme.role_font("button-strong"))
        self.action.setIcon(icon("mdi6.arrow-right", ctx.palette.on_accent, theme.ICON_M))
        self.action.setIconSize(QSize(theme.ICON_M, theme.ICON_M))
        self.action.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow follows the words
        outer.addSpacing(theme.SPACE_XS)
        outer.addWidget(self.action, 0, Qt.AlignmentFlag.AlignLeft)

    # --- what to show ------------------------------------------------------------------------
    def show_company(self, company: Company, layer: MapLayer) -> None:
        self._set("company", company.id, company, layer)

    def show_place(self, place: Place, layer: MapLayer) -> None:
        self._set("place", place.id, place, layer)

    def show_zone(self, zone: Zone, layer: MapLayer) -> None:
        self._set("zone", zone.id, zone, layer)

    def show_group(self, companies: tuple[Company, ...], layer: MapLayer) -> None:
        """Companies placed so close together that no zoom parts them: pick one from a list."""
        self._set("group", None, companies, layer)

    def clear(self) -> None:
        self.kind = self.key = self._subject = None
        self.hide()

    def _set(self, kind: str, key: str | None, subject: Company | Place | Zone | tuple[Company, ...],
             layer: MapLayer) -> None:
        self.kind, self.key, self._subject, self.layer = kind, key, subject, layer
        self.render()

    def render(self) -> None:
        """(Re)fill the card for the current subject in the current variant."""
        ctx, subject = self.ctx, self._subject
        if subject is None or self.layer is None:
            return
        palette = ctx.palette
        self.figure_row.hide()
        self.status.hide()
        self.meta.hide()
        self.action.hide()
        self.note.setText("")
        self.source.setText("")
        self.text.set_full_text("")
        named = None if isinstance(subject, tuple) else subject.name
        show_if(self.chinese_name, ctx.original(named) if named is not None and ctx.written else "")
        self._fill_members(subject if isinstance(subject, tuple) else ())
        if isinstance(subject, tuple):
            self.mark.setPixmap(icon("mdi6.map-marker-multiple", palette.ink, theme.ICON_S))
            self.kicker.setText(ctx.t(self.layer.title))
            self.title.setText(ctx.count("companies_here", len(subject)))
            if any(c.location is not None and c.location.approximate for c in subject):
                self.note.setText(ctx.ui("approximate"))
        elif isinstance(subject, Company):
            sector = ctx.exhibition.sectors_by_id[subject.sector]
            self.mark.setPixmap(icon("mdi6.circle", sector.color, theme.ICON_S))
            self.kicker.setText(ctx.t(sector.name))
            self.title.setText(ctx.t(subject.name))
            if subject.origin:
                self.meta.setText(ctx.origin_line(subject))
                self.meta.show()
            self.text.set_full_text(ctx.t(subject.summary))
            if subject.location is not None and subject.location.approximate:
                self.note.setText(ctx.ui("approximate"))
            self.action.setText(ctx.ui("open_profile"))
            self.action.show()
        elif isinstance(subject, Place):
            self.mark.setPixmap(icon("mdi6.rhombus", palette.ink, theme.ICON_S))
            self.kicker.setText(ctx.t(self.layer.title))
            self.title.setText(ctx.t(subject.name))
            self._set_status(subject.status)
            self.text.set_full_text(ctx.t(subject.note))
            if subject.approximate:
                self.note.setText(ctx.ui("approximate"))
            self._set_source(subject.source)
        else:
            self.mark.setPixmap(icon("mdi6.square-rounded", subject.color or palette.accent, theme.ICON_S))
            self.kicker.setText(ctx.t(self.layer.title))
            self.title.setText(ctx.t(subject.name))
            self._set_status(subject.status)
            if subject.area_km2:
                area = ctx.area(subject.area_km2, subject.area_qualifier)
                self.figure.setText(area.number)
                self.unit.setText(area.unit)
                self.figure_label.setText(ctx.ui("area"))
                self.figure_row.show()
            self.text.set_full_text(ctx.t(subject.area_note))
            if subject.approximate:
                self.note.setText(f"{ctx.ui('schematic')} · {ctx.t(self.layer.credit)}")
            self._set_source(subject.source)
        self.text.setVisible(bool(self.text.full_text))  # elided only once shown
        for widget in (self.note, self.source):
            widget.setVisible(bool(widget.text()))
        self.mark.setFixedSize(theme.ICON_S, theme.ICON_S)

    def _fill_members(self, companies: tuple[Company, ...]) -> None:
        while (item := self.member_flow.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()
        sectors = self.ctx.exhibition.sectors_by_id
        for company in companies:
            chip = Chip(self.ctx.t(company.display_name), dot=sectors[company.sector].color)
            chip.setCheckable(False)
            chip.clicked.connect(lambda _=False, c=company.id: self.member_chosen.emit(c))
            self.member_flow.addWidget(chip)
        self.members.setVisible(bool(companies))

    def _set_status(self, status: str) -> None:
        """规划 / 在建 / 已建成 as the sources report it: a planned zone never reads as built."""
        self.status.setText(self.ctx.ui(f"status_{status}"))
        self.status.show()

    def _set_source(self, source_ids: tuple[str, ...] | None) -> None:
        self.source.setText(self.ctx.source_line(source_ids))
