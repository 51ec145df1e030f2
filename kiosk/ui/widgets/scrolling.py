"""Long lists and tracks: flick-scrolling for fingers and the mouse, and letting go of cards
built on demand once they are far from the view."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QScrollArea,
    QScrollBar,
    QScroller,
    QScrollerProperties,
    QWidget,
)

from kiosk.ui.widgets.basics import repolish

if TYPE_CHECKING:
    from kiosk.ui.context import TextBinder

K = TypeVar("K")


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


def flickable(*, horizontal: bool = False) -> tuple[QScrollArea, QScroller]:
    """A frameless scroll area whose page spans it across (or along, if `horizontal`) and that a
    finger flicks: the one every long screen part scrolls in."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area, make_kinetic(area, horizontal=horizontal)


def make_kinetic(area: QAbstractScrollArea, *, horizontal: bool) -> QScroller:
    """Flick-scrolling for fingers and the mouse, with no scroll bar that needs a mouse."""
    on, off = Qt.ScrollBarPolicy.ScrollBarAlwaysOn, Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    area.setHorizontalScrollBarPolicy(on if horizontal else off)
    area.setVerticalScrollBarPolicy(off if horizontal else on)
    # The bar always holds its place (a thin track, its handle drawn only when there is
    # somewhere to scroll to): a bar that came and went would give and take its width, and text
    # that wraps at one width and not the other could make the page long enough for the bar, and
    # then short enough without it, for ever.
    bar = area.horizontalScrollBar() if horizontal else area.verticalScrollBar()
    bar.rangeChanged.connect(lambda low, high: _mark_still(bar, high <= low))
    _mark_still(bar, bar.maximum() <= bar.minimum())
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


def _mark_still(bar: QScrollBar, still: bool) -> None:
    """A bar with nowhere to scroll shows no handle (theme: QScrollBar[still="true"])."""
    if bar.property("still") != still:
        bar.setProperty("still", still)
        repolish(bar)
