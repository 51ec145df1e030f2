"""The map's label placement helpers, checked against the plain way of doing the same."""

from __future__ import annotations

import random

from PySide6.QtCore import QRectF

from kiosk.ui.map.scene import RectGrid


def test_the_rect_grid_finds_exactly_the_overlaps_a_full_scan_finds() -> None:
    rng = random.Random(7)

    def rect() -> QRectF:
        return QRectF(rng.uniform(-300, 2200), rng.uniform(-300, 1300), rng.uniform(1, 400), rng.uniform(1, 120))

    placed = [rect() for _ in range(300)]
    grid = RectGrid(160)
    for r in placed:
        grid.add(r)
    for _ in range(2000):
        probe = rect()
        assert grid.hits(probe) == any(probe.intersects(r) for r in placed)
