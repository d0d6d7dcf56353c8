"""Answering questions from the knowledge base, the pure part: question → intent → queries,
and retrieved events → answer. No I/O: entities are found through an ``EntityMatcher`` the
caller provides, and "today" is passed in.

    intent = parse_question("How much did Microsoft invest in OpenAI?", entities=m, today=d)
    for tier in plan_queries(intent):        # strict first, then looser
        events = [... run each Query ...]
        if select_events(intent, events): break
    answer = compose_answer(intent, events)

The modules: ``ask_lexicon`` (trigger words, particles), ``ask_names`` (finding names),
``ask_time`` (time expressions), ``ask_parse`` (the intent), ``ask_select`` (the events that
answer), ``ask_compose`` (the answer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from newsbot.core import ask_lexicon as lx
from newsbot.core.ask_compose import (
    Answer,
    Source,
    compose_answer,
    event_line,
    head_count,
    money,
    not_found,
    not_understood,
    window_bounds,
)
from newsbot.core.ask_lexicon import Roles
from newsbot.core.ask_names import AliasMatcher, EntityMatcher, Mention, merge_mentions
from newsbot.core.ask_parse import Intent, Slot, clean_question, detect_language, parse_question
from newsbot.core.ask_select import (
    NEAR_DAYS,
    Selection,
    coordinated,
    names_for,
    select_events,
    selection,
)
from newsbot.core.ask_time import period_range
from newsbot.errors import QuestionError

__all__ = [
    "AliasMatcher",
    "Answer",
    "EntityMatcher",
    "Intent",
    "Mention",
    "Query",
    "QuestionError",
    "Selection",
    "Slot",
    "Source",
    "anchor_query",
    "anchor_window",
    "clean_question",
    "compose_answer",
    "context_queries",
    "detect_language",
    "event_line",
    "head_count",
    "merge_mentions",
    "money",
    "not_found",
    "not_understood",
    "parse_question",
    "plan_queries",
    "select_events",
    "selection",
]

DEFAULT_LIMIT = 50
COUNT_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Query:
    """One retrieval: events of ``types`` in which every named entity plays one of its roles
    (``()``: any role), within ``since``..``until``, newest first; ``bounded``: a hint not
    worth searching a big name's whole history for."""

    types: tuple[str, ...]
    where: tuple[tuple[str, Roles], ...]
    since: date | None = None
    until: date | None = None
    limit: int = DEFAULT_LIMIT
    bounded: bool = False


def plan_queries(
    intent: Intent, *, window: tuple[date, date] | None = None
) -> list[list[Query]]:
    """Tiers of queries, strictest first: the roles as understood; then, for a person's
    move ("Where did Karpathy go after leaving OpenAI?"), the person alone. Roles are never
    relaxed otherwise: "Who left Anthropic for OpenAI?" must not find the opposite move.
    Each tier's results are pooled.

    ``window`` narrows every query to the dates of the anchor's events ("the same day as
    Mira Murati": run ``anchor_query`` first and pass ``anchor_window`` of its events).
    """
    if not intent.understood or not (intent.slots or intent.types or intent.time):
        return []
    since, until = window_bounds(intent)
    if window is not None:
        since = max(since, window[0]) if since else window[0]
        until = min(until, window[1]) if until else window[1]
    counting = intent.want == lx.COUNT and intent.types and lx.LAYOFF not in intent.types
    limit = COUNT_LIMIT if counting else DEFAULT_LIMIT

    def query(where: tuple[tuple[str, Roles], ...]) -> Query:
        return Query(intent.types, where, since, until, limit)

    where = tuple((s.name, s.roles) for s in intent.slots)
    tiers = [[query(where), *_joint_products(intent)]]
    split = _coordinated(intent)
    if split:
        tiers.append([query(w) for w in split])
    people = [s for s in intent.slots if s.kind == "person" and s.roles == ("person",)]
    if people and len(people) < len(intent.slots):
        tiers.append([query(tuple((s.name, s.roles) for s in people))])
    if since and until and window is None:  # the events nearest a period with none in it,
        pad = timedelta(days=NEAR_DAYS)  # and those dated by their year alone ("2024")
        start = min(since - pad, date(since.year, 1, 1))
        tiers.append([Query(intent.types, where, start, until + pad, limit)])
    return tiers


_JOINT = re.compile(r"\b(?:both|together|jointly|joint)\b|両社|ともに|共に|共同で|いずれも|一緒に", re.I)


def _coordinated(intent: Intent) -> list[tuple[tuple[str, Roles], ...]]:
    """"How much did Microsoft and Nvidia invest in Anthropic?": entities named together on
    one side of the deal, each in a deal of its own when no deal has them all (a yes must
    then hold for each: ``compose_answer`` checks)."""
    if _JOINT.search(intent.question):
        return []  # "Which startups did both Nvidia and Microsoft invest in?": one deal
    group = coordinated(intent)
    rest = tuple((s.name, s.roles) for s in intent.slots if s not in group)
    return [((s.name, s.roles), *rest) for s in group]


def _joint_products(intent: Intent) -> list[Query]:
    """"The LLM Fujitsu developed with Cohere": each company's launches, one by one."""
    if intent.want != lx.PRODUCT or lx.LAUNCH not in intent.types or len(intent.slots) < 2:
        return []
    return [Query((lx.LAUNCH,), ((s.name, ("company",)),)) for s in intent.slots
            if s.kind == "company"]  # fmt: skip


def context_queries(intent: Intent) -> list[Query]:
    """The deals that date a figure ("xAI's valuation when it bought X"): the figure's company
    with each entity of the context, any event."""
    if not intent.context or not intent.slots:
        return []
    company = intent.slots[0].name
    return [Query((), ((company, ()), (s.name, ())), limit=10, bounded=True)
            for s in intent.context]  # fmt: skip


def anchor_query(intent: Intent) -> Query | None:
    """The events of the question's reference point ("the same day as Mira Murati")."""
    if intent.anchor is None:
        return None
    return Query(intent.types, ((intent.anchor.name, ()),), limit=DEFAULT_LIMIT)


def anchor_window(intent: Intent, events: list[dict[str, Any]]) -> tuple[date, date] | None:
    """The dates the anchor's events cover, widened to the unit asked (day, week, month)."""
    anchor = intent.anchor
    if anchor is None:
        return None
    days = [period_range(e["date"]) for e in events
            if e.get("date") and anchor.name in names_for(e, lx.TYPE_ROLES.get(e["type"], ()))]
    starts = [d[0] for d in days if d[0] is not None]
    ends = [d[1] for d in days if d[1] is not None]
    if not starts or not ends:
        return None
    pad = {"week": 7, "month": 31}.get(intent.anchor_unit, 0)
    return min(starts) - timedelta(days=pad), max(ends) + timedelta(days=pad)
