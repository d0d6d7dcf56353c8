"""Which language a text is written in, by its script.

Enough for newsbot's needs: Japanese is told apart by its kana, Chinese by Han without
kana, Korean by Hangul, and so on; Latin-script text is reported as undetermined
(``None``), leaving the choice to the page's declaration or the caller's hint.
"""

from __future__ import annotations

import re
import string

__all__ = ["script_language"]

SAMPLE = 2000
MIN_LETTERS = 20

_SCRIPTS = {
    "kana": re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]+"),
    "han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]+"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]+"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]+"),
    "greek": re.compile(r"[\u0370-\u03ff]+"),
    "arabic": re.compile(r"[\u0600-\u06ff]+"),
    "hebrew": re.compile(r"[\u0590-\u05ff]+"),
    "thai": re.compile(r"[\u0e00-\u0e7f]+"),
    "devanagari": re.compile(r"[\u0900-\u097f]+"),
}
_COMMON = ("kana", "han", "latin")
_CJK_SCRIPTS = ("kana", "han")
# one class of both scripts' ranges (a search for a class skips ahead quickly; for
# "[kana]+|[han]+" the engine would try both branches at every character)
_CJK = re.compile("[" + "".join(_SCRIPTS[name].pattern[1:-2] for name in _CJK_SCRIPTS) + "]")
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
    """Letters of each script in (a sample of) the text; scripts absent are left out.

    Kana, Han and Latin are counted first; the rarer scripts only when those three do
    not already make up most of the sample (most pages are English or Japanese). Letters
    are counted by runs (one match per run, not per letter).
    """
    sample = text[:SAMPLE]
    counts: dict[str, int] = {}
    cjk = _CJK.search(sample) is not None  # one scan tells when kana and Han cannot count
    for name, pattern in _SCRIPTS.items():
        if name in _CJK_SCRIPTS and not cjk:
            continue
        if name not in _COMMON and sum(counts.values()) * 2 > len(sample.replace(" ", "")):
            break
        count = _latin_count(sample) if name == "latin" else sum(map(len, pattern.findall(sample)))
        if count:
            counts[name] = count
    return counts


_ASCII_LETTERS = string.ascii_letters.encode()
_LATIN_EXTENDED = re.compile("[\u00c0-\u024f]+")


def _latin_count(sample: str) -> int:
    """Letters of ``_SCRIPTS["latin"]`` in the sample: the ASCII ones counted by the bytes
    codec (the encoder drops the rest; deleting letters leaves the others), much faster than
    matching every word of an English page, then the accented ones, which are rare."""
    ascii_bytes = sample.encode("ascii", "ignore")
    ascii_letters = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))
    return ascii_letters + sum(map(len, _LATIN_EXTENDED.findall(sample)))


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
