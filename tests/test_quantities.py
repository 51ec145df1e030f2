"""Numbers and dates as data: qualifiers placed where the sources put them, dates as precise as known."""

from __future__ import annotations

from typing import get_args

import pytest

from kiosk.content.model import PartialDate, Qualifier
from kiosk.formatting import QUALIFIERS, format_date, format_quantity, format_span


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "number", "shown_unit"),
    [
        (40, "家", "近", "近40", "家"),
        (100, "亿元", "突破", "突破100", "亿元"),
        (80, "%", "超", "超80", "%"),
        (30, "家", "余", "30余", "家"),
        (300, "多家", "多", "300多", "多家"),
        (38, "%", "以上", "38", "%以上"),
        (120, "户", "不少于", "不少于120", "户"),
        (35, "个工作日", "不超过", "不超过35", "个工作日"),
        (6.2, "平方公里", "约", "约6.2", "平方公里"),
        (1220, "亿元", None, "1220", "亿元"),
    ],
)
def test_each_qualifier_sits_where_the_sources_write_it(value, unit, qualifier, number, shown_unit) -> None:  # noqa: ANN001
    shown = format_quantity(value, unit, qualifier)
    assert (shown.number, shown.unit) == (number, shown_unit)
    assert str(shown) == number + shown_unit


def test_the_qualifier_is_rendered_in_the_variant() -> None:
    assert str(format_quantity(30, "家", "余", word={"余": "餘"}.get)) == "30餘家"


def test_every_qualifier_the_model_accepts_has_a_place() -> None:
    assert set(get_args(Qualifier)) == QUALIFIERS
    with pytest.raises(ValueError, match="unknown qualifier"):
        format_quantity(1, "家", "大约")


def test_a_date_known_only_to_the_year_says_so() -> None:
    assert format_date(PartialDate.parse("2015")) == "2015年内"
    assert format_date(PartialDate.parse("2015-12")) == "2015年12月"
    assert format_date(PartialDate.parse("2024-03-27")) == "2024年3月27日"
    assert format_span(PartialDate.parse("2021"), PartialDate.parse("2025")) == "2021年 — 2025年"
