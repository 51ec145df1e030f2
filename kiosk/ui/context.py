"""What every view is given: the exhibition, the script engine, the palette and the variant.

Passed explicitly into each view's constructor (no globals), so a test can build one view on a
tiny exhibition. The variant is the only state that changes; views listen to
`variant_did_change` through a TextBinder rather than re-reading anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from kiosk.content.model import Exhibition
from kiosk.script import ScriptEngine
from kiosk.ui import theme
from kiosk.ui.strings import UI_STRINGS

TextValue = str | Mapping[str, str] | None


class ViewContext(QObject):
    variant_did_change = Signal(str)

    def __init__(self, exhibition: Exhibition, engine: ScriptEngine, media_dir: Path,
                 variant: str | None = None) -> None:
        super().__init__()
        self.exhibition = exhibition
        self.media_dir = media_dir
        self.engine = engine
        self.palette = theme.palette_for(exhibition.settings.theme)
        self.variant = variant or exhibition.settings.default_variant

    # --- text ------------------------------------------------------------------------------
    def t(self, value: TextValue) -> str:
        """A content text in the current variant."""
        return self.engine.text(value, self.variant)

    def ui(self, key: str) -> str:
        """One of the app's own interface words in the current variant."""
        return self.engine.text(UI_STRINGS[key], self.variant)

    @property
    def region(self) -> str:
        return self.engine.variant(self.variant).font

    def font(self, size: str = "body", *, bold: bool = False) -> QFont:
        return theme.font(self.region, size, bold=bold)

    def set_variant(self, variant: str) -> None:
        if variant != self.variant:
            self.variant = variant
            self.variant_did_change.emit(variant)


class TextBinder:
    """Remembers which widget shows which text, and re-renders them all on a script toggle."""

    def __init__(self, ctx: ViewContext) -> None:
        self.ctx = ctx
        self._bindings: list[tuple[QObject, Callable[[str], None], Callable[[], str]]] = []
        ctx.variant_did_change.connect(self.refresh)

    def bind(self, widget: QObject, setter: Callable[[str], None], render: Callable[[], str]) -> None:
        self._bindings.append((widget, setter, render))
        setter(render())

    def text(self, widget: QWidget, value: TextValue, *, setter: str = "setText") -> None:
        """Show a content text on `widget` (via setText unless told otherwise)."""
        self.bind(widget, getattr(widget, setter), lambda: self.ctx.t(value))

    def ui(self, widget: QWidget, key: str, *, setter: str = "setText") -> None:
        """Show one of the app's own words on `widget`."""
        self.bind(widget, getattr(widget, setter), lambda: self.ctx.ui(key))

    def refresh(self, _variant: str | None = None) -> None:
        alive = []
        for widget, setter, render in self._bindings:
            if shiboken6.isValid(widget):
                setter(render())
                alive.append((widget, setter, render))
        self._bindings = alive

    def discard(self, widget: QWidget) -> None:
        """Delete a widget built on demand (a card scrolled far away) with the bindings of
        everything in it, so a toggle does not re-render what no longer exists."""
        gone = {id(w) for w in (widget, *widget.findChildren(QObject))}
        self._bindings = [b for b in self._bindings if id(b[0]) not in gone]
        widget.hide()
        widget.deleteLater()

    def __len__(self) -> int:
        return len(self._bindings)
