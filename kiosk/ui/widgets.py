"""Touch building blocks shared by the views: tappable cards, buttons, chips, fact tiles, images."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import qtawesome as qta
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.media import MediaError, check_image
from kiosk.ui import theme

if TYPE_CHECKING:
    from kiosk.content.model import Figure, KeyFact
    from kiosk.ui.context import TextBinder, ViewContext

K = TypeVar("K")

ELIDE_BOX_LINES = 4  # room to measure wrapped text in: several times the height allowed
ELIDE_CACHE_SIZE = 4096  # elided texts remembered (a toggle back re-uses the last toggle's)
_elided: dict[tuple[str, str, int, int], str] = {}


def repolish(widget: QWidget) -> None:
    """Apply a changed dynamic property (pressed, current, checked) to the stylesheet."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def label(text: str = "", role: str = "body", *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    lbl = QLabel(text, parent)
    theme.apply_role(lbl, role)
    lbl.setWordWrap(wrap)
    lbl.setTextFormat(Qt.TextFormat.PlainText)  # content is shown as text, never as markup
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    lbl.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return lbl


def icon(name: str, color: str, size: int = theme.ICON_L) -> QPixmap:
    try:
        return qta.icon(name, color=color).pixmap(QSize(size, size))
    except Exception:  # an unknown icon name in content must not break a view
        return qta.icon("mdi6.circle-medium", color=color).pixmap(QSize(size, size))


def elide_lines(text: str, font: QFont, width: int, max_lines: int) -> str:
    """`text` cut to what fits in `max_lines` wrapped lines of `width` px, ending in … if cut.

    Binary search on the prefix length with QFontMetrics' word-wrapped bounding box: the same
    line breaking QLabel uses. (QTextLayout.createLine crashed PySide6 6.12 in the soak run.)
    """
    if width <= 0 or max_lines <= 0:
        return ""
    # A binary search costs a dozen word-wrapped measurements; toggling scripts back and forth
    # asks for the same few hundred results again and again, so they are kept.
    key = (text, font.key(), width, max_lines)
    if key not in _elided:
        if len(_elided) >= ELIDE_CACHE_SIZE:
            _elided.clear()
        _elided[key] = _elide_uncached(text, font, width, max_lines)
    return _elided[key]


def _elide_uncached(text: str, font: QFont, width: int, max_lines: int) -> str:
    metrics = QFontMetrics(font)
    flags = int(Qt.TextFlag.TextWordWrap)
    box = QRect(0, 0, width, metrics.lineSpacing() * max_lines * ELIDE_BOX_LINES)
    # The height `max_lines` lines really take in this font (CJK fonts' bounding boxes are not
    # a multiple of lineSpacing, which cut two-line titles to one).
    limit = metrics.boundingRect(box, flags, "\n".join(["国"] * max_lines)).height()

    def fits(candidate: str) -> bool:
        return metrics.boundingRect(box, flags, candidate).height() <= limit

    if fits(text):
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle].rstrip() + "…"):
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


class ElidedLabel(QLabel):
    """A wrapped label that shows at most `max_lines` lines and ends with … when cut.

    Eliding measures text, so it runs only when something it depends on changed (text, font,
    width, lines) and, for a label not on screen, waits until it is shown: a script toggle then
    costs one measurement per visible label, not several per label everywhere.
    """

    def __init__(self, role: str, max_lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self.full_text = ""
        self._done: tuple[str, str, int, int] | None = None
        theme.apply_role(self, role)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def set_max_lines(self, lines: int) -> None:
        self.max_lines = lines
        self._elide()

    def _elide(self) -> None:
        if not self.isVisible():
            return  # showEvent will do it
        key = (self.full_text, self.font().key(), self.contentsRect().width(), self.max_lines)
        if key != self._done:
            self._done = key
            self.setText(elide_lines(self.full_text, self.font(), key[2], self.max_lines))

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self._elide()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - the font follows the script variant
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()


class TouchButton(QPushButton):
    """A button at least TOUCH_MIN square, never taking keyboard focus."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, icon_name: str | None = None,
                 color: str | None = None) -> None:
        super().__init__(text, parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFont(theme.role_font("button"))
        self.setMinimumSize(theme.TOUCH_MIN, theme.TOUCH_MIN)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        if icon_name:
            self.setIcon(qta.icon(icon_name, color=color or theme.ICON_DEFAULT_COLOR))
            self.setIconSize(QSize(theme.ICON_M, theme.ICON_M))


class Chip(TouchButton):
    """A checkable filter chip, optionally with a colour dot."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, dot: str | None = None) -> None:
        super().__init__(text, parent)
        self.setCheckable(True)
        self.setProperty("chip", True)
        self.setFont(theme.role_font("chip"))
        if dot:
            self.setIcon(qta.icon("mdi6.circle", color=dot))
            self.setIconSize(QSize(theme.ICON_S, theme.ICON_S))


class FlowLayout(QLayout):
    """Items left to right, wrapping to the width available, or one per row at full width
    (`column`); hidden items take no room, so a layer's absent sectors leave no gaps."""

    def __init__(self, parent: QWidget | None = None, *, column: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.column = column
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(theme.SPACE_XS)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """One row of everything: what the layout asks for when nothing constrains its width."""
        width = height = 0
        for item in self._items:
            if not item.isEmpty():
                hint = item.sizeHint()
                width += hint.width() + self.spacing()
                height = max(height, hint.height())
        return QSize(max(width - self.spacing(), 0), height)

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize(0, 0)
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height, gap = rect.x(), rect.y(), 0, self.spacing()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = rect.width() if self.column else min(hint.width(), rect.width())
            if x > rect.x() and (self.column or x + width > rect.right() + 1):
                x, y, row_height = rect.x(), y + row_height + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class TapFrame(QFrame):
    """A card that shows a pressed state and emits `tapped` on a release that was not a drag.

    Kinetic scrolling delivers the press first; if the finger then moves beyond theme.TAP_SLOP the
    gesture is a scroll, and releasing must not open anything.
    """

    tapped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._press: QPointF | None = None

    def _set_pressed(self, pressed: bool) -> None:
        if bool(self.property("pressed")) != pressed:
            self.setProperty("pressed", pressed)
            repolish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.globalPosition()
            self._set_pressed(True)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is not None and (event.globalPosition() - self._press).manhattanLength() > theme.TAP_SLOP:
            self._press = None
            self._set_pressed(False)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        was_tap = self._press is not None and self.rect().contains(event.position().toPoint())
        self._press = None
        self._set_pressed(False)
        if was_tap:
            self.tapped.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._set_pressed(False)
        return super().event(event)


def drop_farthest(built: dict[K, QWidget], keep: int, wanted: Collection[K], distance: Callable[[K], float],
                  texts: TextBinder) -> None:
    """Past `keep` widgets built on demand (cards near the view), discard the ones farthest from
    it, never a `wanted` one: over a day of browsing a long list every card would otherwise
    stay alive, each costing memory and work on every script toggle."""
    if len(built) <= keep:
        return
    far = sorted((key for key in built if key not in wanted), key=distance, reverse=True)
    for key in far[: len(built) - keep]:
        texts.discard(built.pop(key))


def make_kinetic(area: QAbstractScrollArea, *, horizontal: bool) -> QScroller:
    """Flick-scrolling for fingers and the mouse, with no scroll bar that needs a mouse."""
    area.setHorizontalScrollBarPolicy(
        Qt.ScrollBarPolicy.ScrollBarAsNeeded if horizontal else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    )
    area.setVerticalScrollBarPolicy(
        Qt.ScrollBarPolicy.ScrollBarAlwaysOff if horizontal else Qt.ScrollBarPolicy.ScrollBarAsNeeded
    )
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    scroller.setScrollerProperties(props)
    return scroller


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
        self.value = label("", "figure", wrap=False)
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


class MediaImage(QLabel):
    """An image from media/, scaled to fit; a missing or broken file shows nothing, never crashes."""

    def __init__(self, media_dir: Path, reference: str, max_size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        try:
            pixmap = QPixmap(str(check_image(media_dir, reference)))
        except MediaError:
            pixmap = QPixmap()
        self.ok = not pixmap.isNull()
        if self.ok:
            self.setPixmap(pixmap.scaled(max_size, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation))
        self.setVisible(self.ok)


def color_dot(color: str, size: int = theme.DOT_SIZE) -> QLabel:
    dot = QLabel()
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size, size)
    painter.end()
    dot.setPixmap(pixmap)
    dot.setFixedSize(size, size)
    return dot
