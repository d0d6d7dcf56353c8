"""Numbers in running text: digits in any width, Japanese 万/億/兆 groups, percentages, head counts.

Every finder works on the text as given and returns character offsets into it: full-width
digits and signs are folded one character for one (``fold``), so offsets never shift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FOLD = str.maketrans("０１２３４５６７８９，．％＄￥＋－：", "0123456789,.%$¥+-:")
_JA_UNITS = {"兆": 1e12, "億": 1e8, "万": 1e4}
_WORD_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
_SMALL_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a dozen": 12,
    "a hundred": 100,
    "a thousand": 1000,
}

NUM = r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+"
# a Japanese amount: 1兆2000億, 1億5,000万, 7.5億, 1000万, 3千万 (no bare number)
JA_NUM = (
    r"(?:(?:\d[\d,]*(?:\.\d+)?)兆)?(?:(?:\d[\d,]*(?:\.\d+)?)千?億)?"
    r"(?:(?:\d[\d,]*(?:\.\d+)?)千?(?:百)?万)?(?:\d[\d,]*(?:\.\d+)?)?"
)
_JA_GROUP = re.compile(r"(\d[\d,]*(?:\.\d+)?)?(千)?(百)?(兆|億|万)?")
APPROX_EN = (
    r"(?:about|around|approximately|roughly|some|nearly|almost|close to|more than|over|"
    r"less than|under|up to|at least|as much as|as many as)"
)


_UNIT_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS_WORDS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
_UNIT_RE = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_TENS_RE = "|".join(_TENS_WORDS)
_BELOW_100 = rf"(?:(?:{_TENS_RE})(?:[-\s](?:{_UNIT_RE}))?|{_UNIT_RE})"
# a number written in words before a scale word: "two hundred", "one and a half", "half a",
# "a", "twenty-five", "three hundred and fifty" (whole words; no bare scale)
WORD_NUM = (
    rf"(?:half\s+an?|(?:an?|{_BELOW_100})(?:\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?)?"
    rf"(?:\s+and\s+a\s+(?:half|quarter))?)"
)
_WORD_TOKEN = re.compile(r"[a-z]+")


def parse_number_words(text: str) -> float | None:
    """``"two hundred"`` → 200.0, ``"one and a half"`` → 1.5, ``"half a"`` → 0.5; else None."""
    if not re.fullmatch(WORD_NUM, text.strip(), re.IGNORECASE):
        return None
    words = _WORD_TOKEN.findall(text.lower())
    if words[0] == "half":
        return 0.5 if words[1:] in (["a"], ["an"]) else None
    total, current, fraction, seen = 0.0, 0.0, 0.0, False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "and" and words[i + 1 : i + 3] in (["a", "half"], ["a", "quarter"]):
            fraction = 0.5 if words[i + 2] == "half" else 0.25
            i += 3
            if i != len(words):
                return None
            break
        if word in ("a", "an") and not seen:
            current, seen = 1.0, True
        elif word in _UNIT_WORDS:
            current, seen = current + _UNIT_WORDS[word], True
        elif word in _TENS_WORDS:
            current, seen = current + _TENS_WORDS[word], True
        elif word == "hundred" and seen:
            total, current = total + (current or 1.0) * 100, 0.0
        elif word != "and" or not seen:
            return None
        i += 1
    return total + current + fraction if seen else None


def fold(text: str) -> str:
    """Full-width digits and signs to ASCII, one character for one."""
    return text.translate(_FOLD)


def parse_number(text: str) -> float | None:
    """``"1,300.5"`` → 1300.5; None when it is not a plain number."""
    cleaned = fold(text).replace(",", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        return None


def scale_of(word: str) -> float:
    """Multiplier of an English scale word (``billion``, ``bn``, ``M``); 1 when unknown."""
    return _WORD_SCALES.get(word.lower().rstrip("."), 1.0)


def parse_ja_number(text: str) -> float | None:
    """``"1億5,000万"`` → 150000000.0; ``"7.5億"`` → 750000000.0; None if no digits."""
    text = fold(text)
    if not re.search(r"\d", text):
        return None
    total, pos = 0.0, 0
    while pos < len(text):
        m = _JA_GROUP.match(text, pos)
        if not m or m.end() == pos:
            return None
        value = parse_number(m.group(1)) if m.group(1) else 1.0
        if value is None:
            return None
        value *= (1000 if m.group(2) else 1) * (100 if m.group(3) else 1)
        total += value * _JA_UNITS.get(m.group(4) or "", 1.0)
        pos = m.end()
    return total


@dataclass(frozen=True, slots=True)
class PercentMatch:
    """A percentage in the text: ``value`` in points (49.0 for 49%)."""

    start: int
    end: int
    value: float


_PERCENT = re.compile(rf"({NUM})\s?(?:%|percent\b|per cent\b|パーセント)")


def find_percent(text: str) -> list[PercentMatch]:
    """Every percentage: ``49%``, ``49 percent``, ``４９％``, ``4.9 per cent``."""
    found = []
    for m in _PERCENT.finditer(fold(text)):
        value = parse_number(m.group(1))
        if value is not None:
            found.append(PercentMatch(m.start(), m.end(), value))
    return found


@dataclass(frozen=True, slots=True)
class CountMatch:
    """A head count: ``10,000 jobs`` → value 10000, noun ``jobs``."""

    start: int
    end: int
    value: int
    noun: str
    approximate: bool = False


COUNT_NOUNS = (
    "jobs|employees|workers|roles|positions|staff|staffers|people|members|engineers|"
    "researchers|contractors|workforce"
)
# the words a head count in words holds (a sentence with none needs no search for one)
COUNT_WORDS = frozenset((*_UNIT_WORDS, *_TENS_WORDS, "hundred", "dozen")) - {"zero"}
# a head count in words: "nine", "forty", "two hundred", "a dozen", "half a dozen", "a hundred"
# (not a bare "a"/"one": "one of its engineers" names a person, not a cut)
_COUNT_WORDS = (
    rf"\b(?:(?:{_BELOW_100}|a|half\s+a)\s+dozen|a\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?|"
    rf"(?!(?:an?|zero|half)\b|one\b(?!\s+hundred)){WORD_NUM})(?![\w-])"
)
_COUNT_EN = re.compile(
    rf"(?:\b({APPROX_EN})\s+)?(\d+(?:,\d{{3}})*(?:\.\d+)?|{_COUNT_WORDS})(\s?(?:k|thousand)\b)?"
    rf"(?:\s+[a-z-]+){{0,2}}?\s+({COUNT_NOUNS})\b",
    re.IGNORECASE,
)
_COUNT_JA = re.compile(
    r"(約|およそ|最大|少なくとも)?(\d[\d,]*(?:\.\d+)?)(万|千)?(\d[\d,]*)?(人|名)"
)


def find_count(text: str, *, lang: str = "en") -> list[CountMatch]:
    """Head counts: ``10,000 jobs``, ``about 1,000 employees``, ``1万人``, ``約500人``."""
    folded = fold(text)
    return _find_count_ja(folded) if lang == "ja" else _find_count_en(folded)


def _find_count_en(text: str) -> list[CountMatch]:
    found = []
    for m in _COUNT_EN.finditer(text):
        value = parse_number(m.group(2)) if m.group(2)[0].isdigit() else _count_words(m.group(2))
        if value is None:
            continue
        if m.group(3):
            value *= 1000
        start = m.start(2) if not m.group(1) else m.start(1)
        found.append(CountMatch(start, m.end(), round(value), m.group(4).lower(), bool(m.group(1))))
    return found


def _count_words(text: str) -> float | None:
    """ "nine" → 9, "half a dozen" → 6, "two dozen" → 24, "a hundred" → 100."""
    words = text.lower().split()
    if words[-1] == "dozen":
        head = " ".join(words[:-1])
        number = 1.0 if head == "a" else parse_number_words(head)
        return 12 * number if number else None
    if words[0] == "a":
        words[0] = "one"
    return parse_number_words(" ".join(words))


def _find_count_ja(text: str) -> list[CountMatch]:
    found = []
    for m in _COUNT_JA.finditer(text):
        value = parse_number(m.group(2))
        if value is None:
            continue
        value *= {"万": 10000, "千": 1000}.get(m.group(3) or "", 1)
        if m.group(3) and m.group(4):
            value += parse_number(m.group(4)) or 0  # 1万2000人
        elif m.group(4):
            continue
        found.append(CountMatch(m.start(), m.end(), round(value), m.group(5), bool(m.group(1))))
    return found


def small_number(word: str) -> int | None:
    """``"three"`` → 3 for the few number words news uses for counts of people."""
    return _SMALL_WORDS.get(word.lower())
