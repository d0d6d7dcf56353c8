"""Money normaliser: English and Japanese amounts, the article's own conversions, rates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbot.core.events import Money
from newsbot.core.extract.money import find_money, format_money, parse_money
from newsbot.core.extract.rates import Rates

ON = date(2024, 6, 1)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$1.3 billion", 1.3e9, "USD"),
        ("US$1.7bn", 1.7e9, "USD"),
        ("$650M", 650e6, "USD"),
        ("$4B", 4e9, "USD"),
        ("€1.3 billion", 1.3e9, "EUR"),
        ("£2bn", 2e9, "GBP"),
        ("700 million dollars", 700e6, "USD"),
        ("¥3 trillion", 3e12, "JPY"),
        ("1.5 trillion yen", 1.5e12, "JPY"),
        ("a $2.5-million grant", 2.5e6, "USD"),
        ("EUR 40 million", 40e6, "EUR"),
        ("$1.5bn", 1.5e9, "USD"),
        ("¥10 billion", 10e9, "JPY"),
        ("₹2,000 crore", 2e10, "INR"),
        ("£300m", 300e6, "GBP"),
        ("it raised two hundred million dollars", 200e6, "USD"),
        ("valued at one and a half billion dollars", 1.5e9, "USD"),
        ("Twenty-five million euros", 25e6, "EUR"),
        ("half a billion pounds", 0.5e9, "GBP"),
        ("a billion dollars", 1e9, "USD"),
        ("three hundred and fifty million yen", 350e6, "JPY"),
    ],
)
def test_english_amounts(text: str, amount: float, currency: str) -> None:
    money = parse_money(text, lang="en", on=ON)
    assert money is not None
    assert money.amount == pytest.approx(amount)
    assert money.currency == currency


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("143億ドル", 143e8, "USD"),
        ("約1,105億円", 1105e8, "JPY"),
        ("1億5,000万ドル", 1.5e8, "USD"),
        ("3兆円", 3e12, "JPY"),
        ("20億ユーロ", 20e8, "EUR"),
        ("7億6000万ドル", 7.6e8, "USD"),
        ("1000万ドル", 1e7, "USD"),
        ("１４３億ドル", 143e8, "USD"),
        ("7.5億ドル", 7.5e8, "USD"),
    ],
)
def test_japanese_amounts(text: str, amount: float, currency: str) -> None:
    money = parse_money(text, lang="ja", on=ON)
    assert money is not None
    assert money.amount == pytest.approx(amount)
    assert money.currency == currency


@pytest.mark.parametrize(
    "text",
    [
        "数十億ドル",
        "billions of dollars",
        "a multibillion-dollar deal",
        "数億円規模",
        "a nine-figure round",
        "hundreds of millions of dollars",
        "a few million dollars",
        "several billion euros",
        "a billion-dollar company",
        "a million users",
    ],
)
def test_vague_amounts_are_not_amounts(text: str) -> None:
    assert parse_money(text, lang="ja" if "億" in text else "en") is None


def test_usd_is_usd() -> None:
    money = parse_money("raised $900 million", lang="en")
    assert money == Money(900e6, "USD", 900e6)


def test_article_conversion_wins_over_rates() -> None:
    money = parse_money("約1,105億円(約7.5億ドル)で", lang="ja", on=ON)
    assert money == Money(1105e8, "JPY", 7.5e8)
    english = parse_money("¥150 billion ($1 billion) deal", lang="en", on=ON)
    assert english == Money(150e9, "JPY", 1e9)
    comma = parse_money("€2bn, or about $2.2bn, in cash", lang="en", on=ON)
    assert comma == Money(2e9, "EUR", 2.2e9)


def test_conversion_is_one_match() -> None:
    found = find_money("総額約1,105億円（約7.5億ドル）を投じる", lang="ja")
    assert len(found) == 1
    assert found[0].approximate


def test_rates_convert_other_currencies_by_date() -> None:
    old = parse_money("1 trillion yen", lang="en", on=date(2016, 5, 1))
    new = parse_money("1 trillion yen", lang="en", on=date(2024, 5, 1))
    assert old is not None and new is not None and old.usd and new.usd
    assert old.usd > new.usd
    assert 5e9 < new.usd < 8e9


def test_custom_rates_override_defaults() -> None:
    rates = Rates.from_mapping({"JPY": {"2020-01-01": 0.01}}, base=Rates.default())
    money = parse_money("100億円", lang="ja", on=ON, rates=rates)
    assert money is not None and money.usd == pytest.approx(1e8)
    assert rates.usd_per_unit("EUR", ON) == Rates.default().usd_per_unit("EUR", ON)


def test_unknown_currency_has_no_usd() -> None:
    assert Rates.default().to_usd(5, "XYZ") is None


def test_offsets_point_at_the_amount() -> None:
    text = "Meta agreed to invest $14.3 billion in Scale AI."
    [m] = find_money(text, lang="en")
    assert text[m.start : m.end] == "$14.3 billion"


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    for lang in ("en", "ja"):
        for m in find_money(text, lang=lang, on=ON):
            assert 0 <= m.start < m.end <= len(text)
            assert m.money.amount >= 0


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
_ONES += "fifteen sixteen seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _in_words(n: int) -> str:
    """1 <= n <= 999 spelled out the way articles spell amounts."""
    ones = _ONES.split()
    hundreds, rest = divmod(n, 100)
    parts = [f"{ones[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        tens, one = divmod(rest, 10)
        parts.append(_TENS[tens - 2] + (f"-{ones[one]}" if one else ""))
    elif rest:
        parts.append(ones[rest])
    return " and ".join(parts)


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("million", 1e6), ("billion", 1e9)]),
    st.sampled_from([("dollars", "USD"), ("euros", "EUR"), ("pounds", "GBP"), ("yen", "JPY")]),
    st.booleans(),
)
def test_amounts_in_words_round_trip(
    n: int, scale: tuple[str, float], word: tuple[str, str], half: bool
) -> None:
    spelled = _in_words(n) + (" and a half" if half else "")
    text = f"it raised {spelled} {scale[0]} {word[0]} last year"
    [m] = find_money(text, lang="en", on=ON)
    assert m.money.currency == word[1]
    assert m.money.amount == pytest.approx((n + (0.5 if half else 0)) * scale[1])
    assert text[m.start : m.end] == f"{spelled} {scale[0]} {word[0]}"


@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                "an",
                "half",
                "and",
                "one",
                "twenty",
                "hundred",
                "million",
                "billion",
                "dollars",
                "euros",
                "of",
                "-",
                " ",
                "$",
                "1",
                ",",
            ]
        ),
        max_size=12,
    )
)
def test_word_soup_never_raises(parts: list[str]) -> None:
    text = " ".join(parts)
    for m in find_money(text, lang="en", on=ON):
        assert 0 <= m.start < m.end <= len(text)
        assert m.money.amount > 0


amounts = st.integers(min_value=1, max_value=10**15)


@given(amounts, st.sampled_from(["USD", "JPY", "EUR"]))
def test_japanese_round_trip(amount: int, currency: str) -> None:
    text = format_money(Money(float(amount), currency, None), lang="ja")
    money = parse_money(text, lang="ja")
    assert money is not None
    assert money.currency == currency
    assert money.amount == pytest.approx(amount)


@given(
    st.decimals(min_value=1, max_value=999, places=2),
    st.sampled_from([1e6, 1e9, 1e12]),
    st.sampled_from(["USD", "EUR", "GBP", "JPY"]),
)
def test_english_round_trip(number: object, scale: float, currency: str) -> None:
    amount = float(str(number)) * scale
    text = format_money(Money(amount, currency, None), lang="en")
    money = parse_money(f"it paid {text} for it", lang="en")
    assert money is not None
    assert money.currency == currency
    assert money.amount == pytest.approx(amount, rel=1e-9)
