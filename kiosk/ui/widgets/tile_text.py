"""Where a fact tile's texts go at a given width: the number and its unit on one line, a mark
beside them or below, the label and the year under them.

A tile draws its texts itself rather than holding a label for each: every widget on a page
costs a tap about 0.2 ms to make, style and show, and a tile of six widgets and four layouts
cost 1.5 ms (BMW's profile shows six). The rules are the labels' they replace:
- the number stays whole on one line, drawn smaller (down to the subheading's size) until it
  and its unit's longest word fit, or it alone with the unit below if that keeps it larger;
  only below that size does it wrap, so nothing is ever cut;
- a long unit (Studierende) wraps beside the number; the texts sit on one baseline;
- the estimate or target mark qualifies the number and sits on its line where there is room,
  under the texts where there is not;
- the label and the year get at most two lines each, ending in … when cut, so a row of tiles
  keeps one height in every language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from kiosk.hyphenation import unhyphenated
from kiosk.ui import theme
from kiosk.ui.widgets.elided import CJK, elide_lines
from kiosk.ui.widgets.fitting import BREAKS, UNBOUNDED, ink_width
from kiosk.ui.widgets.text_label import remembered

WRAP = int(Qt.TextFlag.TextWordWrap)
TEXT_LINES = 2  # the label's and the year's
# Arrangements kept: every figure and key fact in four languages, at the widths of both
# orientations and the few a layout pass tries on the way.
ARRANGED_KEPT = 8_192
_arranged: dict[tuple[object, ...], Arrangement] = {}
_natural: dict[tuple[object, ...], int] = {}
_fonts: dict[tuple[object, ...], QFont] = {}  # five parts in each language's face, at each text scale
# The text role whose size and weight each part takes (its colour: FactTile's TEXT_COLOURS)
PARTS = {"value": "figure", "unit": "subheading", "mark": "target", "caption": "body", "meta": "caption"}


@dataclass(frozen=True)
class TileTexts:
    """What a tile says, in the current variant."""

    value: str = ""  # the number with its qualifier: 近40, mehr als 2.500
    unit: str = ""
    mark: str = ""  # 预计, 规划目标, or none
    caption: str = ""  # the label
    meta: str = ""  # the year and the source's number


@dataclass(frozen=True)
class Piece:
    """One text as drawn: cut to its lines (with …) where it had to be, in its part's font drawn
    at `scale` (the number steps down, the rest is 1), wrapped within its box (in the tile's
    content coordinates, scaled)."""

    part: str
    text: str
    box: QRect
    flags: int
    scale: float = 1.0

    def font(self, base: QFont) -> QFont:
        return part_font(base, self.part)

    @property
    def px(self) -> float:
        """The type size it is seen at."""
        return theme.TYPE[PARTS[self.part]] * self.scale


@dataclass(frozen=True)
class Arrangement:
    pieces: tuple[Piece, ...]
    height: int  # of the content, margins not included
    mark_in_row: bool
    problems: tuple[str, ...]  # words wider than the tile even at the number's least size

    def piece(self, part: str) -> Piece | None:
        return next((p for p in self.pieces if p.part == part), None)


def part_font(base: QFont, part: str) -> QFont:
    """A part's size and weight, in the face of the texts' language. Kept, as a label keeps its
    font: each font holds on to its glyph engines, made once."""
    key = (base.key(), part, theme.text_scale())
    font = _fonts.get(key)
    if font is None:
        # The face's own families, marked as set: a font given to a painter takes from the
        # widget's font whatever it does not set itself, and the tile's inherited family is not
        # the one its texts were measured in.
        font = QFont(base)
        role = theme.role_font(PARTS[part])
        font.setPixelSize(role.pixelSize())
        font.setBold(role.bold())
        _fonts[key] = font
    return font


def _least_width(metrics: QFontMetrics, text: str) -> int:
    """The narrowest a wrapped text can be: its widest unbreakable word (a CJK character breaks
    anywhere)."""
    words = [w for w in BREAKS.split(unhyphenated(text)) if w]
    return max((ink_width(metrics, w[:1] if CJK.match(w) else w) for w in words), default=0)


def least_number_scale() -> float:
    """How far a number may step down: to a subheading's size."""
    return theme.TYPE["subheading"] / theme.TYPE[PARTS["value"]]


def unscaled(width: int, scale: float) -> int:
    """The width a text drawn at `scale` is laid out in, to take `width` px on screen."""
    return int(width / scale)


def _wrapped(metrics: QFontMetrics, text: str, width: int) -> QRect:
    return metrics.boundingRect(QRect(0, 0, max(1, width), UNBOUNDED), WRAP, text)


def arranged(texts: TileTexts, base: QFont, width: int) -> Arrangement:
    """The tile's texts laid out in `width` px of content.

    A layout pass asks each tile at several widths, and the same tiles come back with every
    visit and every switch of language: the answers are shared and kept, as labels keep theirs
    (kiosk.ui.widgets.text_label)."""
    key = (texts, base.key(), theme.text_scale(), width)
    return remembered(_arranged, key, ARRANGED_KEPT, lambda: _arrange(texts, base, width))


def _arrange(texts: TileTexts, base: QFont, width: int) -> Arrangement:
    spacing = theme.SPACE_XS
    pieces: list[Piece] = []
    problems: list[str] = []

    # --- the number's line --------------------------------------------------------------------
    unit_font = part_font(base, "unit")
    unit_metrics = QFontMetrics(unit_font)
    gap = spacing if texts.unit else 0
    unit_least = _least_width(unit_metrics, texts.unit) if texts.unit else 0
    number = unhyphenated(texts.value)
    # The number steps down by drawing its font smaller, not by taking a smaller font: each size
    # of a font is an engine of its own, and each loaded more of the CJK font files (35 MiB more
    # after a day's walk). Unhinted glyphs drawn at a scale are as wide as the scale says.
    value_font = part_font(base, "value")
    value_metrics = QFontMetrics(value_font)
    full = ink_width(value_metrics, number)
    least_scale = least_number_scale()

    def scale_for(room: int) -> float:
        return max(least_scale, min(1.0, room / full)) if full else 1.0

    scale = scale_for(width - gap - unit_least)
    # The unit beside the number, unless the number would be larger with the unit below it.
    beside = math.ceil(full * scale) + gap + unit_least <= width and (not texts.unit or scale >= scale_for(width))
    if beside:
        value_width = math.ceil(full * scale)
        value_box = QRect(0, 0, value_width, math.ceil(value_metrics.height() * scale))
        value_flags = 0
        unit_room = width - value_width - gap
        unit_height = _wrapped(unit_metrics, texts.unit, unit_room).height() if texts.unit else 0
        unit_box = QRect(value_width + gap, 0, unit_room, unit_height)
        # One baseline: the unit's last line sits on the number's.
        value_base = round(value_metrics.ascent() * scale)
        unit_base = unit_box.height() - unit_metrics.descent()
        shift = max(value_base, unit_base)
        value_box.moveTop(shift - value_base)
        unit_box.moveTop(shift - unit_base)
    else:  # the unit below: the number has the line to itself
        scale = scale_for(width)
        value_width = math.ceil(full * scale)
        value_flags = 0 if value_width <= width else WRAP  # at its least size, the number wraps
        height = _wrapped(value_metrics, texts.value, unscaled(width, scale)).height()
        value_box = QRect(0, 0, width, math.ceil(height * scale))
        unit_box = QRect(0, value_box.bottom() + 1, width, _wrapped(unit_metrics, texts.unit, width).height()
                         if texts.unit else 0)
    for part, metrics, text, least in (("value", value_metrics, texts.value, least_scale),
                                       ("unit", unit_metrics, texts.unit, 1.0)):
        need = math.ceil(_least_width(metrics, text) * least)
        if need > width:
            problems.append(f"the word '{text}' of the {part} is wider than its tile ({need} > {width} px)")
    pieces.append(Piece("value", texts.value, value_box, value_flags, scale))
    if texts.unit:
        pieces.append(Piece("unit", texts.unit, unit_box, WRAP))
    row_bottom = max(value_box.bottom(), unit_box.bottom() if texts.unit else 0) + 1

    # --- the mark: on the number's line if it fits beside a one-line unit -------------------
    mark_font = part_font(base, "mark")
    mark_metrics = QFontMetrics(mark_font)
    mark_width = ink_width(mark_metrics, texts.mark)
    unit_width = ink_width(unit_metrics, unhyphenated(texts.unit)) if texts.unit else 0
    mark_in_row = beside and value_width + gap + unit_width + spacing + mark_width <= width
    if texts.mark and mark_in_row:
        x = value_width + gap + unit_width + spacing
        pieces.append(Piece("mark", texts.mark, QRect(x, 0, mark_width, mark_metrics.height()), 0))

    # --- the label, the year, and the mark where the line had no room for it -----------------
    y = row_bottom
    for part, text, lines in (("caption", texts.caption, TEXT_LINES), ("meta", texts.meta, TEXT_LINES),
                              ("mark", texts.mark if not mark_in_row else "", 1)):
        if not text:
            continue
        font = part_font(base, part)
        shown = elide_lines(text, font, width, lines)
        height = _wrapped(QFontMetrics(font), shown, width).height()
        y += spacing
        pieces.append(Piece(part, shown, QRect(0, y, width, height), WRAP))
        y += height
    return Arrangement(tuple(pieces), y, mark_in_row, tuple(problems))


def natural_width(texts: TileTexts, base: QFont) -> int:
    """The number's line at full size on one line, with its unit and mark: what a tile would
    like to be given (layouts ask it as often as heights, so it is kept too)."""
    key = (texts, base.key(), theme.text_scale())
    return remembered(_natural, key, ARRANGED_KEPT, lambda: _natural_width(texts, base))


def _natural_width(texts: TileTexts, base: QFont) -> int:
    width = ink_width(QFontMetrics(part_font(base, "value")), unhyphenated(texts.value))
    for part, text in (("unit", texts.unit), ("mark", texts.mark)):
        if text:
            width += theme.SPACE_XS + ink_width(QFontMetrics(part_font(base, part)), unhyphenated(text))
    return width
