"""Where a visitor's hand can reach on a screen stood in a hall, in millimetres above the floor.

A control a visitor needs must lie between 380 and 1220 mm above the floor: the forward reach a
wheelchair user and a child share (ADA Standards 308.2.1: 15 to 48 in; EN 301 549 clause 8.3.2
and the Smithsonian Guidelines for Accessible Exhibition Design give the same band). Where that
band falls on the screen depends on how the screen is mounted: the height of its lower edge above
the floor and the height of its picture, which the machine's settings give
(`screen_lower_edge_mm`, `screen_height_mm`), or else a sensible default for the orientation:
a 55-inch screen stood upright on a floor stand, or a 43-inch screen on its long side at a
table-top kiosk's height. No Qt here: the self-test (kiosk.ui.reach) asks, per render.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LOWEST_MM, HIGHEST_MM = 380, 1220
# A touch screen is read from where it is touched: arm's length. The installer's guide states it,
# and body text is sized so its capital H subtends at least MIN_CAP_DEGREES there.
VIEWING_DISTANCE_MM = 600
MIN_CAP_DEGREES = 0.7


@dataclass(frozen=True)
class Mounting:
    lower_edge_mm: int  # the picture's lower edge above the floor
    height_mm: int  # the picture's height

    @property
    def upper_edge_mm(self) -> int:
        return self.lower_edge_mm + self.height_mm

    def above_floor(self, y_px: float, screen_px: int) -> float:
        """Height above the floor, in mm, of a point `y_px` down a screen `screen_px` tall."""
        return self.upper_edge_mm - y_px / screen_px * self.height_mm

    def reach_px(self, screen_px: int) -> tuple[float, float]:
        """The band of the screen within reach, as (top, bottom) in px from its top edge (an
        empty band, top > bottom, where none of the screen is)."""
        def y(mm: float) -> float:
            return (self.upper_edge_mm - mm) / self.height_mm * screen_px
        return max(0.0, y(HIGHEST_MM)), min(float(screen_px), y(LOWEST_MM))

    def within_reach(self, top_px: float, bottom_px: float, screen_px: int) -> bool:
        """The whole of a control from `top_px` to `bottom_px` lies within reach."""
        return (self.above_floor(top_px, screen_px) <= HIGHEST_MM
                and self.above_floor(bottom_px, screen_px) >= LOWEST_MM)


def subtends(height_px: float, mounting: Mounting, screen_px: int, distance_mm: float = VIEWING_DISTANCE_MM) -> float:
    """The angle, in degrees, that `height_px` of the screen subtends at `distance_mm`."""
    height_mm = height_px / screen_px * mounting.height_mm
    return math.degrees(2 * math.atan(height_mm / 2 / distance_mm))


# A 55-inch 16:9 screen stood upright: 1218 mm of picture from 500 mm up (top edge at 1718 mm).
PORTRAIT = Mounting(lower_edge_mm=500, height_mm=1218)
# A 43-inch 16:9 screen on its long side: 535 mm of picture from 680 mm up (top edge at 1215 mm).
LANDSCAPE = Mounting(lower_edge_mm=680, height_mm=535)


def mounting(*, portrait: bool, lower_edge_mm: int | None = None, height_mm: int | None = None) -> Mounting:
    """The machine's mounting where its settings give it, else the default for the orientation."""
    default = PORTRAIT if portrait else LANDSCAPE
    return Mounting(lower_edge_mm if lower_edge_mm is not None else default.lower_edge_mm,
                    height_mm if height_mm is not None else default.height_mm)
