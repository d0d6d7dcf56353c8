"""Japanese tables, read row by row through their header.

A roundup often lists its deals or moves in a table: 「企業 | 調達額 | ラウンド | 主な投資家」,
「買収企業 | 買収先 | 買収額」, 「氏名 | 前職 | 新たな所属 | 役職」. The header says what each
column holds and so what kind of event each row is; every row is its own event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsbot.core.events import Event
from newsbot.core.extract.document import Document
from newsbot.core.extract.ja_deals import round_of
from newsbot.core.extract.ja_entities import find_mentions
from newsbot.core.extract.ja_lex import COUNTRY_PREFIX, KANJI, ROLE_EN, ROLE_WORDS, fold_ja
from newsbot.core.extract.money import find_money
from newsbot.core.extract.numbers import find_count, find_percent
from newsbot.core.extract.text import Sentence

_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("acquirer", r"買収企業|買い手|買収側|取得企業|買収元|買収した企業"),
        ("target", r"買収先|買収対象|対象企業|被買収|買収された企業|売却先"),
        ("investors", r"投資家|出資者|引受先|リード|主導|出資企業|投資企業|出資元"),
        ("amount", r"調達額|金額|出資額|買収額|取得額|規模|総額|投資額|調達金額|契約額"),
        ("round", r"ラウンド|シリーズ|ステージ|段階"),
        ("valuation", r"評価額|企業価値|バリュエーション"),
        ("person", r"氏名|人物|名前|人名"),
        ("from", r"前職|移籍元|出身|前所属|元の所属|旧所属|退任元|現役職|旧役職|前役職|現職"),
        ("to", r"移籍先|就任先|新たな所属|新所属|所属先|転職先|新天地|新会社"),
        ("role", r"役職|ポスト|肩書"),
        ("product", r"製品|サービス名|モデル名|製品名|発表内容|新製品|モデル"),
        ("partners", r"提携先|パートナー|提携企業|提携相手"),
        ("count", r"削減人数|削減数|人数|人員"),
        ("stake", r"出資比率|持ち株比率|取得比率"),
        ("company", r"企業|会社|社名|企業名|スタートアップ|調達企業|発表企業|開発元|事業者"),
        ("content", r"^(?:内容|概要|詳細|案件|案件概要|ポイント|出来事|ニュース)$"),
        ("date", r"^(?:発表日|日付|発表月|時期|日時|月日)$"),
    )
)
_HEAD_PAREN = re.compile(r"(?P<out>[^()]+)\((?P<in>[^()]+)\)")
_CELL_PAREN = re.compile(r"\s?[(（](?P<in>[^()（）]*)[)）]\s?")
_KANJI_SPACE = re.compile(rf"(?<=[{KANJI}])\s+(?=[{KANJI}])")
# cell index; which part of it: "" whole, "out" or "in" a paren; the unit the header gives
Column = tuple[int, str, str]
_UNIT = re.compile(r"(?:兆|億|百万|万|千)?(?:米)?(?:ドル|円|ユーロ|ポンド|元)")
_BARE_NUMBER = re.compile(r"[\d,.]+")
_SPLIT = re.compile(r"[、,，/／]|\s+と\s*|と(?=[米英仏独中])")
_PREFIX = re.compile(
    rf"^[{COUNTRY_PREFIX}](?=[^\s])|^(?:株式会社|\(株\))|(?:株式会社|\(株\)|社|氏)$"
)


@dataclass
class Row:
    """What a table row states: events read through the header, or texts to read as prose
    (a 内容 column) with the row's amount and parties."""

    events: list[Event] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    amount_usd: float | None = None


@dataclass
class TableReader:
    """The header of the table being read, if any."""

    doc: Document
    header: dict[str, Column] = field(default_factory=dict)
    last_index: int = -2

    def read(self, sentence: Sentence, home: str | None = None) -> Row | None:
        """A table row (no events for a header); None when the sentence is no table row.
        ``home`` is the company the article is about, the employer in a 人事 table."""
        cells = tuple(getattr(sentence, "cells", ()) or ())
        if not cells:
            self.header = {}
            return None
        header = _header(cells)
        if header:
            self.header, self.last_index = header, sentence.index
            return Row()
        if not self.header or sentence.index != self.last_index + 1:
            self.header = {}
            return None
        self.last_index = sentence.index
        row = {name: _cell(cells, col) for name, col in self.header.items() if col[0] < len(cells)}
        if row.get("content"):
            return _prose_row(self.doc, row)
        event = _row_event(self.doc, row, sentence, home)
        return Row([event] if event is not None else [])


def _cell(cells: tuple[str, ...], col: Column) -> str:
    text = cells[col[0]].strip()
    if col[2] and _BARE_NUMBER.fullmatch(fold_ja(text)):
        return text + col[2]  # 金額（億ドル） | 320
    paren = _CELL_PAREN.search(fold_ja(text))
    if col[1] == "in":
        return paren.group("in").strip() if paren else ""
    if col[1] == "out" and paren:
        return (text[: paren.start()] + text[paren.end() :]).strip()
    return text


def _header(cells: tuple[str, ...]) -> dict[str, Column]:
    if any(find_money(cell, lang="ja") for cell in cells):
        return {}
    found: dict[str, Column] = {}
    for i, cell in enumerate(cells):
        text = fold_ja(cell.strip())
        paren = _HEAD_PAREN.fullmatch(text)
        unit = (
            paren.group("in").strip()
            if paren and _UNIT.fullmatch(paren.group("in").strip())
            else ""
        )
        if unit or not paren:
            parts = [((paren.group("out") if paren else text), "")]
        else:
            parts = [(paren.group("out"), "out"), (paren.group("in"), "in")]
        for part, where in parts:
            name = _column(part.strip(), found)
            if name:
                found[name] = (i, where, unit)
    return found if len(found) >= 2 else {}


def _column(text: str, found: dict[str, Column]) -> str | None:
    for name, pattern in _COLUMNS:
        if name not in found and pattern.search(text) and len(text) <= 12:
            return name
    return None


def _prose_row(doc: Document, row: dict[str, str]) -> Row:
    """発表日 | 企業 | 内容 | 金額: the content is prose about the row's companies."""
    lead = "、".join(x for x in (row.get("date", ""), row.get("company", "")) if x)
    texts = [t for t in re.split(r"(?<=。)", row["content"]) if t.strip()]
    if lead and texts:
        texts[0] = f"{lead}では、{texts[0]}"
    return Row(texts=texts, amount_usd=_usd(doc, row.get("amount", "")))


def _row_event(
    doc: Document, row: dict[str, str], sentence: Sentence, home: str | None
) -> Event | None:
    for kind, build in _BUILDERS:
        fields = build(doc, row, home)
        if fields is not None:
            return Event(kind, fields, sentence.text, 0.6, extra={"sent": sentence.index})
    return None


def name_of(doc: Document, cell: str) -> str | None:
    """A cell holding one name: the registry's name, else the cell without 米/株式会社. A
    parenthesis (Poolside（シリーズB）, ノースポール（旧ポーラーAI）) only adds to the name: the
    name inside is used when only it is known (米データブリックス（Databricks）)."""
    text = fold_ja(cell).strip()
    if not text or text in ("-", "—", "非公表", "不明", "なし"):
        return None
    outer, inner = _paren_parts(text)
    if inner and outer:
        known = [p for p in re.split(r"[、,]\s*", inner) if doc.registry.lookup(p) is not None]
        return _one_name(doc, outer if doc.registry.lookup(outer) or not known else known[0])
    return _one_name(doc, text)


def _paren_parts(text: str) -> tuple[str, str]:
    """The cell without its parenthesis, and what the parenthesis holds."""
    paren = _CELL_PAREN.search(text)
    if paren is None:
        return text, ""
    return (text[: paren.start()] + text[paren.end() :]).strip(), paren.group("in").strip()


def _one_name(doc: Document, text: str) -> str | None:
    found = find_mentions(text, doc.registry)
    if len(found) == 1 and found[0].name and found[0].end - found[0].start >= len(text) - 2:
        return found[0].name
    entry = doc.registry.lookup(_PREFIX.sub("", text))
    return entry.name if entry is not None else _PREFIX.sub("", text) or None


def _names(doc: Document, cell: str) -> list[str]:
    out = []
    for part in _split_outside_parens(fold_ja(cell)):
        name = name_of(doc, re.sub(r"(?:など|ら|ほか)$", "", part.strip()))
        if name and name not in out:
            out.append(name)
    return out


def _split_outside_parens(text: str) -> list[str]:
    """A, B（別名、補足）, C: the names, never cut inside a parenthesis."""
    parts, start, depth = [], 0, 0
    for m in re.finditer(rf"[()]|{_SPLIT.pattern}", text):
        if m.group() in "()":
            depth = max(0, depth + (1 if m.group() == "(" else -1))
        elif depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    return [*parts, text[start:]]


def _usd(doc: Document, cell: str) -> float | None:
    found = find_money(cell, lang="ja", on=doc.date, rates=doc.rates)
    return float(round(found[0].money.usd)) if found and found[0].money.usd is not None else None


def _acquisition(doc: Document, row: dict[str, str], home: str | None) -> dict[str, Any] | None:
    buyer, target = name_of(doc, row.get("acquirer", "")), name_of(doc, row.get("target", ""))
    if not (buyer and target):
        return None
    return {"acquirer": buyer, "target": target, "amount_usd": _usd(doc, row.get("amount", ""))}


def _investment(doc: Document, row: dict[str, str], home: str | None) -> dict[str, Any] | None:
    company = name_of(doc, row.get("company", ""))
    if not company or not ({"investors", "round", "amount", "valuation"} & row.keys()):
        return None
    stake = find_percent(row.get("stake", ""))
    return {
        "company": company,
        "investors": _names(doc, row.get("investors", "")),
        "amount_usd": _usd(doc, row.get("amount", "")),
        "stake_pct": stake[0].value if stake else None,
        "valuation_usd": _usd(doc, row.get("valuation", "")),
        "round": _round(row),
    }


def _round(row: dict[str, str]) -> str | None:
    """The round column, else a round written in the company or amount cell (…（シリーズB）)."""
    if row.get("round"):
        return round_of(fold_ja(row["round"]))
    return round_of(fold_ja(row.get("company", ""))) or round_of(fold_ja(row.get("amount", "")))


def _move(doc: Document, row: dict[str, str], home: str | None) -> dict[str, Any] | None:
    """氏名 | 新役職 | 現役職: a 人事 table of the company the article is about."""
    person = name_of(doc, _KANJI_SPACE.sub("", row.get("person", "")))
    if not person:
        return None
    dest = name_of(doc, row.get("to", "")) or (home if "role" in row else None)
    source = _origin(doc, row.get("from", ""), home)
    if not (source or dest):
        return None
    return {"person": person, "from": source, "to": dest, "role": role_en(row.get("role", ""))}


def _origin(doc: Document, cell: str, home: str | None) -> str | None:
    """A former post: at a company named in it, else (a bare role) at the home company."""
    text = fold_ja(cell).strip()
    companies = [m for m in find_mentions(text, doc.registry) if m.kind == "company" and m.name]
    if companies:
        return companies[0].name
    if re.search(ROLE_WORDS, text):
        return home
    return name_of(doc, cell)


def role_en(cell: str) -> str | None:
    """The last (most specific) role word of a cell, in English: 代表取締役社長CEO → CEO."""
    words: list[str] = re.findall(ROLE_WORDS, fold_ja(cell))
    if not words:
        return cell.strip() or None
    return ROLE_EN.get(words[-1], words[-1])


def _launch(doc: Document, row: dict[str, str], home: str | None) -> dict[str, Any] | None:
    company, product = name_of(doc, row.get("company", "")), row.get("product", "").strip("「」 ")
    return {"company": company, "product": product} if company and product else None


def _partnership(doc: Document, row: dict[str, str], home: str | None) -> dict[str, Any] | None:
    companies = _names(doc, row.get("company", "")) + _names(doc, row.get("partners", ""))
    if len(set(companies)) < 2:
        return None
    return {"companies": list(dict.fromkeys(companies)), "summary": " / ".join(row.values())}


def _layoff(doc: Document, row: dict[str, str], home: str | None) -> dict[str, Any] | None:
    company = name_of(doc, row.get("company", ""))
    if not company or "count" not in row:
        return None
    counts = find_count(row["count"], lang="ja")
    value = counts[0].value if counts else None
    if value is None and row["count"].replace(",", "").strip().isdigit():
        value = int(row["count"].replace(",", "").strip())
    return {"company": company, "count": value}


_BUILDERS = (
    ("acquisition", _acquisition),
    ("talent_move", _move),
    ("partnership", _partnership),
    ("layoff", _layoff),
    ("product_launch", _launch),
    ("investment", _investment),
)
