"""Widgets shared by the screens. A screen imports what it needs from here, never from another
screen."""

from kiosk.ui.widgets.basics import (
    Chip,
    TapFrame,
    TouchButton,
    color_dot,
    hide_unless,
    icon,
    label,
    repolish,
    show_if,
)
from kiosk.ui.widgets.elided import ElidedLabel, elide_lines
from kiosk.ui.widgets.facts import FactTile, figure_line, figure_when, kind_mark
from kiosk.ui.widgets.film import FilmPlayer, film_playing, stop_films
from kiosk.ui.widgets.fitting import FitLabel
from kiosk.ui.widgets.flow import ChipFlow, FlowLayout
from kiosk.ui.widgets.images import MediaImage
from kiosk.ui.widgets.marks import KindMark, rule
from kiosk.ui.widgets.scrolling import drop_farthest, flickable, make_kinetic
from kiosk.ui.widgets.viewer import PhotoSet, PhotoViewer, close_viewers

__all__ = [
    "Chip", "ChipFlow", "ElidedLabel", "FactTile", "FilmPlayer", "FitLabel", "FlowLayout", "KindMark", "MediaImage", "PhotoSet", "PhotoViewer", "TapFrame",
    "TouchButton", "close_viewers", "color_dot", "film_playing", "hide_unless", "stop_films", "drop_farthest", "elide_lines", "figure_line", "figure_when", "kind_mark", "icon", "label", "flickable", "make_kinetic", "repolish", "rule", "show_if",
]
