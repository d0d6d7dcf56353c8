"""Small SQL helpers shared by the repository modules, written once for both dialects."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(session: Session, model: Any, values: dict[str, Any]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING; True when the row was inserted.

    Any unique constraint may be the conflict, so a concurrent insert of the same article,
    alias or event by another process makes this return False instead of raising.
    """
    dialect = session.get_bind().dialect.name
    stmt: Any
    if dialect == "postgresql":
        stmt = postgresql.insert(model).values(**values).on_conflict_do_nothing()
    elif dialect == "sqlite":
        stmt = sqlite.insert(model).values(**values).on_conflict_do_nothing()
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        stmt = insert(model).values(**values)
    table = model.__table__
    returning = stmt.returning(*table.primary_key.columns)  # rowcount is -1 on some drivers
    return session.execute(returning).first() is not None
