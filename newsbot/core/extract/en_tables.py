"""Tables of deals, read row by row through their header.

A table whose header names a company column and an amount, round, investor or buyer
column ("Company | Round | Amount | Lead investor", "Acquirer | Target | Price") gives one
investment or acquisition per row. Names go through the registry; amounts through
``find_money``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsbot.core.events import Event
from newsbot.core.extract.document import Document
from newsbot.core.extract.money import find_money
from newsbot.core.extract.text import Sentence

_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("acquirer", r"^(?:acquirer|buyer|acquired\s+by|purchaser|acquiring\s+company|bidder)s?$"),
        (
            "target",
            r"^(?:target|acquired|company\s+acquired|acquisition|acquired\s+company|"
            r"seller|bought)$",
        ),
        (
            "company",
            r"^(?:company|startup|start-up|firm|name|recipient|business|issuer|"
            r"raised\s+by|who\s+raised)$",
        ),
        (
            "lead",
            r"^(?:lead(?:\s+investors?)?|led\s+by|lead\(s\)|lead\s+investor\(s\)|"
            r"lead\s+backers?|anchor(?:\s+investor)?)$",
        ),
        (
            "investors",
            r"^(?:(?:other\s+|key\s+|notable\s+|new\s+|participating\s+|selected\s+)?"
            r"(?:investors?|backers?)(?:\s+\(lead\))?|participants|"
            r"investors?\s+\(.*\)|with|also\s+investing|others|co-investors|"
            r"other\s+participants|followers)$",
        ),
        (
            "amount",
            r"^(?:amount|raised|size|round\s+size|deal\s+size|funding|price|value|"
            r"deal\s+value|amount\s+raised|money\s+raised|new\s+money|total|"
            r"consideration|purchase\s+price)(?:\s*\(.*\))?$",
        ),
        ("round", r"^(?:round|stage|series|round\s+type|funding\s+stage)$"),
        ("kind", r"^(?:type|deal\s+type|transaction(?:\s+type)?|kind|deal)$"),
        (
            "valuation",
            r"^(?:valuation|post-money(?:\s+valuation)?|post|pre-money|"
            r"valuation\s+\(post\))(?:\s*\(.*\))?$",
        ),
    )
)
_ROUND = re.compile(r"^(?:series\s+[a-k]\+?\d?|seed|pre-seed|angel|bridge|growth)$", re.IGNORECASE)


@dataclass
class TableReader:
    """The header of the table being read, if any."""

    doc: Document
    header: dict[str, int] = field(default_factory=dict)
    last_index: int = -2
    units: dict[str, str] = field(default_factory=dict)  # column -> "$ million" from "($M)"

    def read(self, sentence: Sentence) -> list[Event]:
        """Events of one table row (none for a header or a row of another kind of table)."""
        if not sentence.cells:
            self.header = {}
            return []
        header = _header(sentence.cells)
        if header or sentence.index != self.last_index + 1:
            self.header = header
            self.units = {
                name: unit for name, i in header.items() if (unit := _unit(sentence.cells[i]))
            }
            self.last_index = sentence.index
            return []
        self.last_index = sentence.index
        if not self.header:
            return []
        return _row_event(self.doc, self.header, sentence, self.units)


def _header(cells: tuple[str, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        label = _ASIDE.sub("", cell).strip() or cell.strip()
        names = _column_names(label) or _column_names(cell.strip())
        if {"acquirer", "investors"} <= set(names) or {"acquirer", "lead"} <= set(names):
            names = ["party"]  # "Buyer / investor": who buys or invests, as the row says
        for name in names:
            found.setdefault(name, i)
    useful = (
        {"acquirer", "party"} & found.keys() and ("target" in found or "company" in found)
    ) or ("company" in found and {"amount", "round", "investors", "lead"} & found.keys())
    return found if useful else {}


def _column_names(label: str) -> list[str]:
    """What a header cell names; "Buyer / investor" names two things."""
    parts = (
        [label, *re.split(r"\s*/\s*|\s+or\s+", label)]
        if "/" in label or " or " in label
        else [label]
    )
    names: list[str] = []
    for part in parts:
        for name, pattern in _COLUMNS:
            if pattern.match(part.strip()) and name not in names:
                names.append(name)
                break
    return names


_UNIT = re.compile(
    r"\((?P<cur>US\$|\$|€|£|¥|USD|EUR|GBP|JPY)?\s*(?P<scale>m|mn|mln|million|millions|"
    r"b|bn|billion|billions|k|thousand|thousands)?\s*(?P<cur2>USD|EUR|GBP|\$|€|£)?\)",
    re.IGNORECASE,
)
_SCALES = {
    "m": "million",
    "mn": "million",
    "mln": "million",
    "million": "million",
    "millions": "million",
    "b": "billion",
    "bn": "billion",
    "billion": "billion",
    "billions": "billion",
    "k": "thousand",
    "thousand": "thousand",
    "thousands": "thousand",
}
_SYMBOLS = {"us$": "$", "usd": "$", "eur": "€", "gbp": "£", "jpy": "¥"}


def _unit(header_cell: str) -> str:
    """ "Amount ($M)" → "$ million": what a bare number in that column means."""
    m = _UNIT.search(header_cell)
    if not m or not (m.group("scale") or m.group("cur") or m.group("cur2")):
        return ""
    cur = (m.group("cur") or m.group("cur2") or "$").lower()
    scale = _SCALES.get((m.group("scale") or "").lower(), "")
    return f"{_SYMBOLS.get(cur, cur)} {scale}".strip()


def _cell(cells: tuple[str, ...], header: dict[str, int], name: str) -> str:
    i = header.get(name)
    return cells[i].strip() if i is not None and i < len(cells) else ""


_NOT_A_NAME = re.compile(
    r"^(?:[-–—/?*.]+|n/?a|tbd|tba|none|unknown|various|others?|undisclosed|not\s+disclosed|"
    r"not\s+available|see\s+.*|angels?|.*\b(?:investors|angels|backers|undisclosed|disclosed|"
    r"see\s+(?:below|above|note)|individuals|family\s+offices|unnamed)\b.*)$",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\s*\([^()]*\)")


def _name(doc: Document, text: str) -> str | None:
    """A cell as a name: "Anysphere (Cursor)" is Anysphere; "—", "not disclosed", "several
    new investors (see below)" are none."""
    text = text.strip(" *†‡")
    if not text or _NOT_A_NAME.match(text):
        return None
    bare = _ASIDE.sub("", text).strip() or text
    if not bare[:1].isupper() and not bare[:1].isdigit() and not re.match(r"[a-z]{1,3}[A-Z]", bare):
        return None
    return doc.canonical(bare)[0]


def _usd(doc: Document, text: str, unit: str = "") -> float | None:
    """The amount of a cell in US dollars; a bare number takes its column's unit ("12" in
    "Amount ($M)" is $12 million)."""
    if unit and _BARE_NUMBER.match(text.strip()):
        symbol, _, scale = unit.partition(" ")
        text = f"{symbol}{text.strip()} {scale}".strip()
    found = find_money(text, lang="en", on=doc.date, rates=doc.rates)
    return found[0].money.usd if found else None


_BARE_NUMBER = re.compile(r"^~?\d[\d,]*(?:\.\d+)?$")


_INVESTING = re.compile(r"invest|funding|round|stake|series|seed|financing|raise", re.IGNORECASE)
_ACQUIRING = re.compile(r"acqui|merger|buy|purchase|takeover|m&a", re.IGNORECASE)


def _row_event(
    doc: Document, header: dict[str, int], row: Sentence, units: dict[str, str] | None = None
) -> list[Event]:
    cells, units = row.cells, units or {}
    amount = _usd(doc, _cell(cells, header, "amount"), units.get("amount", ""))
    kind = _cell(cells, header, "kind").lower()
    if "party" in header:
        investing = bool(_INVESTING.search(kind))
        header = dict(header)
        header["lead" if investing else "acquirer"] = header.pop("party")
        if investing and "company" not in header and "target" in header:
            header["company"] = header.pop("target")
    elif kind and not _ACQUIRING.search(kind) and "acquirer" in header:
        return []  # a row of another kind in a table of acquisitions
    if "acquirer" in header:
        buyer = _name(doc, _cell(cells, header, "acquirer"))
        target = _name(doc, _cell(cells, header, "target") or _cell(cells, header, "company"))
        if not buyer or not target:
            return []
        deal = {"acquirer": buyer, "target": target, "amount_usd": amount}
        return [Event("acquisition", deal, row.text, 0.7, extra={"sentence_index": row.index})]
    company = _name(doc, _cell(cells, header, "company"))
    if not company:
        return []
    listed = f"{_cell(cells, header, 'lead')}, {_cell(cells, header, 'investors')}"
    investors: list[str] = []
    for part in re.split(r",\s*|\s+and\s+|\s*[;&+/]\s*", _ASIDE.sub("", listed)):
        name = _name(doc, part)
        if name and name != company and name not in investors:
            investors.append(name)
    stage = _cell(cells, header, "round")
    fields: dict[str, object] = {
        "company": company,
        "investors": investors,
        "amount_usd": amount,
        "stake_pct": None,
        "valuation_usd": _usd(doc, _cell(cells, header, "valuation"), units.get("valuation", "")),
        "round": stage if _ROUND.match(stage) else None,
    }
    return [Event("investment", fields, row.text, 0.7, extra={"sentence_index": row.index})]
