"""Migrations: head matches the models; upgrade → downgrade → upgrade works on both databases."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlmodel import SQLModel

import newsbot.store.models  # noqa: F401
from newsbot.errors import DatabaseError
from newsbot.store.db import downgrade, make_engine, upgrade
from newsbot.store.schema_extras import VIEWS, include_object

CONTRACT_TABLES = {"sources", "articles", "entities", "aliases", "events", "event_entities",
                   "evidence"}  # fmt: skip


def _diff(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        return list(compare_metadata(context, SQLModel.metadata))


def test_head_matches_the_models(engine: Engine) -> None:
    assert _diff(engine) == []


def test_contract_tables_and_views_exist(engine: Engine) -> None:
    inspector = inspect(engine)
    assert set(inspector.get_table_names()) >= CONTRACT_TABLES
    assert set(VIEWS) <= set(inspector.get_view_names())


def test_upgrade_downgrade_upgrade(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    downgrade(engine, "base")
    assert not CONTRACT_TABLES & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert _diff(engine) == []
    engine.dispose()


def test_upgrade_twice_is_harmless(engine: Engine) -> None:
    upgrade(engine)
    assert _diff(engine) == []


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: object) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/kb.db")
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_a_failed_upgrade_leaves_nothing_half_done(db_url: str) -> None:
    # A table squatting on the name of a view the first revision creates last makes that
    # revision fail at its very end (as a process killed there would stop it): the tables
    # it created before must be gone with it, so the next upgrade can start again.
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE deals (id INTEGER)"))
    with pytest.raises(DatabaseError):
        upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert tables & CONTRACT_TABLES == set()
    with engine.connect() as conn:
        version = (
            "alembic_version" in tables
            and conn.execute(text("SELECT count(*) FROM alembic_version")).scalar()
        )
    assert not version
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE deals"))
    upgrade(engine)
    assert _diff(engine) == []
    engine.dispose()
