"""Design tokens: every colour role, size, radius and font the views use, in one place.

Views never write a hex colour or a pixel number: they ask for a role here. Stylesheets are
templates that name roles (`{{ paper }}`), rendered once per theme. The content's theme colours
(exhibition.yaml `theme`) feed the accent, ink and paper roles, so a curator can restyle.
Sizes are logical pixels designed at 1920x1080; Qt's high-DPI scaling keeps them crisp on 4K.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

from kiosk.content.model import Theme as ContentTheme

# --- sizes (logical px) -------------------------------------------------------------------
TOUCH_MIN = 64  # smallest tappable target, in both directions
SPACE_XS, SPACE_S, SPACE_M, SPACE_L, SPACE_XL = 8, 16, 24, 40, 64
RADIUS_S, RADIUS_M, RADIUS_L = 10, 18, 28
TOP_BAR_HEIGHT = 96
CARD_WIDTH = 380
CARD_HEIGHT = 340
CARD_MAX_HEIGHT = 760
CARD_TITLE_LINES = 2
CARD_CHROME_HEIGHT = 190  # margins, date row and a two-line title above a card's summary
BODY_LINE_HEIGHT = 36  # one line of 24 px CJK body text
ERA_BAND_HEIGHT = 72
MARKER_RADIUS = 14
MARKER_HIT_RADIUS = 34  # a finger is wider than the dot
SCROLLBAR_WIDTH = 6
FACT_TILE_MIN_WIDTH = 260
ICON_S, ICON_M, ICON_L, ICON_XL = 22, 32, 40, 72
DOT_SIZE = 18
HOME_TILE_HEIGHT = 220
YEAR_TICK_HEIGHT = 56
DETAIL_WIDTH = 1280
DETAIL_IMAGE_WIDTH, DETAIL_IMAGE_HEIGHT = 1100, 620
FLOW_DEFAULT_WIDTH = 800
SPOTLIGHT_HEIGHT = 260
TAP_SLOP = 18  # px a finger may wander and still count as a tap, not a drag

# --- type scale (px): readable from a step away ----------------------------------------------
TYPE = {
    "display": 64,
    "title": 44,
    "heading": 34,
    "subheading": 28,
    "body": 24,
    "caption": 20,
    "figure": 56,
}

# --- motion (ms); tests and the idle reset turn these down or off ----------------------------
ANIMATION_MS = 220

# --- fonts ----------------------------------------------------------------------------------
FONT_FAMILIES = {
    "SC": "Noto Sans CJK SC",
    "TC": "Noto Sans CJK TC",
    "HK": "Noto Sans CJK HK",
    "JP": "Noto Sans CJK JP",
    "KR": "Noto Sans CJK KR",
}
LANG_TAGS = {"SC": "zh-Hans", "TC": "zh-Hant", "HK": "zh-HK", "JP": "ja", "KR": "ko"}


def font_family(region: str) -> str:
    """The Noto Sans CJK family whose glyph forms match a variant's region (SC, TC, HK ...)."""
    return FONT_FAMILIES.get(region, FONT_FAMILIES["SC"])


def font(region: str, size: str = "body", *, bold: bool = False) -> QFont:
    f = QFont(font_family(region))
    f.setPixelSize(TYPE[size])
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


@dataclass(frozen=True)
class Palette:
    """Colour roles. Derived roles are computed from the three the content may set."""

    accent: str
    ink: str
    paper: str
    surface: str = "#FFFFFF"
    muted: str = "#5E6A75"
    line: str = "#D9D3C7"
    pressed: str = "#E6E0D4"
    on_accent: str = "#FFFFFF"
    target: str = "#8A5A00"  # plan goals are labelled in this colour, never shown as results
    approximate: str = "#8A6D3B"
    scrim: str = "#99000000"
    map_land: str = "#E9E4D8"
    map_highlight: str = "#F3D9C9"
    map_water: str = "#D4E4EC"

    def color(self, role: str) -> QColor:
        return QColor(getattr(self, role))

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if isinstance(v, str)}


def palette_for(theme: ContentTheme) -> Palette:
    return Palette(accent=theme.accent, ink=theme.ink, paper=theme.paper)


def sector_color(hex_color: str) -> QColor:
    """Sector colours come from content (sectors.yaml); this is the one place that parses them."""
    return QColor(hex_color)


STYLESHEET = """
QWidget#KioskRoot { background: {{paper}}; color: {{ink}}; }
QWidget { color: {{ink}}; }
QLabel { background: transparent; }
QLabel[role="display"] { font-size: {{display}}px; font-weight: 700; }
QLabel[role="title"] { font-size: {{title}}px; font-weight: 700; }
QLabel[role="heading"] { font-size: {{heading}}px; font-weight: 700; }
QLabel[role="subheading"] { font-size: {{subheading}}px; color: {{muted}}; }
QLabel[role="body"] { font-size: {{body}}px; }
QLabel[role="caption"] { font-size: {{caption}}px; color: {{muted}}; }
QLabel[role="figure"] { font-size: {{figure}}px; font-weight: 700; color: {{accent}}; }
QLabel[role="target"] { font-size: {{caption}}px; color: {{target}}; font-weight: 700; }
QLabel[role="approximate"] { font-size: {{caption}}px; color: {{approximate}}; }
QWidget#TopBar { background: {{surface}}; border-bottom: 1px solid {{line}}; }
QFrame[card="true"] { background: {{surface}}; border: 1px solid {{line}}; border-radius: {{radius_m}}px; }
QFrame[card="true"][pressed="true"] { background: {{pressed}}; }
QFrame[card="true"][current="true"] { border: 3px solid {{accent}}; }
QPushButton {
    min-height: {{touch}}px; min-width: {{touch}}px; padding: 0 {{space_m}}px;
    font-size: {{body}}px; border-radius: {{radius_s}}px;
    background: {{surface}}; border: 1px solid {{line}};
}
QPushButton:pressed, QPushButton[pressed="true"] { background: {{pressed}}; }
QPushButton:checked { background: {{accent}}; color: {{on_accent}}; border-color: {{accent}}; }
QPushButton:disabled { color: {{line}}; }
QPushButton[chip="true"] { border-radius: {{radius_l}}px; font-size: {{caption}}px; }
QPushButton[accent="true"] { background: {{accent}}; color: {{on_accent}}; border: none; font-weight: 700; }
QPushButton[flat="true"] { background: transparent; border: none; }
QScrollArea { background: transparent; border: none; }
QScrollArea > QWidget > QWidget { background: transparent; }
QScrollBar:horizontal { height: {{scrollbar}}px; background: transparent; margin: 0; }
QScrollBar:vertical { width: {{scrollbar}}px; background: transparent; margin: 0; }
QScrollBar::handle { background: {{line}}; border-radius: 3px; min-width: 40px; min-height: 40px; }
QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page, QScrollBar::sub-page { width: 0; height: 0; background: none; }
QWidget#Overlay { background: {{scrim}}; }
QFrame#Sheet { background: {{surface}}; border-radius: {{radius_l}}px; }
QGraphicsView { border: none; background: {{map_water}}; }
"""

_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def stylesheet(palette: Palette) -> str:
    """Render the stylesheet template with this palette's roles and the size tokens."""
    values: dict[str, str | int] = {**palette.as_dict(), **TYPE}
    values.update(
        touch=TOUCH_MIN, space_m=SPACE_M, radius_s=RADIUS_S, radius_m=RADIUS_M, radius_l=RADIUS_L,
        scrollbar=SCROLLBAR_WIDTH,
    )

    def substitute(match: re.Match[str]) -> str:
        return str(values[match.group(1)])

    return _PLACEHOLDER.sub(substitute, STYLESHEET)
