"""Decisions of the knowledge base, pure: is this name that entity, is this event that one?

Entity matching: exact normalised aliases first (the store does that); then fuzzy matching
with guard rails, so that a typo ("Anthropc") finds its company but "Scale Venture
Partners" never becomes "Scale AI", nor "Metaphor" "Meta".

Event matching: a new event is the same real event as a stored one when it has the same
type, the same key participants, and compatible amounts, rounds, periods and dates. Merged
figures keep every statement; the value shown is the best supported.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from newsbot.core.registry import normalise_name

# Words that say what kind of thing a name is, not which one; they do not tell names apart.
GENERIC_TOKENS = frozenset(
    "ai inc corp corporation co ltd llc plc gmbh sa ag group holdings labs lab technologies "
    "technology systems the company".split()
)
FUZZY_MIN_SCORE = 90.0
FUZZY_MIN_LENGTH = 6

# Fields that tell two otherwise alike events apart, per type.
DISTINGUISHING = {
    "investment": ("round",),
    "financial": ("metric", "period"),
    "layoff": ("year",),
}
# Key roles: events of a type sharing these participants are candidates for one real event.
KEY_ROLES = {
    "investment": ("company",),
    "acquisition": ("acquirer", "target"),
    "partnership": ("partner",),
    "customer": ("vendor", "customer"),
    "talent_move": ("person",),
    "financial": ("company",),
    "product_launch": ("company", "product"),
    "layoff": ("company",),
}
AMOUNT_TOLERANCE = 0.15
HISTORY_FIELDS = ("status", "role")


def name_tokens(name: str) -> set[str]:
    """The distinctive lower-case words of a Latin name; CJK names give one token."""
    words = re.findall(r"[^\W_]+", name.casefold())
    return {w for w in words if w not in GENERIC_TOKENS}


def similar_names(a: str, b: str, kind: str) -> bool:
    """Whether two spellings that are not known aliases may still name one entity."""
    na, nb = normalise_name(a), normalise_name(b)
    if na == nb:
        return True
    if min(len(na), len(nb)) < FUZZY_MIN_LENGTH:
        return False
    ta, tb = name_tokens(a), name_tokens(b)
    if ta != tb and (ta < tb or tb < ta):
        return False  # "Scale" + "Venture Partners": one name inside a longer one
    if kind == "person" and _surnames_differ(a, b):
        return False
    return fuzz.ratio(na, nb) >= FUZZY_MIN_SCORE


def _surnames_differ(a: str, b: str) -> bool:
    sa, sb = a.split()[-1:], b.split()[-1:]
    return bool(sa and sb) and fuzz.ratio(normalise_name(sa[0]), normalise_name(sb[0])) < 80


def best_fuzzy(name: str, kind: str, candidates: Iterable[tuple[int, str]]) -> int | None:
    """The id of the candidate ``(id, alias)`` that ``name`` fuzzily names, if exactly one."""
    hits = {entity_id for entity_id, alias in candidates if similar_names(name, alias, kind)}
    return hits.pop() if len(hits) == 1 else None


@dataclass(slots=True)
class EventView:
    """An event as the matcher sees it: its type, who plays which role, and its fields."""

    type: str
    roles: dict[str, frozenset[int]]
    fields: dict[str, Any] = field(default_factory=dict)
    id: int | None = None


def fingerprint(view: EventView) -> str:
    """A stable identity from type, key participants and distinguishing fields."""
    parts = [view.type]
    for role in KEY_ROLES[view.type]:
        parts.append(role + "=" + ",".join(str(i) for i in sorted(view.roles.get(role, ()))))
    for name in DISTINGUISHING.get(view.type, ()):
        parts.append(f"{name}={_norm(view.fields.get(name))}")
    if view.type == "talent_move":
        parts.append("to=" + ",".join(str(i) for i in sorted(view.roles.get("to", ()))))
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def same_event(new: EventView, old: EventView) -> bool:
    """Whether ``new`` reports the real event ``old`` already is."""
    if new.type != old.type or not _same_keys(new, old):
        return False
    checks = (
        _compatible_text(new, old, "round"),
        _compatible_text(new, old, "metric"),
        _compatible_period(new.fields.get("period"), old.fields.get("period")),
        _compatible_amount(new.fields.get("amount_usd"), old.fields.get("amount_usd")),
        _compatible_amount(new.fields.get("value_usd"), old.fields.get("value_usd")),
        _compatible_year(new, old),
        _compatible_move(new, old),
    )
    return all(checks)


def _same_keys(new: EventView, old: EventView) -> bool:
    for role in KEY_ROLES[new.type]:
        a, b = new.roles.get(role, frozenset()), old.roles.get(role, frozenset())
        if new.type == "partnership":
            if len(a & b) < 2 and a != b:
                return False
        elif a != b:
            return False
    if new.type == "investment":
        return _investors_compatible(new, old)
    return True


def _investors_compatible(new: EventView, old: EventView) -> bool:
    """Different rounds of one company share a company; without a round, investors decide."""
    if _norm(new.fields.get("round")) and _norm(old.fields.get("round")):
        return True
    a, b = new.roles.get("investor", frozenset()), old.roles.get("investor", frozenset())
    return not a or not b or bool(a & b)


def _compatible_text(new: EventView, old: EventView, name: str) -> bool:
    a, b = _norm(new.fields.get(name)), _norm(old.fields.get(name))
    return not a or not b or a == b


def _compatible_period(a: Any, b: Any) -> bool:
    if not a or not b:
        return True
    return str(a).startswith(str(b)) or str(b).startswith(str(a))


def _compatible_amount(a: Any, b: Any) -> bool:
    if not a or not b:
        return True
    return abs(float(a) - float(b)) <= AMOUNT_TOLERANCE * max(float(a), float(b))


def _compatible_year(new: EventView, old: EventView) -> bool:
    if new.type not in ("layoff", "investment"):
        return True
    a, b = str(new.fields.get("year") or ""), str(old.fields.get("year") or "")
    if not a or not b:
        return True
    return abs(int(a) - int(b)) <= (0 if new.type == "layoff" else 1)


def _compatible_move(new: EventView, old: EventView) -> bool:
    if new.type != "talent_move":
        return True
    return all(
        not new.roles.get(r) or not old.roles.get(r) or new.roles[r] == old.roles[r]
        for r in ("from", "to")
    )


def _norm(value: Any) -> str:
    return re.sub(r"[\s\-_]", "", str(value or "")).casefold()


def best_supported(statements: Iterable[Any]) -> Any:
    """The value most statements give (ties: the earliest stated); None when none is given.

    Amounts within the tolerance count as the same figure.
    """
    values = [v for v in statements if v is not None and v != ""]
    if not values:
        return None
    if all(isinstance(v, int | float) for v in values):
        votes = Counter(next(w for w in values if _compatible_amount(v, w)) for v in values)
    else:
        votes = Counter(values)
    top = max(votes.values())
    return next(v for v in values if votes.get(v) == top)


def merged_fields(statements: list[Mapping[str, Any]], names: Iterable[str]) -> dict[str, Any]:
    """Each field's best-supported value over every article's statement of an event.

    For fields whose history matters (a customer's status, a person's role), the latest
    statement wins instead: the relationship changed, it was not misreported.
    """
    out: dict[str, Any] = {}
    for name in names:
        said = [s.get(name) for s in statements]
        if name in HISTORY_FIELDS:
            out[name] = next((v for v in reversed(said) if v), None)
        else:
            out[name] = best_supported(said)
    return out


def short_name_map(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Within one article, short forms of another name of the same kind → that name.

    "Scale" → "Scale AI" when the article names both (the rest being generic words), and a
    surname → the one full name in the article that ends with it. Ambiguous short forms (two
    longer names fit) are left alone.
    """
    by_kind: dict[str, set[str]] = {}
    for name, kind in names:
        by_kind.setdefault(kind, set()).add(name)
    mapping: dict[str, str] = {}
    for kind, group in by_kind.items():
        for short in group:
            longer = [n for n in group if n != short and _shortens(short, n, kind)]
            if len(longer) == 1:
                mapping[short] = longer[0]
    return mapping


def _shortens(short: str, full: str, kind: str) -> bool:
    s, f = short.split(), full.split()
    if not s or len(s) >= len(f):
        return False
    if kind == "person":
        return f[-len(s) :] == s
    return f[: len(s)] == s and all(w.casefold() in GENERIC_TOKENS for w in f[len(s) :])
