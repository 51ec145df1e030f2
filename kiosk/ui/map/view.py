"""Map: the metropolitan circle, the city and the park, with companies, places and zones on them.

A panel (beside the map in landscape, above it in portrait) switches layers and filters sectors;
the map itself is a MapCanvas (pan, pinch, double tap) over a MapScene. Tapping a marker, place
or zone opens a card over the map, never over the panel; tapping a region that drills down
(Tiexi on the city layer) opens the next layer through the window, so Back climbs up again.
Each layer gets its own scene on its first visit (outlines read and projected, items made), and
keeps it: returning to a layer swaps scenes, and its names, drawn ahead while the map is idle,
are ready when a zoom reveals them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QEvent, QMarginsF, QPointF, QRect, QRectF
from PySide6.QtWidgets import QApplication, QBoxLayout, QFrame, QVBoxLayout, QWidget

from kiosk.content.model import Exhibition, MapLayer
from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.context import TextBinder, ViewContext
from kiosk.ui.map.canvas import MapCanvas
from kiosk.ui.map.card import MapCard, drop_shadow
from kiosk.ui.map.geometry import LayerGeometry, build_layer
from kiosk.ui.map.panel import LayerTrail, MapPanel
from kiosk.ui.map.scene import Hit, MapScene
from kiosk.ui.navigation import Navigate
from kiosk.ui.pacing import SlicedJob
from kiosk.ui.reach import needs_reach
from kiosk.ui.widgets import TouchButton, label

log = logging.getLogger(__name__)


class MapStage(QWidget):
    """The map and what floats over it; places its overlays whenever it is resized."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self._view = view

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self._view.place_overlays()


class MapView(QWidget):
    """The map screen (a ScreenView): enter a layer id or a company id; current_item is the open
    company's id, else the layer's."""

    def __init__(self, ctx: ViewContext, navigate: Navigate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.navigate = navigate
        self.texts = TextBinder(ctx, self)
        self.geometry_cache: dict[str, LayerGeometry] = {}
        self.scenes: dict[str, MapScene] = {}  # one per layer, built on its first visit and kept
        self.layer: MapLayer = ctx.exhibition.layers[0]
        self._pending_focus: str | None = None  # a company to centre on once the map has its size
        self._chosen: set[str] = set()  # sectors picked on the filter; none picked shows all
        self._label_prep = SlicedJob(self, self._prepare_labels)  # the shown layer's names, while idle

        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)
        self.panel = MapPanel(ctx, self.texts)
        self.stage = MapStage(self)
        self.box.addWidget(self.panel)
        self.box.addWidget(self.stage, 1)

        self.scene = self.scene_for(self.layer)
        self.canvas = MapCanvas(self.scene, self.stage)
        self.trail = LayerTrail(ctx, self.texts, self.stage)
        drop_shadow(ctx, self.trail)
        self.controls = QFrame(self.stage)
        self.controls.setObjectName("MapFloat")
        column = QVBoxLayout(self.controls)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.zoom_in = TouchButton(icon_name="mdi6.plus", color=ctx.palette.ink)
        self.zoom_out = TouchButton(icon_name="mdi6.minus", color=ctx.palette.ink)
        self.zoom_fit = TouchButton(icon_name="mdi6.fit-to-screen-outline", color=ctx.palette.ink)
        for button, key in ((self.zoom_in, "zoom_in"), (self.zoom_out, "zoom_out"), (self.zoom_fit, "reset_view")):
            self.texts.ui(button, key, setter="setAccessibleName")  # icon-only, so named for screen readers
            column.addWidget(button)
        needs_reach(self.zoom_in, self.zoom_out, self.zoom_fit)
        drop_shadow(ctx, self.controls)
        self.credit = label("", "caption", parent=self.stage)
        self.credit.setObjectName("MapCredit")
        self.credit.setContentsMargins(theme.SPACE_S, theme.SPACE_XS, theme.SPACE_S, theme.SPACE_XS)
        self.card = MapCard(ctx, self.stage)
        self.card.hide()
        self._new_words = False  # the overlays are taking new words: placed once, after
        self.card.wants_new_size.connect(self._resized_overlay)
        self.trail.wants_new_size.connect(self._resized_overlay)

        self.zoom_in.clicked.connect(lambda: self.canvas.animate_zoom(theme.MAP_ZOOM_STEP))
        self.zoom_out.clicked.connect(lambda: self.canvas.animate_zoom(1 / theme.MAP_ZOOM_STEP))
        self.zoom_fit.clicked.connect(lambda: self.canvas.animate_to(1.0, self.canvas.home_center()))
        self.card.close_button.clicked.connect(self.close_card)
        self.card.action.clicked.connect(self._open_profile)
        self.card.member_chosen.connect(self._choose_member)
        for layer_id, chip in self.trail.chips.items():
            chip.clicked.connect(lambda _=False, lid=layer_id: self._go_layer(lid))
        self.panel.all_chip.clicked.connect(lambda: self.set_sector_filter(set()))
        for sector_id, chip in self.panel.sector_chips.items():
            chip.clicked.connect(lambda _=False, sid=sector_id: self._toggle_sector(sid))
        self.canvas.tapped.connect(self._on_tap)
        self.canvas.gesture_did_start.connect(self._drop_pending_focus)
        for button in (self.zoom_in, self.zoom_out, self.zoom_fit):
            button.clicked.connect(self._drop_pending_focus)
        self.canvas.view_did_change.connect(self._relayout)
        self.show_layer(self.layer.id)
        # The scene's names, the open card and the panel's layer texts are made as a whole.
        self.texts.redraw(self, self._refresh_texts)

    # --- layers ------------------------------------------------------------------------------
    def geometry_for(self, layer: MapLayer) -> LayerGeometry:
        """The layer's projected outlines (read with the content), projected the first time only."""
        if layer.base not in self.geometry_cache:
            self.geometry_cache[layer.base] = build_layer(list(self.ctx.outlines.get(layer.base, ())))
        return self.geometry_cache[layer.base]

    def scene_for(self, layer: MapLayer) -> MapScene:
        """The layer's scene: built on the first visit, then kept with its drawn names and dots,
        so changing layer (and Back) costs a swap, not a rebuild of hundreds of items."""
        scene = self.scenes.get(layer.id)
        if scene is None:
            scene = MapScene(self.ctx)
            scene.show_layer(layer, self.geometry_for(layer))
            self.scenes[layer.id] = scene
        elif scene.variant != self.ctx.variant:  # the script was toggled while it was away
            scene.refresh_text()
        return scene

    def warm(self) -> Iterator[None]:
        """Build every layer's scene ahead (the window calls this while idle, one per slice), so
        the first visit to a layer is a swap like any other."""
        for layer in self.ctx.exhibition.layers:
            if layer.id not in self.scenes:
                self.scene_for(layer)
                yield

    def show_layer(self, layer_id: str) -> None:
        """Show a layer whole and fitted, no card open and no sector filtered."""
        layer = self.ctx.exhibition.layers_by_id[layer_id]
        self.close_card()
        self.layer = layer
        scene = self.scene_for(layer)
        if scene is not self.scene or self.canvas.map_rect.isNull():
            self.scene = scene
            self.canvas.setScene(scene)
            self.canvas.set_map_rect(self.geometry_for(layer).bounds)
        self.trail.chips[layer_id].setChecked(True)
        self.panel.hint.setVisible(bool(layer.drill))
        present = set(self.scene.sectors_present())
        for sector_id, chip in self.panel.sector_chips.items():
            chip.setVisible(sector_id in present)
        self.panel.sector_heading.setVisible(bool(present))
        self.panel.all_chip.setVisible(bool(present))
        self.set_sector_filter(set())
        self._render_texts()
        self.canvas.fit()
        self._label_prep.start()

    def _prepare_labels(self, deadline: float) -> bool:
        """A slice of drawing names ahead of need (a large layer has hundreds, each a few ms to
        halo): the first frame of a zoom that shows many at once would otherwise stall. Not
        while the map moves: then every frame's time is the visitor's."""
        if self.canvas.is_draft():
            return False
        return self.scene.prepare_labels(self.canvas.devicePixelRatioF(), deadline)

    def _go_layer(self, layer_id: str) -> None:
        """Change layer as a navigation step, so the window's Back returns to this one."""
        if layer_id != self.layer.id or self.card.kind is not None:
            self.navigate(Screen.MAP, layer_id)

    def _render_texts(self, *, names_changed: bool = False) -> None:
        self.panel.title.setText(self.ctx.t(self.layer.title))
        self.credit.setText(self.ctx.t(self.layer.credit))
        self._size_panel()  # the hint and the sectors shown differ per layer, the words per script
        # The trail's and the card's chips take their new sizes in the layout pass after their
        # new words. Placed before it, the map was fitted to a trail a row too tall and then
        # again; and the card and the trail each asked there to be placed anew (with a card
        # open, a switch placed the names four times). That pass runs now, its requests wait,
        # and the overlays are placed once, after it.
        self._new_words = True
        try:
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        finally:
            self._new_words = False
        self.place_overlays(names_changed=names_changed)

    def _resized_overlay(self) -> None:
        if not self._new_words:
            self.place_overlays()

    # --- sector filter -----------------------------------------------------------------------
    def shown_sectors(self) -> set[str]:
        """Sectors whose markers are showing (all of them when no chip is chosen)."""
        return self._chosen or set(self.scene.sectors_present())

    def set_sector_filter(self, chosen: set[str]) -> None:
        """Show only the chosen sectors' companies; an empty choice shows every sector."""
        self._chosen = set(chosen)
        present = set(self.scene.sectors_present())
        self.scene.set_hidden_sectors(present - chosen if chosen else set())
        self.panel.all_chip.setChecked(not chosen)
        for sector_id, chip in self.panel.sector_chips.items():
            chip.setChecked(sector_id in chosen)
        if self.card.kind == "company" and self.card.key is not None:
            if self.scene.company(self.card.key).sector not in self.shown_sectors():
                self.close_card()
        self._relayout()

    def _toggle_sector(self, sector_id: str) -> None:
        # From "all", a tap picks that one sector; after that taps add and remove sectors.
        self.set_sector_filter(self._chosen ^ {sector_id})

    # --- cards -------------------------------------------------------------------------------
    def open_company(self, company_id: str) -> None:
        company = self.scene.company(company_id)
        if company.sector not in self.shown_sectors():
            self.set_sector_filter(set())
        self.scene.select(company_id)
        self.card.show_company(company, self.layer)
        self._show_card()
        self._relayout()

    def _show_card(self) -> None:
        self.card.show()
        self.card.raise_()
        self.place_overlays()
        self._relayout()  # labels move out from under the card

    def close_card(self) -> None:
        self._pending_focus = None
        self.card.clear()
        self.scene.select(None)
        # the zoom buttons and the credit back where a long card moved them, the names placed anew
        self.place_overlays(names_changed=True)

    def _choose_member(self, company_id: str) -> None:
        self.open_company(company_id)  # chosen, so out of the cluster and ringed on the map
        self._keep_clear_of_card(company_id)

    def _open_profile(self) -> None:
        if self.card.kind == "company" and self.card.key:
            self.navigate(Screen.PROFILE, self.card.key)

    def _on_tap(self, pos: QPointF) -> None:
        hit = self.scene.hit(self.canvas, pos)
        if hit is None:
            self.close_card()
        elif hit.kind == "company":
            self.open_company(hit.key)
            self._keep_clear_of_card(hit.key)
        elif hit.kind == "cluster":
            if self._separating_zoom(hit.members) > self.canvas.zoom * (1 + 1e-6):
                self._zoom_into(hit)
            else:  # as close as the zoom allows and still together: list them instead
                self.scene.select(None)
                self.card.show_group(tuple(self.scene.company(k) for k in hit.members), self.layer)
                self._show_card()
        elif hit.kind == "place":
            self.scene.select(hit.key)
            self.card.show_place(self.scene.place(hit.key), self.layer)
            self._show_card()
        elif hit.kind == "zone":
            self.scene.select(None)
            zone = next(z for z in self.layer.zones if z.id == hit.key)
            self.card.show_zone(zone, self.layer)
            self._show_card()
        elif hit.kind == "drill":
            self._go_layer(hit.key)

    def _zoom_into(self, hit: Hit) -> None:
        """Zoom so a cluster's companies come apart (as far as the zoom limit allows)."""
        points = [self.scene.markers[k].pos() for k in hit.members]
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        centre = QPointF((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        zoom = self._separating_zoom(hit.members)
        self.canvas.animate_to(zoom, self.canvas.center_keeping(centre, self.canvas.frame().center(), zoom))

    def _separating_zoom(self, company_ids: tuple[str, ...]) -> float:
        """The least zoom, from MAP_FOCUS_ZOOM up, at which none of these companies is clustered."""
        fit, zoom = self.canvas.fit_scale(), max(theme.MAP_FOCUS_ZOOM, self.canvas.zoom)
        wanted = set(company_ids)
        while zoom < theme.MAP_MAX_ZOOM:
            groups = self.scene.groups_at(fit * zoom, keep_selected_apart=False)
            if not any(wanted & set(g) for g in groups if len(g) > 1):
                break
            zoom *= theme.MAP_ZOOM_STEP ** 0.5
        return min(zoom, theme.MAP_MAX_ZOOM)

    def free_rect(self) -> QRect:
        """The part of the map the card leaves uncovered."""
        area = self.canvas.frame().toRect()  # below the trail, above the credit
        if self.card.isHidden():
            return area
        if self._portrait():
            return area.adjusted(0, 0, 0, -(area.bottom() - self.card.geometry().top()))
        return area.adjusted(0, 0, -(area.right() - self.card.geometry().left()), 0)

    def focus_company(self, company_id: str) -> None:
        """Zoom in on a company and centre it in the part of the map the card leaves free."""
        marker = self.scene.markers[company_id]
        zoom = self._separating_zoom((company_id,))
        free = QPointF(self.free_rect().center())
        self.canvas.set_view(zoom, self.canvas.center_keeping(marker.pos(), free, zoom))

    def _apply_pending_focus(self) -> None:
        if self._pending_focus is not None and self.card.key == self._pending_focus and self.isVisible():
            self.focus_company(self._pending_focus)

    def _drop_pending_focus(self) -> None:
        self._pending_focus = None  # the visitor has moved the map: leave it where they put it

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self._apply_pending_focus()

    def _keep_clear_of_card(self, company_id: str) -> None:
        """If the card now covers the tapped marker, slide the map so the marker shows beside it."""
        marker = self.scene.markers[company_id]
        pos = self.canvas.viewportTransform().map(marker.pos())
        free = self.free_rect().adjusted(theme.MARKER_HIT_RADIUS, theme.MARKER_HIT_RADIUS,
                                         -theme.MARKER_HIT_RADIUS, -theme.MARKER_HIT_RADIUS)
        if not free.contains(pos.toPoint()):
            zoom = max(self.canvas.zoom, theme.MAP_FOCUS_ZOOM)
            self.canvas.animate_to(zoom, self.canvas.center_keeping(marker.pos(), QPointF(free.center()), zoom))

    # --- layout ------------------------------------------------------------------------------
    def _portrait(self) -> bool:
        return self.height() > self.width()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        width, height = event.size().width(), event.size().height()
        portrait = height > width
        self.box.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.panel.set_portrait(portrait)
        self._size_panel(width, height)
        super().resizeEvent(event)

    def _size_panel(self, width: int | None = None, height: int | None = None) -> None:
        """Portrait: a band across the top, as tall as its chips need (up to a share of the
        screen; it scrolls beyond that). Landscape: a fixed column beside the map."""
        width = self.width() if width is None else width
        height = self.height() if height is None else height
        if height > width:
            self.panel.setMinimumWidth(0)
            self.panel.setMaximumWidth(self.panel.unbounded)
            self.panel.content.layout().invalidate()
            self.panel.setFixedHeight(min(self.panel.height_for(width), int(height * theme.MAP_PANEL_PORTRAIT_SHARE)))
        else:
            self.panel.setMinimumHeight(0)
            self.panel.setMaximumHeight(self.panel.unbounded)
            self.panel.setFixedWidth(theme.MAP_PANEL_WIDTH)

    def place_overlays(self, *, names_changed: bool = False) -> None:
        """Trail top left, zoom buttons bottom right, credit bottom left, and the card where it
        covers neither the trail nor the buttons: top right in landscape, along the bottom in
        portrait (the buttons then sit above it). The map's names are placed anew when the map
        moved, an overlay moved, or `names_changed` (new words); not otherwise (6 ms a time)."""
        stage = self.stage.rect()
        margin = theme.SPACE_M
        placed = self._floating_boxes()
        view = self.canvas.shown_view
        self.canvas.setGeometry(stage)
        trail = self.trail.size_for(stage.width() - 2 * margin)
        self.trail.setGeometry(margin, margin, trail.width(), trail.height())
        controls = self.controls.sizeHint()
        bottom = stage.height() - margin  # where the bottom-corner controls stand
        controls_x = stage.width() - controls.width() - margin
        if not self.card.isHidden():
            portrait = self._portrait()
            width = stage.width() - 2 * margin if portrait else min(theme.MAP_CARD_WIDTH, stage.width() - 2 * margin)
            wanted = self.card.heightForWidth(width)
            wanted = wanted if wanted > 0 else self.card.sizeHint().height()
            if portrait:  # along the bottom, leaving at least half the map in view, unless the
                # card needs more (the larger type): then up to the trail, over the zoom buttons
                below_trail = stage.height() - self.trail.geometry().bottom() - 2 * margin
                height = min(wanted, max(stage.height() // 2, below_trail))
                self.card.setGeometry(margin, stage.height() - height - margin, width, height)
                bottom = self.card.y() - margin
            else:  # top right; below the trail if the trail reaches that far
                left = stage.width() - width - margin
                trail_box = self.trail.geometry()
                top = margin if trail_box.right() + margin < left else trail_box.bottom() + margin
                above_controls = bottom - controls.height() - margin - top
                if wanted > above_controls:  # a long card (the larger type) takes the full height,
                    controls_x = left - controls.width() - margin  # the zoom buttons step beside it
                height = min(wanted, above_controls if wanted <= above_controls else bottom - top)
                self.card.setGeometry(left, top, width, height)
        self.controls.setGeometry(controls_x, bottom - controls.height(), controls.width(), controls.height())
        self.controls.setVisible(self.controls.y() > self.trail.geometry().bottom() + margin)
        # the credit keeps to one line when it fits beside the zoom buttons, and wraps if not
        self.credit.ensurePolished()
        room = max(self.controls.x() - 2 * margin, theme.TOUCH_MIN)
        margins = self.credit.contentsMargins()
        natural = self.credit.fontMetrics().horizontalAdvance(self.credit.text()) + margins.left() + margins.right()
        width = min(natural + 1, room)
        height = self.credit.heightForWidth(width)
        self.credit.setGeometry(margin, bottom - height, width, height)
        # Squeezed beside the zoom buttons stepped aside for a long card (the larger type), the
        # note would stand as a tall column over the map, or under the buttons: it waits until
        # the card closes.
        crowded = height > self.controls.height() or width + 2 * margin > self.controls.x()
        self.credit.setVisible(self.card.isHidden() or not crowded)
        self._fit_between_controls()
        moved = self.canvas.shown_view != view  # set_view then placed the names anew
        if not moved and (names_changed or self._floating_boxes() != placed):
            self._relayout()  # names clear of the overlays where they are now (a move relayouts itself)
        self._apply_pending_focus()

    def _floating_boxes(self) -> list[QRectF]:
        """Where the overlays float over the map: what its names must keep clear of."""
        floating = (self.trail, self.controls, self.credit, self.card)
        return [QRectF(widget.geometry()) for widget in floating if widget.isVisibleTo(self)]

    def _fit_between_controls(self) -> None:
        """Fit the map below the trail and above the credit, and beside or above the zoom buttons,
        whichever of the two leaves the map larger (beside in landscape, above in portrait)."""
        margin = theme.SPACE_M
        top = float(self.trail.geometry().bottom() + 1)
        beside = QMarginsF(0, top, self.controls.width() + margin, self.credit.height() + margin)
        above = QMarginsF(0, top, 0, max(self.controls.height(), self.credit.height()) + margin)
        scales = []
        now = self.canvas.insets
        for insets in (beside, above):
            self.canvas.insets = insets
            scales.append(self.canvas.fit_scale())
        self.canvas.insets = now  # so that insets that stay the same do not refit the map
        self.canvas.set_insets(beside if scales[0] >= scales[1] else above)

    def _relayout(self) -> None:
        # stage and viewport share origins
        self.scene.relayout(self.canvas, self.canvas.zoom, self._floating_boxes())
        self.zoom_in.setEnabled(self.canvas.zoom < theme.MAP_MAX_ZOOM - 1e-6)
        self.zoom_out.setEnabled(self.canvas.zoom > 1 + 1e-6)

    def _refresh_texts(self) -> None:
        self.scene.refresh_text()
        self._label_prep.start()
        self.card.render()
        self._render_texts(names_changed=True)  # placed anew once, in their new words

    # --- ScreenView -------------------------------------------------------------------------
    @staticmethod
    def showcase(exhibition: Exhibition) -> list[str | None]:
        """Each layer, and the first company on the map opened on its marker."""
        located = [c.id for c in exhibition.companies if c.location][:1]
        return [*(layer.id for layer in exhibition.layers), *located]

    @staticmethod
    def items(exhibition: Exhibition) -> Iterable[str]:
        """Each layer, and each company with a place on the map (opened on its marker)."""
        return [*(layer.id for layer in exhibition.layers), *(c.id for c in exhibition.companies if c.location)]

    def enter(self, item: str | None) -> None:
        ex = self.ctx.exhibition
        if item in ex.layers_by_id:
            self.show_layer(item)  # the whole layer, fitted, even when it is the one showing
        elif item in ex.companies_by_id:
            company = ex.companies_by_id[item]
            if company.location is None or company.location.layer not in ex.layers_by_id:
                log.info("company %s has no place on the map", item)
                return
            if company.location.layer != self.layer.id:
                self.show_layer(company.location.layer)
            self.open_company(item)
            # the view may not have its final size yet (first visit): focus again once it has
            self._pending_focus = item
            self._apply_pending_focus()
        elif item is not None:
            log.info("map: nothing called %r to show", item)

    def leave(self) -> None:
        self.canvas.stop()

    def reset(self) -> None:
        self.show_layer(self.ctx.exhibition.layers[0].id)

    def current_item(self) -> str | None:
        if self.card.kind == "company" and self.card.key is not None:
            return self.card.key
        return self.layer.id
