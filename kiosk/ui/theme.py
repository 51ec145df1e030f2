"""Design tokens: every colour role, size, radius and font the views use, in one place.

Views never write a hex colour or a pixel number: they ask for a role here. Stylesheets are
templates that name roles (`{{ paper }}`), rendered once per theme. The content's theme colours
(exhibition.yaml `theme`) feed the accent, ink and paper roles, so a curator can restyle.
Sizes are logical pixels designed at 1920x1080; Qt's high-DPI scaling keeps them crisp on 4K.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from kiosk import colours
from kiosk.content.model import Theme as ContentTheme

# --- sizes (logical px) -------------------------------------------------------------------
# Sizes that hold text grow with it: set in this table, they are read as module attributes
# (theme.CARD_WIDTH) and come out at their base times the type scale (`set_text_scale`, the Aa
# button), so a view made at the larger type has the room its words need.
_TEXT_SIZED: dict[str, int] = {}
TOUCH_MIN = 64  # smallest tappable target, in both directions
MEASURE_EM = 30  # running text is set no wider than this many ems: lines of about 30 CJK / 65 Latin characters
RUNNING_TEXT = frozenset({"body", "lead", "strong", "subheading", "caption"})  # roles read as text, not as titles
SPACE_XS, SPACE_S, SPACE_M, SPACE_L, SPACE_XL = 8, 16, 24, 40, 64
RADIUS_S, RADIUS_M, RADIUS_L = 10, 18, 28
_TEXT_SIZED["TOP_BAR_HEIGHT"] = 96
_TEXT_SIZED["CAPTION_LINE_HEIGHT"] = 30  # px: one line of caption text in the tallest face (CJK, 20 px type)
MAP_CARD_TITLE_LINES = 3
MAP_CARD_TEXT_LINES = 5  # a map card's summary or note; the profile shows it whole
TOP_BAR_ONE_ROW_MIN_WIDTH = 1400  # px: narrower (portrait), the language picker gets a row of its own (at either type size: the larger still fits one row on a landscape screen)
_TEXT_SIZED["CARD_WIDTH"] = 380
_TEXT_SIZED["CARD_HEIGHT"] = 340
_TEXT_SIZED["CARD_MAX_HEIGHT"] = 760
CARD_TITLE_LINES = 2
_TEXT_SIZED["ERA_BAND_HEIGHT"] = 72
MARKER_RADIUS = 14
MARKER_HIT_RADIUS = 34  # a finger is wider than the dot
SCROLLBAR_WIDTH = 6
_TEXT_SIZED["FACT_TILE_MIN_WIDTH"] = 260
PROFILE_FACTS_AT_ONCE = 6  # a profile's first figures, made with the page; the rest after its first paint
ICON_S, ICON_M, ICON_L, ICON_XL = 22, 32, 40, 72
DOT_SIZE = 18
ICON_DEFAULT_COLOR = "#1B2430"
HOME_TILES_STRETCH, HOME_SPOTLIGHT_STRETCH = 0, 1  # the tiles take what they need, the spotlight the rest
_TEXT_SIZED["HOME_TILE_HEIGHT"] = 160
HOME_TILE_COLUMNS_PORTRAIT = 2
_TEXT_SIZED["YEAR_TICK_HEIGHT"] = 56
_TEXT_SIZED["DETAIL_WIDTH"] = 1280
DETAIL_IMAGE_WIDTH, DETAIL_IMAGE_HEIGHT = 1100, 620
FLOW_DEFAULT_WIDTH = 800
ADMIN_CORNER = 96  # the square staff hold to ask for the PIN
PIN_PAD_WIDTH = 560
PIN_KEY = 112
ADMIN_PANEL_WIDTH = 1280
ADMIN_LOG_HEIGHT = 320
_TEXT_SIZED["SPOTLIGHT_HEIGHT"] = 260
STILL_THERE_S = 10  # the "still there?" prompt's countdown before an idle reset
_TEXT_SIZED["STILL_THERE_WIDTH"] = 760
STILL_THERE_ABOVE = 3  # stretch above the prompt's card to 1 below: it sits low, within reach
ATTRACT_FILM_WIDTH, ATTRACT_FILM_HEIGHT = 640, 360  # beside the spotlight (above it on a portrait screen)
TAP_SLOP = 18  # px a finger may wander and still count as a tap, not a drag
WHEEL_NOTCH = 120  # Qt's angle delta for one notch of a mouse wheel (eighths of a degree)
# The photo viewer: how far a photo zooms, how far a swipe must go to turn to the next photo
# (a share of the stage's width), and when a finer decode is asked for (zoomed past DETAIL_AT).
VIEWER_ZOOM_MAX = 4.0
VIEWER_DOUBLE_TAP_ZOOM = 2.5
VIEWER_WHEEL_ZOOM = 1.25  # per notch
VIEWER_SWIPE_SHARE = 0.15
VIEWER_DETAIL_AT, VIEWER_DETAIL_SCALE = 1.3, 2
VIEWER_KEPT = 3  # screen-sized photos a viewer keeps while open: a swipe back shows sharp at once
VIEWER_BUTTON = 88  # the viewer's controls: larger than TOUCH_MIN, a visitor's only way out
ICON_ON_DARK = "#FFFFFF"
# Films: the ground around a picture of another shape, the play mark over a paused film, and
# the band behind subtitles (white on 70 % black reads over any picture).
FILM_GROUND = "#000000"
FILM_PLAY_MARK = 120
FILM_MARK_GROUND = "#99000000"
SUBTITLE_GROUND = "#B3000000"

# --- type scale (px): readable from a step away ----------------------------------------------
BASE_TYPE = {
    "display": 64,
    "title": 44,
    "heading": 34,
    "subheading": 28,
    "body": 24,
    "caption": 20,
    "figure": 56,
}
TYPE = dict(BASE_TYPE)  # the sizes views are made with now: BASE_TYPE, or larger (`set_text_scale`)
LARGER_TEXT_MARK = "Aa"  # the button's face: the sign for text size a visitor knows from a phone
LARGE_TEXT_SCALE = 1.4  # the "Aa" button's type scale (body text 34 px instead of 24)


def set_text_scale(scale: float) -> None:
    """Every text made from now on at `scale` times its base size (the window remakes its views)."""
    TYPE.update({role: round(px * scale) for role, px in BASE_TYPE.items()})


def text_scale() -> float:
    return TYPE["body"] / BASE_TYPE["body"]


def __getattr__(name: str) -> int:
    """A size that holds text (`_TEXT_SIZED`), at the type scale now."""
    if name in _TEXT_SIZED:
        return round(_TEXT_SIZED[name] * text_scale())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# --- motion (ms); tests and the idle reset turn these down or off ----------------------------
ANIMATION_MS = 220
WARM_UP_DELAY_MS = 300  # after the first frame, convert every text ahead of the first toggle (< 0: never)

# --- fonts ----------------------------------------------------------------------------------
FONT_FAMILIES = {
    "SC": "Noto Sans CJK SC",
    "TC": "Noto Sans CJK TC",
    "HK": "Noto Sans CJK HK",
    "JP": "Noto Sans CJK JP",
    "KR": "Noto Sans CJK KR",
    "Latin": "Noto Sans",  # English and German in a face drawn for Latin text
}


def font_family(region: str) -> str:
    """The family whose glyph forms match a variant's region (SC, TC, HK ...) or script (Latin)."""
    return FONT_FAMILIES.get(region, FONT_FAMILIES["SC"])


def font_families(region: str) -> list[str]:
    """The family, then the CJK face for what it lacks: a Latin variant still shows a Chinese
    name beside a translated one, or a text not yet translated, in proper glyphs."""
    first = font_family(region)
    return [first] if first.startswith("Noto Sans CJK") else [first, FONT_FAMILIES["SC"]]


# Text roles: (type size, bold). Fonts are set in code, not in the stylesheet: a stylesheet font
# rule pins a widget's family to the application font, so a script toggle would then have to
# re-polish every widget (~130 ms); a role font sets only size and weight and inherits the
# family from the window, which the toggle changes in one call.
ROLES: dict[str, tuple[str, bool]] = {
    "display": ("display", True),
    "title": ("title", True),
    "heading": ("heading", True),
    "subheading": ("subheading", False),
    "lead": ("subheading", False),
    "body": ("body", False),
    "strong": ("body", True),
    "caption": ("caption", False),
    "figure": ("figure", True),
    "target": ("caption", True),
    "approximate": ("caption", False),
    "letter": ("heading", True),
    "button": ("body", False),
    "button-strong": ("body", True),
    "chip": ("caption", False),
    "chart-value": ("heading", True),  # the number at a bar's end
    "chart-goal": ("heading", True),  # ... of a plan's goal
}


def role_font(role: str) -> QFont:
    """Size and weight of a text role, with no family: that comes from the window."""
    size, bold = ROLES[role]
    f = QFont()
    f.setPixelSize(TYPE[size])
    f.setBold(bold)
    return f


def apply_role(widget: QWidget, role: str) -> None:
    """Give a widget a text role: its font now, its colour through the stylesheet."""
    widget.setProperty("role", role)
    widget.setFont(role_font(role))


def font(region: str, size: str = "body", *, bold: bool = False) -> QFont:
    f = QFont(font_families(region))
    f.setPixelSize(TYPE[size])
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


class Palette(colours.Palette):
    """The palette (kiosk.colours) with its roles as Qt colours."""

    def color(self, role: str) -> QColor:
        return QColor(getattr(self, role))



def palette_for(theme: ContentTheme) -> Palette:
    return Palette(accent=theme.accent, ink=theme.ink, paper=theme.paper)


def sector_color(hex_color: str) -> QColor:
    """Sector colours come from content (sectors.yaml); this is the one place that parses them."""
    return QColor(hex_color)


STYLESHEET = """
QWidget#KioskRoot { background: {{paper}}; color: {{ink}}; }
QWidget { color: {{ink}}; }
QLabel { background: transparent; }
QLabel[role="subheading"] { color: {{muted}}; }
QLabel[role="caption"] { color: {{muted}}; }
QLabel[role="figure"] { color: {{accent}}; }
QLabel[role="target"] { color: {{target}}; }
QLabel[role="chart-value"] { color: {{accent}}; }
QLabel[role="chart-goal"] { color: {{target}}; }
QLabel[role="approximate"] { color: {{approximate}}; }
QWidget#TopBar { background: {{surface}}; border-bottom: 1px solid {{line}}; }
QWidget#TopBar[below="true"] { border-bottom: none; border-top: 1px solid {{line}}; }
QFrame[card="true"] { background: {{surface}}; border: 1px solid {{line}}; border-radius: {{radius_m}}px; }
QFrame[card="true"][pressed="true"] { background: {{pressed}}; }
QFrame[card="true"][current="true"] { border: 3px solid {{accent}}; }
QFrame[photo="true"] { background: {{pressed}}; border: none; }
QPushButton {
    min-height: {{touch}}px; min-width: {{touch}}px; padding: 0 {{space_m}}px;
    border-radius: {{radius_s}}px;
    background: {{surface}}; border: 1px solid {{line}};
}
QPushButton:pressed, QPushButton[pressed="true"] { background: {{pressed}}; }
QPushButton:checked { background: {{accent}}; color: {{on_accent}}; border-color: {{accent}}; }
QPushButton:disabled { color: {{line}}; }
QPushButton[chip="true"] { border-radius: {{radius_l}}px; }
QPushButton[accent="true"] { background: {{accent}}; color: {{on_accent}}; border: none; }
QPushButton[flat="true"] { background: transparent; border: none; }
QScrollArea { background: transparent; border: none; }
QScrollArea > QWidget > QWidget { background: transparent; }
QScrollBar:horizontal { height: {{scrollbar}}px; background: transparent; margin: 0; }
QScrollBar:vertical { width: {{scrollbar}}px; background: transparent; margin: 0; }
QScrollBar::handle { background: {{line}}; border-radius: 3px; min-width: 40px; min-height: 40px; }
QScrollBar[still="true"]::handle { background: transparent; }
QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page, QScrollBar::sub-page { width: 0; height: 0; background: none; }
QWidget#Overlay { background: {{scrim}}; }
QSlider[scrub="true"]::groove:horizontal { height: 10px; background: {{line}}; border-radius: 5px; }
QSlider[scrub="true"]::sub-page:horizontal { background: {{accent}}; border-radius: 5px; }
QSlider[scrub="true"]::handle:horizontal { width: 48px; margin: -19px 0; border-radius: 24px; background: {{accent}}; }
QWidget#Viewer { background: {{viewer}}; }
QWidget#Viewer QLabel { color: {{on_viewer}}; }
QPushButton[viewer="true"] { background: transparent; color: {{on_viewer}}; border: 2px solid {{on_viewer}}; }
QPushButton[viewer="true"]:pressed { background: {{muted}}; }
QPushButton[viewer="true"]:disabled { border-color: {{muted}}; }
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


# --- companies tokens ---
_TEXT_SIZED["COMPANY_CARD_MIN_WIDTH"] = 380  # below this a card's name wraps every two or three characters
_TEXT_SIZED["COMPANY_CARD_HEIGHT"] = 280  # sector line, a two-line name, a one-line summary and the origin line
SECTOR_NOTE_LINES = 3  # what a chosen sector stands for, above the directory's cards
_TEXT_SIZED["SECTION_HEADER_HEIGHT"] = 64  # an A-Z letter with its rule, above each group of cards
RULE_WIDTH = 2  # hairline under section letters and between profile parts
PROFILE_TEXT_STRETCH, PROFILE_SIDE_STRETCH = 3, 2  # landscape profile: text column : facts column
PROFILE_GALLERY_WIDTH, PROFILE_GALLERY_HEIGHT = 920, 520  # fits the text column in both orientations
_TEXT_SIZED["EVENT_ROW_HEIGHT"] = 96  # a related-event row: date line and a title line, comfortably over TOUCH_MIN
PROFILE_DISPLAY_NAME_CHARS = 12  # longer names drop to the title size, not wrap to an orphan character

# Roles the company views add. Appended to the shared template (not a second stylesheet) so the
# roles render with the same palette and every view keeps a single stylesheet to reason about.
COMPANIES_STYLESHEET = """
QLabel[role="letter"] { color: {{accent}}; }
QFrame[rule="true"] { background: {{line}}; border: none; }
QWidget#IndexStrip QPushButton {
    background: transparent; border: none; border-radius: {{radius_s}}px; padding: 0;
    color: {{muted}};
}
QWidget#IndexStrip QPushButton:pressed { background: {{pressed}}; }
QWidget#IndexStrip QPushButton:checked { background: {{accent}}; color: {{on_accent}}; }
QFrame[card="true"][target="true"] { border: 2px dashed {{target}}; }
QFrame[card="true"][target="true"] QLabel[role="figure"] { color: {{target}}; }
"""
STYLESHEET += COMPANIES_STYLESHEET


# --- map tokens ---
# --- the figures screen ----------------------------------------------------------------------
_TEXT_SIZED["FIGURE_TILE_WIDTH"] = 400  # a figure tile's least width: two lines hold a German label
CHART_BAR_HEIGHT = 36
CHART_BAR_RADIUS = 9
CHART_TARGET_PEN = 3  # a plan goal's bar is an outline this thick, never a filled result
CHART_GROW_SHARE = 3  # bars grow in over this many of ANIMATION_MS on entering (0 under test)
CHART_ESTIMATE_HATCH = "#66FFFFFF"  # stripes over an estimate's bar: not yet a statistic
CHART_MAX_WIDTH = 1400  # bars wider than this are hard to compare across a landscape screen

_TEXT_SIZED["MAP_PANEL_WIDTH"] = 460  # landscape side panel: the longest layer title wraps to two lines at most
_TEXT_SIZED["MAP_CARD_WIDTH"] = 560  # landscape card; in portrait the card spans the map's width
MAP_FIT_PADDING = SPACE_L  # room between the outlines and the map's edge when fitted
MAP_MAX_ZOOM = 12.0  # times the fitted scale: enough to pull the city-centre companies apart
MAP_FOCUS_ZOOM = 2.0  # least zoom when the map centres on one company
MAP_ZOOM_STEP = 2.0  # one double tap or one press of a zoom button
MAP_PAN_SLACK = 1.0  # zoomed in, an edge may be pulled this share of half the view inwards
MAP_SCENE_SPAN = 1000.0  # scene units across a layer's longer side (the projection's scale)
MAP_OUTLINE_WIDTH = 1.0  # region borders, screen px at any zoom; 1 px takes Qt's fast path (5x quicker than 1.5)
MAP_HIGHLIGHT_WIDTH = 3.0  # emphasised regions and zone borders
MAP_ZONE_FILL_ALPHA = 72  # of 255: a zone tints the land under it without hiding the outlines
MAP_LABEL_HALO = 5  # paper-coloured stroke behind label glyphs, so they read over outlines
MARKER_RING = 3  # surface-coloured ring that lifts a dot off any fill
MARKER_SELECTED_RING = 6  # accent ring around the marker whose card is open
MAP_PLACE_RADIUS = 16  # half the diagonal of a place's diamond
MAP_CLUSTER_RADIUS = 26  # a bubble standing for several overlapping companies
MAP_CLUSTER_DISTANCE = 2 * MARKER_RADIUS + SPACE_XS  # closer than this on screen, dots merge
MAP_CLUSTER_SCALE_STEP = 1.03  # clusters are worked out for zoom steps this far apart, and kept
MAP_MARKER_LABEL_ZOOM = 2.5  # company names appear beside their dots from this zoom on
MAP_LABEL_GAP = SPACE_XS  # between a dot and its name
_TEXT_SIZED["MAP_LABEL_MAX_WIDTH"] = 300  # px: a longer name wraps (about 15 ems of caption type)
MAP_NAME_REACH = 480  # px; a dot's name is made (in the script shown) once its dot is this near the screen
MAP_LABEL_GRID_CELL = 160  # px; label collisions are checked against neighbours in cells this size
MAP_SHADOW_BLUR, MAP_SHADOW_OFFSET, MAP_SHADOW_ALPHA = 36, 6, 60  # floating card and controls
MAP_POLYLABEL_GRID = 24  # samples a side when a region's centroid falls outside the region
MAP_PANEL_PORTRAIT_SHARE = 1 / 3  # portrait: the panel above the map grows to this much of the height, then scrolls
MAP_GLIDE_MS = 700  # a flicked map coasts this long to a stop
IDLE_SLICE_MS = 8  # work done ahead of need runs in slices this long, so a tap never waits behind it
AFTER_FRAME_MS = 20  # work deferred past a tap's first paint starts this long after it (a 60 Hz frame and a bit)
AFTER_NO_PAINT_MS = 150  # ... or this long after it was asked for, if no paint comes
MAP_SETTLE_MS = 120  # a moving map is drawn plain (no antialiasing) until still this long
MAP_GLIDE_SAMPLE_MS = 80  # the finger's speed is measured over its last moments
MAP_GLIDE_MIN_SPEED = 0.4  # px per ms; slower releases just stop

MAP_STYLESHEET = """
QFrame#MapPanel { background: {{surface}}; border: none; border-right: 1px solid {{line}}; }
QFrame#MapPanel[portrait="true"] { border-right: none; border-bottom: 1px solid {{line}}; }
QFrame#MapFloat { background: {{surface}}; border: 1px solid {{line}}; border-radius: {{radius_l}}px; }
QFrame#MapFloat QPushButton { border: none; background: transparent; border-radius: {{radius_l}}px; }
QFrame#MapFloat QPushButton:pressed { background: {{pressed}}; }
QFrame#MapFloat QPushButton:checked { background: {{accent}}; color: {{on_accent}}; }
QPushButton[legend="true"] { text-align: left; padding: 0 {{space_m}}px; }
QPushButton[legend="true"]:checked { background: {{ink}}; color: {{on_accent}}; border-color: {{ink}}; }
QLabel#MapCredit { background: {{surface}}; border-radius: {{radius_s}}px; }
"""
# No widget sets a style sheet of its own: one that does stops following the window's font, and
# its text would keep the first script's face after a language switch (tests/test_languages.py).
STYLESHEET += MAP_STYLESHEET
