"""Is a katakana name the same person as a Latin one? (マリーアンヌ・ラショー ~ Marie-Anne Lachaux)

Japanese articles write foreign names in katakana only. To find the person an English
article already named, both spellings are reduced to a phonetic skeleton that drops what
katakana cannot tell apart — vowels and their length, l/r, b/v, silent letters — and the
skeletons are compared. The test is deliberately strict: the caller only asks it about
people who already share an event's other participants.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

_DIGRAPHS = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "シャ": "sha", "シュ": "shu", "ショ": "sho",
    "シェ": "she", "チャ": "cha", "チュ": "chu", "チョ": "cho", "チェ": "che", "ニャ": "nya",
    "ニュ": "nyu", "ニョ": "nyo", "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ミャ": "mya",
    "ミュ": "myu", "ミョ": "myo", "リャ": "rya", "リュ": "ryu", "リョ": "ryo", "ギャ": "gya",
    "ギュ": "gyu", "ギョ": "gyo", "ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ジェ": "je",
    "ビャ": "bya", "ビュ": "byu", "ビョ": "byo", "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo",
    "ティ": "ti", "ディ": "di", "トゥ": "tu", "ドゥ": "du", "ファ": "fa", "フィ": "fi",
    "フェ": "fe", "フォ": "fo", "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ヴァ": "va",
    "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo", "ツァ": "tsa", "デュ": "dyu", "テュ": "tyu",
}  # fmt: skip
_KANA = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
    "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョ",
    "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
    "ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo da ji zu de do "
    "ba bi bu be bo pa pi pu pe po vu a i u e o ya yu yo".split(),
    strict=True,
))  # fmt: skip
_LATIN_RULES = (
    (r"ph", "f"), (r"ch", "sh"), (r"ck", "k"), (r"qu", "k"), (r"x", "ks"),
    (r"c(?=[eiy])", "s"), (r"c", "k"), (r"q", "k"), (r"wh", "w"), (r"gh", ""),
    (r"y(?![aeiou])", "i"), (r"z", "j"), (r"dj", "j"), (r"ts", "s"),
    (r"(?<=[aeiou])ill(?=[aeiou])", "iy"), (r"ng\b", "n"),
)  # fmt: skip
_SKELETON_RULES = (
    (r"l", "r"), (r"v", "b"), (r"f", "h"), (r"z", "j"), (r"y", "j"), (r"sh", "s"), (r"ts", "s"),
    (r"dj", "j"),
    (r"([a-z])\1+", r"\1"), (r"[aeiouw]", ""), (r"(?<=[^a-z])h|^h", ""), (r"h", ""),
)  # fmt: skip
MIN_SCORE = 80.0


def is_katakana_name(name: str) -> bool:
    """A name written in katakana (with ・ or spaces between its parts)."""
    letters = [ch for ch in name if not ch.isspace() and ch not in "・･=＝-"]
    return bool(letters) and all("\u30a0" <= ch <= "\u30ff" for ch in letters)


def katakana_to_romaji(text: str) -> str:
    """Hepburn-like romaji: ギヨーム・ランプル → giyoomu ranpuru."""
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    i = 0
    while i < len(text):
        pair, ch = text[i : i + 2], text[i]
        if pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
            continue
        if ch == "ッ":
            out.append("\x00")  # doubles the next consonant
        elif ch == "ー":
            out.append(out[-1][-1] if out and out[-1] else "")
        elif ch in "・･ ":
            out.append(" ")
        else:
            out.append(_KANA.get(ch, ""))
        i += 1
    romaji = "".join(out)
    return re.sub(r"\x00([a-z])", r"\1\1", romaji).replace("\x00", "")


def _latin(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = re.sub(r"(?<=[a-z])-(?=[a-z])", "", folded)  # Marie-Anne is one word in katakana
    folded = re.sub(r"[^a-z ]+", " ", folded)
    for pattern, replacement in _LATIN_RULES:
        folded = re.sub(pattern, replacement, folded)
    return folded


def skeleton(word: str) -> str:
    """The consonants of a romanised word, with what katakana confuses merged."""
    word = re.sub(r"(?<=[^aeiou])u(?=[^aeiou]|$)|(?<=[td])o$|(?<=[^aeiou])[iu]$", "", word)
    word = re.sub(r"n(?=[bmp])", "m", word)
    for pattern, replacement in _SKELETON_RULES:
        word = re.sub(pattern, replacement, word)
    return word


def _latin_variants(word: str) -> set[str]:
    """How katakana may read a Latin word: th as t or s, a silent final x, a final r as a
    long vowel."""
    variants = {word.replace("th", "t"), word.replace("th", "s")}
    variants |= {re.sub(r"ks$", "", v) for v in variants}
    variants |= {re.sub(r"r$", "", v) for v in variants}
    return {s for s in map(skeleton, variants) if s}


def same_person(katakana: str, latin: str) -> bool:
    """Whether a katakana name plausibly transliterates a Latin-script name, word by word."""
    if not is_katakana_name(katakana) or is_katakana_name(latin):
        return False
    ja = [s for s in map(skeleton, katakana_to_romaji(katakana).split()) if s]
    en = [_latin_variants(w) for w in _latin(latin).split()]
    en = [v for v in en if v]
    if not ja or len(ja) != len(en):
        return False
    return all(
        max(fuzz.ratio(a, b) for b in options) >= MIN_SCORE
        for a, options in zip(ja, en, strict=True)
    )


_RUNS = re.compile(r"[\u30a1-\u30fa\u30fc-\u30ff]+|[A-Za-z\u00c0-\u024f]+|[^\W\d_\u30a0-\u30ff]+|\d+")


def _tokens(name: str) -> list[str]:
    """Words of a name, split at spaces, ・ and changes of script (DSTグローバル → DST, グローバル)."""
    folded = unicodedata.normalize("NFKC", name)
    return _RUNS.findall(folded)


def _same_token(a: str, b: str) -> bool:
    a_kana, b_kana = is_katakana_name(a), is_katakana_name(b)
    if a_kana == b_kana:
        return a.casefold() == b.casefold()
    kana, latin = (a, b) if a_kana else (b, a)
    ja = skeleton(katakana_to_romaji(kana).replace(" ", ""))
    options = _latin_variants(_latin(latin).replace(" ", "")) or {""}
    return bool(ja) and max(fuzz.ratio(ja, v) for v in options) >= MIN_SCORE


def spelling_score(katakana: str, latin: str) -> float:
    """How closely a katakana word spells a Latin one, as a whole (0–100; グロック: Groq 100,
    Graphcore 86)."""
    ja = skeleton(katakana_to_romaji(katakana).replace(" ", ""))
    options = _latin_variants(_latin(latin).replace(" ", "")) or {""}
    return max(fuzz.ratio(ja, v) for v in options) if ja else 0.0


def same_name(a: str, b: str) -> bool:
    """Whether two names of one kind, at least one partly in katakana, spell the same name
    word by word (Altimeter Capital ~ アルティメーター・キャピタル, DST Global ~ DSTグローバル)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or len(ta) != len(tb) or not any(map(is_katakana_name, ta + tb)):
        return False
    return all(_same_token(x, y) for x, y in zip(ta, tb, strict=True))
