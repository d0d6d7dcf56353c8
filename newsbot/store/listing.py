"""Listing entities and events for the ``entities`` and ``events`` commands."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlmodel import col

from newsbot.core.registry import Registry
from newsbot.store.entities import entity_id_by_name
from newsbot.store.models import Alias, Entity, Event, EventEntity
from newsbot.store.sql import pk


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: int
    kind: str
    name: str
    aliases: list[str]
    events: int


def list_entities(
    session: Session, *, contains: str | None = None, kind: str | None = None, limit: int = 100
) -> list[EntityRow]:
    """Entities, most events first; ``contains`` matches any alias, case-insensitively."""
    counts = (
        select(
            col(EventEntity.entity_id),
            func.count(func.distinct(EventEntity.event_id)).label("n"),
        )
        .group_by(col(EventEntity.entity_id))
        .subquery()
    )
    stmt = select(
        pk(Entity.id), col(Entity.kind), col(Entity.name), func.coalesce(counts.c.n, 0)
    ).outerjoin(counts, counts.c.entity_id == pk(Entity.id))
    if kind:
        stmt = stmt.where(col(Entity.kind) == kind)
    if contains:
        pattern = f"%{contains.casefold()}%"
        matching = select(col(Alias.entity_id)).where(func.lower(Alias.alias).like(pattern))
        stmt = stmt.where(pk(Entity.id).in_(matching))
    rows = session.execute(
        stmt.order_by(func.coalesce(counts.c.n, 0).desc(), col(Entity.name)).limit(limit)
    ).all()
    aliases = _aliases(session, [r[0] for r in rows])
    return [EntityRow(i, k, n, aliases.get(i, []), c) for i, k, n, c in rows]


def _aliases(session: Session, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    stmt = (
        select(col(Alias.entity_id), col(Alias.alias))
        .where(col(Alias.entity_id).in_(ids))
        .order_by(pk(Alias.id))
    )
    for entity_id, alias in session.execute(stmt):
        out.setdefault(entity_id, []).append(alias)
    return out


def event_ids(
    session: Session, registry: Registry, *, entity: str | None = None, type_: str | None = None,
    since: str | None = None, limit: int = 100,
) -> list[int]:  # fmt: skip
    """Ids of events matching the filters, newest first; an unknown entity matches nothing."""
    stmt = select(pk(Event.id))
    if entity:
        entity_id = entity_id_by_name(session, entity, registry)
        if entity_id is None:
            return []
        members = select(col(EventEntity.event_id)).where(col(EventEntity.entity_id) == entity_id)
        stmt = stmt.where(pk(Event.id).in_(members))
    if type_:
        stmt = stmt.where(col(Event.type) == type_)
    if since:
        stmt = stmt.where(col(Event.date) >= since)
    stmt = stmt.order_by(col(Event.date).desc(), pk(Event.id).desc()).limit(limit)
    return list(session.execute(stmt).scalars())
