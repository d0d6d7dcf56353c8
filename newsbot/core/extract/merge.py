"""One event per real event inside one article: identical findings merge, fields combine,
the best sentence stays.

Two findings are the same event when their type's key names agree (FORMAT.md's "one event
per" column) and nothing they state contradicts: a different round, year or amount keeps
two investments apart; a different value keeps two financial figures apart. Repeated
findings raise the confidence a little.

Hints a rule may leave in ``Event.extra``: ``"total": True`` (the amount is the deal's
total, preferred over a tranche), ``"tranche": True`` (one instalment of a larger deal:
merges with that deal, whatever its date when the instalment completes a stated total), ``"year"`` (an explicit past year the sentence
gives, other than the article's own: such an event is not the article's current one),
``"when"`` (the period a rule read for
the event, "2024-03": two events of different periods are two), ``"deal"`` (an id from a rule that has already merged its findings: two findings that both
carry one are the same event only when the ids are equal).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsbot.core.events import Event
from newsbot.core.extract.document import name_key

_BOOST = 0.05


def merge_events(events: list[Event]) -> list[Event]:
    """Merge same-event findings, keeping first-seen order."""
    merged: list[Event] = []
    for event in events:
        twin = next((m for m in merged if _same(m, event)), None)
        if twin is None:
            merged.append(event)
        else:
            _absorb(twin, event)
    return merged


def _key(value: Any) -> str:
    return name_key(value) if isinstance(value, str) else ""


def _keys(values: Any) -> set[str]:
    return {_key(v) for v in values or [] if _key(v)}


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.extra.get("deal") is not None and b.extra.get("deal") is not None:
        return bool(a.extra["deal"] == b.extra["deal"])
    return _SAME[a.type](a.fields, b.fields) and _compatible_dates(a, b)


def _eq(a: dict[str, Any], b: dict[str, Any], name: str) -> bool:
    return bool(_key(a.get(name))) and _key(a.get(name)) == _key(b.get(name))


def _agree(a: Any, b: Any) -> bool:
    """Both unknown-or-equal (words casefolded, numbers within 5 %)."""
    if a in (None, "", []) or b in (None, "", []):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 0.05 * max(abs(a), abs(b))
    return str(a).casefold() == str(b).casefold()


def _investment(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if not _eq(a, b, "company") or not _agree(a.get("round"), b.get("round")):
        return False
    ia, ib = _keys(a.get("investors")), _keys(b.get("investors"))
    return not ia or not ib or bool(ia & ib)


def _acquisition(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if not _eq(a, b, "target"):
        return False
    return not a.get("acquirer") or not b.get("acquirer") or _eq(a, b, "acquirer")


def _partnership(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return len(_keys(a.get("companies")) & _keys(b.get("companies"))) >= 2


def _customer(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _eq(a, b, "vendor") and _eq(a, b, "customer")


def _financial(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (
        _eq(a, b, "company")
        and a.get("metric") == b.get("metric")
        and _agree(a.get("period"), b.get("period"))
        and _agree(a.get("value_usd"), b.get("value_usd"))
        and _agree(a.get("value_pct"), b.get("value_pct"))
    )


def _product(a: dict[str, Any], b: dict[str, Any]) -> bool:
    pa, pb = _key(a.get("product")), _key(b.get("product"))
    if not pa or not pb or not (pa == pb or pa in pb or pb in pa):
        return False
    return not a.get("company") or not b.get("company") or _eq(a, b, "company")


_SAME: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool]] = {
    "investment": _investment,
    "acquisition": _acquisition,
    "partnership": _partnership,
    "customer": _customer,
    "talent_move": lambda a, b: _eq(a, b, "person"),
    "financial": _financial,
    "product_launch": _product,
    "layoff": lambda a, b: _eq(a, b, "company"),
}


def _compatible_dates(a: Event, b: Event) -> bool:
    if a.type not in ("investment", "acquisition"):
        return True
    ya, yb = a.extra.get("year"), b.extra.get("year")
    wa, wb = a.extra.get("when"), b.extra.get("when")
    if wa and wb and wa != wb:
        return False  # "in September 2023" and "in March": two deals
    if a.extra.get("tranche") or b.extra.get("tranche"):
        # an instalment joins its deal; an earlier investment is another deal unless the
        # instalment says it completes a total ("completing the $4 billion commitment")
        return not (ya or yb or wa or wb) or bool(a.extra.get("total") or b.extra.get("total"))
    if ya or yb:
        return bool(ya == yb)
    return _agree(a.fields.get("amount_usd"), b.fields.get("amount_usd")) or a.type != "investment"


def _absorb_move(into: Event, other: Event) -> None:
    """One move per person. A current move wins over a background one ("joined X in
    2018") or a hint ("most recently worked at Y"), whose destination (or, for a hint, its
    origin) says where the person came from."""
    if _background(into) != _background(other):
        current, past = (other, into) if _background(into) else (into, other)
    else:
        current, past = (other, into) if other.confidence > into.confidence else (into, other)
    merged = dict(current.fields)
    both = _background(past) and _background(current)
    if not merged.get("from"):
        if _background(past) and not both:
            to = past.fields.get("to")
            merged["from"] = (to if to != merged.get("to") else None) or past.fields.get("from")
        else:
            merged["from"] = past.fields.get("from")
    if not merged.get("to") and (both or not _background(past)):
        merged["to"] = past.fields.get("to")
        merged["role"] = past.fields.get("role") or merged.get("role")
    elif not merged.get("role") and merged.get("to") == past.fields.get("to"):
        merged["role"] = past.fields.get("role")  # the same move told twice, once with the role
    into.fields = merged
    into.sentence = current.sentence
    into.extra = dict(current.extra)
    into.confidence = min(0.99, max(into.confidence, other.confidence) + _BOOST)


def _background(event: Event) -> bool:
    return bool(event.extra.get("year") or event.extra.get("hint"))


def _absorb(into: Event, other: Event) -> None:
    """Fill ``into`` with what ``other`` adds; keep the better sentence."""
    if into.type == "talent_move":
        _absorb_move(into, other)
        return
    better = other.confidence > into.confidence
    for name, value in other.fields.items():
        _merge_field(into, name, value, prefer_other=better)
    if other.extra.get("total") and other.fields.get("amount_usd"):
        into.fields["amount_usd"] = other.fields["amount_usd"]
        into.money = other.money
        into.extra["total"] = True
    if into.money is None:
        into.money = other.money
    into.date = into.date or other.date
    if better:
        into.sentence = other.sentence
    into.confidence = min(0.99, max(into.confidence, other.confidence) + _BOOST)


def _merge_field(into: Event, name: str, value: Any, *, prefer_other: bool) -> None:
    current = into.fields.get(name)
    if isinstance(current, list) or isinstance(value, list):
        into.fields[name] = _union(current or [], value or [])
    elif current in (None, "") or (prefer_other and value not in (None, "")):
        if value not in (None, "") or name not in into.fields:
            into.fields[name] = value
    elif name == "product" and isinstance(value, str) and len(value) > len(str(current)):
        into.fields[name] = value


def _union(a: list[Any], b: list[Any]) -> list[Any]:
    out, seen = [], set()
    for item in [*a, *b]:
        k = _key(item) or str(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
