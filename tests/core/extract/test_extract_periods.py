"""Period normaliser: dates and periods resolved against the article's date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbot.core.extract.periods import find_periods, parse_period

ON = date(2025, 7, 15)


@pytest.mark.parametrize(
    ("text", "lang", "period"),
    [
        ("2024年8月末時点で", "ja", "2024-08"),
        ("2023年の売上高", "ja", "2023"),
        ("FY2024 revenue", "en", "2024"),
        ("in fiscal 2024", "en", "2024"),
        ("2024年度の", "ja", "2024"),
        ("in August 2024", "en", "2024-08"),
        ("revenue last year", "en", "2024"),
        ("昨年の売上", "ja", "2024"),
        ("去年", "ja", "2024"),
        ("this year", "en", "2025"),
        ("今年", "ja", "2025"),
        ("先月", "ja", "2025-06"),
        ("last month", "en", "2025-06"),
        ("Q3 2024", "en", "2024-Q3"),
        ("the third quarter of 2024", "en", "2024-Q3"),
        ("the first half of 2024", "en", "2024-H1"),
        ("上半期", "ja", "2025-H1"),
        ("2024年上半期", "ja", "2024-H1"),
        ("at the start of 2025", "en", "2025-01"),
        ("in June", "en", "2025-06"),
        ("in August", "en", "2024-08"),
        ("令和6年", "ja", "2024"),
        ("2024年7～9月期", "ja", "2024-Q3"),
        ("昨年8月", "ja", "2024-08"),
    ],
)
def test_periods(text: str, lang: str, period: str) -> None:
    assert parse_period(text, lang=lang, on=ON) == period


def test_weekday_is_not_a_period() -> None:
    assert parse_period("the company said on Tuesday", lang="en", on=ON) is None


def test_relative_periods_need_a_date() -> None:
    assert parse_period("last year", lang="en", on=None) is None
    assert parse_period("in 2023", lang="en", on=None) == "2023"


def test_several_periods_in_order() -> None:
    text = "grew from about $1 billion at the start of 2025 to more than $5 billion in August"
    assert [p.period for p in find_periods(text, lang="en", on=date(2025, 9, 3))] == [
        "2025-01",
        "2025-08",
    ]


@given(st.text(), st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1))))
def test_never_raises(text: str, on: date | None) -> None:
    for lang in ("en", "ja"):
        for p in find_periods(text, lang=lang, on=on):
            assert 0 <= p.start < p.end <= len(text)
            assert p.period[:4].isdigit()


@given(st.integers(min_value=1990, max_value=2099), st.integers(min_value=1, max_value=12))
def test_month_round_trip(year: int, month: int) -> None:
    assert parse_period(f"{year}年{month}月", lang="ja") == f"{year}-{month:02d}"
    name = date(year, month, 1).strftime("%B")
    assert parse_period(f"in {name} {year}", lang="en") == f"{year}-{month:02d}"
