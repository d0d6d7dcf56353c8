"""Dates: machine values (parse_date) and bylines in English and Japanese (find_date)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbot.core.dates import date_spans, find_date, find_dates, parse_date

JST = timezone(timedelta(hours=9))
EDT = timezone(timedelta(hours=-4))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-04-24T11:40:00-04:00", datetime(2024, 4, 24, 11, 40, tzinfo=EDT)),
        ("2025-10-01T06:00:00+09:00", datetime(2025, 10, 1, 6, tzinfo=JST)),
        ("2024-03-05T08:15:00Z", datetime(2024, 3, 5, 8, 15, tzinfo=UTC)),
        ("2024-03-05T08:15:00.123+0900", datetime(2024, 3, 5, 8, 15, 0, 123000, tzinfo=JST)),
        ("2024-03-05 08:15:00", datetime(2024, 3, 5, 8, 15)),
        ("2024-03-05", datetime(2024, 3, 5)),
        ("20240305", datetime(2024, 3, 5)),
        ("  2024-03-05  ", datetime(2024, 3, 5)),
        ("Wed, 24 Apr 2024 11:40:00 -0400", datetime(2024, 4, 24, 11, 40, tzinfo=EDT)),
        ("Tue, 05 Mar 2024 08:15:00 GMT", datetime(2024, 3, 5, 8, 15, tzinfo=UTC)),
        ("March 5, 2024", datetime(2024, 3, 5)),
        ("2024年3月5日", datetime(2024, 3, 5)),
    ],
)
def test_parse_date(value: str, expected: datetime) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value", [None, "", "   ", "yesterday", "2024-13-45", "0000-00-00", "1850-01-01", "12:30"]
)
def test_parse_date_none(value: str | None) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Sam Okafor · May 28, 2024", datetime(2024, 5, 28)),
        ("April 24, 2024, 11:40 a.m. ET", datetime(2024, 4, 24, 11, 40)),
        ("Published: Jan 23, 2023 at 3:05 pm", datetime(2023, 1, 23, 15, 5)),
        ("Sept. 3, 2025", datetime(2025, 9, 3)),
        ("23 January 2023", datetime(2023, 1, 23)),
        ("1st March 2022", datetime(2022, 3, 1)),
        ("12/31/2024", datetime(2024, 12, 31)),
        ("31/12/2024", datetime(2024, 12, 31)),
        ("2025年10月1日", datetime(2025, 10, 1)),
        ("2024年07月01日 12時00分 配信", datetime(2024, 7, 1, 12)),
        ("2024年7月1日（月）10:30", datetime(2024, 7, 1, 10, 30)),
        ("令和6年4月1日", datetime(2024, 4, 1)),
        ("令和元年5月1日", datetime(2019, 5, 1)),
        ("平成31年4月30日", datetime(2019, 4, 30)),
        ("2025/10/01 掲載", datetime(2025, 10, 1)),
        ("2025.05.28", datetime(2025, 5, 28)),
        ("2025-10-01 09:05", datetime(2025, 10, 1, 9, 5)),
    ],
)
def test_find_date_forms(text: str, expected: datetime) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025.05.28 更新日 2025.05.29", date(2025, 5, 28)),
        ("更新日 2025.05.29 公開日 2025.05.28", date(2025, 5, 28)),
        ("2025/07/17 掲載 2025/07/18 更新", date(2025, 7, 17)),
        ("Updated Feb 1, 2023 · Published Jan 23, 2023", date(2023, 1, 23)),
        ("Updated: Feb 1, 2023 Jan 23, 2023", date(2023, 1, 23)),
        ("Last modified 2023-02-01, first posted 2023-01-23", date(2023, 1, 23)),
    ],
)
def test_find_date_prefers_published_over_updated(text: str, expected: date) -> None:
    found = find_date(text)
    assert found is not None
    assert found.date() == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "no date here",
        "version 2.0.1",
        "call 555/12/2024x",
        "2024年13月40日",
        "Feb 30, 2024",
    ],
)
def test_find_date_none(text: str | None) -> None:
    assert find_date(text) is None


def test_find_dates_in_reading_order() -> None:
    text = "Founded on 3 March 2019, listed 2021年6月1日, sold 2024-02-29."
    assert find_dates(text) == [datetime(2019, 3, 3), datetime(2021, 6, 1), datetime(2024, 2, 29)]
    assert [text[a:b] for a, b in date_spans(text)] == [
        "3 March 2019",
        "2021年6月1日",
        "2024-02-29",
    ]


# --- properties --------------------------------------------------------------------------

DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
TIMES = st.times().map(lambda t: t.replace(microsecond=0))


def _era(day: date) -> str:
    year = day.year - 2018
    return f"令和{'元' if year == 1 else year}年{day.month}月{day.day}日"


FORMS: dict[str, Callable[[date], str]] = {
    "iso": lambda d: d.isoformat(),
    "slashes": lambda d: d.strftime("%Y/%m/%d"),
    "dots": lambda d: d.strftime("%Y.%m.%d"),
    "japanese": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "japanese padded": lambda d: d.strftime("%Y年%m月%d日"),
    "month day year": lambda d: d.strftime("%b %d, %Y"),
    "long month": lambda d: d.strftime("%B %d, %Y"),
    "day month year": lambda d: d.strftime("%d %B %Y"),
    "published label": lambda d: "Published: " + d.strftime("%b %d, %Y"),
    "japanese label": lambda d: f"{d.year}年{d.month}月{d.day}日 配信",
    "us numeric": lambda d: f"{d.month}/{d.day}/{d.year}",
}


@settings(max_examples=300, deadline=None)
@given(day=DATES, form=st.sampled_from(sorted(FORMS)))
def test_every_form_round_trips(day: date, form: str) -> None:
    written = FORMS[form](day)
    assert find_date(f"By Ana Ruiz · {written} · 3 min read") == datetime(
        day.year, day.month, day.day
    )
    assert parse_date(written) == datetime(day.year, day.month, day.day)


@settings(max_examples=100, deadline=None)
@given(day=st.dates(min_value=date(2019, 5, 1), max_value=date(2099, 12, 31)))
def test_reiwa_round_trips(day: date) -> None:
    assert find_date(_era(day)) == datetime(day.year, day.month, day.day)


@settings(max_examples=200, deadline=None)
@given(day=DATES, clock=TIMES, offset=st.integers(min_value=-12, max_value=14))
def test_iso_datetime_round_trips(day: date, clock: object, offset: int) -> None:
    value = datetime.combine(day, clock, tzinfo=timezone(timedelta(hours=offset)))  # type: ignore[arg-type]
    assert parse_date(value.isoformat()) == value
    assert parse_date(value.replace(tzinfo=None).isoformat()) == value.replace(tzinfo=None)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300))
def test_never_raise(text: str) -> None:
    for result in (parse_date(text), find_date(text)):
        assert result is None or isinstance(result, datetime)
    assert all(isinstance(value, datetime) for value in find_dates(text))


@settings(max_examples=200, deadline=None)
@given(
    text=st.from_regex(
        r"(\d{1,4}[-/.年月日]){1,4}\s?(\d{1,2}[:時分]\d{1,2})?\s?(Jan|Sept?|May)?\.?\s?\d{0,4}",
        fullmatch=True,
    )
)
def test_never_raise_on_date_like_text(text: str) -> None:
    parse_date(text)
    find_date(text)
