"""Storing events once per real event, with every article that reports it as evidence.

``EventWriter.store`` resolves the participants to entities, looks for a stored event that
is the same real event (``newsbot.core.resolve.same_event``), and either adds evidence to it
— re-deriving its fields from every statement and logging changes of state — or inserts a
new event. Nothing here commits.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, delete, or_, select, update
from sqlalchemy.orm import Session, aliased
from sqlmodel import col

from newsbot.core.events import FIELDS, PARTICIPANTS
from newsbot.core.events import Event as FoundEvent
from newsbot.core.resolve import KEY_ROLES, EventView, fingerprint, merged_fields, same_event
from newsbot.core.translit import same_name, same_person
from newsbot.store.entities import EntityResolver
from newsbot.store.models import Article, Entity, Event, EventChange, EventEntity, Evidence
from newsbot.store.sql import insert_ignore, insert_ignore_many, pk

# Event columns filled from FORMAT.md fields (beside the participants).
COLUMNS = (
    "amount_usd", "stake_pct", "valuation_usd", "round", "status", "role",
    "metric", "value_usd", "value_pct", "period", "count", "summary",
)  # fmt: skip
LIST_ROLES = {"investor", "partner"}
CANDIDATES = 200  # stored events compared with a new one, newest first


@dataclass(frozen=True, slots=True)
class Stored:
    event_id: int
    created: bool


class EventWriter:
    """Stores the events of one article within the caller's transaction."""

    def __init__(self, session: Session, entities: EntityResolver, now: datetime):
        self.session = session
        self.entities = entities
        self.now = now

    def store(
        self, event: FoundEvent, *, article_id: int, lang: str, article_date: str | None,
        aliases: Mapping[str, Sequence[str]] | None = None,
    ) -> Stored:  # fmt: skip
        """Store ``event`` as reported by article ``article_id``."""
        roles = self._roles(event, aliases or {})
        if not roles.get(KEY_ROLES[event.type][0]):
            raise ValueError(f"{event.type} event without its {KEY_ROLES[event.type][0]}")
        date = event.date or article_date
        view = EventView(event.type, _frozen(roles), _match_fields(event, date))
        match = self._find_same(view)
        stated = _stated(event, date)
        if match is None:
            match, created = self._insert(view, event, date, stated), True
        else:
            created = False
            self._align(match, roles, event)
        self._attach(match, roles, article_id, event, lang, stated)
        if not created:
            self._refresh(match, article_id)
        return Stored(match, created)

    def _roles(
        self, event: FoundEvent, aliases: Mapping[str, Sequence[str]]
    ) -> dict[str, list[int]]:
        roles: dict[str, list[int]] = defaultdict(list)
        participants = event.participants()
        people = [p for p in participants if p[2] == "person"]
        for name, role, kind in [p for p in participants if p not in people] + people:
            entity_id = None
            if kind == "person" and self.entities.stored(name, kind) is None:
                entity_id = self._transliterated(name, roles)
            if entity_id is None:
                entity_id = self.entities.resolve(name, kind, aliases.get(name, ()))
            else:
                self.entities.adopt(entity_id, name)
            if entity_id not in roles[role]:
                roles[role].append(entity_id)
        return roles

    def _align(self, event_id: int, roles: dict[str, list[int]], event: FoundEvent) -> None:
        """In a report of a stored event, a new investor or partner spelt in the other script
        (アルティメーター・キャピタル for Altimeter Capital) is the member already there."""
        reported = {self.entities.stored(n, k) or 0: n for n, _r, k in event.participants()}
        members = self.session.execute(
            select(col(EventEntity.role), pk(Entity.id), col(Entity.name))
            .join(Entity, pk(Entity.id) == col(EventEntity.entity_id))
            .where(col(EventEntity.event_id) == event_id)
        ).all()
        for role, ids in roles.items():
            if role not in LIST_ROLES:
                continue
            stored = {(i, n) for r, i, n in members if r == role and i not in ids}
            for position, new_id in enumerate(ids):
                name = reported.get(new_id)
                if not name:
                    continue
                hits = [i for i, other in stored if same_name(name, other)]
                if len(hits) == 1:
                    ids[position] = hits[0]
                    self.entities.absorb(new_id, hits[0])
                    self.entities.add_aliases(hits[0], [name], origin="article")

    def _transliterated(self, name: str, roles: dict[str, list[int]]) -> int | None:
        """The one stored person, moving between the same companies, that ``name`` spells in
        the other script (katakana for a Latin name, or the reverse)."""
        companies = [i for role in ("from", "to", "company") for i in roles.get(role, [])]
        if not companies:
            return None
        company, person = aliased(EventEntity), aliased(EventEntity)
        people = self.session.execute(
            select(pk(Entity.id), col(Entity.name))
            .join(person, col(person.entity_id) == pk(Entity.id))
            .join(Event, pk(Event.id) == col(person.event_id))
            .join(company, col(company.event_id) == pk(Event.id))
            .where(
                col(Event.type) == "talent_move",
                col(person.role) == "person",
                col(company.role).in_(("from", "to")),
                col(company.entity_id).in_(companies),
            )
            .distinct()
        ).all()
        matches = {
            entity_id
            for entity_id, other in people
            if same_person(name, other) or same_person(other, name)
        }
        return matches.pop() if len(matches) == 1 else None

    def _find_same(self, view: EventView) -> int | None:
        ids = self.session.execute(candidates(view)).scalars().all()
        for candidate in load_views(self.session, ids):
            if same_event(view, candidate):
                return candidate.id
        return None

    def _insert(
        self, view: EventView, event: FoundEvent, date: str | None, stated: dict[str, Any]
    ) -> int:
        values = _columns(stated) | {
            "type": event.type,
            "date": date,
            "amount": event.money.amount if event.money else None,
            "currency": event.money.currency if event.money else None,
            "confidence": event.confidence,
            "fingerprint": fingerprint(view),
            "first_seen_at": self.now,
            "updated_at": self.now,
        }
        base = values["fingerprint"]
        for attempt in range(100):
            values["fingerprint"] = base if attempt == 0 else f"{base}#{attempt}"
            if insert_ignore(self.session, Event, values):
                return self._by_fingerprint(values["fingerprint"])
            existing = self._by_fingerprint(values["fingerprint"])
            if any(same_event(view, old) for old in load_views(self.session, [existing])):
                return existing  # another writer stored this very event a moment ago
        raise RuntimeError(f"no free fingerprint for {event.type} event {base}")

    def _by_fingerprint(self, fingerprint: str) -> int:
        return self.session.execute(
            select(pk(Event.id)).where(col(Event.fingerprint) == fingerprint)
        ).scalar_one()

    def _attach(
        self, event_id: int, roles: dict[str, list[int]], article_id: int,
        event: FoundEvent, lang: str, stated: dict[str, Any],
    ) -> None:  # fmt: skip
        members = [
            {"event_id": event_id, "entity_id": entity_id, "role": role, "position": position}
            for role, ids in roles.items()
            for position, entity_id in enumerate(ids)
        ]
        insert_ignore_many(self.session, EventEntity, members)
        insert_ignore(
            self.session,
            Evidence,
            {
                "event_id": event_id,
                "article_id": article_id,
                "sentence": event.sentence,
                "lang": lang,
                "stated": json.dumps(stated, ensure_ascii=False, sort_keys=True),
                "confidence": event.confidence,
                "created_at": self.now,
            },
        )

    def _refresh(self, event_id: int, article_id: int) -> None:
        """Re-derive an event's fields from all its evidence; log changes of state."""
        row = self.session.get(Event, event_id)
        assert row is not None
        statements = _statements(self.session, event_id)
        merged = merged_fields(statements, (*COLUMNS, "date"))
        changes = {k: v for k, v in merged.items() if v is not None and getattr(row, k) != v}
        for name in ("status", "role"):
            if name in changes and getattr(row, name) is not None:
                self.session.add(
                    EventChange(
                        event_id=event_id, field=name, old_value=str(getattr(row, name)),
                        new_value=str(changes[name]), article_id=article_id,
                        changed_at=self.now,
                    )
                )  # fmt: skip
        confidence = max(s.get("confidence", 0) for s in statements)
        self.session.execute(
            update(Event)
            .where(pk(Event.id) == event_id)
            .values(**changes, confidence=min(1.0, confidence + 0.05 * (len(statements) - 1)),
                    updated_at=self.now)
        )  # fmt: skip


def candidates(view: EventView, limit: int = CANDIDATES) -> Select[int]:
    """Stored events that may be ``view``'s real event: same type, sharing every key
    participant (two partners of a partnership), in a compatible year or metric."""
    stmt = select(pk(Event.id)).where(col(Event.type) == view.type)
    for role in KEY_ROLES[view.type]:
        ids = sorted(view.roles.get(role, ()))
        for entity_id in ids[: 2 if view.type == "partnership" else 1]:
            member = aliased(EventEntity)
            stmt = stmt.join(
                member,
                and_(
                    col(member.event_id) == pk(Event.id),
                    col(member.role) == role,
                    col(member.entity_id) == entity_id,
                ),
            )
    year = str(view.fields.get("year") or "")
    if year.isdigit() and view.type in ("investment", "layoff"):
        window = 0 if view.type == "layoff" else 1
        low, high = str(int(year) - window), str(int(year) + window + 1)
        date = col(Event.date)
        stmt = stmt.where(or_(date.is_(None), and_(date >= low, date < high)))
    if view.type == "financial" and view.fields.get("metric"):
        metric = col(Event.metric)
        stmt = stmt.where(or_(metric.is_(None), metric == view.fields["metric"]))
    return stmt.order_by(pk(Event.id).desc()).limit(limit)


def _frozen(roles: dict[str, list[int]]) -> dict[str, frozenset[int]]:
    return {role: frozenset(ids) for role, ids in roles.items()}


def _match_fields(event: FoundEvent, date: str | None) -> dict[str, Any]:
    fields = dict(event.fields)
    fields["year"] = (date or "")[:4] or None
    return fields


def _stated(event: FoundEvent, date: str | None) -> dict[str, Any]:
    stated = {k: v for k, v in event.to_dict().items() if v is not None}
    stated["date"] = date
    stated["confidence"] = event.confidence
    if event.money is not None:
        stated["money"] = {"amount": event.money.amount, "currency": event.money.currency}
    return stated


def _columns(stated: dict[str, Any]) -> dict[str, Any]:
    return {name: stated.get(name) for name in COLUMNS}


def _statements(session: Session, event_id: int) -> list[Mapping[str, Any]]:
    """Every article's statement of an event, oldest article first."""
    rows = session.execute(
        select(col(Evidence.stated))
        .join(Article, pk(Article.id) == col(Evidence.article_id))
        .where(col(Evidence.event_id) == event_id)
        .order_by(col(Article.published_at), pk(Evidence.id))
    ).scalars()
    return [json.loads(s) for s in rows]


def load_views(session: Session, event_ids: Iterable[int]) -> list[EventView]:
    """Stored events as the matcher sees them."""
    ids = list(event_ids)
    if not ids:
        return []
    views = {
        row.id: EventView(row.type, {}, _columns(row.__dict__) | {"year": (row.date or "")[:4]},
                          id=row.id)
        for row in session.execute(select(Event).where(pk(Event.id).in_(ids))).scalars()
    }  # fmt: skip
    members = session.execute(
        select(col(EventEntity.event_id), col(EventEntity.role), col(EventEntity.entity_id)).where(
            col(EventEntity.event_id).in_(ids)
        )
    )
    grouped: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for event_id, role, entity_id in members:
        grouped[event_id][role].add(entity_id)
    for event_id, roles in grouped.items():
        views[event_id].roles = {role: frozenset(v) for role, v in roles.items()}
    return list(views.values())


def forget_article_evidence(session: Session, article_id: int) -> None:
    """Drop what an article said (before re-extracting its changed text); orphans go too."""
    event_ids = (
        session.execute(
            select(col(Evidence.event_id)).where(col(Evidence.article_id) == article_id)
        )
        .scalars()
        .all()
    )
    session.execute(delete(Evidence).where(col(Evidence.article_id) == article_id))
    for event_id in event_ids:
        if session.execute(
            select(pk(Evidence.id)).where(col(Evidence.event_id) == event_id)
        ).first():
            continue
        session.execute(delete(EventEntity).where(col(EventEntity.event_id) == event_id))
        session.execute(delete(EventChange).where(col(EventChange.event_id) == event_id))
        session.execute(delete(Event).where(pk(Event.id) == event_id))


def event_records(session: Session, event_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Stored events in the FORMAT.md shape, plus ``id``, ``date`` and ``evidence``."""
    if not event_ids:
        return []
    stmt = select(pk(Event.id), Event).where(pk(Event.id).in_(event_ids))
    rows = {event_id: row for event_id, row in session.execute(stmt)}
    names = _participant_names(session, list(rows))
    evidence = _evidence(session, list(rows))
    return [_record(rows[i], names.get(i, {}), evidence.get(i, [])) for i in event_ids if i in rows]


def _participant_names(session: Session, ids: list[int]) -> dict[int, dict[str, list[str]]]:
    stmt = (
        select(col(EventEntity.event_id), col(EventEntity.role), col(Entity.name))
        .join(Entity, pk(Entity.id) == col(EventEntity.entity_id))
        .where(col(EventEntity.event_id).in_(ids))
        .order_by(col(EventEntity.event_id), col(EventEntity.position), col(Entity.name))
    )
    out: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for event_id, role, name in session.execute(stmt):
        out[event_id][role].append(name)
    return out


def _evidence(session: Session, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    stmt = (
        select(col(Evidence.event_id), col(Article.url), col(Article.title),
               col(Article.site_name), col(Article.published_date), col(Evidence.sentence),
               col(Evidence.lang))
        .join(Article, pk(Article.id) == col(Evidence.article_id))
        .where(col(Evidence.event_id).in_(ids))
        .order_by(col(Evidence.event_id), col(Article.published_at), pk(Evidence.id))
    )  # fmt: skip
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for event_id, url, title, site, published, sentence, lang in session.execute(stmt):
        out[event_id].append({
            "article": url, "title": title, "site": site,
            "published": published,
            "sentence": sentence, "lang": lang,
        })  # fmt: skip
    return out


def _record(
    row: Event, names: dict[str, list[str]], evidence: list[dict[str, Any]]
) -> dict[str, Any]:
    record: dict[str, Any] = {"id": row.id, "type": row.type}
    for field_name, (role, _kind) in PARTICIPANTS[row.type].items():
        found = names.get(role, [])
        record[field_name] = (
            found if field_name in ("investors", "companies") else (found[0] if found else None)
        )
    for name in FIELDS[row.type]:
        if name not in record:
            record[name] = getattr(row, name, None)
    if row.amount is not None and row.currency:
        record["amount"] = row.amount
        record["currency"] = row.currency
    record["date"] = row.date
    record["confidence"] = round(row.confidence, 3)
    record["evidence"] = evidence
    return record
