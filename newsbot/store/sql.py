"""Small SQL helpers shared by the repository modules, written once for both dialects."""

from __future__ import annotations

from functools import cache
from typing import Any, cast

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session
from sqlmodel import col


def pk(column: int | None) -> Mapped[int]:
    """A model's ``id`` as the NOT NULL column it is in queries (the attribute is typed
    ``int | None`` only because an instance has no id until it is inserted)."""
    return cast("Mapped[int]", col(column))


@cache
def _insert_ignore_stmt(model: Any, dialect: str) -> Any:
    module = postgresql if dialect == "postgresql" else sqlite
    table = model.__table__
    return (
        module.insert(table)
        .on_conflict_do_nothing()
        .returning(*table.primary_key.columns)  # rowcount is -1 on some drivers
    )


def insert_ignore(session: Session, model: Any, values: dict[str, Any]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING; True when the row was inserted.

    Any unique constraint may be the conflict, so a concurrent insert of the same article,
    alias or event by another process makes this return False instead of raising. The
    statement is built once per table and dialect; the values are bound parameters.
    """
    stmt = _insert_ignore_stmt(model, session.get_bind().dialect.name)
    return session.execute(stmt, values).first() is not None


@cache
def _insert_many_stmt(model: Any, dialect: str) -> Any:
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(model.__table__).on_conflict_do_nothing()


def insert_ignore_many(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """``insert_ignore`` for many rows in one round trip (executemany)."""
    if rows:
        stmt = _insert_many_stmt(model, session.get_bind().dialect.name)
        session.execute(stmt, rows)
