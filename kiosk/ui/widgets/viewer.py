"""The full-screen photo viewer: tap a photo on a page to see it over the whole screen.

Touch first, as the map is: swipe between the item's photos, pinch or double-tap to zoom, drag
when zoomed; a mouse does the same (drag, double-click, wheel). The caption and credit sit
below the photo, the controls along the bottom edge, within a child's reach, with one large
close target. The photo shows at once from what a page already decoded, and sharpens when the
service has decoded it at the screen's size (and again, finer, when the visitor zooms in).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QTouchEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import MediaItem
from kiosk.media.service import MediaService
from kiosk.ui import theme
from kiosk.ui.context import TextBinder, ViewContext
from kiosk.ui.reach import needs_reach
from kiosk.ui.widgets.basics import TouchButton, hide_unless, label
from kiosk.ui.widgets.images import MediaImage


class PhotoStage(QWidget):
    """One photo, fitted, zoomable and movable, with the gestures that page through photos."""

    swiped = Signal(int)  # +1: the next photo, -1: the previous one
    zoomed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._image: QImage | None = None  # the media service's copy, drawn as it is (no second copy)
        self.zoom = 1.0  # 1: the whole photo fits the stage
        self.offset = QPointF()  # of the photo's centre from the stage's, in px
        self._swipe = 0.0  # a swipe's horizontal travel while the finger is down (zoom 1)
        self._start: list[QPointF] = []  # where the fingers went down
        self._start_zoom, self._start_offset = 1.0, QPointF()
        self._moved = False
        self._last_tap: tuple[int, QPointF] | None = None  # (ms, where): a second tap soon zooms

    # --- what is shown ---------------------------------------------------------------------------
    def set_image(self, image: QImage | None, *, keep_view: bool = False) -> None:
        self._image = image
        if not keep_view:
            self.zoom, self.offset, self._swipe = 1.0, QPointF(), 0.0
        self.update()

    def fitted(self) -> QRectF:
        """Where the photo is drawn now (fitted, zoomed, moved, and swiped)."""
        if self._image is None or self._image.isNull():
            return QRectF()
        size = QSize(self._image.size()).scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        width, height = size.width() * self.zoom, size.height() * self.zoom
        centre = QPointF(self.width() / 2, self.height() / 2) + self.offset + QPointF(self._swipe, 0)
        return QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self._image is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(self.fitted(), self._image, QRectF(self._image.rect()))

    # --- zoom and move ---------------------------------------------------------------------------
    def zoom_to(self, zoom: float, at: QPointF | QPoint) -> None:
        """Zoom keeping the photo's point under `at` where it is (between 1 and VIEWER_ZOOM_MAX)."""
        zoom = min(max(zoom, 1.0), theme.VIEWER_ZOOM_MAX)
        at = QPointF(at)  # a whole-pixel point (a button's centre) too
        centre = QPointF(self.width() / 2, self.height() / 2)
        self.offset = at - centre - (at - centre - self.offset) * (zoom / self.zoom)
        self.zoom = zoom
        self._clamp()
        self.update()
        self.zoomed.emit(zoom)

    def toggle_zoom(self, at: QPointF) -> None:
        if self.zoom > 1.0:
            self.zoom, self.offset = 1.0, QPointF()
            self.update()
        else:
            self.zoom_to(theme.VIEWER_DOUBLE_TAP_ZOOM, at)

    def _clamp(self) -> None:
        """A zoomed photo may be moved until its edge reaches the stage's edge, no further."""
        if self.zoom <= 1.0:
            self.offset = QPointF()
            return
        self._swipe = 0.0
        shown = self.fitted().size()
        room_x = max(0.0, (shown.width() - self.width()) / 2)
        room_y = max(0.0, (shown.height() - self.height()) / 2)
        self.offset = QPointF(min(max(self.offset.x(), -room_x), room_x), min(max(self.offset.y(), -room_y), room_y))

    # --- fingers ---------------------------------------------------------------------------------
    def _press(self, points: list[QPointF]) -> None:
        self._start = points
        self._start_zoom, self._start_offset = self.zoom, QPointF(self.offset)
        self._moved = len(points) > 1

    def _follow(self, points: list[QPointF]) -> None:
        if not self._start:
            return
        if len(points) >= 2 and len(self._start) >= 2:
            gap = _distance(points[0], points[1])
            start_gap = max(_distance(self._start[0], self._start[1]), 1.0)
            self.zoom_to(self._start_zoom * gap / start_gap, (points[0] + points[1]) / 2)
            return
        if len(points) != len(self._start):  # a finger lifted or came: start over from here
            self._press(points)
            return
        delta = points[0] - self._start[0]
        if delta.manhattanLength() > theme.TAP_SLOP:
            self._moved = True
        if not self._moved:
            return
        if self.zoom > 1.0:
            self.offset = self._start_offset + delta
            self._clamp()
        else:
            self._swipe = delta.x()
        self.update()

    def _release(self, at: QPointF, timestamp: int) -> None:
        swipe, self._swipe = self._swipe, 0.0
        tapped = not self._moved and len(self._start) == 1
        self._start = []
        if abs(swipe) > self.width() * theme.VIEWER_SWIPE_SHARE:
            self.swiped.emit(-1 if swipe > 0 else 1)
        elif tapped:
            last, self._last_tap = self._last_tap, (timestamp, at)
            if last is not None and timestamp - last[0] <= QApplication.doubleClickInterval() \
                    and _distance(at, last[1]) <= theme.TAP_SLOP * 2:
                self._last_tap = None
                self.toggle_zoom(at)
        self.update()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            assert isinstance(event, QTouchEvent)
            points = [p.position() for p in event.points() if p.state() != p.State.Released]
            if kind == QEvent.Type.TouchBegin:
                self._press(points)
            elif kind == QEvent.Type.TouchUpdate:
                self._follow(points)
            else:
                released = event.points()[0].position() if event.points() else QPointF()
                self._release(released, event.timestamp())
            event.accept()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - a technician's mouse
        self._press([event.position()])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._follow([event.position()])

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._release(event.position(), event.timestamp())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._last_tap = None
        self.toggle_zoom(event.position())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / theme.WHEEL_NOTCH
        self.zoom_to(self.zoom * theme.VIEWER_WHEEL_ZOOM ** steps, event.position())


class PhotoViewer(QWidget):
    """The photos of one item over the whole window; `closed` when the visitor is done."""

    closed = Signal()

    def __init__(self, ctx: ViewContext, items: Sequence[MediaItem], index: int, over: QWidget) -> None:
        super().__init__(over)
        self.setObjectName("Viewer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.ctx, self.items, self.index = ctx, list(items), index
        self.media: MediaService = ctx.media
        self.texts = TextBinder(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M)
        self.stage = PhotoStage()
        self.stage.swiped.connect(self.step)
        self.stage.zoomed.connect(self._zoomed)
        self._detail = False  # the finer decode of this photo was asked for
        self.sharp = False  # a decode made for the viewer shows (not a page's, blown up)
        self._kept: OrderedDict[int, QImage] = OrderedDict()  # the last screen-sized decodes, by index
        layout.addWidget(self.stage, 1)
        self.caption = label("", "body")
        self.texts.bind(self.caption, self.caption.setText, self._caption_text)
        layout.addWidget(self.caption)
        bar = QHBoxLayout()  # every control along the bottom edge, in reach
        bar.setSpacing(theme.SPACE_M)
        self.counter = label("", "subheading", wrap=False)
        self.previous = TouchButton(icon_name="mdi6.chevron-left", color=theme.ICON_ON_DARK)
        self.next = TouchButton(icon_name="mdi6.chevron-right", color=theme.ICON_ON_DARK)
        self.close_button = TouchButton(icon_name="mdi6.close", color=theme.ICON_ON_DARK)
        self.texts.ui(self.close_button, "close")
        for button in (self.previous, self.next, self.close_button):
            button.setProperty("viewer", True)
            button.setMinimumSize(theme.VIEWER_BUTTON, theme.VIEWER_BUTTON)
            button.setIconSize(QSize(theme.ICON_L, theme.ICON_L))
        needs_reach(self.previous, self.next, self.close_button)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.close_viewer)
        bar.addWidget(self.counter)
        bar.addStretch(1)
        bar.addWidget(self.previous)
        bar.addWidget(self.next)
        bar.addSpacing(theme.SPACE_L)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        many = len(self.items) > 1
        for widget in (self.counter, self.previous, self.next):
            hide_unless(widget, many)
        over.installEventFilter(self)  # follow the window's size
        self.setGeometry(over.rect())
        self._show_photo()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and watched is self.parent() and shiboken6.isValid(self):
            self.setGeometry(self.parentWidget().rect())
            self._kept.clear()  # decoded for the old size
            self._show_photo(keep_view=True)
        return False

    def _box(self, scale: float = 1.0) -> QSize:
        """What a photo is decoded to fit: the whole viewer (the stage is most of it, and is not
        laid out yet when the viewer opens)."""
        return QSize(int(self.width() * scale), int(self.height() * scale))

    def _show_photo(self, *, keep_view: bool = False) -> None:
        item = self.items[self.index]
        self.counter.setText(f"{self.index + 1} / {len(self.items)}")
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.items) - 1)
        self.texts.refresh()
        # At once, whatever a page already decoded; sharp when the screen-sized decode is back.
        # That decode is the viewer's alone (8 MB, which no page shows): the viewer keeps its last
        # few, they go with it, and their thumbnails on disk make the next ones cheap.
        self._detail = False
        kept = self._kept.get(self.index)
        self.sharp = kept is not None
        if self.sharp:
            self._kept.move_to_end(self.index)
            self.stage.set_image(kept, keep_view=keep_view)
            return
        self.stage.set_image(self.media.largest_cached(item.file), keep_view=keep_view)
        wanted = self.index
        self.media.request(item.file, self._box(), lambda image: self._arrived(wanted, image), keep=False)

    def _arrived(self, index: int, image: QImage | None) -> None:
        if shiboken6.isValid(self) and image is not None:
            self._kept[index] = image
            self._kept.move_to_end(index)
            while len(self._kept) > theme.VIEWER_KEPT:
                self._kept.popitem(last=False)
        self._sharper(index, image)

    def _zoomed(self, zoom: float) -> None:
        """Zoomed in: decode the photo finer than the screen, once, so details stay sharp."""
        if zoom >= theme.VIEWER_DETAIL_AT and not self._detail:
            self._detail = True
            wanted = self.index
            box = self._box(theme.VIEWER_DETAIL_SCALE)
            self.media.request(self.items[wanted].file, box, lambda image: self._sharper(wanted, image), keep=False)

    def _sharper(self, index: int, image: QImage | None) -> None:
        if shiboken6.isValid(self) and index == self.index and image is not None:
            self.stage.set_image(image, keep_view=True)
            self.sharp = True

    def _caption_text(self) -> str:
        return self.ctx.caption_line(self.items[self.index])

    def step(self, by: int) -> None:
        """The next (+1) or previous (-1) photo; at either end the photo stays."""
        index = self.index + by
        if 0 <= index < len(self.items):
            self.index = index
            self._show_photo()

    def close_viewer(self) -> None:
        self.hide()
        self.closed.emit()
        self.deleteLater()


def open_viewer(ctx: ViewContext, items: Sequence[MediaItem], index: int, over: QWidget) -> PhotoViewer:
    """Show `items` from `index` over the whole of `over`'s window."""
    viewer = PhotoViewer(ctx, items, index, over.window())
    viewer.show()
    viewer.raise_()
    return viewer


def close_viewers(window: QWidget) -> None:
    """Close every viewer open over `window` (the idle reset)."""
    for viewer in window.findChildren(PhotoViewer):
        if viewer.isVisible():
            viewer.close_viewer()


class PhotoSet(QObject):
    """The photos of one page, in order: a tap on one opens the viewer there, to swipe through
    all those the page shows."""

    def __init__(self, ctx: ViewContext, page: QWidget) -> None:
        super().__init__(page)
        self.ctx, self.page = ctx, page
        self._photos: list[tuple[MediaImage, MediaItem]] = []

    def add(self, image: MediaImage, item: MediaItem) -> None:
        self._photos.append((image, item))
        image.tapped.connect(lambda: self.open(item))

    def open(self, item: MediaItem) -> PhotoViewer:
        shown = [it for image, it in self._photos if shiboken6.isValid(image) and image.ok]
        return open_viewer(self.ctx, shown, shown.index(item), self.page)


def _distance(a: QPointF, b: QPointF) -> float:
    d = a - b
    return float((d.x() ** 2 + d.y() ** 2) ** 0.5)
