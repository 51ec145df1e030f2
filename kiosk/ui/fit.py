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
  meant to move);
- in a fact tile, which draws its texts itself: a word wider than the tile, or texts taller
  than the tile is.
An ElidedLabel shortens its text with … by design: it is checked for the lines it keeps.

`long_lines` finds text set too wide to read: a line of running text (a wrapped label) longer
than about 40 Chinese characters or 70 Latin ones, where the eye loses its way back to the next
line. Labels of running text take a measure (TextLabel.set_measure) that keeps them within it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QPushButton, QWidget

from kiosk.hyphenation import unhyphenated
from kiosk.ui.theme import RUNNING_TEXT
from kiosk.ui.widgets.elided import CJK, ElidedLabel
from kiosk.ui.widgets.facts import FactTile

SLACK_PX = 1  # rounding between Qt's layout and its font metrics
PATH_DEPTH = 3  # widget names in a report's path
QUOTED = 48  # characters of the text a report quotes
LONGEST_CJK_LINE = 40  # characters of a line of Chinese running text
LONGEST_LATIN_LINE = 70
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


def _tile_misfits(tile: FactTile) -> list[tuple[str, str]]:
    arranged = tile.arrangement()
    found = [(tile.texts.value + tile.texts.unit, problem) for problem in arranged.problems]
    need = tile.heightForWidth(tile.width())
    if need > tile.height() + SLACK_PX:
        found.append((tile.texts.caption, f"cut off at the bottom (needs {need} px of height, has {tile.height()})"))
    return found


def misfits(root: QWidget) -> list[str]:
    """Every text on `root` that is cut or overflows, as 'where: what' lines (empty: all fits)."""
    found = []
    for widget in _shown_children(root):
        if isinstance(widget, FactTile):  # draws its own texts, and knows where each went
            found += [f"{_where(widget, root)} '{_quoted(text)}': {problem}" for text, problem in _tile_misfits(widget)]
            continue
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
            found.append(f"{_where(widget, root)} '{_quoted(text)}': {problem}")
    return found


def _quoted(text: str) -> str:
    return unhyphenated(text).replace("\n", " ")[:QUOTED]


def line_lengths(widget: QLabel) -> list[str]:
    """The lines a wrapped label shows at its width, as laid out in its font."""
    text = unhyphenated(widget.text())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, widget.font())
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(widget.contentsRect().width())
            lines.append(paragraph[line.textStart():line.textStart() + line.textLength()].strip())
        layout.endLayout()
    return lines


def too_long(line: str) -> bool:
    """A line of running text too long to read: mostly Chinese and over 40 characters, or
    Latin and over 70."""
    chinese = len(CJK.findall(line))
    if chinese * 2 >= len(line):
        return len(line) > LONGEST_CJK_LINE
    return len(line) > LONGEST_LATIN_LINE


def long_lines(root: QWidget) -> list[str]:
    """Every wrapped text on `root` with a line too long to read, as 'where: what' lines."""
    found = []
    for widget in _shown_children(root):
        if (not isinstance(widget, QLabel) or not widget.wordWrap() or not widget.text().strip()
                or widget.property("role") not in RUNNING_TEXT):
            continue  # titles are short by nature and set as large as the room allows
        longest = max(line_lengths(widget), key=len, default="")
        if too_long(longest):
            found.append(f"{_where(widget, root)} '{longest[:QUOTED]}': a line of {len(longest)} characters "
                         f"({widget.contentsRect().width()} px wide): set it in a measure")
    return found
