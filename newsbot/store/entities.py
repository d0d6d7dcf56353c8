"""One entity per real company or person: find by alias, registry, or fuzzy match; else create.

Aliases are unique by normalised form across the knowledge base, so concurrent writers
that discover the same name converge on one row (the loser of the insert reads the winner).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import and_, delete, select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from newsbot.core.registry import Registry, normalise_name
from newsbot.core.resolve import best_fuzzy
from newsbot.store.models import Alias, Entity, EventEntity
from newsbot.store.sql import insert_ignore, pk

FUZZY_PREFIX = 3


def script_of(name: str) -> str:
    """``ja`` for names written with Japanese characters, else ``en``."""
    return "ja" if any("\u3040" <= ch <= "\u9fff" for ch in name) else "en"


class ResolverMemory:
    """What resolvers learned in committed transactions: names → ids, stored aliases.

    Entities and aliases are never deleted, so what a committed transaction stored stays
    true; a resolver adds what it learned only once its transaction has committed.
    """

    def __init__(self, limit: int = 200_000):
        self.limit = limit
        self.ids: dict[tuple[str, str], int] = {}
        self.norms: set[str] = set()

    def learn(self, ids: dict[tuple[str, str], int], norms: set[str]) -> None:
        if len(self.ids) + len(ids) > self.limit or len(self.norms) + len(norms) > self.limit:
            self.ids.clear()
            self.norms.clear()
        self.ids.update(ids)
        self.norms |= norms


class EntityResolver:
    """Turns names found in articles into entity ids, learning aliases as it goes.

    One resolver serves one transaction. It may start from a ``ResolverMemory`` of earlier,
    committed transactions; call ``remember()`` after this one commits.
    """

    def __init__(
        self,
        session: Session,
        registry: Registry,
        now: datetime,
        memory: ResolverMemory | None = None,
    ):
        self.session = session
        self.registry = registry
        self.now = now
        self.memory = memory or ResolverMemory()
        self._cache: dict[tuple[str, str], int] = {}
        self._known: set[str] = set()  # normalised names known to be stored aliases
        self._created: set[int] = set()  # entities this transaction created

    def remember(self) -> None:
        """Share what this transaction learned, now that it is committed."""
        self.memory.learn(self._cache, self._known)

    def _recall(self, key: tuple[str, str]) -> int | None:
        return self._cache.get(key) or self.memory.ids.get(key)

    def resolve(self, name: str, kind: str, aliases: Iterable[str] = ()) -> int:
        """The id of the entity ``name`` (of ``kind``) names, created when new."""
        key = (kind, normalise_name(name))
        entity_id = self._recall(key) or self._find(name, kind) or self._create(name, kind)
        self._cache[key] = entity_id
        self.add_aliases(entity_id, [name, *aliases], origin="article")
        return entity_id

    def stored(self, name: str, kind: str) -> int | None:
        """The stored entity ``name`` names, by any alias or the registry's name; never creates."""
        entry = self.registry.lookup(name)
        if entry is not None and entry.kind == kind:
            return self._by_alias(entry.name, kind) or self._by_alias(name, kind)
        return self._by_alias(name, kind) or self._fuzzy(name, kind)

    def adopt(self, entity_id: int, name: str) -> None:
        """``name`` is another spelling of entity ``entity_id``: keep it (and the registry's
        names for it), and prefer a Latin canonical name over a katakana one."""
        entry = self.registry.lookup(name)
        names = [name, *(entry.names if entry is not None else ())]
        self.add_aliases(entity_id, names, origin="article")
        canonical = entry.name if entry is not None else name
        row = self.session.get(Entity, entity_id)
        if row is not None and script_of(row.name) == "ja" and script_of(canonical) == "en":
            taken = self.session.execute(
                select(pk(Entity.id)).where(
                    col(Entity.kind) == row.kind, col(Entity.name) == canonical
                )
            ).first()
            if taken is None:
                row.name = canonical
                self.session.flush()
        self._cache[(row.kind if row else "person", normalise_name(name))] = entity_id

    def _find(self, name: str, kind: str) -> int | None:
        entry = self.registry.lookup(name)
        if entry is not None and entry.kind == kind:
            return self._by_alias(entry.name, kind) or self._create(entry.name, kind)
        return self._by_alias(name, kind) or self._fuzzy(name, kind)

    def _by_alias(self, name: str, kind: str) -> int | None:
        norm = normalise_name(name)
        stmt = (
            select(col(Alias.entity_id))
            .join(Entity, pk(Entity.id) == col(Alias.entity_id))
            .where(col(Alias.norm) == norm, col(Entity.kind) == kind)
        )
        found = self.session.execute(stmt).scalar_one_or_none()
        if found is not None:
            self._known.add(norm)
        return found

    def _fuzzy(self, name: str, kind: str) -> int | None:
        norm = normalise_name(name)
        if len(norm) < FUZZY_PREFIX:
            return None
        prefix = norm[:FUZZY_PREFIX]
        stmt = (
            select(col(Alias.entity_id), col(Alias.alias))
            .join(Entity, pk(Entity.id) == col(Alias.entity_id))
            .where(
                and_(col(Alias.norm) >= prefix, col(Alias.norm) < prefix + "\uffff"),
                col(Entity.kind) == kind,
            )
            .limit(500)
        )
        return best_fuzzy(name, kind, self.session.execute(stmt))

    def _create(self, name: str, kind: str) -> int:
        entry = self.registry.lookup(name)
        canonical = entry.name if entry is not None and entry.kind == kind else name.strip()
        inserted = insert_ignore(
            self.session, Entity, {"kind": kind, "name": canonical, "created_at": self.now}
        )
        entity_id = self.session.execute(
            select(pk(Entity.id)).where(col(Entity.kind) == kind, col(Entity.name) == canonical)
        ).scalar_one()
        if inserted:
            self._created.add(entity_id)
        known = [canonical, *(entry.aliases if entry is not None else ())]
        self.add_aliases(entity_id, known, origin="registry" if entry else "article")
        return entity_id

    def absorb(self, duplicate: int, entity_id: int) -> None:
        """``duplicate``, created by this transaction, is ``entity_id`` under another spelling:
        its names move over and it goes (unless something already refers to it)."""
        if duplicate not in self._created:
            return
        used = self.session.execute(
            select(col(EventEntity.event_id))
            .where(col(EventEntity.entity_id) == duplicate)
            .limit(1)
        ).first()
        if used is not None:
            return
        self.session.execute(
            update(Alias).where(col(Alias.entity_id) == duplicate).values(entity_id=entity_id)
        )
        self.session.execute(delete(Entity).where(pk(Entity.id) == duplicate))
        self._created.discard(duplicate)
        self._cache = {k: (entity_id if v == duplicate else v) for k, v in self._cache.items()}

    def add_aliases(self, entity_id: int, names: Iterable[str], origin: str) -> None:
        """Record names for an entity; a name another entity owns already stays theirs."""
        for alias in dict.fromkeys(n.strip() for n in names if n and n.strip()):
            norm = normalise_name(alias)
            if norm and norm not in self._known and norm not in self.memory.norms:
                self._known.add(norm)
                values = {
                    "entity_id": entity_id,
                    "alias": alias,
                    "norm": norm,
                    "lang": script_of(alias),
                    "origin": origin,
                }
                insert_ignore(self.session, Alias, values)


def entity_id_by_name(session: Session, name: str, registry: Registry) -> int | None:
    """A stored entity named ``name`` in any alias, via the registry's canonical name too."""
    names = [name]
    entry = registry.lookup(name)
    if entry is not None:
        names.insert(0, entry.name)
    for candidate in names:
        found = session.execute(
            select(col(Alias.entity_id)).where(col(Alias.norm) == normalise_name(candidate))
        ).scalar_one_or_none()
        if found is not None:
            return found
    return None
