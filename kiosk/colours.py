"""The kiosk's colour roles, and how well each text colour reads on the ground it is drawn on.

No Qt here: the validator holds a curator's theme colours (exhibition.yaml `theme`) to the same
WCAG 2.2 contrast the views are built to, and kiosk.ui.theme gives the roles as Qt colours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    """Colour roles. Derived roles are computed from the three the content may set."""

    accent: str
    ink: str
    paper: str
    surface: str = "#FFFFFF"
    muted: str = "#56616B"  # 4.8:1 even on a pressed card (WCAG 2.2: 4.5 for text this size)
    line: str = "#D9D3C7"
    pressed: str = "#E6E0D4"
    on_accent: str = "#FFFFFF"
    target: str = "#8A5A00"  # plan goals are labelled in this colour, never shown as results
    approximate: str = "#735A2E"
    scrim: str = "#99000000"
    viewer: str = "#101418"  # the photo viewer's ground: photos read best on near-black
    on_viewer: str = "#FFFFFF"
    map_land: str = "#E9E4D8"
    map_highlight: str = "#F3D9C9"
    map_water: str = "#D4E4EC"

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if isinstance(v, str)}


# Every text colour the views draw, on every ground it is drawn on (roles of the palette), and
# whether the text there is large (WCAG: 24 px, or 18.7 px bold; 3:1 suffices). Held to WCAG 2.2
# by tests/test_contrast.py for the default palette, and by the validator for a curator's theme.
TEXT_ON_GROUND: tuple[tuple[str, str, bool], ...] = (
    *(("ink", ground, False) for ground in ("paper", "surface", "pressed", "map_land", "map_highlight", "map_water")),
    *(("muted", ground, False) for ground in ("paper", "surface", "pressed")),  # subheadings, captions
    ("accent", "surface", True), ("accent", "paper", True), ("accent", "pressed", True),  # figures
    ("target", "surface", False), ("target", "paper", False), ("target", "pressed", False),  # plan goals
    ("approximate", "paper", False), ("approximate", "surface", False),  # "approximate position"
    ("on_accent", "accent", False),  # a chosen chip or button
    ("on_viewer", "viewer", False),  # the photo viewer's caption
)
WCAG_TEXT, WCAG_LARGE_TEXT = 4.5, 3.0


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.2's contrast ratio of two opaque colours (#RRGGBB), 1 to 21."""
    def luminance(color: str) -> float:
        channels = (int(color.lstrip("#")[-6:][i:i + 2], 16) / 255 for i in (0, 2, 4))
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def unreadable(palette: Palette | Mapping[str, str]) -> list[str]:
    """The text colours that read too faintly on their ground in `palette` (empty: all pass),
    as 'text on ground: ratio:1'."""
    colors = palette.as_dict() if isinstance(palette, Palette) else palette
    return [f"{text} on {ground}: {contrast(colors[text], colors[ground]):.2f}:1"
            for text, ground, large in TEXT_ON_GROUND
            if contrast(colors[text], colors[ground]) < (WCAG_LARGE_TEXT if large else WCAG_TEXT)]
