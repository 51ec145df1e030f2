"""Touch building blocks: labels in their type role, icons, buttons and chips at touch size,
cards that tell a tap from a drag."""

from __future__ import annotations

from functools import cache

import qtawesome as qta
import shiboken6
from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QMouseEvent, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QStyle, QWidget
from qtawesome.iconic_font import IconicFont

from kiosk.content.model import ICON_SET
from kiosk.hyphenation import break_lines, unhyphenated
from kiosk.ui import theme
from kiosk.ui.widgets.text_label import TextLabel


def repolish(widget: QWidget) -> None:
    """Apply a changed dynamic property (pressed, current, checked) to the stylesheet."""
    style = widget.style()
    if not isinstance(style, QStyle):
        # PySide can hand back a stale wrapper: one left over from a layout item Qt deleted
        # behind Python's back, for the style Qt has since made at the same address. Dropped,
        # the next ask wraps the style itself (seen once in a full test run, on a tap).
        shiboken6.invalidate(style)
        style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()

def label(text: str = "", role: str = "body", *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    """A text in a role (its size, weight and colour); wrapped running text is set in a
    readable measure (theme.MEASURE_EM), however wide the screen."""
    lbl = TextLabel(text, parent)
    theme.apply_role(lbl, role)
    lbl.setWordWrap(wrap)
    if wrap and role in theme.RUNNING_TEXT:
        lbl.set_measure(theme.MEASURE_EM)
    lbl.setTextFormat(Qt.TextFormat.PlainText)  # content is shown as text, never as markup
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    lbl.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return lbl

def hide_unless(widget: QWidget, shown: bool) -> None:
    """Hide a widget being made unless `shown`. Never setVisible(True) on it: a widget with no
    parent yet would open as a window of its own (a native window made, shown and dropped)."""
    if not shown:
        widget.hide()


def show_if(widget: QLabel, text: str) -> None:
    """Set a label's text and show it only when there is one (an optional line)."""
    widget.setText(text)
    if widget.parentWidget() is None:
        hide_unless(widget, bool(text))  # still being made
    else:
        widget.setVisible(bool(text))


@cache
def icon(name: str, color: str, size: int = theme.ICON_L) -> QPixmap:
    """The icon drawn at `size` px, for a label that shows a picture: drawn once per look (a
    QPixmap is shared, never copied)."""
    return glyph_icon(name, color).pixmap(QSize(size, size))


@cache
def _icon_font() -> IconicFont:
    """qtawesome with the one icon set the kiosk draws from. Its own instance loads all twelve
    sets it bundles, each font file held twice (Python's copy and Qt's) with every charmap, and
    hashes each file first: megabytes all day and a slower start for icons never shown."""
    bundled = next(font for font in qta._BUNDLED_FONTS if font[0] == ICON_SET)  # noqa: SLF001 - its file names
    return IconicFont(bundled)


def glyph_icon(name: str, color: str) -> QIcon:
    """A button's icon: qtawesome's glyph, drawn at whatever size and state the button paints.
    (Pictures drawn once per look were tried: 2 ms less on a profile's first paint, but every
    button then made pixmaps for its states, and a day's walk held 20 MiB more.)"""
    try:
        return _icon_font().icon(name, color=color)
    except Exception:  # an unknown icon name in content must not break a view
        return _icon_font().icon(f"{ICON_SET}.circle-medium", color=color)


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
            self.setIcon(glyph_icon(icon_name, color or theme.ICON_DEFAULT_COLOR))
            self.setIconSize(QSize(theme.ICON_M, theme.ICON_M))

class Chip(TouchButton):
    """A checkable filter chip, optionally with a colour dot.

    A name longer than the chip can be (Biomedizin, Life Sciences und Gesundheit in a side panel)
    goes onto a second line at a space instead of being cut: a button does not wrap by itself.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, *, dot: str | None = None) -> None:
        self._full = ""
        super().__init__("", parent)
        self.setCheckable(True)
        self.setProperty("chip", True)
        self.setFont(theme.role_font("chip"))
        if dot:
            self.setIcon(glyph_icon("mdi6.circle", dot))
            self.setIconSize(QSize(theme.ICON_S, theme.ICON_S))
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._full = text  # with its soft hyphens: where a long word may break
        self._wrap()

    def full_text(self) -> str:
        return unhyphenated(self._full)

    def _wrap(self) -> None:
        metrics = self.fontMetrics()
        plain = unhyphenated(self._full)
        QPushButton.setText(self, plain)
        self._natural_width = super().sizeHint().width()
        room = self.width() - (self._natural_width - metrics.horizontalAdvance(plain))
        if self.width() <= 0 or metrics.horizontalAdvance(plain) <= room:
            return
        # room for the hyphen a line broken inside a word ends with
        hyphen = metrics.horizontalAdvance("-")
        lines = break_lines(self._full, lambda line: metrics.horizontalAdvance(line) + hyphen <= room)
        QPushButton.setText(self, "\n".join(lines))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As wide as the name on one line (a layout with room gives it that), as tall as the
        lines it is wrapped to where it has less."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), getattr(self, "_natural_width", 0)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._wrap()

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

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # leaveEvent, not event(): a Python event() runs for every event a card gets (layout,
        # paint, moves), and a profile's tiles get thousands (it slowed their first paint).
        self._set_pressed(False)
        super().leaveEvent(event)

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
