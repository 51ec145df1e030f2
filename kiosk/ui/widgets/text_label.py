"""A label that remembers how much room its text takes.

Qt's label measures a wrapped text from scratch (shaping every glyph) each time a layout asks
its size: its height for a width many times in one layout pass (the preferred and the minimum
height, once per nested layout), and its size hints, which take up to six measurements, anew
after each change of text. On a switch of language every label on screen changes its text, to
words it showed before: on the plan's detail sheet, with its 24 figure tiles, that measuring was
most of the switch. Each label keeps its answers until its text, face or margins change, and all
labels share what any of them measured (the same words in the same face at the same width take
the same room), so switching back to a language measures nothing.

Running text may be given a measure (`set_measure`, in ems of its type size): however wide the
label, its lines stay within it, so a line on a wide screen stays short enough to read. The
label keeps its whole width (a layout places it as any other) and leaves the rest empty, as a
right margin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel

KEPT_WIDTHS = 8  # per label: a resize asks at many widths; only the last few are asked again
# Shared answers: the texts on screen in four languages at the widths of both orientations.
SHARED_SIZE = 16_384
EVICTED_SHARE = 4  # a full cache lets its oldest quarter go
_shared: dict[tuple[Any, ...], Any] = {}

_CHANGES = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange})


class TextLabel(QLabel):
    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - QLabel's own overloads
        self._known: dict[Any, Any] = {}
        self._font_key: str | None = None
        self._measure_em = 0
        self._keeps_measure = False  # the right margin is the measure's (never set otherwise)
        super().__init__(*args, **kwargs)

    # --- the measure -------------------------------------------------------------------------------
    def set_measure(self, ems: int) -> None:
        """Keep lines within `ems` of the type size (0: the label's whole width)."""
        self._measure_em = ems
        self._keeps_measure = True
        self._fit_measure(self.width())

    @property
    def measure(self) -> int:
        """The widest a line may be, in px (0: no measure)."""
        return self._measure_em * self.font().pixelSize() if self._measure_em else 0

    def _fit_measure(self, width: int) -> None:
        if not self._keeps_measure:
            return
        margins = self.contentsMargins()
        room = max(0, width - margins.left() - self.measure) if self._measure_em else 0
        if margins.right() != room:
            self.setContentsMargins(margins.left(), margins.top(), room, margins.bottom())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._fit_measure(event.size().width())
        super().resizeEvent(event)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        if self._measure_em:
            # Qt's answer takes the margins set now (for the width the label has) off the width
            # asked: ask it for the text's width at `width`, within the measure, plus those.
            margins = self.contentsMargins()
            text = min(width - margins.left(), self.measure)
            width = text + margins.left() + margins.right()
        return self._answer(width, lambda: super(TextLabel, self).heightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._without_measure(self._answer("size", lambda: _pair(super(TextLabel, self).sizeHint())))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._without_measure(self._answer("minimum", lambda: _pair(super(TextLabel, self).minimumSizeHint())))

    def _without_measure(self, size: tuple[int, int]) -> QSize:
        """Qt counts the right margin in: the measure's margin is what the label leaves empty of
        the width it is given, not room it asks for. Asked for, a word wider than the measure
        (an unhyphenated German compound at the larger type) made the label ask for its width
        plus a margin that grew with that width, without end."""
        width, height = size
        if self._keeps_measure:
            width -= self.contentsMargins().right()
        return QSize(width, height)

    def _answer(self, question: int | str, measure: Callable[[], Any]) -> Any:
        known = self._known.get(question)
        if known is None:
            if len(self._known) >= KEPT_WIDTHS:
                self._known.clear()
            known = self._known[question] = self._shared_answer(question, measure)
        return known

    def _shared_answer(self, question: int | str, measure: Callable[[], Any]) -> Any:
        if self._font_key is None:
            self._font_key = self.font().key()
        margins = self.contentsMargins()
        key = (question, self.text(), self._font_key, self.wordWrap(), self.textFormat().value,
               margins.left(), margins.top(), margins.right(), margins.bottom(), self.margin(), self.indent())
        return remembered(_shared, key, SHARED_SIZE, measure)

    def _forget(self) -> None:
        self._known.clear()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        if text != self.text():
            self._forget()
            super().setText(text)

    def setWordWrap(self, on: bool) -> None:  # noqa: N802 - Qt override
        self._forget()
        super().setWordWrap(on)

    def setTextFormat(self, text_format: Any) -> None:  # noqa: N802 - Qt override
        self._forget()
        super().setTextFormat(text_format)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in _CHANGES:
            self._forget()
            self._font_key = None
            if event.type() == QEvent.Type.FontChange:
                self._fit_measure(self.width())  # a measure in ems follows the type size
        super().changeEvent(event)


def remembered(cache: dict[Any, Any], key: Any, size: int, measure: Callable[[], Any]) -> Any:
    """`cache[key]`, measured the first time; past `size` entries the oldest quarter goes."""
    answer = cache.get(key)
    if answer is None:
        if len(cache) >= size:
            for old in list(cache)[: size // EVICTED_SHARE]:
                del cache[old]
        answer = cache[key] = measure()
    return answer


def _pair(size: QSize) -> tuple[int, int]:
    return size.width(), size.height()
