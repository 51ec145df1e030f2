"""Soft shadows under floating panels, blurred once and then only copied.

A QGraphicsDropShadowEffect renders its widget off screen and blurs it again on every paint,
and a panel floating over the map is repainted on every frame of a pan or zoom (the map moves
under it): with three such panels the blur took a third of each frame. Here the shadow is a
widget of its own under the panel: one small rounded rectangle is blurred once per look
(colour, blur, corner radius) and drawn stretched in nine slices to any size, which costs a few
pixmap copies a frame. It follows its panel about (moves, resizes, shows, hides, restacks).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsBlurEffect, QGraphicsPixmapItem, QGraphicsScene, QWidget

BLUR_MATCH = 0.65  # a blur effect spreads further than a drop shadow of the same radius: matched by eye and pixel
FOLLOWED = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.ZOrderChange)


@cache  # one tile per look: a handful at most
def shadow_tile(color: str, alpha: int, blur: int, radius: int) -> QPixmap:
    """A blurred rounded square whose corners, edges and middle are the nine slices every shadow
    is drawn from. Its core is wide enough (2 blurs and 2 corners) that the middle row and column
    fade exactly as the edge of a large panel's shadow does."""
    core = 2 * (radius + blur) + 1
    side = core + 2 * blur
    shape = QPixmap(side, side)
    shape.fill(Qt.GlobalColor.transparent)
    fill = QColor(color)
    fill.setAlpha(alpha)
    painter = QPainter(shape)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(blur, blur, core, core), radius, radius)
    painter.end()
    # Qt's blur is only reachable through an effect: render one item carrying it, once.
    scene = QGraphicsScene()
    item = QGraphicsPixmapItem(shape)
    blur_effect = QGraphicsBlurEffect()
    blur_effect.setBlurRadius(blur * BLUR_MATCH)
    blur_effect.setBlurHints(QGraphicsBlurEffect.BlurHint.QualityHint)
    item.setGraphicsEffect(blur_effect)
    scene.addItem(item)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, side, side), QRectF(0, 0, side, side))
    painter.end()
    return QPixmap.fromImage(image)


def _spans(start: int, length: int, side: int, corner: int) -> list[tuple[int, int, int, int]]:
    """(target start, target length, source start, source length) along one axis: the two ends
    copied, the middle stretched. A panel too small for two whole corners gets a part of each."""
    head = min(corner, length // 2)
    tail = min(corner, length - head)
    middle = length - head - tail
    return [(start, head, 0, head),
            (start + head, middle, corner, side - 2 * corner),
            (start + length - tail, tail, side - tail, tail)]


def nine_slices(target: QRect, side: int, corner: int) -> list[tuple[QRect, QRect]]:
    """(target, source) rectangle pairs that draw a `side`-px tile with `corner`-px corners over
    `target`: corners copied as they are, edges and middle stretched."""
    xs = _spans(target.left(), target.width(), side, corner)
    ys = _spans(target.top(), target.height(), side, corner)
    return [(QRect(x, y, w, h), QRect(sx, sy, sw, sh))
            for x, w, sx, sw in xs for y, h, sy, sh in ys if w > 0 and h > 0]


class FloatShadow(QWidget):
    """The shadow under one floating panel: a sibling just below it, a little larger and lower."""

    def __init__(self, panel: QWidget, *, color: str, alpha: int, blur: int, offset: int, radius: int) -> None:
        super().__init__(panel.parentWidget())
        self.panel = panel
        self.blur, self.offset, self.radius = blur, offset, radius
        self.tile = shadow_tile(color, alpha, blur, radius)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        panel.installEventFilter(self)
        self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.panel and event.type() in FOLLOWED:
            self.follow()
        return False

    def follow(self) -> None:
        box = self.panel.geometry()
        self.setGeometry(box.adjusted(-self.blur, -self.blur + self.offset, self.blur, self.blur + self.offset))
        self.setVisible(not self.panel.isHidden())
        self.stackUnder(self.panel)

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802 - Qt override
        painter = QPainter(self)
        side = self.tile.width()
        corner = 2 * self.blur + self.radius  # the outer fade, the rounded corner, the inner fade
        for target, source in nine_slices(self.rect(), side, corner):
            painter.drawPixmap(target, self.tile, source)

