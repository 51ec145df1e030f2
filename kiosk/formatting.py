"""How dates and numbers read on screen, in each variant (no Qt; shared by every view and the tests).

Chinese variants keep the sources' own forms (1220亿元, 近40家, 2015年内); the written variants
(English, German ...) are formatted from CLDR through Babel: 122 billion yuan / 122 Mrd. Yuan,
260,000 vehicles / 260.000 Fahrzeuge, 48.8% / 48,8 %, September 2018, 27. März 2024. A number is
converted by code from the content's value and unit, never retyped by a translator.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Literal, Protocol

from babel import Locale
from babel.dates import format_interval, format_skeleton
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from kiosk.content.model import PartialDate
from kiosk.content.units import split_unit

# Where the sources put each qualifier: 近40家 and 超80% before the number, 30余家 and 300多家
# between the number and its unit, 38%以上 after the unit.
_BEFORE_NUMBER = frozenset({"超", "超过", "突破", "近", "约", "不少于", "不超过"})
_AFTER_NUMBER = frozenset({"余", "多"})
_AFTER_UNIT = frozenset({"以上"})
QUALIFIERS = _BEFORE_NUMBER | _AFTER_NUMBER | _AFTER_UNIT

# How an undated event is placed: a date known only to the year sorts after that year's dated
# events (PartialDate.sort_key) and says so.
WITHIN_YEAR = "内"

PERCENT = "%"
# From a million up, a written language says "122 billion" rather than 122,000,000,000.
COMPACT_FROM = Decimal(10) ** 6

UnitWord = str | Mapping[str, str]


@dataclass(frozen=True)
class Wording:
    """How one variant writes numbers and dates.

    `locale` is None for the Chinese variants, which keep the sources' forms and render their
    few words through `word` (余 -> 餘). A written variant gives its CLDR locale, its units
    (translations/<id>/glossary.yaml), its words for the sources' qualifiers, and how a date
    known only to the year reads ("During {year}").
    """

    locale: str | None = None
    word: Callable[[str], str] = str
    units: Mapping[str, UnitWord] = field(default_factory=dict)
    qualifiers: Mapping[str, str] = field(default_factory=dict)
    year_only: str = "{year}"
    compact: Literal["long", "short"] = "long"

    @property
    def chinese(self) -> bool:
        return self.locale is None


CHINESE = Wording()


def _day(date: PartialDate) -> datetime.date:
    return datetime.date(date.year, date.month or 1, date.day or 1)


def _skeleton(date: PartialDate) -> str:
    return "yMMMMd" if date.day else "yMMMM"


def format_date(date: PartialDate, wording: Wording = CHINESE, *, mark_year_only: bool = True) -> str:
    """2015年内 / 2015年12月 / 2024年3月27日; During 2015 / December 2015 / 27 March 2024: only as
    precise as the source allows; a date known only to the year is marked, since it sits after the
    dated events of that year."""
    if wording.chinese:
        text = f"{date.year}年"
        if date.month:
            text += f"{date.month}月"
            if date.day:
                text += f"{date.day}日"
        elif mark_year_only:
            text += WITHIN_YEAR
        return text
    if date.month is None:
        return wording.year_only.format(year=date.year) if mark_year_only else str(date.year)
    return _cldr_date(date, wording.locale)


@lru_cache(maxsize=4096)
def _cldr_date(date: PartialDate, locale: str | None) -> str:
    return format_skeleton(_skeleton(date), _day(date), locale=locale)


def format_span(start: PartialDate, end: PartialDate | None, wording: Wording = CHINESE) -> str:
    """A date or a range: 2022年1—8月 / January–August 2022 / Januar–August 2022 (CLDR intervals)."""
    if end is None or end == start:
        return format_date(start, wording)
    if wording.chinese:
        if end.year == start.year and start.month and end.month and not start.day:
            return f"{start.year}年{start.month}—{end.month}月"
        return f"{format_date(start, mark_year_only=False)} — {format_date(end, mark_year_only=False)}"
    if (start.month is None) == (end.month is None) and (start.day is None) == (end.day is None):
        if start.month is None:
            return f"{start.year}–{end.year}"
        return format_interval(_day(start), _day(end), _skeleton(start), locale=wording.locale)
    return f"{format_date(start, wording, mark_year_only=False)} – {format_date(end, wording, mark_year_only=False)}"


def format_value(value: float | int | str) -> str:
    """Numbers as a Chinese visitor reads them: no trailing .0, only really long ones separated."""
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
    separator: str = ""

    def __str__(self) -> str:
        return f"{self.number}{self.separator}{self.unit}" if self.unit else self.number


def format_quantity(value: float | int | str, unit: str | None, qualifier: str | None,
                    wording: Wording = CHINESE) -> QuantityText:
    """近40 + 家, 30余 + 家, 38 + %以上, 突破100 + 亿元; nearly 40, more than 30, 38% or more,
    over 10 billion + yuan: the qualifier is never dropped. `unit` is the content's (Chinese) unit."""
    if qualifier is not None and qualifier not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}")
    unit = unit or ""
    if wording.chinese or isinstance(value, str):
        return _chinese_quantity(value, wording.word(unit) if unit else "", qualifier, wording.word)
    return _written_quantity(value, unit, qualifier, wording)


def _chinese_quantity(value: float | int | str, unit: str, qualifier: str | None,
                      word: Callable[[str], str]) -> QuantityText:
    number = format_value(value)
    if qualifier in _BEFORE_NUMBER:
        number = f"{word(qualifier)}{number}"
    elif qualifier in _AFTER_NUMBER:
        number = f"{number}{word(qualifier)}"
    elif qualifier in _AFTER_UNIT:
        unit = f"{unit}{word(qualifier)}"
    return QuantityText(number, unit)


def _written_quantity(value: float | int, unit: str, qualifier: str | None, wording: Wording) -> QuantityText:
    magnitude, base = split_unit(unit)
    amount = Decimal(str(value)) * magnitude
    locale = wording.locale
    if base == PERCENT and magnitude == 1:
        number = format_percent(amount / 100, locale=locale, decimal_quantization=False)
        unit_text = ""
    else:
        if amount >= COMPACT_FROM and magnitude > 1:
            number = format_compact_decimal(amount, format_type=wording.compact, locale=locale, fraction_digits=6)
        else:
            number = format_decimal(amount, locale=locale, decimal_quantization=False)
        unit_text = _unit_word(wording.units.get(base, base), amount, locale)
        if "{n}" in unit_text:  # the number sits inside the unit's words: 3-mal
            number, unit_text = unit_text.replace("{n}", number), ""
    if qualifier is not None:
        said = wording.qualifiers.get(qualifier, qualifier)
        if qualifier not in _AFTER_UNIT:
            number = f"{said} {number}"
        elif unit_text:  # 120 households or more
            unit_text = f"{unit_text} {said}"
        else:  # 38% or more
            number = f"{number} {said}"
    return QuantityText(number, unit_text, " " if unit_text else "")


@lru_cache(maxsize=16)
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def read_locale(name: str) -> None:
    """Read the locale's CLDR data now. Babel reads a locale's data on its first use (tens of ms,
    and over 200 ms measured on a busy PC), so a first switch to English could wait for it."""
    _locale(name).plural_form(1)


def plural_form(n: float | Decimal, locale: str | None) -> str:
    """CLDR's plural category of `n` (one, other ...); Chinese has only 'other'."""
    return _locale(locale).plural_form(n) if locale else "other"


def _unit_word(word: UnitWord, amount: Decimal, locale: str | None) -> str:
    if isinstance(word, str):
        return word
    form = plural_form(amount, locale)
    return word.get(form) or word.get("other") or next(iter(word.values()), "")


MS_PER_S, S_PER_MIN, MIN_PER_H = 1000, 60, 60


def clock(ms: int) -> str:
    """A film's elapsed or total time as a player shows it: 0:07, 1:05, 1:02:05 (the same in
    every language the kiosk speaks)."""
    minutes, seconds = divmod(max(0, ms) // MS_PER_S, S_PER_MIN)
    hours, minutes = divmod(minutes, MIN_PER_H)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
