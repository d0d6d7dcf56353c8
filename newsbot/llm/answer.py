"""The answer an LLM must give: its JSON schema, and its validation into an ``Extraction``.

The schema is flat (every field of every event type, nullable, all required) because that is
what strict structured-output modes and grammar-constrained local servers accept. Validation
checks what a schema cannot: the fields a type needs, names that are not empty, numbers in
range, and an evidence sentence that really occurs in the article.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from newsbot.core.events import (
    CUSTOMER_STATUSES,
    EVENT_TYPES,
    FIELDS,
    METRICS,
    PARTICIPANTS,
    EntityInfo,
    Event,
    Extraction,
    Money,
)

__all__ = ["RESPONSE_FORMAT", "SCHEMA", "Checked", "check_answer"]

NAME_FIELDS = ("company", "acquirer", "target", "vendor", "customer", "person", "from", "to",
               "product")
NAME_LIST_FIELDS = ("investors", "companies")
MONEY_FIELDS = ("amount_usd", "valuation_usd", "value_usd")
PCT_FIELDS = ("stake_pct", "value_pct")
TEXT_FIELDS = ("round", "summary", "role", "period")
ENUM_FIELDS: dict[str, tuple[str, ...]] = {"status": CUSTOMER_STATUSES, "metric": METRICS}
REQUIRED: dict[str, tuple[str, ...]] = {
    "investment": ("company",),
    "acquisition": ("acquirer", "target"),
    "partnership": ("companies",),
    "customer": ("vendor", "customer"),
    "talent_move": ("person",),
    "financial": ("company", "metric"),
    "product_launch": ("company", "product"),
    "layoff": ("company",),
}
MAIN_USD = {"investment": "amount_usd", "acquisition": "amount_usd", "customer": "amount_usd",
            "financial": "value_usd"}
ENTITY_KINDS = ("company", "person", "product")
_PERIOD_RE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]|Q[1-4]|H[12]))?$")
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
_SPACES_RE = re.compile(r"\s+")
_MAX_NAME = 200


def _nullable(kind: str | dict[str, Any]) -> dict[str, Any]:
    if isinstance(kind, dict):
        return {"anyOf": [kind, {"type": "null"}]}
    return {"type": [kind, "null"]}


def _event_schema() -> dict[str, Any]:
    names = {"type": "array", "items": {"type": "string"}}
    props: dict[str, Any] = {"type": {"type": "string", "enum": list(EVENT_TYPES)}}
    props |= {f: _nullable("string") for f in (*NAME_FIELDS, *TEXT_FIELDS)}
    props |= {f: _nullable(names) for f in NAME_LIST_FIELDS}
    props |= {f: _nullable("number") for f in (*MONEY_FIELDS, *PCT_FIELDS, "amount")}
    props |= {f: _nullable({"type": "string", "enum": list(v)}) for f, v in ENUM_FIELDS.items()}
    props |= {"count": _nullable("integer"), "currency": _nullable("string"),
              "date": _nullable("string"), "sentence": {"type": "string"},
              "confidence": {"type": "number"}}
    return {"type": "object", "properties": props, "required": list(props),
            "additionalProperties": False}


def _entity_schema() -> dict[str, Any]:
    props = {"name": {"type": "string"},
             "kind": {"type": "string", "enum": list(ENTITY_KINDS)},
             "aliases": {"type": "array", "items": {"type": "string"}}}
    return {"type": "object", "properties": props, "required": list(props),
            "additionalProperties": False}


SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "events": {"type": "array", "items": _event_schema()},
        "entities": {"type": "array", "items": _entity_schema()},
    },
    "required": ["events", "entities"],
    "additionalProperties": False,
}
RESPONSE_FORMAT: dict[str, Any] = {
    "type": "json_schema",
    "json_schema": {"name": "newsbot_events", "strict": True, "schema": SCHEMA},
}


@dataclass(slots=True)
class Checked:
    """A validated answer: what could be used, and what was wrong (empty when all was well)."""

    extraction: Extraction
    errors: list[str] = field(default_factory=list)
    parsed: bool = True  # False when the answer was not the JSON object asked for


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return _SPACES_RE.sub(" ", text).strip()


def check_answer(content: str, article_text: str) -> Checked:
    """Validate a model's reply against the schema and the event rules."""
    try:
        data = json.loads(_strip_fences(content))
    except json.JSONDecodeError as exc:
        return Checked(Extraction([]), [f"the answer is not valid JSON ({exc})"], parsed=False)
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        problem = 'the answer must be a JSON object with an "events" array'
        return Checked(Extraction([]), [problem], parsed=False)
    haystack = _fold(article_text)
    events: list[Event] = []
    errors: list[str] = []
    for i, raw in enumerate(data["events"]):
        event, problems = _event(raw, haystack)
        errors += [f"events[{i}]: {p}" for p in problems]
        if event is not None and not problems:
            events.append(event)
    entities, entity_errors = _entities(data.get("entities"))
    return Checked(Extraction(events, _with_participants(entities, events)),
                   errors + entity_errors)


def _strip_fences(content: str) -> str:
    """Some servers wrap JSON in a Markdown fence even when asked not to."""
    text = content.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.rsplit("```", 1)[0]
    return text


def _event(raw: Any, haystack: str) -> tuple[Event | None, list[str]]:
    if not isinstance(raw, dict):
        return None, ["an event must be an object"]
    etype = raw.get("type")
    if etype not in EVENT_TYPES:
        return None, [f"type must be one of {', '.join(EVENT_TYPES)}, not {etype!r}"]
    fields, problems = _fields(etype, raw)
    problems += _required(etype, fields)
    sentence, sentence_problem = _sentence(raw.get("sentence"), haystack)
    problems += sentence_problem
    confidence, confidence_problem = _confidence(raw.get("confidence"))
    problems += confidence_problem
    money, money_problems = _money(etype, raw, fields)
    date, date_problems = _date(raw.get("date"))
    problems += money_problems + date_problems
    event = Event(etype, fields, sentence, confidence, money, date, {"extractor": "llm"})
    return event, problems


def _fields(etype: str, raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    fields: dict[str, Any] = {}
    problems: list[str] = []
    for name in FIELDS[etype]:
        value, problem = _field(name, raw.get(name))
        if problem:
            problems.append(f"{name}: {problem}")
        elif value is not None:
            fields[name] = value
    return fields, problems


def _field(name: str, value: Any) -> tuple[Any, str | None]:
    if value is None:
        return None, None
    if name in NAME_FIELDS:
        return _name(value)
    if name in NAME_LIST_FIELDS:
        return _names(value)
    if name in MONEY_FIELDS:
        return _number(value, 0, None)
    if name in PCT_FIELDS:
        return _number(value, -100 if name == "value_pct" else 0, 100)
    if name == "count":
        ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
        return (value, None) if ok else (None, "must be a positive integer or null")
    if name in ENUM_FIELDS:
        ok = value in ENUM_FIELDS[name]
        return (value, None) if ok else (None, f"must be one of {', '.join(ENUM_FIELDS[name])}")
    return _text(name, value)


def _name(value: Any) -> tuple[str | None, str | None]:
    if not isinstance(value, str) or not value.strip():
        return None, "must be a non-empty name or null"
    if len(value) > _MAX_NAME:
        return None, "is too long for a name"
    return value.strip(), None


def _names(value: Any) -> tuple[list[str] | None, str | None]:
    if not isinstance(value, list):
        return None, "must be a list of names or null"
    names: list[str] = []
    for item in value:
        name, problem = _name(item)
        if problem or name is None:
            return None, "every name in the list must be a non-empty string"
        if name not in names:
            names.append(name)
    return (names or None), None


def _number(value: Any, low: float, high: float | None) -> tuple[float | None, str | None]:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None, "must be a number (not a string) or null"
    if value < low or (high is not None and value > high):
        limit = f"between {low} and {high}" if high is not None else f"at least {low}"
        return None, f"must be {limit}"
    return value, None


def _text(name: str, value: Any) -> tuple[str | None, str | None]:
    if not isinstance(value, str):
        return None, "must be a string or null"
    value = value.strip()
    if name == "period" and value and not _PERIOD_RE.match(value):
        return None, "must look like 2024, 2024-08 or 2024-Q3"
    return (value or None), None


def _required(etype: str, fields: dict[str, Any]) -> list[str]:
    problems = [f"{name} is required for {etype}" for name in REQUIRED[etype]
                if fields.get(name) is None]
    if etype == "partnership" and len(fields.get("companies") or []) == 1:
        problems.append("companies must name at least two companies")
    if etype == "financial" and fields.get("value_usd") is None and \
            fields.get("value_pct") is None:
        problems.append("financial needs value_usd or value_pct")
    return problems


def _sentence(value: Any, haystack: str) -> tuple[str, list[str]]:
    if not isinstance(value, str) or not value.strip():
        return "", ["sentence must quote the article sentence that states the event"]
    sentence = _fold(value).strip('"「」')
    if sentence not in haystack:
        return sentence, ["sentence must be copied exactly from the article text"]
    return sentence, []


def _confidence(value: Any) -> tuple[float, list[str]]:
    if value is None:
        return 0.6, []
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        return 0.6, ["confidence must be a number between 0 and 1"]
    return float(value), []


def _money(etype: str, raw: dict[str, Any], fields: dict[str, Any]) -> tuple[Money | None,
                                                                          list[str]]:
    usd = fields.get(MAIN_USD.get(etype, ""))
    amount, currency = raw.get("amount"), raw.get("currency")
    if amount is None or currency is None:
        return (Money(usd, "USD", usd) if usd is not None else None), []
    value, problem = _number(amount, 0, None)
    if problem or value is None:
        return None, [f"amount: {problem}"]
    if not isinstance(currency, str) or not _CURRENCY_RE.match(currency.strip().upper()):
        return None, ["currency must be an ISO 4217 code such as USD or JPY"]
    return Money(value, currency.strip().upper(), usd), []


def _date(value: Any) -> tuple[str | None, list[str]]:
    if value is None or value == "":
        return None, []
    if isinstance(value, str) and (_DATE_RE.match(value) or _PERIOD_RE.match(value)):
        return value, []
    return None, ["date must be an ISO date (2024-08-01, 2024-08, 2024) or null"]


def _entities(raw: Any) -> tuple[dict[str, EntityInfo], list[str]]:
    if raw is None:
        return {}, []
    if not isinstance(raw, list):
        return {}, ["entities must be a list"]
    entities: dict[str, EntityInfo] = {}
    problems: list[str] = []
    for i, item in enumerate(raw):
        info = _entity(item)
        if info is None:
            problems.append(f"entities[{i}]: needs a non-empty name, a kind "
                            f"({', '.join(ENTITY_KINDS)}) and a list of aliases")
        else:
            entities[info.name] = info
    return entities, problems


def _entity(item: Any) -> EntityInfo | None:
    if not isinstance(item, dict) or item.get("kind") not in ENTITY_KINDS:
        return None
    name, problem = _name(item.get("name"))
    aliases = item.get("aliases") or []
    if problem or name is None or not isinstance(aliases, list):
        return None
    kept = tuple(a.strip() for a in aliases if isinstance(a, str) and a.strip() and a != name)
    return EntityInfo(name, item["kind"], tuple(dict.fromkeys(kept)))


def _with_participants(entities: dict[str, EntityInfo], events: list[Event]
                       ) -> dict[str, EntityInfo]:
    """Every participant of an event is an entity, with the kind its role implies."""
    out = dict(entities)
    for event in events:
        for name, _role, kind in event.participants():
            out.setdefault(name, EntityInfo(name, kind))
    return out


def describe_fields() -> str:
    """The event types and their fields, for the prompt."""
    lines = []
    for etype in EVENT_TYPES:
        roles = PARTICIPANTS[etype]
        parts = [f"{f} ({roles[f][1]}{' list' if f in NAME_LIST_FIELDS else ''})"
                 if f in roles else f for f in FIELDS[etype]]
        lines.append(f"- {etype}: {', '.join(parts)}")
    return "\n".join(lines)
