"""Article text → units the rules read: sentences, list items, table rows, headings.

``Article.text`` separates paragraphs with a blank line; a single newline inside a paragraph
separates list items or table rows, each its own block. A block is cut into sentences: at
。！？ outside 「」『』（） for Japanese; at . ! ? for English, except after abbreviations
("Inc.", "U.S.", "Mr.", "Calif."), initials and decimals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ITEM_MARK = re.compile(r"^\s*(?:[-*•・●■◆▪‣◦]|\d{1,2}[.)]|\(\d{1,2}\))\s+")
_TABLE_SEP = re.compile(r"\s*(?:\t|\s\|\s)\s*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EN_ABBREVIATIONS = _words(
    "mr mrs ms dr prof sr jr st mt ft no nos vs etc inc corp co ltd llc plc bros dept est "
    "gov govt sen rep gen col lt sgt capt cmdr adm jan feb mar apr jun jul aug sep sept oct nov "
    "dec calif mont mass conn wash ariz colo fla ill ind mich minn penn tenn va wis ore "
    "approx fig al e.g i.e u.s u.k u.n a.m p.m n.y d.c s.a n.v a.g e.u ph.d "
    "no. ave blvd rd"
)
# abbreviations that can also end a sentence: split after them before a sentence starter
_FINAL_ABBREVIATIONS = _words("inc corp co ltd llc plc etc u.s u.k a.m p.m d.c e.u")
_STARTERS = _words(
    "the a an it its he she they we i in on at for but and as after before when while this "
    "that these those his her their our its some many most other others both neither none "
    "there here last earlier later meanwhile however still also under since until if"
)
_EN_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?(?:[A-Z0-9]|[a-z]{1,3}[A-Z]))")
_END_MARKS = frozenset('.!?。！？:：”"')
_JA_OPEN, _JA_CLOSE = "「『（(【〈《", "」』）)】〉》"
_JA_END = "。！？!?"
_JA_MARK = re.compile(f"[{re.escape(_JA_OPEN + _JA_CLOSE + _JA_END)}]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One unit of text with where it came from.

    ``kind`` is ``title``, ``heading``, ``item`` (list item or table row) or ``text``.
    ``block`` numbers the block (paragraph, item, row) it belongs to; ``first`` says it opens
    that block. A table row keeps its ``cells`` (the text joins them with "; "). ``listed``
    says the block is one line of a paragraph of several (a list's line, even one without a
    mark or end punctuation that ``kind`` calls a heading). ``spoken`` says the block is one
    quote of its own (an interview's answer 「…。…」): its sentences are the speaker's, read
    as prose without the brackets.
    """

    index: int
    text: str
    block: int
    kind: str
    first: bool = True
    cells: tuple[str, ...] = ()
    listed: bool = False
    spoken: bool = False


def split_sentences(text: str, *, lang: str) -> list[str]:
    """Sentences of one block of text, stripped, none empty."""
    pieces = _split_ja(text) if lang == "ja" else _split_en(text)
    return [p.strip() for p in pieces if p.strip()]


def split_units(title: str, text: str, *, lang: str) -> list[Sentence]:
    """The title, then every sentence of every block of ``text``, numbered in order."""
    units: list[Sentence] = []
    if title.strip():
        units.append(Sentence(0, title.strip(), 0, "title"))
    asked = False  # inside an interview's answer: after a question turn (――資金面は。)
    for block_no, (kind, block, cells, listed) in enumerate(_blocks(text), start=1):
        if cells:
            units.append(Sentence(len(units), block, block_no, kind, True, cells, listed))
            continue
        inner = _turn(block) if lang == "ja" and not listed else None
        question = lang == "ja" and _QUESTION_TURN.match(block) is not None
        if asked and inner is None and _CLOSING.match(block):
            asked = False  # （聞き手＝…）, a bio: the interview is over
        spoken = inner is not None or (asked and not question and not listed)
        if inner is not None:
            kind, block = "text", inner
        elif spoken and kind == "heading" and not block.endswith(("?", "？")):
            kind = "text"  # an answer of one short line
        asked = question or (asked and spoken)
        for i, sentence in enumerate(split_sentences(block, lang=lang)):
            units.append(Sentence(len(units), sentence, block_no, kind, i == 0, (), listed, spoken))
    return units


# An interviewer's question opening its paragraph: ――資金面は。, ―― 今後は？, —経歴は。
_QUESTION_TURN = re.compile(r"^\s*(?:―{1,2}|—{1,2}|─{2}|-{2})\s?\S")


# What closes an interview, not the interviewee's words: the credits (（聞き手＝…）,
# （構成・文＝…）, （取材・写真＝…）, （了）), a profile's heading, or a bio opening on a
# name with its reading (佐藤花子（さとう・はなこ）) or on a birth year (1985年生まれ).
_CLOSING = re.compile(
    r"^\s*(?:[（(](?:[^（）()]{0,12}(?:聞き手|構成|取材|文|写真|撮影|編集|インタビュアー|司会)"
    r"[^（）()]{0,6}[=＝：:]|了[）)]|おわり[）)]|終わり[）)]|完[）)])"
    r"|[■●◆【\[]?\s?(?:プロフィール|PROFILE|Profile|略歴|筆者紹介|著者紹介|執筆者紹介)"
    r"|[^。「」（）()]{2,20}[（(][ぁ-ゖー・\s]{3,20}[）)]"
    r"|(?:19|20)\d\d年[^。、に]{0,10}生まれ(?:[。、\s]|$))"
)


def _turn(block: str) -> str | None:
    """The words of a block that is one quote and nothing else (「…」 or 「…」。), else None."""
    text = block.strip()
    if not text.startswith("「"):
        return None
    depth = 0
    for m in _JA_MARK.finditer(text):
        ch = m.group()
        if ch in _JA_OPEN:
            depth += 1
        elif ch in _JA_CLOSE:
            depth -= 1
            if depth == 0:
                rest = text[m.end() :].strip()
                if rest not in ("", "。") or ch != "」":
                    return None
                inner = text[1 : m.start()].strip()
                return inner if inner[-1:] in _JA_END else inner + "。"
    return None


def _blocks(text: str) -> list[tuple[str, str, tuple[str, ...], bool]]:
    blocks: list[tuple[str, str, tuple[str, ...], bool]] = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in paragraph.split("\n") if ln.strip()]
        several = len(lines) > 1
        for line in lines:
            blocks.append((*_classify(line, several), several))
    return blocks


def _classify(line: str, in_list: bool) -> tuple[str, str, tuple[str, ...]]:
    marked = _ITEM_MARK.match(line)
    if marked:
        return "item", line[marked.end() :], ()
    if ("\t" in line or " | " in line) and _TABLE_SEP.search(line):
        cells = tuple(c.strip() for c in _TABLE_SEP.split(line.strip(" |")))
        return "item", "; ".join(cells), cells
    if _is_heading(line):
        return "heading", line, ()
    return ("item" if in_list else "text"), line, ()


def _is_heading(line: str) -> bool:
    return len(line) < 90 and line.rstrip()[-1:] not in _END_MARKS


def _split_en(text: str) -> list[str]:
    pieces, start = [], 0
    for m in _EN_BOUNDARY.finditer(text):
        if _is_abbreviation(text, m.start(), m.end()):
            continue
        pieces.append(text[start : m.end()])
        start = m.end()
    pieces.append(text[start:])
    return pieces


_LETTER_NAMES = re.compile(r"\b(?:[Ss]eries|[Cc]lass|[Pp]hase|[Tt]ier|[Pp]lan)\s+$")
_DIGIT_NEXT = re.compile(r"\s+\d")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(]?([A-Za-z]+)")


def _is_abbreviation(text: str, dot: int, end: int) -> bool:
    if text[dot] != "." or (end - dot > 1 and text[dot + 1] == "."):
        return False
    begin = dot
    while begin > 0 and (
        text[begin - 1].isascii() and (text[begin - 1].isalpha() or text[begin - 1] == ".")
    ):
        begin -= 1
    while begin < dot and not text[begin].isalpha():
        begin += 1  # the word starts with a letter
    if begin == dot:
        return dot > 0 and text[dot - 1].isdigit() and bool(_DIGIT_NEXT.match(text, end))
    word = text[begin:dot].lower()
    if len(word) == 1:
        # an initial ("J. Smith"), not a round's or share class's letter ("in a Series B.")
        return not _LETTER_NAMES.search(text, max(0, begin - 12), begin)
    if word not in _EN_ABBREVIATIONS:
        return False
    if word in _FINAL_ABBREVIATIONS:
        nxt = _NEXT_WORD.match(text, end)
        return not (nxt and nxt.group(1).lower() in _STARTERS)
    return True


def _split_ja(text: str) -> list[str]:
    pieces, depth, start = [], 0, 0
    for m in _JA_MARK.finditer(text):  # only the brackets and end marks, not every character
        ch, i = m.group(), m.start()
        if ch in _JA_OPEN:
            depth += 1
        elif ch in _JA_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            if i + 1 < len(text) and text[i + 1] in _JA_END:
                continue
            pieces.append(text[start : i + 1])
            start = i + 1
    pieces.append(text[start:])
    return pieces
