"""The events newsbot extracts, in the shape of the corpus FORMAT.md.

An ``Event`` is a plain value: its ``type``, the FORMAT.md fields of that type in ``fields``
(names of companies and people as canonical names), the sentence that states it and a
confidence. ``PARTICIPANTS`` says which field holds which role, so the store and the
resolver need no per-type code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES = (
    "investment",
    "acquisition",
    "partnership",
    "customer",
    "talent_move",
    "financial",
    "product_launch",
    "layoff",
)

# FORMAT.md fields of each type, in the order they are printed.
FIELDS: dict[str, tuple[str, ...]] = {
    "investment": ("company", "investors", "amount_usd", "stake_pct", "valuation_usd", "round"),
    "acquisition": ("acquirer", "target", "amount_usd"),
    "partnership": ("companies", "summary"),
    "customer": ("vendor", "customer", "amount_usd", "status"),
    "talent_move": ("person", "from", "to", "role"),
    "financial": ("company", "metric", "value_usd", "value_pct", "period"),
    "product_launch": ("company", "product"),
    "layoff": ("company", "count"),
}

# field -> (role in event_entities, entity kind); list-valued fields hold several entities.
PARTICIPANTS: dict[str, dict[str, tuple[str, str]]] = {
    "investment": {"company": ("company", "company"), "investors": ("investor", "company")},
    "acquisition": {"acquirer": ("acquirer", "company"), "target": ("target", "company")},
    "partnership": {"companies": ("partner", "company")},
    "customer": {"vendor": ("vendor", "company"), "customer": ("customer", "company")},
    "talent_move": {
        "person": ("person", "person"),
        "from": ("from", "company"),
        "to": ("to", "company"),
    },
    "financial": {"company": ("company", "company")},
    "product_launch": {"company": ("company", "company"), "product": ("product", "product")},
    "layoff": {"company": ("company", "company")},
}

CUSTOMER_STATUSES = ("active", "paused", "ended")
METRICS = ("revenue", "arr", "valuation", "gross_margin", "funding_total")


@dataclass(slots=True)
class Money:
    """An amount as the article states it, and in US dollars."""

    amount: float
    currency: str  # ISO 4217: USD, JPY, EUR, GBP, CNY, ...
    usd: float | None


@dataclass(slots=True)
class Event:
    """One event found in one article.

    ``fields`` holds the FORMAT.md fields of ``type`` (absent or None when unknown).
    ``money`` keeps the main amount as stated (amount_usd or value_usd is its USD value).
    ``date`` is when it happened as far as the article says (ISO date or period string),
    else None and the article's date is used.
    """

    type: str
    fields: dict[str, Any]
    sentence: str = ""
    confidence: float = 0.5
    money: Money | None = None
    date: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The FORMAT.md shape: ``{"type": ..., field: value, ...}``."""
        out: dict[str, Any] = {"type": self.type}
        for name in FIELDS[self.type]:
            if name in self.fields:
                out[name] = self.fields[name]
        return out

    def participants(self) -> list[tuple[str, str, str]]:
        """``(name, role, kind)`` for every named participant."""
        found: list[tuple[str, str, str]] = []
        for name_field, (role, kind) in PARTICIPANTS[self.type].items():
            value = self.fields.get(name_field)
            names = value if isinstance(value, list) else [value]
            found.extend((n, role, kind) for n in names if n)
        return found


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """What an article told us about an entity: its kind and the names it used for it."""

    name: str
    kind: str  # company | person | product
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class Extraction:
    """The extractor's result for one article."""

    events: list[Event]
    entities: dict[str, EntityInfo] = field(default_factory=dict)
