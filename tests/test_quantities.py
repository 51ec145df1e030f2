"""Numbers and dates as data: qualifiers placed where the sources put them, dates as precise as known."""

from __future__ import annotations

from typing import get_args

import pytest

from kiosk.content.model import PartialDate, Qualifier
from kiosk.content.units import split_unit
from kiosk.formatting import QUALIFIERS, Wording, format_date, format_quantity, format_span


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
    traditional = Wording(word=lambda text: text.replace("余", "餘").replace("万", "萬").replace("辆", "輛"))
    assert str(format_quantity(30, "家", "余", traditional)) == "30餘家"
    assert str(format_quantity(26, "万辆", None, traditional)) == "26萬輛"


def test_every_qualifier_the_model_accepts_has_a_place() -> None:
    assert set(get_args(Qualifier)) == QUALIFIERS
    with pytest.raises(ValueError, match="unknown qualifier"):
        format_quantity(1, "家", "大约")


def test_a_date_known_only_to_the_year_says_so() -> None:
    assert format_date(PartialDate.parse("2015")) == "2015年内"
    assert format_date(PartialDate.parse("2015-12")) == "2015年12月"
    assert format_date(PartialDate.parse("2024-03-27")) == "2024年3月27日"
    assert format_span(PartialDate.parse("2021"), PartialDate.parse("2025")) == "2021年 — 2025年"


# The written languages, as an exhibition's glossaries and the interface words give them.
ENGLISH = Wording(
    locale="en_GB",
    units={"元": "yuan", "辆": {"one": "vehicle", "other": "vehicles"}, "家": "", "美元": "US dollars",
           "年": {"one": "year", "other": "years"}, "倍": "{n} times", "平方米": "m²", "户": "households"},
    qualifiers={"近": "nearly", "超": "over", "突破": "over", "余": "more than", "多": "more than",
                "以上": "or more", "约": "about", "不少于": "at least", "不超过": "no more than", "超过": "over"},
    year_only="During {year}",
)
GERMAN = Wording(
    locale="de",
    units={"元": "Yuan", "辆": "Fahrzeuge", "家": "", "美元": "US-Dollar", "年": {"one": "Jahr", "other": "Jahre"},
           "倍": "{n}-mal", "平方米": "m²", "户": "Haushalte"},
    qualifiers={"近": "fast", "超": "über", "突破": "über", "余": "mehr als", "多": "mehr als", "以上": "oder mehr",
                "约": "etwa", "不少于": "mindestens", "不超过": "höchstens", "超过": "über"},
    year_only="Im Jahr {year}",
    compact="short",
)


def test_magnitudes_come_off_the_unit() -> None:
    assert split_unit("万辆") == (10_000, "辆")
    assert split_unit("亿元") == (100_000_000, "元")
    assert split_unit("万亿元") == (10**12, "元")
    assert split_unit("平方公里") == (1, "平方公里")
    assert split_unit("万") == (10_000, "")


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "english", "german"),
    [
        (1220, "亿元", None, "122 billion yuan", "122\u00a0Mrd. Yuan"),
        (26, "万辆", None, "260,000 vehicles", "260.000 Fahrzeuge"),
        (1, "万辆", None, "10,000 vehicles", "10.000 Fahrzeuge"),
        (40, "家", "近", "nearly 40", "fast 40"),
        (30, "家", "余", "more than 30", "mehr als 30"),
        (48.8, "%", None, "48.8%", "48,8\u00a0%"),
        (38, "%", "以上", "38% or more", "38\u00a0% oder mehr"),
        (100, "亿元", "突破", "over 10 billion yuan", "über 10\u00a0Mrd. Yuan"),
        (1326.4, "亿元", None, "132.64 billion yuan", "132,64\u00a0Mrd. Yuan"),
        (3.5, "亿美元", None, "350 million US dollars", "350\u00a0Mio. US-Dollar"),
        (2.5, "倍", None, "2.5 times", "2,5-mal"),
        (1, "年", None, "1 year", "1 Jahr"),
        (5, "年", None, "5 years", "5 Jahre"),
        (120, "户", "不少于", "at least 120 households", "mindestens 120 Haushalte"),
        (2, "万平方米", None, "20,000 m²", "20.000 m²"),
    ],
)
def test_a_number_is_converted_by_code_in_each_language(value, unit, qualifier, english, german) -> None:  # noqa: ANN001
    assert str(format_quantity(value, unit, qualifier, ENGLISH)) == english
    assert str(format_quantity(value, unit, qualifier, GERMAN)) == german


def test_a_tile_shows_the_number_large_and_the_unit_small_in_every_language() -> None:
    shown = format_quantity(26, "万辆", "近", ENGLISH)
    assert (shown.number, shown.unit) == ("nearly 260,000", "vehicles")
    assert format_quantity(40, "家", "近", GERMAN).unit == ""


@pytest.mark.parametrize(
    ("date", "end", "english", "german"),
    [
        ("2018-09", None, "September 2018", "September 2018"),
        ("2024-03-27", None, "27 March 2024", "27. März 2024"),
        ("2015", None, "During 2015", "Im Jahr 2015"),
        ("2022-01", "2022-08", "January\u2009–\u2009August 2022", "Januar–August 2022"),
        ("2021", "2025", "2021–2025", "2021–2025"),
        ("2024-03-27", "2024-03-29", "27\u2009–\u200929 Mar 2024", "27.–29. März 2024"),
        ("2015-12", "2016", "December 2015 – 2016", "Dezember 2015 – 2016"),
    ],
)
def test_dates_and_ranges_read_as_each_language_writes_them(date, end, english, german) -> None:  # noqa: ANN001
    start, last = PartialDate.parse(date), PartialDate.parse(end) if end else None
    assert format_span(start, last, ENGLISH) == english
    assert format_span(start, last, GERMAN) == german
