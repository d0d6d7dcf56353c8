"""Percentages and head counts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbot.core.extract.numbers import (
    find_count,
    find_percent,
    parse_ja_number,
    parse_number_words,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("49%の株式", 49.0),
        ("a 49% stake", 49.0),
        ("49 percent", 49.0),
        ("４９％", 49.0),
        ("4.5 per cent", 4.5),
    ],
)
def test_percent(text: str, value: float) -> None:
    [m] = find_percent(text)
    assert m.value == value


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("cut 10,000 jobs", "en", 10000),
        ("about 1,000 employees", "en", 1000),
        ("more than 18,000 roles", "en", 18000),
        ("1万人を削減", "ja", 10000),
        ("約500人", "ja", 500),
        ("200名", "ja", 200),
        ("laid off 12,000 of its employees", "en", 12000),
        ("let nine people go", "en", 9),
        ("cut forty jobs", "en", 40),
        ("laid off a dozen staff", "en", 12),
        ("half a dozen engineers", "en", 6),
        ("two dozen workers", "en", 24),
        ("twenty-five staffers", "en", 25),
        ("one hundred employees", "en", 100),
        ("three hundred and fifty roles", "en", 350),
        ("about two thousand jobs", "en", 2000),
    ],
)
def test_count(text: str, lang: str, value: int) -> None:
    found = find_count(text, lang=lang)
    assert found and found[0].value == value


@pytest.mark.parametrize(
    "text", ["one of its engineers", "a few employees", "often people", "dozens of workers"]
)
def test_no_count(text: str) -> None:
    assert not find_count(text)


def test_count_marks_approximate() -> None:
    [m] = find_count("about 1,000 employees")
    assert m.approximate


@given(st.integers(min_value=0, max_value=10**15))
def test_ja_number_round_trip(n: int) -> None:
    parts, rest = [], n
    for unit, scale in (("兆", 10**12), ("億", 10**8), ("万", 10**4)):
        head, rest = divmod(rest, scale)
        if head:
            parts.append(f"{head}{unit}")
    if rest or not parts:
        parts.append(str(rest))
    assert parse_ja_number("".join(parts)) == n


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two hundred", 200.0),
        ("one and a half", 1.5),
        ("half a", 0.5),
        ("a", 1.0),
        ("Twenty-five", 25.0),
        ("three hundred and fifty", 350.0),
        ("a hundred", 100.0),
        ("two and a quarter", 2.25),
    ],
)
def test_number_words(text: str, value: float) -> None:
    assert parse_number_words(text) == value


@pytest.mark.parametrize("text", ["", "hundred", "and", "a a", "nine-figure", "few", "one two"])
def test_not_number_words(text: str) -> None:
    assert parse_number_words(text) is None


@given(st.text())
def test_never_raises(text: str) -> None:
    parse_number_words(text)
    find_percent(text)
    find_count(text, lang="en")
    find_count(text, lang="ja")
    parse_ja_number(text)
