"""The map's viewport and its gestures: drag to pan, pinch to zoom, double tap to zoom in.

The view keeps its own state (a zoom relative to "fit" and a centre in scene units) and derives
the Qt transform from it, so a resize keeps what the visitor was looking at, zoom is clamped
between fit and MAP_MAX_ZOOM, and the centre is clamped so the map can never be lost off screen.

Touch and mouse are separate paths. Touch events are handled here and accepted, so Qt does not
also synthesize mouse events from them; a tap is a touch that never moved beyond TAP_SLOP, two
taps close in time and place are a double tap. With two fingers down the scene point under their
midpoint stays under it while the distance between them sets the zoom, so a pinch also pans.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QInputDevice, QMouseEvent, QPainter, QTouchEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsScene, QGraphicsView, QWidget

from kiosk.ui import theme

TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
OUT_CUBIC_START = 3  # an OutCubic curve starts at three times the average speed


class MapCanvas(QGraphicsView):
    tapped = Signal(QPointF)  # viewport position of a tap that was not part of a pan or zoom
    view_did_change = Signal()
    gesture_did_start = Signal()  # a finger or the mouse took hold of the map

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.map_rect = QRectF()
        self.insets = QMarginsF()
        self.zoom = 1.0  # times the scale at which the whole map fits
        self.center = QPointF()
        self.shown_view: tuple[float, ...] | None = None  # what set_view last showed (and for which size)
        self._press: QPointF | None = None  # where the current one-finger or mouse gesture began
        self._last = QPointF()
        self._moved = False
        self._pinch: tuple[float, float, QPointF] | None = None  # start distance, start zoom, scene anchor
        self._touch_seen = False
        self._last_tap: tuple[int, QPointF] | None = None
        self._samples: list[tuple[float, QPointF]] = []  # recent (ms, position) of a pan, for its speed
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._animate_step)
        self._frame = lambda _t: (self.zoom, self.center)
        self._wheeling = False
        # While the map moves under a finger, the mouse or an animation it is drawn without
        # antialiasing (outlines only: names and dots are ready-drawn pictures), which halves a
        # frame zoomed into a large layer; once it has been still a moment it is drawn smooth.
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(theme.MAP_SETTLE_MS)
        self.settle.timeout.connect(self._draw_smooth)

    # --- the view's state --------------------------------------------------------------------
    def set_map_rect(self, rect: QRectF) -> None:
        self.map_rect = QRectF(rect)
        self.shown_view = None  # the same zoom and centre on another map is another view
        # room to centre anywhere the clamp allows, so centerOn never meets the scene's edge
        margin = 2 * max(rect.width(), rect.height(), 1.0)
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))

    def set_insets(self, insets: QMarginsF) -> None:
        """Edges of the viewport that controls float over; the map fits in the rest."""
        if insets != self.insets:
            self.insets = QMarginsF(insets)
            self.set_view(self.zoom, self.center)

    def frame(self) -> QRectF:
        """The part of the viewport the map fits into (the viewport less the insets)."""
        # the view's own size, not the viewport's: a hidden view gets its new geometry at once but
        # its viewport only when shown, and overlays are placed (and the map fitted) before that
        return QRectF(self.rect()).marginsRemoved(self.insets)

    def _middle(self) -> QPointF:
        return QPointF(self.width() / 2, self.height() / 2)  # no frame, no scroll bars: the viewport's middle

    def fit_scale(self) -> float:
        if self.map_rect.isEmpty():
            return 1.0
        pad, frame = theme.MAP_FIT_PADDING, self.frame()
        width = max(frame.width() - 2 * pad, 1)
        height = max(frame.height() - 2 * pad, 1)
        return min(width / self.map_rect.width(), height / self.map_rect.height())

    def home_center(self) -> QPointF:
        """The centre at which the fitted map sits in the middle of the frame."""
        return self.map_rect.center() - (self.frame().center() - self._middle()) / self.fit_scale()

    def scale_now(self) -> float:
        return self.fit_scale() * self.zoom

    def clamp_zoom(self, zoom: float) -> float:
        return max(1.0, min(theme.MAP_MAX_ZOOM, zoom))

    def clamp_center(self, center: QPointF, zoom: float) -> QPointF:
        """At fit the map cannot move; zoomed in, an edge may be pulled at most halfway into the
        frame, so some of the map is always in view."""
        rect, scale, frame = self.map_rect, self.fit_scale() * zoom, self.frame()
        slack = theme.MAP_PAN_SLACK * min(1.0, zoom - 1.0)
        pad = theme.MAP_FIT_PADDING / scale
        shift = (frame.center() - self._middle()) / scale  # from the viewport's centre to the frame's
        focus = center + shift

        def axis(value: float, low: float, high: float, half: float) -> float:
            lo, hi = low - pad + half * (1 - slack), high + pad - half * (1 - slack)
            return (low + high) / 2 if lo > hi else max(lo, min(hi, value))

        half_w, half_h = frame.width() / 2 / scale, frame.height() / 2 / scale
        clamped = QPointF(axis(focus.x(), rect.left(), rect.right(), half_w),
                          axis(focus.y(), rect.top(), rect.bottom(), half_h))
        return clamped - shift

    def set_view(self, zoom: float, center: QPointF) -> None:
        if self._moving():
            self._draw_draft()
        zoom = self.clamp_zoom(zoom)
        center = self.clamp_center(center, zoom)
        scale = self.fit_scale() * zoom
        port = self.viewport()  # a hidden view's viewport takes its size only when shown
        view = (zoom, center.x(), center.y(), scale, self.width(), self.height(), port.width(), port.height())
        if view == self.shown_view:
            return  # a card placed again keeps its company where it is: nothing to redraw or rename
        self.shown_view = view
        self.zoom, self.center = zoom, center
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(self.center)
        self.view_did_change.emit()

    def fit(self) -> None:
        self.stop()
        self.set_view(1.0, self.home_center())

    def to_scene(self, pos: QPointF) -> QPointF:
        """Where a viewport point is in the scene, by this view's own state (exact, not rounded)."""
        scale = self.scale_now()
        return self.center + (pos - self._middle()) / scale

    def center_keeping(self, scene_point: QPointF, pos: QPointF, zoom: float) -> QPointF:
        """The centre that puts scene_point under viewport position pos at this zoom."""
        scale = self.fit_scale() * self.clamp_zoom(zoom)
        return scene_point - (pos - self._middle()) / scale

    def pan_by(self, delta: QPointF) -> None:
        self.set_view(self.zoom, self.center - delta / self.scale_now())

    def zoom_at(self, factor: float, pos: QPointF) -> None:
        zoom = self.clamp_zoom(self.zoom * factor)
        self.set_view(zoom, self.center_keeping(self.to_scene(pos), pos, zoom))

    # --- animated moves (buttons, double tap, focusing a company) ----------------------------
    def animate_zoom(self, factor: float, pos: QPointF | None = None) -> None:
        pos = pos if pos is not None else self.frame().center()
        start, target = self.zoom, self.clamp_zoom(self.zoom * factor)
        anchor = self.to_scene(pos)

        def frame(t: float) -> tuple[float, QPointF]:
            zoom = start * (target / start) ** t  # geometric, so each frame feels the same step
            return zoom, self.center_keeping(anchor, pos, zoom)

        self._run(frame)

    def animate_to(self, zoom: float, center: QPointF) -> None:
        start_zoom, start_center = self.zoom, QPointF(self.center)
        target = self.clamp_zoom(zoom)

        def frame(t: float) -> tuple[float, QPointF]:
            return start_zoom * (target / start_zoom) ** t, start_center + (center - start_center) * t

        self._run(frame)

    def glide(self, velocity: QPointF) -> None:
        """Let a flicked map coast to a stop, starting at the finger's speed (px per ms)."""
        start, zoom = QPointF(self.center), self.zoom
        distance = velocity * theme.MAP_GLIDE_MS / OUT_CUBIC_START / self.scale_now()

        def frame(t: float) -> tuple[float, QPointF]:
            return zoom, start - distance * t

        self._run(frame, theme.MAP_GLIDE_MS)

    def _run(self, frame, duration: int | None = None) -> None:  # noqa: ANN001
        self.stop()
        self._frame = frame
        if theme.ANIMATION_MS <= 0:
            self.set_view(*frame(1.0))
            return
        self._animation.setDuration(duration or theme.ANIMATION_MS)
        self._animation.start()

    def _animate_step(self, t: float) -> None:
        self.set_view(*self._frame(float(t)))

    def stop(self) -> None:
        """Finish any running animation where it is (a touch always takes over at once)."""
        if self._animation.state() == QVariantAnimation.State.Running:
            self._animation.stop()

    def is_animating(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    # --- drawing quality ---------------------------------------------------------------------
    def _moving(self) -> bool:
        """A finger, the mouse, the wheel or an animation is moving the map (not a single jump)."""
        return self._pinch is not None or (self._press is not None and self._moved) or self._wheeling \
            or self.is_animating()

    def _draw_draft(self) -> None:
        if self.renderHints() & QPainter.RenderHint.Antialiasing:
            self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.settle.start()

    def _draw_smooth(self) -> None:
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.viewport().update()

    def is_draft(self) -> bool:
        return not self.renderHints() & QPainter.RenderHint.Antialiasing

    # --- events ------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self.set_view(self.zoom, self.center)  # same zoom and place, new fit scale

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in TOUCH_EVENTS:
            self._touch_seen = True
            self._touch(event)  # type: ignore[arg-type]
            event.accept()
            return True
        return super().viewportEvent(event)

    def _from_touch_screen(self, event: QMouseEvent) -> bool:
        """A mouse event Qt or the OS made from a touch we already handled as touch."""
        return self._touch_seen and event.pointingDevice().type() == QInputDevice.DeviceType.TouchScreen

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()
        if event.button() == Qt.MouseButton.LeftButton and not self._from_touch_screen(event):
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()
        if self._press is not None and not self._from_touch_screen(event):
            self._follow(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()
        if self._press is not None and not self._from_touch_screen(event):
            if not self._moved:
                self.tapped.emit(event.position())
            else:
                self._let_go()
            self._press = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()
        if event.button() == Qt.MouseButton.LeftButton and not self._from_touch_screen(event):
            self._press = None  # the release that follows is not a tap
            self.animate_zoom(theme.MAP_ZOOM_STEP, event.position())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - for a technician's mouse
        event.accept()
        notches = event.angleDelta().y() / theme.WHEEL_NOTCH
        if notches:
            self.stop()
            self._wheeling = True
            try:
                self.zoom_at(theme.MAP_ZOOM_STEP ** (notches / 2), event.position())
            finally:
                self._wheeling = False

    def _begin(self, pos: QPointF) -> None:
        self.stop()
        self.gesture_did_start.emit()
        self._press, self._last, self._moved = QPointF(pos), QPointF(pos), False
        self._samples = []

    def _follow(self, pos: QPointF) -> None:
        if self._press is None:
            return
        if not self._moved and (pos - self._press).manhattanLength() > theme.TAP_SLOP:
            self._moved = True
            self._last = QPointF(self._press)  # the slop is part of the pan, so it starts where the finger did
        if self._moved:
            self.pan_by(pos - self._last)
            self._last = QPointF(pos)
            now = time.monotonic() * 1000
            self._samples = [(t, p) for t, p in self._samples if now - t <= theme.MAP_GLIDE_SAMPLE_MS]
            self._samples.append((now, QPointF(pos)))

    def _let_go(self) -> None:
        """A pan ended: if the finger was still moving fast, glide on (animations on only)."""
        samples, self._samples = self._samples, []
        if len(samples) < 2 or theme.ANIMATION_MS <= 0:
            return
        (t0, p0), (t1, p1) = samples[0], samples[-1]
        idle = time.monotonic() * 1000 - t1  # a finger that stopped before lifting means "stay"
        if t1 <= t0 or idle > theme.MAP_GLIDE_SAMPLE_MS:
            return
        velocity = (p1 - p0) / (t1 - t0)
        if math.hypot(velocity.x(), velocity.y()) >= theme.MAP_GLIDE_MIN_SPEED:
            self.glide(velocity)

    def _touch(self, event: QTouchEvent) -> None:
        kind = event.type()
        down = [p for p in event.points() if p.state() != p.State.Released]
        if kind == QEvent.Type.TouchBegin:
            self._press, self._pinch, self._moved = None, None, False
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel) or not down:
            if kind == QEvent.Type.TouchEnd and self._press is not None and event.points():
                if not self._moved:
                    self._touch_tap(event.points()[0].position(), event.timestamp())
                elif self._pinch is None:
                    self._let_go()
            self._press, self._pinch = None, None
            return
        if len(down) >= 2:
            a, b = down[0].position(), down[1].position()
            middle = (a + b) / 2
            distance = max(math.dist((a.x(), a.y()), (b.x(), b.y())), 1.0)
            if self._pinch is None:
                self.stop()
                self.gesture_did_start.emit()
                self._pinch = (distance, self.zoom, self.to_scene(middle))
                self._moved = True  # a pinch is never a tap, even when the fingers barely move
                self._press = None
                return
            start_distance, start_zoom, anchor = self._pinch
            zoom = self.clamp_zoom(start_zoom * distance / start_distance)
            self.set_view(zoom, self.center_keeping(anchor, middle, zoom))
            return
        pos = down[0].position()
        if self._pinch is not None:  # one finger lifted: go on panning with the other
            self._pinch = None
            self._press, self._last = QPointF(pos), QPointF(pos)
            return
        if self._press is None:
            if self._moved:  # left over from a pinch in this same touch sequence
                self._press, self._last = QPointF(pos), QPointF(pos)
                return
            self._begin(pos)
            return
        self._follow(pos)

    def _touch_tap(self, pos: QPointF, timestamp: int) -> None:
        interval = QApplication.styleHints().mouseDoubleClickInterval()
        last = self._last_tap
        if last is not None and timestamp - last[0] <= interval and \
                (pos - last[1]).manhattanLength() <= 2 * theme.TAP_SLOP:
            self._last_tap = None
            self.animate_zoom(theme.MAP_ZOOM_STEP, pos)
            return
        self._last_tap = (timestamp, QPointF(pos))
        self.tapped.emit(pos)
