"""A unit as the Chinese content writes it: a magnitude (万, 亿, 万亿) and a base unit (辆, 元).

26万辆 is 260,000 vehicles: the formatter multiplies by the magnitude, and a written language's
glossary names the base unit once (辆: vehicles), so no translator retypes a number.
"""

from __future__ import annotations

from decimal import Decimal

MAGNITUDES = (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4))


def split_unit(unit: str) -> tuple[Decimal, str]:
    """(magnitude, base unit): 万辆 -> (10000, 辆), 亿元 -> (10^8, 元), 平方公里 -> (1, 平方公里)."""
    for prefix, magnitude in MAGNITUDES:
        if unit.startswith(prefix):
            return magnitude, unit[len(prefix):]
    return Decimal(1), unit
