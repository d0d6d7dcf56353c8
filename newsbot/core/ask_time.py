"""Time expressions in questions, resolved against today: a date window and a named period.

"in 2024" and "2025年" give the year's window and the period ``"2024"`` (what a revenue
figure is matched against); "last month", "先月", "this week", "the past 30 days", "since
March", "2024年以降", "before 2023" give windows. Periods are found by the extractor's own
period grammar (``newsbot.core.extract.periods``) so questions and articles agree.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12}  # fmt: skip
_EN_WINDOW = re.compile(
    r"\b(?:in |over |during |within )?(?:the )?(?:(?:past|last|previous) (?P<n>\d+|a|an|one|"
    r"two|three|four|five|six|seven|eight|nine|ten|twelve)|past) (?P<unit>days?|weeks?|months?|"
    r"years?)\b",
    re.IGNORECASE,
)
_JA_WINDOW = re.compile(
    r"(?:過去|直近|ここ|この)(?P<n>\d+)(?P<unit>日間?|週間?|か月|ヶ月|カ月|ケ月|年間?)"
)
_EN_NAMED = (
    (re.compile(r"\bthis week\b", re.I), "this_week"),
    (re.compile(r"\blast week\b|\bprevious week\b", re.I), "last_week"),
    (re.compile(r"\btoday\b", re.I), "today"),
    (re.compile(r"\byesterday\b", re.I), "yesterday"),
)
_JA_NAMED = (
    (re.compile(r"今週"), "this_week"),
    (re.compile(r"先週|前週"), "last_week"),
    (re.compile(r"今日|本日"), "today"),
    (re.compile(r"昨日"), "yesterday"),
)
_EN_SINCE = re.compile(r"\b(?:since|after|from|starting|beginning)\s+(?:the\s+)?$", re.I)
_EN_UNTIL = re.compile(r"\b(?:before|until|till|prior to|up to)\s+(?:the\s+)?$", re.I)
_JA_SINCE = re.compile(r"^(?:の)?(?:以降|から|以来|より後)")
_JA_UNTIL = re.compile(r"^(?:の)?(?:以前|まで|より前)")


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """When the question asks about: ``since``/``until`` (inclusive) and the named period."""

    since: date | None
    until: date | None
    period: str | None
    text: str
    start: int
    end: int


def parse_time(text: str, lang: str, today: date) -> TimeWindow | None:
    """The first time expression of a question, or None."""
    return (_window(text, lang, today) or _named(text, lang, today)
            or _quarter(text, lang, today) or _period(text, lang, today))  # fmt: skip


_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                  "fourth": 4, "4th": 4, "last": 4, "final": 4}  # fmt: skip
_EN_QUARTER = re.compile(
    r"\b(?:the\s+)?(?P<which>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+quarter"
    r"(?:\s+of)?(?:\s+(?:fiscal\s+|FY\s?)?(?P<year>\d{4}))?\b"
    r"|\b(?:the\s+)?(?P<rel>last|previous|past|this|current)\s+quarter\b",
    re.IGNORECASE,
)
_JA_QUARTER = re.compile(
    r"(?:(?P<year>\d{4})年)?(?P<first>\d{1,2})\s*[〜~～\-－–ー]\s*(?P<last>\d{1,2})月"
    r"|(?P<rel>前四半期|今四半期|直近の四半期|先期)"
)


def _quarter(text: str, lang: str, today: date) -> TimeWindow | None:
    """"the last quarter of 2024", "the third quarter", "last quarter", 「10〜12月」 (a range of
    months without a year is the latest that has begun)."""
    m = (_JA_QUARTER if lang == "ja" else _EN_QUARTER).search(text)
    if not m:
        return None
    which = (m.groupdict().get("which") or "").lower()
    if m.group("rel") or (which in ("last", "final") and not m.group("year")):
        since, until = _relative_quarter(m.group("rel") or "last", today)
    elif lang == "ja":
        first, last = int(m.group("first")), int(m.group("last"))
        if not 1 <= first <= last <= 12:
            return None
        year = int(m.group("year")) if m.group("year") else (
            today.year if first <= today.month else today.year - 1)
        since, until = _month(year, first, last)
    else:
        q = _QUARTER_WORDS[m.group("which").lower()]
        year = int(m.group("year")) if m.group("year") else (
            today.year if 3 * q - 2 <= today.month else today.year - 1)
        since, until = _month(year, 3 * q - 2, 3 * q)
    period = _period_name(since, until)
    return TimeWindow(since, until, period, m.group().strip(), m.start(), m.end())


def _relative_quarter(word: str, today: date) -> tuple[date, date]:
    current = (today.month - 1) // 3
    start = _month(today.year, 3 * current + 1, 3 * current + 3)
    if word.lower() in ("this", "current", "今四半期"):
        return start
    before = _add_months(start[0], -3)
    return _month(before.year, before.month, before.month + 2)


def _period_name(since: date, until: date) -> str:
    """"2024-Q4" for a calendar quarter, "2024-08" for a month, else the first month."""
    if since.month == until.month:
        return f"{since.year}-{since.month:02d}"
    if (since.month - 1) % 3 == 0 and until.month == since.month + 2:
        return f"{since.year}-Q{(since.month - 1) // 3 + 1}"
    return f"{since.year}-{since.month:02d}"


def _window(text: str, lang: str, today: date) -> TimeWindow | None:
    m = (_JA_WINDOW if lang == "ja" else _EN_WINDOW).search(text)
    if not m:
        return None
    raw = (m.group("n") or "1").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
    unit = m.group("unit")
    if unit.startswith(("day", "日")):
        since = today - timedelta(days=n)
    elif unit.startswith(("week", "週")):
        since = today - timedelta(weeks=n)
    elif unit.startswith(("year", "年")):
        since = _add_months(today, -12 * n)
    else:
        since = _add_months(today, -n)
    return TimeWindow(since, today, None, m.group().strip(), m.start(), m.end())


def _named(text: str, lang: str, today: date) -> TimeWindow | None:
    for pattern, kind in _JA_NAMED if lang == "ja" else _EN_NAMED:
        m = pattern.search(text)
        if not m:
            continue
        monday = today - timedelta(days=today.weekday())
        since, until = {
            "this_week": (monday, today),
            "last_week": (monday - timedelta(days=7), monday - timedelta(days=1)),
            "today": (today, today),
            "yesterday": (today - timedelta(days=1), today - timedelta(days=1)),
        }[kind]
        return TimeWindow(since, until, None, m.group(), m.start(), m.end())
    return None


# What the extractor's period grammar can name at all: a digit or one of these words (it is
# imported only then, so that a question without a date starts faster).
_MAY_NAME_PERIOD = re.compile(
    r"\d|year|month|quarter|half|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|fiscal|fy|"
    r"昨年|去年|前年|今年|本年|来年|先月|前月|今月|上半期|上期|下半期|下期|令和|平成|月|[０-９]",
    re.IGNORECASE,
)


def _period(text: str, lang: str, today: date) -> TimeWindow | None:
    if not _MAY_NAME_PERIOD.search(text):
        return None
    from newsbot.core.extract.periods import find_periods

    matches = find_periods(text, lang=lang, on=today)
    if not matches:
        return None
    first = matches[0]
    start, end = period_range(first.period)
    if start is None or end is None:
        return None
    before, after = text[: first.start], text[first.end :]
    since: date | None = start
    until: date | None = end
    if (_JA_SINCE.match(after) if lang == "ja" else _EN_SINCE.search(before)):
        since, until = start, None
        if lang != "ja" and re.search(r"\bafter\s+(?:the\s+)?$", before, re.I):
            since = end + timedelta(days=1)
    elif (_JA_UNTIL.match(after) if lang == "ja" else _EN_UNTIL.search(before)):
        since, until = None, start - timedelta(days=1)
    if len(matches) > 1 and re.search(r"\b(?:and|to|through|until)\s*$|から$|～$|〜$",
                                      text[first.end : matches[1].start].strip() + " "):
        until = period_range(matches[1].period)[1] or until
    period = first.period if since == start and until == end else None
    return TimeWindow(since, until, period, text[first.start : first.end], first.start, first.end)


def period_range(period: str) -> tuple[date | None, date | None]:
    """The first and last day of ``"2024"``, ``"2024-08"``, ``"2024-08-31"``, ``"2024-Q3"``,
    ``"2024-H1"``; (None, None) for anything else."""
    m = re.fullmatch(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?", period or "")
    if not m:
        return None, None
    year = int(m.group(1))
    try:
        if m.group(3):
            day = date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            return _month(year, int(m.group(2)), int(m.group(2)))
        if m.group(4):
            q = int(m.group(4))
            return _month(year, 3 * q - 2, 3 * q)
        if m.group(5):
            h = int(m.group(5))
            return _month(year, 6 * h - 5, 6 * h)
    except ValueError:
        return None, None
    return date(year, 1, 1), date(year, 12, 31)


def _month(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def overlaps(value: str | None, since: date | None, until: date | None) -> bool:
    """Whether an event date or period (any precision) can fall within [since, until]."""
    if since is None and until is None:
        return True
    start, end = period_range(value or "")
    if start is None or end is None:
        return False
    return (since is None or end >= since) and (until is None or start <= until)


def same_period(asked: str, stated: str | None) -> bool:
    """A figure's period matches the one asked: equal, or one a prefix of the other
    ("2024" ~ "2024-08"), or the stated one lying within the asked one."""
    if not stated:
        return False
    if stated.startswith(asked) or asked.startswith(stated):
        return True
    a_start, a_end = period_range(asked)
    s_start, s_end = period_range(stated)
    if None in (a_start, a_end, s_start, s_end):
        return False
    return a_start <= s_start and s_end <= a_end  # type: ignore[operator]
