"""Dates as pages write them → ``datetime``.

Two readers: ``parse_date`` for machine values (ISO 8601 in JSON-LD, ``<meta>`` and
``<time datetime>``, RFC 2822 from feeds), and ``find_date`` for the visible byline in
English or Japanese ("Jan 23, 2023", "23 January 2023", "2025年10月1日", "令和6年4月1日",
"2025/10/01", "2025.05.28", "Published: ..."). A result is timezone-aware only when the
text gives a zone; the calendar date is kept as written, never shifted to UTC, because
the page's own date is what an article is filed under. Neither reader ever raises.

python-dateutil only backs up the ISO reader: its fuzzy parser guesses too freely
(any number becomes a day) to be trusted on running text, and it knows no Japanese forms.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

from dateutil.parser import isoparse

__all__ = ["date_spans", "find_date", "find_dates", "parse_date"]

MIN_YEAR = 1990
MAX_YEAR = 2100

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIME = (
    r"(?:[,\s]*(?:at\s+)?(?P<hh>\d{1,2})(?::|時\s*)(?P<mi>\d{2})(?:分)?"
    r"(?::(?P<ss>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?)?"
)
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}

_PATTERNS = [
    re.compile(
        r"(?P<era>令和|平成|昭和)\s*(?P<ey>元|\d{1,2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
        + _TIME
    ),
    re.compile(
        r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
        r"(?:\s*[（(][月火水木金土日][)）])?" + _TIME
    ),
    re.compile(
        r"(?<![\d.])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"
        r"(?:\s*[（(][月火水木金土日][)）])?"
        r"(?:(?:T|\s+|,\s*)(?P<hh>\d{1,2}):(?P<mi>\d{2})(?::(?P<ss>\d{2}))?)?"
    ),
    re.compile(
        r"(?<![\w])" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)" + _TIME,
        re.I,
    ),
    re.compile(
        r"(?<![\w])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})(?!\d)" + _TIME,
        re.I,
    ),
    # US order first; read day-first when the first number cannot be a month.
    re.compile(r"(?<![\d/])(?P<um>\d{1,2})/(?P<ud>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
]
# a character each pattern cannot match without (a cheap test before it runs), and a digit
_NEEDED = ("年", "年", "", "", "", "/")
_DIGIT_RE = re.compile(r"\d")

_UPDATED_RE = re.compile(
    r"(updated|modified|revised|last\s+edited|更新|改訂|修正)\s*(on|at|日|日時)?\s*[:：]?\s*$",
    re.I,
)
_PUBLISHED_RE = re.compile(
    r"(published|posted|released|issued|公開|配信|掲載|投稿|発表|発行)\s*(on|at|日|日時)?\s*[:：]?\s*$",
    re.I,
)
# Japanese bylines put the label after the date: "2025/10/01 掲載", "2025.05.29 更新".
# A bare trailing label belongs to the date before it; "公開日：" or "更新：" opens the next.
_PUBLISHED_AFTER_RE = re.compile(r"^\s*(配信|掲載|公開|投稿|発行)(?![日時]|\s*[:：])")
_UPDATED_AFTER_RE = re.compile(r"^\s*(更新|改訂|修正)(?![日時]|\s*[:：])")
_LABEL_WINDOW = 16


def parse_date(value: str | None) -> datetime | None:
    """Read a machine date (ISO 8601, RFC 2822, or a visible form); None if there is none."""
    if not value:
        return None
    text = value.strip()
    if not text or len(text) > 200:
        return find_date(text[:200]) if text else None
    for reader in (_from_iso, _from_rfc2822):
        result = reader(text)
        if result is not None and MIN_YEAR <= result.year <= MAX_YEAR:
            return result
    return find_date(text)


def _from_iso(text: str) -> datetime | None:
    """ISO 8601, strict first, then dateutil's reader for the rarer shapes."""
    if not re.match(r"^\d{4}-?\d{2}-?\d{2}", text):
        return None
    candidate = text.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", text) else text
    for reader in (datetime.fromisoformat, isoparse):
        try:
            return reader(candidate)
        except (ValueError, OverflowError, TypeError):
            continue
    return None


def _from_rfc2822(text: str) -> datetime | None:
    """RFC 2822 as in feeds and HTTP: 'Wed, 24 Apr 2024 11:40:00 -0400'."""
    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", text):
        return None
    try:
        result = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return result


def date_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every date written in the text, in reading order."""
    return [(start, end) for start, end, _ in _find_spans(text)]


def find_dates(text: str | None) -> list[datetime]:
    """Every date written in running text, in reading order."""
    return [value for _, _, value in _find_spans(text or "")]


def _find_spans(text: str) -> list[tuple[int, int, datetime]]:
    """(start, end, value) of every date in the text, in reading order, no overlaps."""
    found: list[tuple[int, int, datetime]] = []
    if not _DIGIT_RE.search(text):
        return found  # every pattern needs a digit
    for pattern, needed in zip(_PATTERNS, _NEEDED, strict=True):
        if needed and needed not in text:
            continue
        for match in pattern.finditer(text):
            value = _from_match(match)
            if value is not None and not _overlaps(found, match.start(), match.end()):
                found.append((match.start(), match.end(), value))
    return sorted(found, key=lambda item: item[0])


def _overlaps(found: list[tuple[int, int, datetime]], start: int, end: int) -> bool:
    """Whether a span overlaps one already taken by a more specific pattern."""
    return any(start < other_end and other_start < end for other_start, other_end, _ in found)


def find_date(text: str | None) -> datetime | None:
    """The publication date of a byline: a date labelled 'published' first, else the
    first date that is not labelled 'updated'; None if the text has no date."""
    if not text:
        return None
    spans = _find_spans(text)
    published = [value for start, end, value in spans if _labelled_published(text, start, end)]
    if published:
        return published[0]
    plain = [value for start, end, value in spans if not _labelled_updated(text, start, end)]
    candidates = plain or [value for _, _, value in spans]
    return candidates[0] if candidates else None


def _labelled_published(text: str, start: int, end: int) -> bool:
    """'Published: <date>', '公開日 <date>' or '<date> 配信'."""
    before = text[max(0, start - _LABEL_WINDOW) : start]
    after = text[end : end + _LABEL_WINDOW]
    return bool(_PUBLISHED_RE.search(before) or _PUBLISHED_AFTER_RE.match(after))


def _labelled_updated(text: str, start: int, end: int) -> bool:
    """'Updated: <date>', '更新日 <date>' or '<date> 更新'."""
    before = text[max(0, start - _LABEL_WINDOW) : start]
    after = text[end : end + _LABEL_WINDOW]
    return bool(_UPDATED_RE.search(before) or _UPDATED_AFTER_RE.match(after))


def _from_match(match: re.Match[str]) -> datetime | None:
    """A validated datetime from one pattern match, or None if it is no real date."""
    groups = match.groupdict()
    try:
        month, day = _month_day(groups)
        value = datetime(_year(groups), month, day, *_clock(groups))
    except (KeyError, ValueError, TypeError):
        return None
    return value if MIN_YEAR <= value.year <= MAX_YEAR else None


def _month_day(groups: dict[str, str | None]) -> tuple[int, int]:
    """Month and day of a match: named month, numeric, or US month/day/year."""
    if groups.get("um"):
        first, second = int(groups["um"] or ""), int(groups["ud"] or "")
        return (second, first) if first > 12 else (first, second)
    name = groups.get("mon")
    month = _MONTHS[name.lower()[:3] if name.lower()[:4] != "sept" else "sep"] if name else 0
    return (month or int(groups["m"] or ""), int(groups["d"] or ""))


def _year(groups: dict[str, str | None]) -> int:
    """The Gregorian year of a match, converting Japanese eras (令和元年 = 2019)."""
    era = groups.get("era")
    if era:
        era_year = groups.get("ey") or ""
        return _ERAS[era] + (1 if era_year == "元" else int(era_year))
    return int(groups["y"] or "")


def _clock(groups: dict[str, str | None]) -> tuple[int, int, int]:
    """Hour, minute and second of a match (midnight when no time is written)."""
    if not groups.get("hh"):
        return (0, 0, 0)
    hour, minute = int(groups["hh"] or 0), int(groups["mi"] or 0)
    second = int(groups.get("ss") or 0)
    ampm = (groups.get("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return (0, 0, 0)
    return (hour, minute, second)
