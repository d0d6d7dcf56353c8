"""Alembic environment: runs on the engine newsbot passes in, else on newsbot's settings."""

from __future__ import annotations

from alembic import context
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


def run_migrations_online() -> None:
    with _engine().connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=include_object,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
