"""What a screen's view is to the window, and the one way a view moves the visitor elsewhere.

A view never holds the window: it is given `navigate`, the window's own, and calls it with a
Screen and an item (an event, company or layer id). The window calls a view through ScreenView.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kiosk.content.model import Exhibition
    from kiosk.screens import Screen
    from kiosk.ui.context import ViewContext


class Navigate(Protocol):
    def __call__(self, screen: Screen, item: str | None = None) -> None: ...


class ScreenView(Protocol):
    """A screen's view as the window drives it. `item` is an event, company or layer id, or None."""

    def __init__(self, ctx: ViewContext, navigate: Navigate) -> None: ...

    @staticmethod
    def items(exhibition: Exhibition) -> Iterable[str]:
        """Every item the screen can be opened on: the self-test, screenshots and soak visit them."""
        ...

    @staticmethod
    def showcase(exhibition: Exhibition) -> list[str | None]:
        """What screenshots show of the screen (None: the screen as a visitor first meets it)."""
        ...

    def enter(self, item: str | None) -> None: ...
    def leave(self) -> None: ...
    def reset(self) -> None: ...
    def current_item(self) -> str | None: ...
    def warm(self) -> Iterator[None]:
        """Parts to make ahead while the kiosk is idle, yielding between them (may yield nothing)."""
        ...
