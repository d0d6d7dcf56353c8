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
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
        ("acquirer", r"^(?:acquirer|buyer|acquired\s+by|purchaser)$"),
        ("target", r"^(?:target|acquired|company\s+acquired|acquisition)$"),
        ("company", r"^(?:company|startup|firm|name|recipient|business)$"),
        ("investors", r"^(?:(?:lead\s+)?investors?|lead|led\s+by|backers?|investors?\s+\(lead\))$"),
        ("amount", r"^(?:amount|raised|size|round\s+size|deal\s+size|funding|price|value|"
                   r"deal\s+value|amount\s+raised)(?:\s*\(.*\))?$"),
        ("round", r"^(?:round|stage|series|type)$"),
        ("valuation", r"^(?:valuation|post-money(?:\s+valuation)?)(?:\s*\(.*\))?$"),
    )
)
_ROUND = re.compile(r"^(?:series\s+[a-k]\+?\d?|seed|pre-seed|angel|bridge|growth)$", re.IGNORECASE)


@dataclass
class TableReader:
    """The header of the table being read, if any."""

    doc: Document
    header: dict[str, int] = field(default_factory=dict)
    last_index: int = -2

    def read(self, sentence: Sentence) -> list[Event]:
        """Events of one table row (none for a header or a row of another kind of table)."""
        if not sentence.cells:
            self.header = {}
            return []
        header = _header(sentence.cells)
        if header or sentence.index != self.last_index + 1:
            self.header = header
            self.last_index = sentence.index
            return []
        self.last_index = sentence.index
        return _row_event(self.doc, self.header, sentence) if self.header else []


def _header(cells: tuple[str, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        for name, pattern in _COLUMNS:
            if name not in found and pattern.match(cell.strip()):
                found[name] = i
                break
    useful = ("acquirer" in found and ("target" in found or "company" in found)) or (
        "company" in found and {"amount", "round", "investors"} & found.keys())
    return found if useful else {}


def _cell(cells: tuple[str, ...], header: dict[str, int], name: str) -> str:
    i = header.get(name)
    return cells[i].strip() if i is not None and i < len(cells) else ""


def _name(doc: Document, text: str) -> str | None:
    text = text.strip(" *")
    if not text or text in ("-", "—", "n/a", "N/A", "undisclosed"):
        return None
    return doc.canonical(text)[0]


def _usd(doc: Document, text: str) -> float | None:
    found = find_money(text, lang="en", on=doc.date, rates=doc.rates)
    return found[0].money.usd if found else None


def _row_event(doc: Document, header: dict[str, int], row: Sentence) -> list[Event]:
    cells = row.cells
    amount = _usd(doc, _cell(cells, header, "amount"))
    if "acquirer" in header:
        buyer = _name(doc, _cell(cells, header, "acquirer"))
        target = _name(doc, _cell(cells, header, "target") or _cell(cells, header, "company"))
        if not buyer or not target:
            return []
        deal = {"acquirer": buyer, "target": target, "amount_usd": amount}
        return [Event("acquisition", deal, row.text, 0.7)]
    company = _name(doc, _cell(cells, header, "company"))
    if not company:
        return []
    investors = [n for n in (_name(doc, part) for part in re.split(
        r",\s*|\s+and\s+|;\s*", _cell(cells, header, "investors"))) if n]
    stage = _cell(cells, header, "round")
    fields: dict[str, object] = {
        "company": company, "investors": investors, "amount_usd": amount, "stake_pct": None,
        "valuation_usd": _usd(doc, _cell(cells, header, "valuation")),
        "round": stage if _ROUND.match(stage) else None,
    }
    return [Event("investment", fields, row.text, 0.7)]
