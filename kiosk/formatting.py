"""How dates and numbers read on screen (no Qt, shared by every view and the tests)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from kiosk.content.model import PartialDate

# Where the sources put each qualifier: 近40家 and 超80% before the number, 30余家 and 300多家
# between the number and its unit, 38%以上 after the unit.
_BEFORE_NUMBER = frozenset({"超", "超过", "突破", "近", "约", "不少于", "不超过"})
_AFTER_NUMBER = frozenset({"余", "多"})
_AFTER_UNIT = frozenset({"以上"})
QUALIFIERS = _BEFORE_NUMBER | _AFTER_NUMBER | _AFTER_UNIT

# How an undated event is placed: a date known only to the year sorts after that year's dated
# events (PartialDate.sort_key) and says so.
WITHIN_YEAR = "内"


def format_date(date: PartialDate, *, mark_year_only: bool = True) -> str:
    """2015年内 / 2015年12月 / 2024年3月27日: only as precise as the source allows; a date known
    only to the year is marked 年内, since it sits after the dated events of that year."""
    text = f"{date.year}年"
    if date.month:
        text += f"{date.month}月"
        if date.day:
            text += f"{date.day}日"
    elif mark_year_only:
        text += WITHIN_YEAR
    return text


def format_span(start: PartialDate, end: PartialDate | None) -> str:
    if end is None or end == start:
        return format_date(start)
    if end.year == start.year and start.month and end.month and not start.day:
        return f"{start.year}年{start.month}—{end.month}月"
    return f"{format_date(start, mark_year_only=False)} — {format_date(end, mark_year_only=False)}"


def format_value(value: float | int | str) -> str:
    """Numbers as a visitor reads them: no trailing .0, thousands separated."""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        # Chinese figures read 1220亿元, not 1,220; separate only the really long ones.
        return f"{value:,}" if abs(value) >= 100_000 else str(value)
    return f"{value:,.2f}".rstrip("0").rstrip(".")


class Quantity(Protocol):
    """A figure or a key fact: a number with its unit and the source's qualifier."""

    @property
    def value(self) -> float | int | str: ...
    @property
    def qualifier(self) -> str | None: ...


@dataclass(frozen=True)
class QuantityText:
    """A quantity split as a tile shows it: the number large (with a qualifier that hugs it),
    the unit small (with one that follows the unit)."""

    number: str
    unit: str

    def __str__(self) -> str:
        return f"{self.number}{self.unit}"


def format_quantity(value: float | int | str, unit: str, qualifier: str | None,
                    word: Callable[[str], str] = str) -> QuantityText:
    """近40 + 家, 30余 + 家, 38 + %以上, 突破100 + 亿元: the qualifier is never dropped.
    `word` renders the qualifier in the variant shown (余 -> 餘)."""
    number = format_value(value)
    if qualifier in _BEFORE_NUMBER:
        number = f"{word(qualifier)}{number}"
    elif qualifier in _AFTER_NUMBER:
        number = f"{number}{word(qualifier)}"
    elif qualifier in _AFTER_UNIT:
        unit = f"{unit}{word(qualifier)}"
    elif qualifier is not None:
        raise ValueError(f"unknown qualifier {qualifier!r}")
    return QuantityText(number, unit)
