"""Does every text fit? Finds labels and buttons on screen whose text is cut or overflows.

English and German run longer than Chinese, German compounds longer still: a title that fits
in 简体 may be cut at the right in Deutsch, a caption may lose its last line to a fixed-height
tile, a compound may stick out of a narrow column. The self-test calls `misfits` on every render,
in every variant and orientation; tests call it on one view.

What counts as a misfit, for a widget that shows (not scrolled away, not hidden):
- a one-line label or a button whose text is wider than the widget;
- a wrapped label that needs more height than it has;
- a word (between spaces, hyphens and soft hyphens) wider than its wrapped label;
- a label that sticks out of a container that clips it (scroll areas excepted: their content is
  meant to move).
An ElidedLabel shortens its text with … by design: it is checked for the lines it keeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QPushButton, QWidget

from kiosk.hyphenation import unhyphenated
from kiosk.ui.widgets.elided import ElidedLabel

SLACK_PX = 1  # rounding between Qt's layout and its font metrics
PATH_DEPTH = 3  # widget names in a report's path
QUOTED = 48  # characters of the text a report quotes
# Where a line may break inside a run of text: spaces, hyphens and dashes, slashes, soft
# hyphens, and between any two CJK characters (each is its own unit).
_UNBREAKABLE = re.compile(r"[^\s\u00ad\u200b\-\u2010-\u2015/\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+")


def _shown_children(widget: QWidget) -> Iterator[QWidget]:
    for child in widget.children():
        if isinstance(child, QWidget) and child.isVisible() and not child.isWindow():
            yield child
            yield from _shown_children(child)


def _where(widget: QWidget, root: QWidget) -> str:
    names = []
    while widget is not None and widget is not root:
        names.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(names[:PATH_DEPTH]))


def _box(widget: QWidget, root: QWidget) -> QRect:
    return widget.rect().translated(widget.mapTo(root, widget.rect().topLeft()))


def _clip_box(widget: QWidget, root: QWidget) -> QRect | None:
    """The part of `root` (in root's coordinates) that `widget` may draw in, ancestors clipping;
    None where a scroll area holds it (its content is meant to be partly out of view)."""
    area = root.rect()
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return None
        area = area.intersected(_box(parent, root))
        parent = grand
    return area


def _words_too_wide(widget: QLabel, text: str, width: int) -> str | None:
    metrics = widget.fontMetrics()
    for word in _UNBREAKABLE.findall(text):
        need = metrics.horizontalAdvance(word)
        if need > width + SLACK_PX:
            return f"the word '{word}' is wider than its column ({need} > {width} px)"
    return None


def _label_misfit(widget: QLabel) -> str | None:
    text = widget.text()
    if not text.strip() or (widget.textFormat() != Qt.TextFormat.PlainText and Qt.mightBeRichText(text)):
        return None
    inner = widget.contentsRect()
    if widget.wordWrap():
        too_wide = _words_too_wide(widget, text, inner.width())
        if too_wide:
            return too_wide
        if isinstance(widget, ElidedLabel) and widget.max_lines == 1:
            return None  # one line, cut with … by design (a line's leading may overhang its box)
        # An ElidedLabel's text is already cut to its lines (with …): it must still get them.
        need = widget.heightForWidth(widget.width())
        if need > widget.height() + SLACK_PX:
            return f"cut off at the bottom (needs {need} px of height, has {widget.height()})"
        return None
    metrics = widget.fontMetrics()
    need = max(metrics.horizontalAdvance(line) for line in unhyphenated(text).split("\n"))
    if need > inner.width() + SLACK_PX:
        return f"cut off at the right (needs {need} px, has {inner.width()})"
    return None


def _button_misfit(widget: QAbstractButton) -> str | None:
    if not widget.text().strip():
        return None
    # Qt's own measure of the text as shown (a chip may report its one-line width as its wish)
    need = (QPushButton.sizeHint(widget) if isinstance(widget, QPushButton) else widget.sizeHint()).width()
    if need > widget.width() + SLACK_PX:
        return f"button text cut (needs {need} px, has {widget.width()})"
    return None


def misfits(root: QWidget) -> list[str]:
    """Every text on `root` that is cut or overflows, as 'where: what' lines (empty: all fits)."""
    found = []
    for widget in _shown_children(root):
        if isinstance(widget, QLabel):
            problem = _label_misfit(widget)
            text = widget.text()
        elif isinstance(widget, QAbstractButton):
            problem = _button_misfit(widget)
            text = widget.text()
        else:
            continue
        if problem is None and isinstance(widget, QLabel) and text.strip():
            area = _clip_box(widget, root)
            box = _box(widget, root)
            if area is not None and box.intersects(area) and not area.contains(box):
                problem = "sticks out of its container"
        if problem:
            shown = unhyphenated(text).replace("\n", " ")
            found.append(f"{_where(widget, root)} '{shown[:QUOTED]}': {problem}")
    return found
