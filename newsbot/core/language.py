"""Which language a text is written in, by its script.

Enough for newsbot's needs: Japanese is told apart by its kana, Chinese by Han without
kana, Korean by Hangul, and so on; Latin-script text is reported as undetermined
(``None``), leaving the choice to the page's declaration or the caller's hint.
"""

from __future__ import annotations

__all__ = ["script_language"]

SAMPLE = 6000
MIN_LETTERS = 20

_RANGES = (
    ("kana", 0x3040, 0x30FF),
    ("kana", 0x31F0, 0x31FF),
    ("kana", 0xFF66, 0xFF9F),
    ("han", 0x3400, 0x4DBF),
    ("han", 0x4E00, 0x9FFF),
    ("han", 0xF900, 0xFAFF),
    ("hangul", 0xAC00, 0xD7AF),
    ("hangul", 0x1100, 0x11FF),
    ("cyrillic", 0x0400, 0x04FF),
    ("greek", 0x0370, 0x03FF),
    ("arabic", 0x0600, 0x06FF),
    ("hebrew", 0x0590, 0x05FF),
    ("thai", 0x0E00, 0x0E7F),
    ("devanagari", 0x0900, 0x097F),
)
_SCRIPT_LANG = {
    "hangul": "ko",
    "cyrillic": "ru",
    "greek": "el",
    "arabic": "ar",
    "hebrew": "he",
    "thai": "th",
    "devanagari": "hi",
}


def script_counts(text: str) -> dict[str, int]:
    """Letters of each script in (a sample of) the text; 'latin' for the rest."""
    counts: dict[str, int] = {}
    for char in text[:SAMPLE]:
        if not char.isalpha():
            continue
        script = _script(ord(char))
        counts[script] = counts.get(script, 0) + 1
    return counts


def _script(code: int) -> str:
    """The script of one letter's code point."""
    if code < 0x0250:
        return "latin"
    for name, low, high in _RANGES:
        if low <= code <= high:
            return name
    return "other"


def script_language(text: str) -> str | None:
    """'ja', 'zh', 'ko', 'ru'… when a non-Latin script makes up most letters, else None."""
    counts = script_counts(text)
    letters = sum(counts.values())
    if letters < MIN_LETTERS:
        return None
    kana, han = counts.get("kana", 0), counts.get("han", 0)
    if kana + han > letters / 2:
        return "ja" if kana >= 0.05 * (kana + han) else "zh"
    script, count = max(counts.items(), key=lambda item: item[1])
    if count > letters / 2:
        return _SCRIPT_LANG.get(script)
    return None


def japanese_share(text: str) -> float:
    """Share of letters that are kana or kanji (0.0 for a text without letters)."""
    counts = script_counts(text)
    letters = sum(counts.values())
    return (counts.get("kana", 0) + counts.get("han", 0)) / letters if letters else 0.0
