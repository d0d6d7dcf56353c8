"""Dates and periods in English and Japanese, resolved against the article's date.

A period is a string: ``"2024"`` (a calendar or fiscal year: "FY2024", "fiscal 2024",
"2024年度" all give the year they are named after), ``"2024-08"`` (a month), ``"2024-Q3"``
(a quarter) or ``"2024-H1"`` (a half). Relative expressions ("last year", "昨年", "先月",
"this month") need the article's date; without it they give nothing. Weekdays ("on
Tuesday") are not periods. "The start of 2025" is its first month, "the end of 2024" its last.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from newsbot.core.extract.numbers import fold

_Handler = Callable[[re.Match[str], "date | None"], "str | None"]

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"

# Words one of which every match of a rule holds (lower case): a rule runs only on a text
# that has one (the English patterns, case-insensitive and opening with \b, would be tried
# at every character of every sentence).
_MONTH_CUES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_CUES = ("19", "20")
_CASE_ODD = ("ı", "ſ", "İ")

# (pattern, kind, cues): order matters, longer forms first; all matched case-insensitively.
_EN_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        rf"\b(?:Q(?P<q>[1-4])|{_ORD} quarter)(?: of)?,? (?:fiscal(?: year)? )?{_YEAR}\b",
        "quarter",
        ("q",),
    ),
    (rf"\b{_YEAR}\s?Q(?P<q>[1-4])\b", "quarter", ("q",)),
    (
        rf"\b(?:H(?P<h>[12])|{_ORD} half)(?: of)?,? (?:fiscal(?: year)? )?{_YEAR}\b",
        "half",
        ("h1", "h2", "half"),
    ),
    (rf"\b(?:fiscal(?: year)?|FY)\s?'?{_YEAR}\b", "year", ("fiscal", "fy")),
    (r"\bFY\s?'?(?P<yy>\d\d)\b", "yy", ("fy",)),
    (rf"\b(?:the )?(?:start|beginning) of {_YEAR}\b", "start", ("start of ", "beginning of ")),
    (rf"\b(?:the )?end of {_YEAR}\b", "end", ("end of ",)),
    (rf"\b(?:early|mid-?|late)\s?{_YEAR}\b", "year", ("early", "mid", "late")),
    (rf"\b{_MONTH}(?: \d{{1,2}},?)? {_YEAR}\b", "month_year", _MONTH_CUES),
    (
        r"\blast year\b|\bprevious year\b|\ba year (?:earlier|ago|before)\b",
        "last_year",
        ("last year", "previous year", "a year "),
    ),
    (
        r"\bthis year\b|\bthe current year\b|\bearlier this year\b|\blater this year\b",
        "this_year",
        ("this year", "current year"),
    ),
    (r"\bnext year\b", "next_year", ("next year",)),
    (r"\blast month\b|\bprevious month\b", "last_month", ("last month", "previous month")),
    (r"\bthis month\b|\bearlier this month\b", "this_month", ("this month",)),
    (rf"\blast {_MONTH}\b", "last_named_month", ("last ",)),
    (rf"\bthis {_MONTH}\b", "this_named_month", ("this ",)),
    (
        r"\b(?:the )?(?:start|beginning|end) of (?:the )?(?P<rel>this|last) year\b",
        "rel_edge",
        ("this year", "last year"),
    ),
    (rf"\b{_ORD}[ -]quarter\b", "quarter_no_year", ("quarter",)),
    (rf"\b(?:the )?{_MONTH} quarter\b", "month_quarter", ("quarter",)),
    # "we ended December at $28 million": a month closed, so the last one of that name
    (
        rf"\b(?:ended|closed|finished)\s+(?-i:(?=[A-Z])){_MONTH}(?![\w.]| \d)",
        "last_named_month",
        ("ended ", "closed ", "finished "),
    ),
    # "we closed the quarter with $9 million": the quarter (year, month) last ended
    (
        r"\b(?:ended|closed|finished)\s+(?:the|our|its)\s+(?P<unit>quarter|year|month)\b",
        "last_ended",
        ("ended ", "closed ", "finished "),
    ),
    (
        rf"\b(?:in|since|by|during|until|from|through|of|at the end of|in early|in late|"
        rf"in mid-) {_MONTH}\b(?! \d)",
        "bare_month",
        _MONTH_CUES,
    ),
    (rf"\b{_YEAR}\b", "year", _YEAR_CUES),
)
_EN = [(re.compile(p, re.IGNORECASE), kind, cues) for p, kind, cues in _EN_RULES]

_JY = r"(?P<year>(?:19|20)\d\d)年"
_HALF = r"(?P<half>上半期|上期|前半|下半期|下期|後半)"
_REL = r"(?P<rel>昨年|去年|前年|今年|本年|来年|昨年度|今年度|前年度|来年度)"
_JA_RULES: tuple[tuple[str, str], ...] = (
    (r"(?P<era>令和|平成)(?P<eyear>\d{1,2}|元)年(?:度)?", "era"),
    (r"(?P<year>(?:19|20)\d\d)年(?P<m1>\d{1,2})\s*[～〜~\-－]\s*(?P<m2>\d{1,2})月期?", "ja_range"),
    (r"(?P<year>(?:19|20)\d\d)年(?:度)?(?:の)?第(?P<q>[1-4一二三四])四半期", "quarter"),
    (rf"{_JY}(?:度)?(?:の)?{_HALF}", "ja_half"),
    (r"(?P<year>(?:19|20)\d\d)年(?P<m>\d{1,2})月期", "year"),
    (r"(?<![\d.,])(?P<yy>\d\d)年(?:\d{1,2}月期|度)", "yy"),
    (r"(?P<year>(?:19|20)\d\d)年(?P<m>\d{1,2})月", "ja_month_year"),
    (r"(?P<year>(?:19|20)\d\d)年(?:度)?(?:初め|初頭|はじめ)", "start"),
    (r"(?P<year>(?:19|20)\d\d)年(?:度)?(?:末)", "end"),
    (r"(?:FY|ＦＹ)(?P<year>(?:19|20)\d\d)", "year"),
    (r"(?P<year>(?:19|20)\d\d)年(?:度)?", "year"),
    (rf"{_REL}(?:の)?(?P<m>\d{{1,2}})月", "ja_rel_month"),
    (rf"{_REL}(?:の)?{_HALF}", "ja_rel_half"),
    (r"(?P<rel>昨年度|去年|昨年|前年度|前年|今年度|今年|本年|来年度|来年)", "ja_rel_year"),
    (r"(?P<half>上半期|上期|下半期|下期)", "ja_half_no_year"),
    (r"先月|前月", "last_month"),
    (r"今月", "this_month"),
    (r"(?<![\d年])(?P<m>\d{1,2})月(?!期)", "ja_bare_month"),
)
_JA = [(re.compile(p), kind, ()) for p, kind in _JA_RULES]
_WORDS_HINT = re.compile(
    r"year|month|quarter|half|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|fiscal|fy|"
    r"昨年|去年|前年|今年|本年|来年|先月|前月|今月|上半期|上期|下半期|下期|令和|平成|月",
    re.IGNORECASE,
)
_KANJI_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4}
_JA_REL_YEAR = {
    "昨年": -1,
    "去年": -1,
    "前年": -1,
    "昨年度": -1,
    "前年度": -1,
    "今年": 0,
    "本年": 0,
    "今年度": 0,
    "来年": 1,
    "来年度": 1,
}


@dataclass(frozen=True, slots=True)
class PeriodMatch:
    """A period named at ``text[start:end]``."""

    start: int
    end: int
    period: str


def find_periods(text: str, *, lang: str = "en", on: date | None = None) -> list[PeriodMatch]:
    """Every period named in ``text``, left to right, without overlaps."""
    return list(_find_periods(text, lang, on))


@functools.lru_cache(maxsize=2048)
def _find_periods(text: str, lang: str, on: date | None) -> tuple[PeriodMatch, ...]:
    if not any(map(str.isdigit, text)) and not _WORDS_HINT.search(text):
        return ()
    folded = fold(text)
    rules = _JA if lang == "ja" else _EN
    if lang == "ja":
        rules = _JA + [r for r in _EN if r[1] not in ("bare_month", "year")]
    lowered = folded.lower()
    # (ı, ſ and İ match i and s case-insensitively, but lower() keeps them apart)
    cued = not any(map(folded.__contains__, _CASE_ODD))
    found: list[PeriodMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind, cues in rules:
        if cued and cues and not any(map(lowered.__contains__, cues)):
            continue
        for m in pattern.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            period = _resolve(kind, m, on)
            if period is not None:
                found.append(PeriodMatch(m.start(), m.end(), period))
                taken.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda p: p.start))


def parse_period(text: str, *, lang: str = "en", on: date | None = None) -> str | None:
    """The first period named in ``text``, or None."""
    found = find_periods(text, lang=lang, on=on)
    return found[0].period if found else None


def month_period(on: date) -> str:
    """``"2024-08"`` for a day in August 2024."""
    return f"{on.year:04d}-{on.month:02d}"


def _resolve(kind: str, m: re.Match[str], on: date | None) -> str | None:
    handler = _HANDLERS.get(kind)
    try:
        return handler(m, on) if handler else None
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _year(m: re.Match[str], on: date | None) -> str | None:
    year = _group(m, "year")
    return f"{int(year):04d}" if year else None


def _yy(m: re.Match[str], on: date | None) -> str | None:
    return f"20{_group(m, 'yy')}"


def _month_of(m: re.Match[str]) -> int:
    return _MONTHS[(_group(m, "month") or "").lower().rstrip(".")]


def _ym(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and 1900 <= year <= 2100 else None


def _quarter(m: re.Match[str], on: date | None) -> str | None:
    q = _group(m, "q") or str(_ORDINALS.get((_group(m, "ord") or "").lower(), ""))
    q = str(_KANJI_DIGIT.get(q, q))
    return f"{_group(m, 'year')}-Q{q}" if q in "1234" and q else None


def _half(m: re.Match[str], on: date | None) -> str | None:
    h = _group(m, "h") or str(_ORDINALS.get((_group(m, "ord") or "").lower(), ""))
    return f"{_group(m, 'year')}-H{h}" if h in ("1", "2") else None


def _start(m: re.Match[str], on: date | None) -> str | None:
    return _ym(int(_group(m, "year") or 0), 1)


def _end(m: re.Match[str], on: date | None) -> str | None:
    return _ym(int(_group(m, "year") or 0), 12)


def _month_year(m: re.Match[str], on: date | None) -> str | None:
    return _ym(int(_group(m, "year") or 0), _month_of(m))


def _rel_year(delta: int) -> _Handler:
    def handler(m: re.Match[str], on: date | None) -> str | None:
        return f"{on.year + delta:04d}" if on else None

    return handler


def _rel_month(delta: int) -> _Handler:
    def handler(m: re.Match[str], on: date | None) -> str | None:
        if not on:
            return None
        index = on.year * 12 + on.month - 1 + delta
        return _ym(index // 12, index % 12 + 1)

    return handler


def _last_named_month(m: re.Match[str], on: date | None) -> str | None:
    if not on:
        return None
    month = _month_of(m)
    return _ym(on.year if month < on.month else on.year - 1, month)


def _last_ended(m: re.Match[str], on: date | None) -> str | None:
    """The quarter, year or month that ended last before the article's date."""
    if not on:
        return None
    unit = (_group(m, "unit") or "").lower()
    if unit == "year":
        return f"{on.year - 1:04d}"
    if unit == "month":
        return _rel_month(-1)(m, on)
    index = on.year * 4 + (on.month - 1) // 3 - 1  # the quarter before the current one
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def _this_named_month(m: re.Match[str], on: date | None) -> str | None:
    return _ym(on.year, _month_of(m)) if on else None


def _bare_month(m: re.Match[str], on: date | None) -> str | None:
    """A month without a year: this year's, or last year's when it is still to come."""
    if not on:
        return None
    month = _month_of(m) if _group(m, "month") else int(_group(m, "m") or 0)
    return _ym(on.year if month <= on.month else on.year - 1, month)


def _rel_edge(m: re.Match[str], on: date | None) -> str | None:
    if not on:
        return None
    year = on.year - (1 if (_group(m, "rel") or "").lower() == "last" else 0)
    return _ym(year, 12 if "end" in m.group(0).lower() else 1)


def _quarter_no_year(m: re.Match[str], on: date | None) -> str | None:
    """ "The fourth quarter" in February 2025 is 2024-Q4, and in November 2025 too: results
    are told of a quarter that has ended, so a quarter not yet over at the article's date is
    last year's (a year written beside it is read by the "quarter" pattern instead)."""
    q = _ORDINALS.get((_group(m, "ord") or "").lower())
    if not on or not q:
        return None
    return f"{on.year - (3 * q >= on.month):04d}-Q{q}"


def _month_quarter(m: re.Match[str], on: date | None) -> str | None:
    """ "The September quarter": the calendar quarter ending that month."""
    if not on:
        return None
    month = _month_of(m)
    year = on.year if month <= on.month else on.year - 1
    return f"{year:04d}-Q{(month - 1) // 3 + 1}"


def _era(m: re.Match[str], on: date | None) -> str | None:
    n = 1 if m.group("eyear") == "元" else int(m.group("eyear"))
    return f"{(2018 if m.group('era') == '令和' else 1988) + n:04d}"


def _ja_range(m: re.Match[str], on: date | None) -> str | None:
    m1, m2 = int(m.group("m1")), int(m.group("m2"))
    if m2 - m1 == 2 and m1 % 3 == 1:
        return f"{m.group('year')}-Q{(m1 - 1) // 3 + 1}"
    if m2 - m1 == 5 and m1 in (1, 7):
        return f"{m.group('year')}-H{1 if m1 == 1 else 2}"
    return m.group("year")


def _ja_half_word(word: str) -> str:
    return "H1" if word in ("上半期", "上期", "前半") else "H2"


def _ja_half(m: re.Match[str], on: date | None) -> str | None:
    return f"{m.group('year')}-{_ja_half_word(m.group('half'))}"


def _ja_month_year(m: re.Match[str], on: date | None) -> str | None:
    return _ym(int(m.group("year")), int(m.group("m")))


def _ja_rel(m: re.Match[str], on: date | None) -> int | None:
    return on.year + _JA_REL_YEAR[m.group("rel")] if on else None


def _ja_rel_month(m: re.Match[str], on: date | None) -> str | None:
    year = _ja_rel(m, on)
    return _ym(year, int(m.group("m"))) if year else None


def _ja_rel_half(m: re.Match[str], on: date | None) -> str | None:
    year = _ja_rel(m, on)
    return f"{year:04d}-{_ja_half_word(m.group('half'))}" if year else None


def _ja_rel_year(m: re.Match[str], on: date | None) -> str | None:
    year = _ja_rel(m, on)
    return f"{year:04d}" if year else None


def _ja_half_no_year(m: re.Match[str], on: date | None) -> str | None:
    return f"{on.year:04d}-{_ja_half_word(m.group('half'))}" if on else None


_HANDLERS = {
    "year": _year,
    "yy": _yy,
    "quarter": _quarter,
    "half": _half,
    "start": _start,
    "end": _end,
    "month_year": _month_year,
    "last_year": _rel_year(-1),
    "this_year": _rel_year(0),
    "next_year": _rel_year(1),
    "last_month": _rel_month(-1),
    "this_month": _rel_month(0),
    "last_named_month": _last_named_month,
    "last_ended": _last_ended,
    "this_named_month": _this_named_month,
    "rel_edge": _rel_edge,
    "quarter_no_year": _quarter_no_year,
    "month_quarter": _month_quarter,
    "bare_month": _bare_month,
    "era": _era,
    "ja_range": _ja_range,
    "ja_half": _ja_half,
    "ja_month_year": _ja_month_year,
    "ja_rel_month": _ja_rel_month,
    "ja_rel_half": _ja_rel_half,
    "ja_rel_year": _ja_rel_year,
    "ja_half_no_year": _ja_half_no_year,
    "ja_bare_month": _bare_month,
}
