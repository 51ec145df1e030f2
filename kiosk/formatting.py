"""How dates and numbers read on screen (no Qt, shared by every view and the tests)."""

from __future__ import annotations

from kiosk.content.model import PartialDate


def format_date(date: PartialDate) -> str:
    """2015年 / 2015年12月 / 2024年3月27日: only as precise as the source allows."""
    text = f"{date.year}年"
    if date.month:
        text += f"{date.month}月"
        if date.day:
            text += f"{date.day}日"
    return text


def format_span(start: PartialDate, end: PartialDate | None) -> str:
    if end is None or end == start:
        return format_date(start)
    if end.year == start.year and start.month and end.month and not start.day:
        return f"{start.year}年{start.month}—{end.month}月"
    return f"{format_date(start)} — {format_date(end)}"


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
