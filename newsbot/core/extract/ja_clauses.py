"""One Japanese sentence as the rules read it: mentions, amounts, triggers and clauses.

A trigger is a word that can state an event (買収, 出資, 移籍...). Its arguments are the
mentions before it in its clause, chosen by particle: は/が/も for the agent, を for the
object, に/へ for the goal, から for the source, と for a partner. A clause ends at a verb's
continuative form followed by a comma (し、 て、 り、) or at a contrast (が、).

What follows a trigger in its clause says whether the event happened: negated (しない,
ではなく, 断念), hedged (交渉中, 検討, 可能性, すれば), rumoured (と報じられた) or, for people,
stayed (残留, とどまる).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from newsbot.core.extract.ja_entities import Ment, Quote
from newsbot.core.extract.ja_lex import (
    ACQ_TRIGGER,
    ANON_SOURCE,
    ATTEMPT_FAILED,
    CALLED_OFF,
    CLAUSE_BREAK,
    CONTRAST,
    CUST_TRIGGER,
    HEDGE,
    INV_TRIGGER,
    LAUNCH_TRIGGER,
    LAYOFF_TRIGGER,
    NEGATION,
    PART_TRIGGER,
    QUESTION_END,
    RUMOUR,
    SALE_TRIGGER,
    STATUS_TRIGGER,
    STAYED,
    TALENT_ARRIVE,
    TALENT_DEPART,
    TALENT_FOUND,
    TALENT_LEAD,
    TALENT_SERVE,
    UNCONFIRMED,
)
from newsbot.core.extract.money import MoneyMatch, find_money
from newsbot.core.extract.numbers import CountMatch, PercentMatch, find_count, find_percent
from newsbot.core.extract.periods import PeriodMatch, find_periods
from newsbot.core.extract.rates import Rates

TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("acq", ACQ_TRIGGER),
    ("sale", SALE_TRIGGER),
    ("inv", INV_TRIGGER),
    ("part", PART_TRIGGER),
    ("cust", CUST_TRIGGER),
    ("status", STATUS_TRIGGER),
    ("depart", TALENT_DEPART),
    ("arrive", TALENT_ARRIVE),
    ("found", TALENT_FOUND),
    ("lead", TALENT_LEAD),
    ("serve", TALENT_SERVE),
    ("layoff", LAYOFF_TRIGGER),
    ("launch", LAUNCH_TRIGGER),
)
_DEALS = frozenset(("acq", "sale", "inv", "part", "cust"))
# Saying verbs never own the subject before them (グーグルが発表した、…との契約).
_NON_BLOCKING = frozenset(("launch",))
_RELATIVE = re.compile(
    r"(?:する|される|(?:し|され|さ)?(?:た|る|ている|ていた|てきた|れた|れる|った))"
    r"(?=[^、。はがをにでともやのへ\s「」()])(?!こと|予定|見通し|方針|意向|考え|計画|見込み)"
)
_RELATIVE_HEAD_GAP = re.compile(
    r"^(?:し|さ|され)?(?:た|る|ている|ていた|れた)?(?:ばかりの|ことのある|経験のある)?[米英仏独中]?$"
)
_UNSAID = re.compile(
    r"明らかにしていな|明らかにしなかった|公表していな|開示していな|明らかにされていな|"
    r"明らかにしておらず|公表しておらず|非公表|非開示|明らかにしなかっ"
)


@dataclass(frozen=True, slots=True)
class Trig:
    """A trigger word at ``text[start:end]`` of type ``kind``."""

    kind: str
    start: int
    end: int
    word: str


@dataclass
class Ctx:
    """A sentence (or a headline segment) with everything the rules read."""

    idx: int
    text: str
    raw: str
    kind: str
    ments: list[Ment]
    quotes: list[Quote]
    on: date | None = None
    rates: Rates | None = None
    breaks: list[int] = field(default_factory=list)
    trigs: list[Trig] = field(default_factory=list)
    question: bool = False
    anonymous: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def money(self) -> list[MoneyMatch]:
        """Amounts, with the article's own conversions (found when first read)."""
        return find_money(self.raw, lang="ja", on=self.on, rates=self.rates)

    @cached_property
    def percents(self) -> list[PercentMatch]:
        """Percentages."""
        return find_percent(self.raw)

    @cached_property
    def periods(self) -> list[PeriodMatch]:
        """Periods, resolved against the article's date."""
        return find_periods(self.raw, lang="ja", on=self.on)

    @cached_property
    def counts(self) -> list[CountMatch]:
        """Head counts (約200人)."""
        return find_count(self.raw, lang="ja")

    def prepare(self) -> None:
        """Find clause breaks and triggers once the mentions are known."""
        self.breaks = _breaks(self.text, self.ments)
        self.trigs = find_triggers(self.text)
        self.question = bool(QUESTION_END.search(self.text, max(0, len(self.text) - 6)))
        self.anonymous = bool(ANON_SOURCE.search(self.text))

    def of(self, *kinds: str) -> list[Trig]:
        """Triggers of the given kinds, left to right."""
        if not self.trigs:
            return []
        if len(kinds) == 1:
            return [t for t in self.trigs if t.kind == kinds[0]]
        return [t for t in self.trigs if t.kind in kinds]

    def clause_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` begins."""
        starts = [b for b in self.breaks if b <= pos]
        return starts[-1] if starts else 0

    def clause_end(self, pos: int) -> int:
        """Where the clause holding ``pos`` ends."""
        ends = [b for b in self.breaks if b > pos]
        return ends[0] if ends else len(self.text)

    def tail(self, t: Trig) -> str:
        """The rest of the trigger's clause."""
        return self.text[t.end : self.clause_end(t.end)]

    def sentence_tail(self, t: Trig) -> str:
        """The rest of the sentence after the trigger, up to a contrast (が、, ものの)."""
        rest = self.text[t.end :]
        cut = CONTRAST.search(rest)
        return rest[: cut.start()] if cut else rest

    def window(self, t: Trig) -> list[Ment]:
        """Mentions of the trigger's clause before it."""
        start = self.clause_start(t.start)
        return [m for m in self.ments if start <= m.start and m.end <= t.start]

    def before(self, t: Trig) -> list[Ment]:
        """Every mention before the trigger, in the sentence."""
        return [m for m in self.ments if m.end <= t.start]

    def trigs_between(self, a: int, b: int) -> list[Trig]:
        """Triggers strictly between two offsets."""
        return [t for t in self.trigs if a <= t.start and t.end <= b]


def find_triggers(text: str) -> list[Trig]:
    """Every trigger word in the sentence, by position."""
    found = [
        Trig(kind, m.start(), m.end(), m.group())
        for kind, rx in TRIGGERS
        for m in rx.finditer(text)
    ]
    return sorted(found, key=lambda t: (t.start, t.kind))


def _breaks(text: str, ments: list[Ment]) -> list[int]:
    subject_commas = {m.pend for m in ments if m.particle in ("が", "は") and m.pend < len(text)}
    phrase_commas = {m.pend for m in ments if len(m.particle) > 1}  # に対し、 belongs to its name
    out = []
    for m in CLAUSE_BREAK.finditer(text):
        if m.group().startswith("が") and (
            m.end() - 1 in subject_commas or m.end() in subject_commas
        ):
            continue
        if m.end() in phrase_commas:
            continue
        out.append(m.end())
    return out


def blocked(ctx: Ctx, t: Trig) -> str:
    """Why the trigger states no event ('' when it does)."""
    if ctx.question:
        return "question"
    tail = _UNSAID.sub("", ctx.tail(t))
    if NEGATION.search(tail):
        return "negated"
    if HEDGE.search(tail):
        return "hedged"
    if ctx.anonymous or RUMOUR.search(ctx.sentence_tail(t)):
        return "rumour"
    if t.kind in _DEALS and UNCONFIRMED.search(ctx.text):
        return "rumour"
    if t.kind in _DEALS and (CALLED_OFF.search(ctx.text, t.end) or "破談" in ctx.text[t.end :]):
        return "called off"  # 買収することで合意していたが、…合意を撤回した
    if t.kind in _DEALS and ATTEMPT_FAILED.match(ctx.text, t.end):
        return "called off"  # 買収も試みたが、規制当局の反対で断念した
    return ""


def stayed(ctx: Ctx, t: Trig) -> bool:
    """A person who stayed (残留, とどまる, 引き続き)."""
    before = ctx.text[ctx.clause_start(t.start) : t.start]
    return bool(STAYED.search(ctx.tail(t)) or re.search(r"引き続き|続投", before))


def is_relative(ctx: Ctx, t: Trig) -> bool:
    """The trigger's verb modifies the noun after it (主導したシリーズCで)."""
    m = _RELATIVE.match(ctx.text, t.end)
    return m is not None and m.end() < len(ctx.text)


def owned_elsewhere(ctx: Ctx, m: Ment, t: Trig) -> bool:
    """A subject that belongs to a relative clause between it and the trigger (but not when
    that clause has a subject of its own: XがYが主導するシリーズDで調達: X raises)."""
    if m.lp in ("は", "に至っては"):
        return False
    for u in ctx.trigs_between(m.pend, t.start):
        if u.kind not in _NON_BLOCKING and is_relative(ctx, u):
            own = any(
                k.start >= m.pend and k.end <= u.start and k.lp in ("が", "も") and k.is_party
                for k in ctx.ments
            )
            if not own:
                return True
    return False


def agents(ctx: Ctx, t: Trig, kinds: tuple[str, ...], *, cross: bool = True) -> list[Ment]:
    """The trigger's subject (with its coordinated list), nearest first; [] when unstated.

    For a company's deal, an executive speaking for it (ソフトバンクグループの孫正義会長は…
    出資する) stands for the company.
    """
    speaker_kinds = (*kinds, "person") if "company" in kinds else kinds
    cands = [m for m in ctx.window(t) if _is_agent(m, speaker_kinds)]
    if not cands and cross:
        cands = [
            m
            for m in ctx.before(t)
            if _is_agent(m, speaker_kinds) and m.lp in ("は", "が", "も", "に至っては")
        ]
    cands = [
        m
        for m in cands
        if not owned_elsewhere(ctx, m, t) and (m.kind in kinds or m.lp in ("は", "が"))
    ]
    if cands:
        chosen = cands[-1]
        if chosen.kind == "person" and "company" in kinds:
            employer = speaks_for(ctx, chosen)
            if employer is not None:
                return [employer]
            if "person" not in kinds:
                return []
        return list_of(ctx, chosen, kinds)
    head = relative_head(ctx, t, kinds)
    return [head] if head else []


_EXECUTIVE = re.compile(r"社長|会長|CEO|最高経営責任者|代表|COO|CFO|CTO|副社長|幹部|広報")


def speaks_for(ctx: Ctx, person: Ment) -> Ment | None:
    """The company an executive is named with (Xの孫正義会長, XのY社長)."""
    if not _EXECUTIVE.search(
        person.title + person.role + ctx.text[max(0, person.start - 12) : person.start]
    ):
        return None
    for m in reversed(ctx.ments):
        if m.end <= person.start and m.kind in ("company", "unknown") and m.lp == "の":
            gap = ctx.text[m.pend : person.start]
            return m if len(gap) <= 12 and not re.search(r"[はがをに、]", gap) else None
    return None


def own_work(ctx: Ctx, t: Trig) -> bool:
    """田中氏は東大でAIを研究し、ソニーとロボットを共同開発した: the trigger's subject is a
    person who speaks for no company (no executive title, no employer named with it), so the
    work is the person's own, no company's deal."""
    if agents(ctx, t, ("company", "unknown")):
        return False
    people = agents(ctx, t, ("person",))
    return bool(people) and not any(
        _EXECUTIVE.search(p.title + p.role + ctx.text[max(0, p.start - 12) : p.start])
        for p in people
    )


def _is_agent(m: Ment, kinds: tuple[str, ...]) -> bool:
    return m.kind in kinds and not m.quoted and m.lp in ("は", "が", "も", "に至っては", "が、")


def relative_head(ctx: Ctx, t: Trig, kinds: tuple[str, ...]) -> Ment | None:
    """The noun a trigger's relative clause modifies (買収したグーグル)."""
    for m in ctx.ments:
        if m.start >= t.end and m.kind in kinds:
            gap = ctx.text[t.end : m.start - len(m.prefix)]
            return m if _RELATIVE_HEAD_GAP.match(gap) else None
    return None


def list_of(ctx: Ctx, m: Ment, kinds: tuple[str, ...]) -> list[Ment]:
    """The mention and those coordinated with it."""
    return [k for k in ctx.ments if k.list_id == m.list_id and k.kind in kinds] or [m]


def with_particle(
    ctx: Ctx, t: Trig, particles: tuple[str, ...], kinds: tuple[str, ...], *, cross: bool = False
) -> list[Ment]:
    """Mentions before the trigger marked by one of ``particles``, nearest first."""
    pool = ctx.before(t) if cross else ctx.window(t)
    found = [m for m in pool if m.lp in particles and m.kind in kinds and not m.quoted]
    return list(reversed(found))


def money_between(ctx: Ctx, a: int, b: int) -> list[MoneyMatch]:
    """Amounts inside ``[a, b)``."""
    return [m for m in ctx.money if a <= m.start and m.end <= b]
