"""Alembic environment: runs on the engine newsbot passes in, else on newsbot's settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from alembic import context
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import newsbot.store.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from newsbot.store.schema_extras import include_object

config = context.config
target_metadata = SQLModel.metadata


def _engine():  # type: ignore[no-untyped-def]
    engine = config.attributes.get("engine")
    if engine is None:
        from newsbot.config import load_settings
        from newsbot.store.db import make_engine

        engine = make_engine(load_settings().database_url)
    return engine


def run_migrations_offline() -> None:
    context.configure(
        url=str(_engine().url),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


@contextmanager
def _sqlite_transactional_ddl(connection: Connection) -> Iterator[None]:
    """Make SQLite's DDL part of the migration's transaction.

    Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE, so CREATE TABLE
    runs in autocommit and a process killed halfway through a revision would leave half a
    schema that no later upgrade can finish. With the driver's implicit transactions off and
    an explicit BEGIN, a whole upgrade commits or leaves nothing (SQLAlchemy's documented
    pysqlite recipe), on this one connection only.
    """
    dbapi: Any = connection.connection.driver_connection
    previous = dbapi.isolation_level
    dbapi.isolation_level = None

    def begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(connection, "begin", begin)
    try:
        yield
    finally:
        event.remove(connection, "begin", begin)
        dbapi.isolation_level = previous


def run_migrations_online() -> None:
    with _engine().connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.commit()  # nothing may be pending when the driver's mode changes
        guard = _sqlite_transactional_ddl(connection) if sqlite else nullcontext()
        with guard:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=sqlite,
                transactional_ddl=True if sqlite else None,
                include_object=include_object,
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
