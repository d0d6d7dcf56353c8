"""Fixtures shared by the whole suite: knowledge bases on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import Engine

from newsbot.store.db import make_engine, upgrade
from tests.shared import IN_CI

PG_URL = os.environ.get("NEWSBOT_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
_pg_state: dict[str, str | None] = {}


def postgres_unavailable() -> str | None:
    """Why PostgreSQL cannot be used, or None when it can (checked once per run)."""
    if "why" not in _pg_state:
        try:
            psycopg.connect(PG_URL, connect_timeout=3).close()
            _pg_state["why"] = None
        except psycopg.Error as exc:
            _pg_state["why"] = f"PostgreSQL at {PG_URL} is not reachable: {exc}".strip()
    return _pg_state["why"]


def require_postgres() -> None:
    why = postgres_unavailable()
    if why:
        if IN_CI:
            pytest.fail(why + " (CI=true: PostgreSQL tests must run)")
        pytest.skip(why)


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections live in a fresh, private PostgreSQL schema."""
    require_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """An empty knowledge base URL on each database newsbot supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.db'}"
    return request.getfixturevalue("pg_schema_url")  # type: ignore[no-any-return]


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated knowledge base on each database."""
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()
