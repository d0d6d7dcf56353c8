"""What the Japanese rules share while reading one article: discourse, events so far, helpers
that turn mentions and amounts into event fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsbot.core.events import Event
from newsbot.core.extract.ja_clauses import Ctx, Trig
from newsbot.core.extract.ja_discourse import Discourse
from newsbot.core.extract.ja_entities import Learned, Ment
from newsbot.core.extract.ja_lex import FIN_METRIC
from newsbot.core.extract.money import MoneyMatch

COMPANY = ("company", "unknown")
PARTY = ("company", "unknown", "person")
PERSON = ("person",)

_VALUATION_BEFORE = re.compile(
    r"(?:企業価値|評価額|時価総額|バリュエーション)(?:は|が|を|で|も|:|として)?(?:約|およそ|最大|推定)?\s*$"
)
_VALUATION_AFTER = re.compile(r"^(?:規模)?(?:の企業価値|と評価|の評価額|の時価総額)")
_POST_MONEY_BEFORE = re.compile(
    r"(?:調達後|出資後|増資後|ポストマネー)(?:は|で|には|が)?(?:約)?\s*$"
)
_VALUATION_WORD = re.compile(r"企業価値|評価額|時価総額|バリュエーション")
_PRE_MONEY = re.compile(r"(?:調達前|プレマネー|増資前|出資前|投資前)の?(?:企業価値|評価額)")
_METRIC_NEAR = re.compile(
    "|".join(rx.pattern for metric, rx in FIN_METRIC if metric != "valuation")
)


@dataclass
class State:
    """Discourse plus the findings so far, in reading order."""

    disc: Discourse = field(default_factory=Discourse)
    events: list[Event] = field(default_factory=list)
    products: set[str] = field(default_factory=set)
    learned: Learned = field(default_factory=Learned)
    noted: set[tuple[str, str]] = field(default_factory=set)
    fiscal: str | None = None  # the fiscal year the article reports on (2025年1月期決算)
    lead_text: str = ""  # the heading and prose sentence read last: what a list follows
    funding_list: bool = False  # the list being read follows words of funding (調達の歴史)
    cut_list: bool = False  # the list being read follows words of job cuts (人員削減まとめ)
    careers: dict[str, str] = field(default_factory=dict)  # a person's last employer stated
    # deals given up: their kinds, the companies named where they were given up, the sentence
    called_off: list[tuple[tuple[str, ...], frozenset[str], int]] = field(default_factory=list)
    # deals the body tells only as reported or planned, the same way
    unreal: list[tuple[tuple[str, ...], frozenset[str], int]] = field(default_factory=list)
    heads: set[int] = field(default_factory=set)  # the sentences that are headlines or headings

    def add(self, event: Event | None) -> None:
        """Keep a finding (None is ignored)."""
        if event is not None:
            self.events.append(event)

    def recent(self, kind: str, at: int, window: int = 2) -> Event | None:
        """The last finding of ``kind`` from the last ``window`` sentences."""
        for e in reversed(self.events):
            if e.type == kind and at - e.extra.get("sent", -99) <= window:
                return e
        return None

    def customers_of(self, vendor: str) -> set[str]:
        """Customers found so far for a vendor."""
        return {
            e.fields["customer"]
            for e in self.events
            if e.type == "customer" and e.fields.get("vendor") == vendor
        }

    def vendor_of(self, customer: str) -> str | None:
        """The vendor a customer was last seen buying from."""
        for e in reversed(self.events):
            if e.type == "customer" and e.fields.get("customer") == customer:
                vendor = e.fields.get("vendor")
                return vendor if isinstance(vendor, str) else None
        return None

    def dominant_vendor(self) -> str | None:
        """The vendor with most customers so far."""
        counts: dict[str, int] = {}
        for e in self.events:
            vendor = e.fields.get("vendor") if e.type == "customer" else None
            if isinstance(vendor, str):
                counts[vendor] = counts.get(vendor, 0) + 1
        return max(counts, key=lambda v: counts[v]) if counts else None


def names(ments: list[Ment]) -> list[str]:
    """The distinct resolved names of mentions, in order."""
    out: list[str] = []
    for m in ments:
        for name in m.all_names:
            if name and name not in out and not m.extra.get("partial"):
                out.append(name)
    return out


def make(
    kind: str,
    fields: dict[str, Any],
    ctx: Ctx,
    confidence: float,
    *,
    money: MoneyMatch | None = None,
    **extra: Any,
) -> Event:
    """An event found in ``ctx``; ``extra`` keeps the sentence and position for merging."""
    event = Event(
        kind, fields, ctx.raw.strip(), round(confidence, 2), money.money if money else None
    )
    event.extra.update(sent=ctx.idx, pos=extra.pop("pos", 0), title=ctx.kind == "title", **extra)
    if money is not None:
        event.extra["stated_usd"] = stated_usd(ctx, money)
    if kind != "financial":
        event.date = when(ctx, event.extra["pos"])
    return event


_DATE_HINT = re.compile(r"\d年|\d月|年度|昨年|去年|今年|本年|来年|先月|今月|前年|期")


def when(ctx: Ctx, pos: int) -> str | None:
    """The period the clause of ``pos`` says the event happened in (2023年3月には…, or in a
    newspaper's short form, 23年1月に)."""
    start = ctx.clause_start(pos)
    if not _DATE_HINT.search(ctx.text, start, pos):
        return None
    found = [
        p
        for p in ctx.periods
        if start <= p.start
        and p.end <= pos
        and not re.match(r"同期比|比|以来|から|まで|末まで", ctx.text[p.end : p.end + 3])
    ]
    return found[-1].period if found else _short_year(ctx, start, pos)


_SHORT_YEAR = re.compile(
    r"(?<![\d.])(?P<y>\d{2})年(?:(?P<m>\d{1,2})月)?(?!\d|間|代|ぶり|連続|目|前|後|度比)"
)


def _short_year(ctx: Ctx, start: int, pos: int) -> str | None:
    """24年10月 → 2024-10 (a year up to one after the article's; else the 1900s)."""
    found = list(_SHORT_YEAR.finditer(ctx.text, start, pos))
    if not found:
        return None
    m = found[-1]
    year = 2000 + int(m.group("y"))
    if ctx.on is not None and year > ctx.on.year + 1:
        year -= 100
    month = m.group("m")
    return f"{year}-{int(month):02d}" if month and 1 <= int(month) <= 12 else str(year)


def usd(m: MoneyMatch | None) -> float | None:
    """The amount in dollars, rounded to whole dollars."""
    if m is None or m.money.usd is None:
        return None
    return float(round(m.money.usd))


def stated_usd(ctx: Ctx, m: MoneyMatch) -> bool:
    """The article gives the dollar figure itself (143億ドル, 300億円（約2億ドル）)."""
    return m.money.currency == "USD" or "ドル" in ctx.text[m.start : m.end]


def money_role(ctx: Ctx, m: MoneyMatch) -> str:
    """What an amount is: a valuation (post or pre), a metric's value, or a deal's amount."""
    before = ctx.text[max(0, m.start - 16) : m.start]
    after = ctx.text[m.end : m.end + 8]
    if _PRE_MONEY.search(before):
        return "pre"
    if _VALUATION_BEFORE.search(before) or _VALUATION_AFTER.match(after):
        return "valuation"
    if _POST_MONEY_BEFORE.search(before) and _VALUATION_WORD.search(ctx.text):
        return "valuation"  # 調達前の企業価値は1億ドル、調達後は1億3000万ドル
    if _METRIC_NEAR.search(before[-10:]):
        return "metric"
    return "deal"


def deal_money(ctx: Ctx, t: Trig) -> MoneyMatch | None:
    """The deal amount nearest the trigger: in its clause before it, else anywhere."""
    deals = [m for m in ctx.money if money_role(ctx, m) == "deal"]
    start = ctx.clause_start(t.start)
    near = [m for m in deals if start <= m.start and m.end <= t.start]
    if near:
        return near[-1]
    before = [m for m in deals if m.end <= t.start]
    return before[-1] if before else (deals[0] if deals else None)


def valuation(ctx: Ctx) -> MoneyMatch | None:
    """The (post-money) valuation the sentence states."""
    vals = [m for m in ctx.money if money_role(ctx, m) == "valuation"]
    return vals[-1] if vals else None
