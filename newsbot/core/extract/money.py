"""Amounts of money in English and Japanese text, normalised to an ISO currency and US dollars.

``find_money`` returns each amount with its offsets. An amount followed by the article's own
conversion ("約1,105億円(約7.5億ドル)", "¥150 billion ($1 billion)", "€2bn, or about $2.2bn")
is one match whose USD value is the article's figure; otherwise the dated ``Rates`` table
converts it. Amounts in words ("two hundred million dollars", "one and a half billion euros")
are amounts; vague amounts ("数十億ドル", "billions of dollars", "multibillion-dollar") are
not amounts and are never returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsbot.core.events import Money
from newsbot.core.extract.numbers import (
    JA_NUM,
    NUM,
    WORD_NUM,
    fold,
    parse_ja_number,
    parse_number,
    parse_number_words,
    scale_of,
)
from newsbot.core.extract.patterns import by_first_letter
from newsbot.core.extract.rates import Rates

_PREFIX = {
    "us$": "USD",
    "u.s.$": "USD",
    "usd": "USD",
    "$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "hk$": "HKD",
    "s$": "SGD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "cn¥": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "₩": "KRW",
    "krw": "KRW",
    "₹": "INR",
    "inr": "INR",
    "rs": "INR",
    "rs.": "INR",
    "chf": "CHF",
}
_SUFFIX = {
    "dollars": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "won": "KRW",
    "krw": "KRW",
    "rupees": "INR",
    "inr": "INR",
    "swiss francs": "CHF",
    "chf": "CHF",
}
_JA_CURRENCY = {
    "円": "JPY",
    "米ドル": "USD",
    "ドル": "USD",
    "ユーロ": "EUR",
    "ポンド": "GBP",
    "人民元": "CNY",
    "元": "CNY",
    "ウォン": "KRW",
    "ルピー": "INR",
    "豪ドル": "AUD",
    "カナダドル": "CAD",
    "香港ドル": "HKD",
    "シンガポールドル": "SGD",
    "スイスフラン": "CHF",
}


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_SCALE = (
    r"(?:[\s-]?(?P<scale>thousand|million|billion|trillion|mn|mln|bn|tn|lakh|crore)\b"
    r"|(?P<short>[kKmMbB])\b)?"
)
# (the prefixes grouped by first character: same matches, cheaper to try at each word)
_EN_PREFIXED = re.compile(
    rf"(?<![\w$])(?P<pre>{by_first_letter(_alternation(_PREFIX))})\s?(?P<num>{NUM}){_SCALE}",
    re.IGNORECASE,
)
# opens with the class of a number's first character, which the engine skips to (the
# lookbehind that opened it made the engine try every position)
_EN_SUFFIXED = re.compile(
    r"(?P<num>[\d.](?<![\w$.,][\d.])(?:(?<=\d)\d*(?:,\d{3})*(?:\.\d+)?|(?<=\.)\d+))"
    rf"{_SCALE}\s(?P<suf>{_alternation(_SUFFIX)})\b",
    re.IGNORECASE,
)
# an amount in words: "two hundred million dollars", "one and a half billion euros"
_EN_WORDS = re.compile(
    rf"(?<![\w$.,-])(?P<words>{WORD_NUM})[\s-](?P<scale>thousand|million|billion|trillion)"
    rf"\s(?P<suf>{_alternation(_SUFFIX)})\b",
    re.IGNORECASE,
)
# "(?:thousand|million|billion|trillion)\s" case-insensitively, opening with the class of the
# first letters (outside the case-insensitive part) so the engine skips to those letters
_SCALE_WORD = re.compile(r"[bmtBMT](?:(?<=[tT])(?i:housand|rillion)|(?<=[bmBM])(?i:illion))\s")
# what every amount in words holds: a scale word and a currency ("million dollars")
_SCALE_CURRENCY = re.compile(_SCALE_WORD.pattern + rf"(?i:{_alternation(_SUFFIX)})\b")
_JA = re.compile(
    rf"(?P<approx>約|およそ)?(?P<num>(?=\d){JA_NUM})(?P<cur>{_alternation(_JA_CURRENCY)})"
)
_APPROX_BEFORE = re.compile(
    r"(?:about|around|approximately|roughly|nearly|almost|some|约|約|およそ)\s*$", re.IGNORECASE
)
_CONVERSION_GAP = re.compile(
    r"\s*(?:[（(]|,\s*or|、|，|\s-\s|\s—\s)\s*(?:US\s|U\.S\.\s)?"
    r"(?:約|およそ|about|around|approximately|roughly|some|nearly|almost|more than|over)?\s*$",
    re.IGNORECASE,
)
_CLOSE = re.compile(r"\s*[)）]")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class MoneyMatch:
    """An amount found at ``text[start:end]``; ``approximate`` for "about", "約"."""

    start: int
    end: int
    money: Money
    approximate: bool = False


def find_money(
    text: str, *, lang: str = "en", on: date | None = None, rates: Rates | None = None
) -> list[MoneyMatch]:
    """Every concrete amount in ``text``, in order, with the article's own conversions merged."""
    folded = fold(text)
    if not _DIGIT.search(folded) and not _SCALE_WORD.search(folded):
        return []
    raw = _raw_matches(folded, lang)
    merged = _merge_conversions(folded, raw)
    table = rates or _default_rates()
    return [_with_usd(m, on, table) for m in merged]


def parse_money(
    text: str, *, lang: str = "en", on: date | None = None, rates: Rates | None = None
) -> Money | None:
    """The first amount in ``text`` (see ``find_money``), or None."""
    found = find_money(text, lang=lang, on=on, rates=rates)
    return found[0].money if found else None


def format_money(money: Money, *, lang: str = "en") -> str:
    """The amount written the way articles write it: ``$1.3 billion``, ``143億ドル``."""
    if lang == "ja":
        return _format_ja(money.amount) + _ja_currency_word(money.currency)
    symbol = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(money.currency)
    number = _format_en(money.amount)
    return f"{symbol}{number}" if symbol else f"{number} {money.currency}"


_DEFAULT: list[Rates] = []


def _default_rates() -> Rates:
    if not _DEFAULT:
        _DEFAULT.append(Rates.default())
    return _DEFAULT[0]


def _raw_matches(text: str, lang: str) -> list[MoneyMatch]:
    found = [m for m in map(_from_prefixed, _EN_PREFIXED.finditer(text)) if m]
    found += [m for m in map(_from_suffixed, _EN_SUFFIXED.finditer(text)) if m]
    if _SCALE_CURRENCY.search(text):
        found += [m for m in map(_from_words, _EN_WORDS.finditer(text)) if m]
    if lang == "ja" or any(c in text for c in "円ドルユーロ"):
        found += [m for m in map(_from_ja, _JA.finditer(text)) if m]
    found = [_approx(text, m) for m in found]
    return _non_overlapping(found)


def _scaled(m: re.Match[str]) -> float | None:
    value = parse_number(m.group("num"))
    if value is None:
        return None
    word = m.group("scale") or m.group("short") or ""
    return value * scale_of(word) if word else value


def _from_prefixed(m: re.Match[str]) -> MoneyMatch | None:
    value = _scaled(m)
    currency = _PREFIX.get(m.group("pre").lower().replace(" ", ""))
    if value is None or currency is None:
        return None
    return MoneyMatch(m.start(), m.end(), Money(value, currency, None))


def _from_suffixed(m: re.Match[str]) -> MoneyMatch | None:
    value = _scaled(m)
    currency = _SUFFIX.get(re.sub(r"\s+", " ", m.group("suf").lower()))
    if value is None or currency is None:
        return None
    return MoneyMatch(m.start(), m.end(), Money(value, currency, None))


def _from_words(m: re.Match[str]) -> MoneyMatch | None:
    value = parse_number_words(m.group("words"))
    currency = _SUFFIX.get(re.sub(r"\s+", " ", m.group("suf").lower()))
    if not value or currency is None:
        return None
    amount = value * scale_of(m.group("scale"))
    return MoneyMatch(m.start(), m.end(), Money(amount, currency, None))


def _from_ja(m: re.Match[str]) -> MoneyMatch | None:
    value = parse_ja_number(m.group("num"))
    if value is None:
        return None
    currency = _JA_CURRENCY[m.group("cur")]
    return MoneyMatch(m.start(), m.end(), Money(value, currency, None), bool(m.group("approx")))


def _approx(text: str, m: MoneyMatch) -> MoneyMatch:
    if m.approximate or not _APPROX_BEFORE.search(text[max(0, m.start - 16) : m.start]):
        return m
    return MoneyMatch(m.start, m.end, m.money, True)


def _non_overlapping(found: list[MoneyMatch]) -> list[MoneyMatch]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[MoneyMatch] = []
    for m in found:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def _merge_conversions(text: str, found: list[MoneyMatch]) -> list[MoneyMatch]:
    """Fold "X (about $Y)" into one match: X as stated, its USD value Y."""
    out: list[MoneyMatch] = []
    i = 0
    while i < len(found):
        m = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt and _is_conversion(text, m, nxt):
            end = nxt.end
            close = _CLOSE.match(text, end)
            if close and re.search(r"[（(]", text[m.end : nxt.start]):
                end = close.end()
            usd = nxt.money.amount if nxt.money.currency == "USD" else m.money.usd
            if m.money.currency == "USD":
                usd = m.money.amount
            out.append(
                MoneyMatch(
                    m.start, end, Money(m.money.amount, m.money.currency, usd), m.approximate
                )
            )
            i += 2
            continue
        out.append(m)
        i += 1
    return out


def _is_conversion(text: str, m: MoneyMatch, nxt: MoneyMatch) -> bool:
    if m.money.currency == nxt.money.currency:
        return False
    if "USD" not in (m.money.currency, nxt.money.currency):
        return False
    return bool(_CONVERSION_GAP.fullmatch(text[m.end : nxt.start]))


def _with_usd(m: MoneyMatch, on: date | None, rates: Rates) -> MoneyMatch:
    money = m.money
    if money.usd is not None:
        return m
    usd = (
        money.amount if money.currency == "USD" else rates.to_usd(money.amount, money.currency, on)
    )
    return MoneyMatch(m.start, m.end, Money(money.amount, money.currency, usd), m.approximate)


def _format_en(amount: float) -> str:
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(amount) >= scale:
            return f"{_plain(amount / scale)} {word}"
    return _plain(amount)


def _plain(value: float) -> str:
    text = f"{value:.9f}".rstrip("0").rstrip(".")
    return text or "0"


def _format_ja(amount: float) -> str:
    if amount != int(amount) or amount < 1:
        for unit, scale in (("兆", 1e12), ("億", 1e8), ("万", 1e4)):
            if amount >= scale:
                return f"{_plain(amount / scale)}{unit}"
        return _plain(amount)
    rest, parts = int(amount), []
    for unit, scale in (("兆", 10**12), ("億", 10**8), ("万", 10**4)):
        head, rest = divmod(rest, scale)
        if head:
            parts.append(f"{head}{unit}")
    if rest or not parts:
        parts.append(str(rest))
    return "".join(parts)


def _ja_currency_word(currency: str) -> str:
    words = {
        "USD": "ドル",
        "JPY": "円",
        "EUR": "ユーロ",
        "GBP": "ポンド",
        "CNY": "元",
        "KRW": "ウォン",
        "INR": "ルピー",
    }
    return words.get(currency, currency)
