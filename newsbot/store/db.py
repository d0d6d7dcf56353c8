"""Engines and migrations: the only place that knows SQLite from PostgreSQL at connect time."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from newsbot.config import sqlalchemy_url
from newsbot.errors import DatabaseError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
PG_MIGRATION_LOCK = 0x6E657773  # "news": serialises concurrent upgrades on PostgreSQL


def make_engine(url: str, *, read_only: bool = False, **kwargs: Any) -> Engine:
    """An engine for a user-written URL; SQLite gets WAL, foreign keys and a busy timeout."""
    url = sqlalchemy_url(url)
    try:
        parsed = make_url(url)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"invalid database URL {url!r}: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, read_only=read_only, **kwargs)
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_engine(url: str, *, read_only: bool, **kwargs: Any) -> Engine:
    parsed = make_url(url)
    database = parsed.database or ""
    if read_only and database not in ("", ":memory:"):
        url = f"sqlite:///file:{Path(database).resolve()}?mode=ro&uri=true"
    elif database not in ("", ":memory:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **kwargs)
    event.listen(engine, "connect", _sqlite_pragmas(read_only))
    return engine


def _sqlite_pragmas(read_only: bool) -> Any:
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    return on_connect


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def alembic_config(engine: Engine) -> Any:
    """An Alembic Config that runs migrations/ on ``engine``."""
    from alembic.config import Config

    if not (MIGRATIONS / "env.py").is_file():
        raise DatabaseError(
            f"migrations not found at {MIGRATIONS}: run newsbot from its checkout "
            "(pip install -e .)"
        )
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to ``revision``; safe when several processes start together."""
    from alembic import command

    try:
        with _migration_lock(engine):
            command.upgrade(alembic_config(engine), revision)
    except SQLAlchemyError as exc:
        raise DatabaseError(
            f"cannot migrate the database: {exc.__class__.__name__}: {exc}"
        ) from exc


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with _migration_lock(engine):
        command.downgrade(alembic_config(engine), revision)


class _migration_lock:
    """A PostgreSQL advisory lock around migrations (SQLite serialises writers itself)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.conn: Any = None

    def __enter__(self) -> None:
        if self.engine.dialect.name == "postgresql":
            self.conn = self.engine.connect()
            self.conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_MIGRATION_LOCK})
            self.conn.commit()

    def __exit__(self, *exc: object) -> None:
        if self.conn is not None:
            self.conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_MIGRATION_LOCK})
            self.conn.commit()
            self.conn.close()


def open_database(url: str, *, migrate: bool = True) -> Engine:
    """The engine every command uses: migrated to head first unless told otherwise."""
    engine = make_engine(url)
    if migrate:
        upgrade(engine)
    return engine
