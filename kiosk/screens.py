"""The kiosk's screens, declared once: a new screen is a folder under kiosk/ui/ and one line here.

Everything that lists screens derives from this table: the window's views and top-bar titles,
the home tiles a curator may write (exhibition.yaml `home_tiles[].screen`), the self-test, the
screenshots and the soak. What a screen can be opened on (an event, a layer, a company) its view
says itself (`ScreenView.items`). No Qt here: the content model checks home tiles against it.
"""

from __future__ import annotations

import enum
import importlib
from typing import Any


class Screen(enum.Enum):
    # top-bar word, view (module:class, imported when first shown), a home tile may open it,
    # and where a visitor lands when the item they were on is gone after a reload (None: here)
    HOME = ("home", "kiosk.ui.home.view:HomeView", False, None)
    TIMELINE = ("timeline", "kiosk.ui.timeline.view:TimelineView", True, None)
    MAP = ("map", "kiosk.ui.map.view:MapView", True, None)
    COMPANIES = ("companies", "kiosk.ui.companies.directory:CompanyDirectory", True, None)
    PROFILE = ("companies", "kiosk.ui.companies.profile:CompanyProfile", False, "companies")
    FIGURES = ("figures", "kiosk.ui.figures.view:FiguresView", True, None)

    def __init__(self, title: str, view: str, tile: bool, up: str | None) -> None:
        self.title = title  # the interface word (kiosk.ui.strings) the top bar shows
        self.view_path = view
        self.tile = tile
        self._up = up

    @property
    def up(self) -> Screen:
        """The screen to show when this one's item no longer exists (a profile: the directory)."""
        return Screen.from_id(self._up) if self._up else self

    @property
    def id(self) -> str:
        """The name curators write (home_tiles: - screen: timeline)."""
        return self.name.lower()

    @classmethod
    def from_id(cls, screen_id: str) -> Screen:
        return cls[screen_id.upper()]

    def view_class(self) -> Any:
        """The screen's view class (imports its module: only the UI layer calls this)."""
        module, _, name = self.view_path.partition(":")
        return getattr(importlib.import_module(module), name)


TILE_SCREENS: tuple[str, ...] = tuple(s.id for s in Screen if s.tile)
