"""The things a map draws: region outlines, labels, company and place markers, cluster bubbles.

Outlines live in scene units and scale with the zoom; labels and markers ignore the view's
transform, so text stays readable and dots stay finger-sized at any zoom.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGlyphRun,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QTextLayout,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from kiosk.content.model import Zone
from kiosk.hyphenation import break_lines, unhyphenated
from kiosk.ui import theme
from kiosk.ui.context import ViewContext
from kiosk.ui.map.geometry import Outline

# Stacking order, bottom to top.
Z_LAND = 0
Z_HIGHLIGHT = 1
Z_ZONE = 2
Z_LABEL = 3
Z_MARKER = 4
Z_CLUSTER = 5
Z_SELECTED = 6
# Which label wins a collision: the higher keeps its place.
RANK_MARKER = 0
RANK_REGION = 1
RANK_HIGHLIGHT = 2
RANK_ZONE = 3
RANK_PLACE = 4
RANK_SELECTED = 5
LABEL_NUDGES = 3  # half-label steps up and down a region's name may move to clear the dots
FULL_CIRCLE = 360 * 16  # Qt measures arcs in sixteenths of a degree
TWELVE_O_CLOCK = 90 * 16  # and starts them at three o'clock, counter-clockwise
# A ring and an inner ring of copies, a label's halo (MAP_LABEL_HALO wide, as a stroke would be)
HALO_OFFSETS = tuple(QPointF(radius * math.cos(math.tau * k / count), radius * math.sin(math.tau * k / count))
                     for radius, count in ((theme.MAP_LABEL_HALO / 2, 16), (theme.MAP_LABEL_HALO / 4, 8))
                     for k in range(count))
IGNORE_TRANSFORM = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
# Items that ignore the zoom keep their pixels: with the item cache Qt copies them each frame
# without calling back into Python to paint.
CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache


_STAMPS: dict[tuple[object, ...], QPixmap] = {}
STAMPS_KEPT = 512  # distinct dots and bubbles kept drawn (a large map's bubbles vary in count and colours)


def stamp(key: tuple[object, ...], rect: QRectF, ratio: float, draw: Callable[[QPainter], None]) -> QPixmap:
    """The picture `draw` makes within `rect` (item units, centred on the item), drawn once per
    key and pixel ratio and then shared: hundreds of dots and bubbles on a large map are a few
    distinct pictures, and copying a pixmap is far cheaper than antialiasing circles and text
    again on every frame of a zoom (a bubble is remade whenever the clusters change)."""
    full_key = (*key, ratio)
    pixmap = _STAMPS.get(full_key)
    if pixmap is None:
        size = rect.size() * ratio
        pixmap = QPixmap(max(1, math.ceil(size.width())), max(1, math.ceil(size.height())))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-rect.topLeft())
        draw(painter)
        painter.end()
        if len(_STAMPS) >= STAMPS_KEPT:
            _STAMPS.clear()  # rare (only on very large maps), and each is redrawn in microseconds
        _STAMPS[full_key] = pixmap
    return pixmap


def pixel_ratio(painter: QPainter) -> float:
    device = painter.device()
    return device.devicePixelRatioF() if device is not None else 1.0


def cosmetic_pen(color: QColor, width: float, *, dashed: bool = False) -> QPen:
    """A pen as wide on screen at any zoom, with round joins so thin borders don't spike."""
    pen = QPen(color, width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class OutlineItem(QGraphicsPathItem):
    """One region of the layer's GeoJSON, plain, emphasised or tinted as a zone."""

    def __init__(self, outline: Outline, ctx: ViewContext, *, highlight: bool, zone: Zone | None,
                 fill_highlight: bool = True) -> None:
        super().__init__(outline.path)
        self.outline = outline
        self.zone = zone
        palette = ctx.palette
        if zone is not None:
            color = QColor(zone.color) if zone.color else palette.color("accent")
            fill = QColor(color)
            fill.setAlpha(theme.MAP_ZONE_FILL_ALPHA)
            self.setBrush(QBrush(fill))
            # schematic zones get a dashed edge: the border itself says "not surveyed"
            self.setPen(cosmetic_pen(color, theme.MAP_HIGHLIGHT_WIDTH, dashed=zone.approximate))
            self.setZValue(Z_ZONE)
        elif highlight:
            self.setBrush(QBrush(palette.color("map_highlight" if fill_highlight else "map_land")))
            self.setPen(cosmetic_pen(palette.color("accent"), theme.MAP_HIGHLIGHT_WIDTH))
            self.setZValue(Z_HIGHLIGHT)
        else:
            self.setBrush(QBrush(palette.color("map_land")))
            self.setPen(cosmetic_pen(palette.color("line"), theme.MAP_OUTLINE_WIDTH))
            self.setZValue(Z_LAND)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:  # noqa: ANN001
        # Filling a region antialiased costs milliseconds a frame once it covers the screen
        # (zoomed in), and the border stroked over its edge hides a plain fill's stair steps.
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillPath(self.path(), self.brush())
        painter.restore()
        painter.strokePath(self.path(), self.pen())


@dataclass(frozen=True)
class Line:
    text: str
    font: QFont


def glyph_runs(line: Line) -> tuple[list[QGlyphRun], QPointF]:
    """The line's glyphs as drawn on one line (a Chinese name in a Latin face takes the CJK
    face's glyphs, as drawText would), and where its baseline lies from its top left."""
    layout = QTextLayout(line.text, line.font)
    layout.beginLayout()
    row = layout.createLine()
    layout.endLayout()
    return layout.glyphRuns(), QPointF(0, row.ascent() if row.isValid() else 0)


def wrapped(lines: list[Line]) -> list[Line]:
    """Each line no wider than theme.MAP_LABEL_MAX_WIDTH, broken at spaces and inside a long word
    at its syllables: a German zone's name (Internationale Stadt für Life Sciences und Gesundheit
    Shenyang) set on one line ran across its neighbours' names."""
    out = []
    for line in lines:
        metrics = QFontMetricsF(line.font)

        def fits(text: str, metrics: QFontMetricsF = metrics) -> bool:
            return metrics.horizontalAdvance(unhyphenated(text)) <= theme.MAP_LABEL_MAX_WIDTH

        out += [Line(part, line.font) for part in break_lines(line.text, fits)]
    return out


class LabelItem(QGraphicsItem):
    """Text with a halo, at a fixed on-screen size; centred on its point, or beside a marker."""

    def __init__(self, ctx: ViewContext, rank: int, *, beside: bool = False, color: str = "ink") -> None:
        super().__init__()
        self.ctx = ctx
        self.rank = rank
        self.beside = beside
        self.color = ctx.palette.color(color)
        self.lines: list[Line] = []
        self.badge = ""
        self.anchor = QPointF()  # where the label belongs, in scene units
        self.setFlag(IGNORE_TRANSFORM)
        self.setCacheMode(CACHE)
        self.setZValue(Z_LABEL)
        self._baselines: list[QPointF] = []
        self._rect = QRectF()
        self._size = (0.0, 0.0)
        self._shown = True  # what set_shown last asked (new items are visible)
        self._compose: Callable[[], tuple[list[Line], str]] | None = None  # see set_content_later
        self._badge_rect = QRectF()
        self._badge_font = ctx.font("caption")
        self._pixmap: QPixmap | None = None  # the drawn label, kept until its content changes

    def text(self) -> str:
        """What the label says, lines joined by newlines (the badge after a space)."""
        self.fresh()
        text = "\n".join(line.text for line in self.lines)
        return f"{text} {self.badge}" if self.badge else text

    def set_content_later(self, compose: Callable[[], tuple[list[Line], str]]) -> None:
        """New content, made by `compose` (lines, badge) when the label is next needed: by the
        scene's layout (before it is shown), by text() or by drawing ahead (see fresh)."""
        self._compose = compose
        self._pixmap = None

    def fresh(self) -> LabelItem:
        """The label with any content set for later made now (never while it is being painted:
        the scene makes a name before it shows it)."""
        if self._compose is not None:
            compose, self._compose = self._compose, None
            self.set_content(*compose())
        return self

    def set_content(self, lines: list[Line], badge: str = "") -> None:
        """Lay the lines out centred under each other; an optional badge follows the last line."""
        self._compose = None
        self.prepareGeometryChange()
        self.lines, self.badge = wrapped(lines), badge
        lines = self.lines
        self._badge_font = self.ctx.font("caption")
        badge_metrics = QFontMetricsF(self._badge_font)
        badge_width = badge_metrics.horizontalAdvance(badge) + 2 * theme.SPACE_XS if badge else 0.0
        widths = [QFontMetricsF(line.font).horizontalAdvance(line.text) for line in lines]
        if widths:
            widths[-1] += badge_width + (theme.SPACE_XS if badge else 0.0)
        width = max(widths, default=0.0)
        height = sum(QFontMetricsF(line.font).height() for line in lines)
        left = theme.MARKER_RADIUS + theme.MAP_LABEL_GAP if self.beside else -width / 2
        top = -height / 2
        # Where each line's baseline starts: the glyph outlines are made only to draw the label
        # (kept, they would hold a few hundred KB of paths per hundred names).
        self._baselines = []
        y = top
        for line, line_width in zip(lines, widths, strict=True):
            metrics = QFontMetricsF(line.font)
            x = left if self.beside else -line_width / 2
            self._baselines.append(QPointF(x, y + metrics.ascent()))
            y += metrics.height()
        if badge and lines:
            last = QFontMetricsF(lines[-1].font)
            text_right = (left if self.beside else -widths[-1] / 2) + widths[-1] - badge_width
            badge_height = badge_metrics.height()
            self._badge_rect = QRectF(text_right + theme.SPACE_XS, y - last.height() / 2 - badge_height / 2,
                                      badge_width, badge_height)
        else:
            self._badge_rect = QRectF()
        halo = theme.MAP_LABEL_HALO
        self._rect = QRectF(left, top, width, height).adjusted(-halo, -halo, halo, halo)
        self._size = (self._rect.width(), self._rect.height())
        self._pixmap = None
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def set_shown(self, shown: bool) -> None:
        """setVisible, asked of thousands of names a frame: only changes reach Qt."""
        if shown != self._shown:
            self._shown = shown
            self.setVisible(shown)

    def may_fit(self, x: float, y: float, width: float, height: float) -> bool:
        """False if, anchored at screen point (x, y), no place the label may take near it (two
        of its sizes) can be on a width x height screen: most names, zoomed into a large map."""
        if self._compose is not None:  # not made (in this script) yet: made if it may be needed
            near = theme.MAP_NAME_REACH
            if not (-near < x < width + near and -near < y < height + near):
                return False
            self.fresh()
        reach_x, reach_y = 2 * self._size[0], 2 * self._size[1]
        return -reach_x < x < width + reach_x and -reach_y < y < height + reach_y

    def paint(self, painter: QPainter, _option, _widget=None) -> None:  # noqa: ANN001
        # Drawing the text two dozen times for its halo costs about a millisecond a label; the
        # item cache alone does not spare it while zooming (labels that move or hide and show
        # again are drawn afresh), so the label is drawn once into a pixmap (see prepare).
        painter.drawPixmap(self._rect.topLeft(), self.prepare(pixel_ratio(painter)))

    def is_prepared(self, ratio: float) -> bool:
        return self._pixmap is not None and self._pixmap.devicePixelRatioF() == ratio

    def prepare(self, ratio: float) -> QPixmap:
        """The label drawn at this pixel ratio: drawn now unless it already is. The map prepares
        its names while idle, so the frame a name first appears in does not pay for its halo."""
        if not self.is_prepared(ratio):
            size = self._rect.size() * ratio
            pixmap = QPixmap(max(1, math.ceil(size.width())), max(1, math.ceil(size.height())))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            drawing = QPainter(pixmap)
            drawing.translate(-self._rect.topLeft())
            self._draw(drawing)
            drawing.end()
            self._pixmap = pixmap
        assert self._pixmap is not None
        return self._pixmap

    def _draw(self, painter: QPainter) -> None:
        palette = self.ctx.palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The halo is the text drawn in the paper colour at HALO_OFFSETS round each glyph, then
        # the text over it. Stroking the glyph outlines with a wide pen looks the same but leaves
        # tens of MB of stroker memory behind on a map with hundreds of names.
        # Each line is shaped once and its glyphs drawn at every offset: drawText shaped the
        # line anew for each of the 25 copies (4 ms of a switch of language on the city map).
        shaped = [(glyph_runs(line), baseline) for line, baseline in zip(self.lines, self._baselines, strict=True)]
        painter.setPen(palette.color("paper"))
        for (runs, top), baseline in shaped:
            for offset in HALO_OFFSETS:
                for run in runs:
                    painter.drawGlyphRun(baseline - top + offset, run)
        painter.setPen(self.color)
        for (runs, top), baseline in shaped:
            for run in runs:
                painter.drawGlyphRun(baseline - top, run)
        if not self._badge_rect.isNull():
            badge_color = palette.color("approximate")
            painter.setPen(QPen(badge_color, 1))
            painter.setBrush(palette.color("surface"))
            radius = self._badge_rect.height() / 2
            painter.drawRoundedRect(self._badge_rect, radius, radius)
            painter.setFont(self._badge_font)
            painter.drawText(self._badge_rect, Qt.AlignmentFlag.AlignCenter, self.badge)


class MarkerItem(QGraphicsItem):
    """A company (a dot in its sector's colour) or a named place (a diamond). Finger-sized hit area."""

    def __init__(self, ctx: ViewContext, key: str, *, color: QColor, place: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        self.key = key
        self.color = color
        self.place = place
        self.selected = False
        self.setFlag(IGNORE_TRANSFORM)
        self.setCacheMode(CACHE)
        self.setZValue(Z_MARKER)
        reach = max(theme.MARKER_HIT_RADIUS, theme.MARKER_RADIUS + theme.MARKER_RING + theme.MARKER_SELECTED_RING)
        self._rect = QRectF(-reach, -reach, 2 * reach, 2 * reach)
        drawn = max(theme.MARKER_RADIUS, theme.MAP_PLACE_RADIUS) + theme.MARKER_RING + theme.MARKER_SELECTED_RING
        self._drawn = QRectF(-drawn, -drawn, 2 * drawn, 2 * drawn)

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.setZValue(Z_SELECTED if selected else Z_MARKER)
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(), theme.MARKER_HIT_RADIUS, theme.MARKER_HIT_RADIUS)
        return path

    def paint(self, painter: QPainter, _option, _widget=None) -> None:  # noqa: ANN001
        palette = self.ctx.palette
        key = ("marker", self.color.rgba(), self.place, self.selected, palette)
        painter.drawPixmap(self._drawn.topLeft(), stamp(key, self._drawn, pixel_ratio(painter), self._draw))

    def _draw(self, painter: QPainter) -> None:
        palette = self.ctx.palette
        radius = theme.MARKER_RADIUS
        if self.selected:
            painter.setPen(QPen(palette.color("accent"), theme.MARKER_SELECTED_RING))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(), radius + theme.MARKER_RING + theme.MARKER_SELECTED_RING / 2,
                                radius + theme.MARKER_RING + theme.MARKER_SELECTED_RING / 2)
        painter.setPen(QPen(palette.color("surface"), theme.MARKER_RING))
        painter.setBrush(self.color)
        if self.place:
            r = theme.MAP_PLACE_RADIUS
            painter.drawPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)]))
        else:
            painter.drawEllipse(QPointF(), radius, radius)


class ClusterItem(QGraphicsItem):
    """Several companies too close to tell apart at this zoom: a count, ringed by their sector colours."""

    def __init__(self, ctx: ViewContext, members: tuple[str, ...], colors: list[str]) -> None:
        """`colors`: each member's sector colour, as the content gives it (#RRGGBB)."""
        super().__init__()
        self.ctx = ctx
        self.members = members
        self._shares = Counter(colors)  # sector colour -> members
        self.setFlag(IGNORE_TRANSFORM)
        self.setCacheMode(CACHE)
        self.setZValue(Z_CLUSTER)
        reach = theme.MAP_CLUSTER_RADIUS + theme.MARKER_RING * 2
        self._rect = QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def paint(self, painter: QPainter, _option, _widget=None) -> None:  # noqa: ANN001
        font = self.ctx.font("caption", bold=True)
        key = ("cluster", len(self.members), tuple(self._shares.items()), self.ctx.palette, font.key())
        painter.drawPixmap(self._rect.topLeft(), stamp(key, self._rect, pixel_ratio(painter), self._draw))

    def _draw(self, painter: QPainter) -> None:
        palette = self.ctx.palette
        radius = theme.MAP_CLUSTER_RADIUS
        painter.setPen(QPen(palette.color("surface"), theme.MARKER_RING))
        painter.setBrush(palette.color("ink"))
        painter.drawEllipse(QPointF(), radius, radius)
        # the ring shows what is inside: one arc per sector, sized by its share of the members
        ring = QRectF(-radius, -radius, 2 * radius, 2 * radius).adjusted(
            -theme.MARKER_RING, -theme.MARKER_RING, theme.MARKER_RING, theme.MARKER_RING)
        start = TWELVE_O_CLOCK
        for name, count in self._shares.items():
            span = round(FULL_CIRCLE * count / len(self.members))
            painter.setPen(QPen(theme.sector_color(name), theme.MARKER_RING * 2, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.FlatCap))
            painter.drawArc(ring, start, -span)
            start -= span
        painter.setPen(palette.color("on_accent"))
        painter.setFont(self.ctx.font("caption", bold=True))
        painter.drawText(QRectF(-radius, -radius, 2 * radius, 2 * radius), Qt.AlignmentFlag.AlignCenter,
                         str(len(self.members)))
