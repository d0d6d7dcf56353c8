"""Which retrieved events answer a question, best first: the pure choice between retrieval
(``newsbot.core.ask``) and the answer's text (``ask_compose``).

``selection`` keeps the events of the types, metric, status and period asked — the period by
the event's own date or, when that is only the article's, by its articles' dates; the events
nearest the period when none falls in it — and the people with the title asked ("Who is the
CEO of X?"); then ranks them (round, amount, the figure wanted, closeness to the deal that
dates a figure, newest first, or oldest first for an ownership history).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from newsbot.core import ask_lexicon as lx
from newsbot.core.ask_lexicon import ROLE_FIELD
from newsbot.core.ask_parse import Intent, Slot
from newsbot.core.ask_time import overlaps, period_range, same_period

Event = dict[str, Any]

NEAR_DAYS = 92  # how far outside the period asked an event may be to stand in for it
REPORTED_DAYS = 62  # how long after an event its article may report it "at the time"
SINGLE_TITLES = frozenset({"ceo", "president", "社長", "cto", "cfo", "coo", "cpo", "caio",
                           "chairman", "chief scientist"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Selection:
    """The events that answer, best first; ``nearest`` when none is of the period asked and
    these are the nearest to it; ``unstated`` when no one has the title asked and these are
    moves that state no role."""

    events: list[Event] = field(default_factory=list)
    nearest: bool = False
    unstated: bool = False


# ---------------------------------------------------------------- figures and names


def figure(event: Event, intent: Intent) -> tuple[float, str] | None:
    """The number the question asks for in this event: (value, "usd" | "pct" | "count")."""
    kind = event.get("type")
    if intent.field == "stake_pct":
        stake = event.get("stake_pct")
        return (float(stake), "pct") if stake is not None else None
    if intent.metric == "valuation":
        value = event.get("value_usd") if kind == lx.FIN else event.get("valuation_usd")
        return (float(value), "usd") if value is not None else None
    if kind == lx.FIN:
        if event.get("value_usd") is not None:
            return float(event["value_usd"]), "usd"
        if event.get("value_pct") is not None:
            return float(event["value_pct"]), "pct"
        return None
    if kind == lx.LAYOFF:
        return (float(event["count"]), "count") if event.get("count") is not None else None
    if event.get("amount_usd") is not None:
        return float(event["amount_usd"]), "usd"
    return None


def coordinated(intent: Intent) -> list[Slot]:
    """Entities named together on one side of the event asked ("Microsoft and Nvidia" as
    investors), each of which may have its own event."""
    if not intent.types:
        return []
    sides: dict[tuple[str, ...], list[Slot]] = {}
    for s in intent.slots:
        if s.roles and s.roles != ("person",):
            sides.setdefault(s.roles, []).append(s)
    return next((g for g in sides.values() if len(g) >= 2), [])


def unmatched(intent: Intent, events: Sequence[Event]) -> list[Slot]:
    """Those of ``coordinated`` entities that no event has in their role."""
    return [s for s in coordinated(intent)
            if not any(s.name in names_for(e, s.roles) for e in events)]  # fmt: skip


def names_for(event: Event, roles: Iterable[str]) -> list[str]:
    """The names an event gives for ``roles`` (investors, target, person, to, …)."""
    found: list[str] = []
    for role in roles:
        value = event.get(ROLE_FIELD.get(role, role))
        for name in value if isinstance(value, list) else [value]:
            if isinstance(name, str) and name and name not in found:
                found.append(name)
    return found


def participants(event: Event) -> list[str]:
    roles = lx.TYPE_ROLES.get(event.get("type", ""), ())
    return names_for(event, roles)


def wanted_names(intent: Intent, e: Event) -> list[str]:
    """The names of ``e`` the question asks for: the lead investor alone when it asks who
    led; never the entities it names itself, unless they are all there is ("other")."""
    if intent.lead and e.get("type") == lx.INV and "investor" in intent.want_roles:
        return (e.get("investors") or [])[:1]
    asked = {s.name for s in intent.slots}
    if intent.anchor is not None:
        asked.add(intent.anchor.name)
    names = [n for n in names_for(e, intent.want_roles) if n not in intent.excluded]
    kept = [n for n in names if n not in asked]
    if intent.want_roles in (("to",), ("from",)):
        return kept  # "Where did X's founders go?": not to X itself
    return kept if kept or intent.other else names


# ---------------------------------------------------------------- selection


def select_events(intent: Intent, events: Sequence[Event]) -> list[Event]:
    """The events that answer ``intent``, best first, each once."""
    return selection(intent, events).events


def selection(intent: Intent, events: Sequence[Event]) -> Selection:
    """``select_events`` with how the events stand in for what was asked."""
    unique = list({e.get("id", id(e)): e for e in events}.values())
    anchors = _anchor_dates(intent, unique)
    context = _context_dates(intent, unique)
    kept = [e for e in unique if _fits(intent, e, anchors) and not _superseded(intent, e, unique)]
    if not kept and intent.metric == "revenue":  # "How much is X making?": its run rate
        kept = [e for e in unique if _fits(replace(intent, metric="arr"), e, anchors)]
    nearest = False
    if anchors is None and intent.time is not None:
        timely = [e for e in kept if _time_fits(intent, e)]
        if not timely:
            timely = _nearest(intent, kept)
            nearest = bool(timely)
        kept = timely
    kept, unstated = _titled(intent, kept)
    return Selection(_ranked(intent, kept, context), nearest, unstated)


def _ranked(intent: Intent, kept: list[Event], context: list[date]) -> list[Event]:
    best = max((_soft(intent, e) for e in kept), default=0)
    kept = [e for e in kept if _soft(intent, e) == best]  # "the $13 billion round" if any
    kept.sort(key=lambda e: -(figure(e, intent) or (0.0, ""))[0])
    kept.sort(key=_when, reverse=not intent.history)
    if intent.want == lx.FIGURE and not intent.latest and intent.metric != "valuation" and kept:
        year = _when(kept[0])[:4]  # of this year's deals, the one most reported (a valuation
        # stands until the next: the newest is what a company is worth)
        kept.sort(key=lambda e: -len(e.get("evidence") or ()) if e.get("type") != lx.FIN and
                  _when(e)[:4] == year else 0)  # fmt: skip
    if context:
        kept.sort(key=lambda e: _distance(e, context))
    kept.sort(key=lambda e: not _has_wanted(intent, e))
    if intent.metric == "funding_total" and any(e.get("type") == lx.FIN for e in kept):
        kept = [e for e in kept if e.get("type") == lx.FIN]  # a stated total beats a sum
    if intent.count_asked and intent.want_roles:
        exact = [e for e in kept if len(wanted_names(intent, e)) == intent.count_asked]
        kept = exact[:1] + [e for e in kept if e not in exact[:1]] if exact else kept
    if intent.latest and intent.want == lx.PRODUCT and kept:
        kept = [e for e in kept if _when(e) == _when(kept[0])]  # "the most recent model"
    return kept


def _when(e: Event) -> str:
    """What "newest" means: a figure's period, else the event's date."""
    if e.get("type") == lx.FIN and e.get("period"):
        return str(e["period"])
    return str(e.get("date") or "")


def _fits(intent: Intent, e: Event, anchors: list[str] | None) -> bool:
    if intent.types and e.get("type") not in intent.types:
        return False
    if intent.metric and not _metric_fits(intent.metric, e):
        return False
    if intent.status and e.get("type") == lx.CUST and e.get("status") not in intent.status:
        return False
    if intent.no_destination and e.get("type") == lx.MOVE and (e.get("to") or not e.get("from")):
        return False
    if anchors is not None:
        return _anchor_fits(intent, e, anchors)
    return True


def _superseded(intent: Intent, e: Event, events: Sequence[Event]) -> bool:
    """"Which customers paused their pilot with X?": a customer whose newer report says
    otherwise (resumed, or ended after a pause) is no longer in the state asked."""
    if not intent.status or e.get("type") != lx.CUST or not e.get("date"):
        return False
    pair = (e.get("vendor"), e.get("customer"))
    return any(
        o.get("type") == lx.CUST and (o.get("vendor"), o.get("customer")) == pair
        and o.get("status") and o.get("status") not in intent.status
        and str(o.get("date") or "") > str(e["date"])
        for o in events
    )  # fmt: skip


def _metric_fits(metric: str, e: Event) -> bool:
    if e.get("type") == lx.FIN:
        return bool(e.get("metric") == metric)
    if e.get("type") != lx.INV:
        return False
    if metric == "funding_total":  # the rounds, when no total is stated
        return e.get("amount_usd") is not None
    return metric == "valuation" and e.get("valuation_usd") is not None


# ---------------------------------------------------------------- time


def _time_fits(intent: Intent, e: Event) -> bool:
    """In the period asked: by the event's date (a figure: its period), or by the date its
    articles were published when the event's date is no more than theirs."""
    window = intent.time
    if window is None:
        return True
    if window.period and e.get("type") == lx.FIN and intent.metric:
        return same_period(window.period, e.get("period") or e.get("date"))
    if overlaps(e.get("date"), window.since, window.until):
        return True
    start, end = period_range(e.get("date") or "")
    return any(_reported(day, start, end) and overlaps(day.isoformat(), window.since,
                                                       window.until)
               for day in _published(e))  # fmt: skip


def _reported(day: date, start: date | None, end: date | None) -> bool:
    """Whether an article of ``day`` reports an event of ``start``..``end`` as news."""
    if start is None or end is None:
        return True
    return start <= day and (day - end).days <= REPORTED_DAYS


def _published(e: Event) -> list[date]:
    days = []
    for ev in e.get("evidence") or ():
        start, _ = period_range(str(ev.get("published") or "")[:10])
        if start is not None:
            days.append(start)
    return days


def _nearest(intent: Intent, kept: list[Event]) -> list[Event]:
    """The events nearest a closed period asked, when none is in it ("in June 2024" for a
    round of May 28): within ``NEAR_DAYS``, the nearest first."""
    window = intent.time
    if window is None or window.since is None or window.until is None:
        return []
    reach = max(NEAR_DAYS, (window.until - window.since).days // 2)
    gaps = [(_gap(e, window.since, window.until), e) for e in kept]
    near = [(g, e) for g, e in gaps if g is not None and g <= reach]
    if not near:
        return []
    best = min(g for g, _ in near)
    return [e for g, e in near if g <= best + 31]


def _gap(e: Event, since: date, until: date) -> int | None:
    """Days between an event (its date, a figure's period) and the period asked."""
    start, end = period_range(str(e.get("period") or "") if e.get("type") == lx.FIN and e.get(
        "period") else str(e.get("date") or ""))  # fmt: skip
    if start is None or end is None:
        return None
    if end < since:
        return (since - end).days
    if start > until:
        return (start - until).days
    return 0


# ---------------------------------------------------------------- titles


def _titled(intent: Intent, kept: list[Event]) -> tuple[list[Event], bool]:
    """The people with the title asked ("Who is the CEO of X?": never anyone who merely
    joined X). When there are none, moves that state no role stand in for an event asked
    about ("Who joined X as CPO?"), said so — never for who holds a title now."""
    titles = intent.role_titles
    if not titles or lx.MOVE not in intent.types or set(intent.want_roles) & {"to", "from"}:
        return kept, False  # "Where did Character.AI's founders go?": the title is theirs
    moves = [e for e in kept if e.get("type") == lx.MOVE]
    titled = [e for e in moves if any(role_matches(t, e.get("role")) for t in titles)]
    others = [e for e in kept if e.get("type") != lx.MOVE]
    if titled:
        titled.sort(key=lambda e: _title_rank(titles, e.get("role")))
        return titled + others, False
    founders = all(t in ("founder", "co-founder") for t in titles)
    if intent.holder or founders:
        return others, False
    unstated = [e for e in moves if not e.get("role")]
    return unstated + others, bool(unstated)


def _title_rank(titles: tuple[str, ...], stated: str | None) -> int:
    """For "Who runs X?", a CEO before a president before anyone else who leads."""
    forms = [f for t in titles for f in lx.ROLE_EQUIVALENTS.get(t, (t,))]
    return next((i for i, f in enumerate(forms) if role_matches(f, stated)), len(forms))


def holders(intent: Intent, chosen: list[Event]) -> list[Event]:
    """Who holds each title asked now: the newest event with it, one per title."""
    found: list[Event] = []
    for title in intent.role_titles:
        e = next((e for e in chosen if e.get("type") == lx.MOVE and
                  role_matches(title, e.get("role"))), None)  # fmt: skip
        if e is not None and e not in found:
            found.append(e)
    return found


def role_matches(asked: str, stated: str | None) -> bool:
    """Whether a stated role is the title asked (a ``lx.role_key``), in any of its forms:
    "Chief Executive Officer" is a CEO, 社長 a president or a CEO, a vice president no
    president."""
    if not stated:
        return False
    low = stated.casefold()
    if lx.role_key(low) == asked:
        return True
    for form in lx.ROLE_EQUIVALENTS.get(asked, (asked,)):
        for m in re.finditer(re.escape(form), low):
            before, after = low[: m.start()], low[m.end() :]
            if form.isascii() and len(form) <= 4 and (
                re.search(r"[a-z]$", before) or re.match(r"[a-z]", after)
            ):
                continue  # "cto" in "director"
            if "president" in form and re.search(r"vice[\s-]*$", before):
                continue
            return True
    return False


# ---------------------------------------------------------------- anchors and context


def _anchor_dates(intent: Intent, events: list[Event]) -> list[str] | None:
    """The dates of the anchor's own events ("the same day as Mira Murati")."""
    if intent.anchor is None:
        return None
    name = intent.anchor.name
    return [e["date"] for e in events if e.get("date") and name in participants(e)]


def _anchor_fits(intent: Intent, e: Event, anchors: list[str]) -> bool:
    anchor = intent.anchor
    assert anchor is not None
    if anchor.name in participants(e):
        return False
    when = e.get("date")
    return isinstance(when, str) and any(_same_unit(when, a, intent.anchor_unit) for a in anchors)


def _same_unit(a: str, b: str, unit: str) -> bool:
    if unit == "month":
        return a[:7] == b[:7]
    if unit == "week":
        da, db = period_range(a)[0], period_range(b)[0]
        return da is not None and db is not None and abs((da - db).days) <= 6
    return a[:10] == b[:10]


def _context_dates(intent: Intent, events: list[Event]) -> list[date]:
    """The dates of the deals that date a figure ("xAI's valuation when it bought X"): events
    of the figure's company with an entity of the context."""
    if not intent.context or not intent.slots:
        return []
    company = intent.slots[0].name
    names = {s.name for s in intent.context}
    days = []
    for e in events:
        people = participants(e)
        if company in people and names & set(people):
            start, _ = period_range(str(e.get("date") or ""))
            if start is not None:
                days.append(start)
    return days


def _distance(e: Event, days: list[date]) -> int:
    start, _ = period_range(str(e.get("date") or ""))
    if start is None:
        return 10**6
    return min(abs((start - d).days) for d in days)


# ---------------------------------------------------------------- ranking


def _soft(intent: Intent, e: Event) -> int:
    """How many of the question's details (round, amount) the event matches."""
    score = 0
    if intent.round and (e.get("round") or "").casefold() == intent.round.casefold():
        score += 1
    hint, amount = intent.amount_hint, e.get("amount_usd")
    if hint and amount and abs(amount - hint) <= 0.15 * hint:
        score += 1
    count = e.get("count")
    if intent.count_hint and count and abs(count - intent.count_hint) <= 0.05 * intent.count_hint:
        score += 1
    if intent.words and _named_in(intent, e):
        score += 1
    return score


def _named_in(intent: Intent, e: Event) -> bool:
    """Whether a word the question uses to describe ("ABB's robotics unit") is in the name
    of one of the event's parties other than those it names."""
    asked = {s.name for s in intent.slots}
    names = [n.casefold() for n in participants(e) if n not in asked]
    words = [w.casefold() for w in intent.words if len(w) >= 3]
    return any(re.search(rf"(?<![a-z0-9]){re.escape(w)}", n) for w in words for n in names)


def _has_wanted(intent: Intent, e: Event) -> bool:
    counted = intent.want == lx.COUNT and e.get("type") in (lx.LAYOFF, lx.FIN)
    if intent.want == lx.FIGURE or counted:
        return figure(e, intent) is not None
    if intent.want_roles:
        return bool(wanted_names(intent, e))
    return True
