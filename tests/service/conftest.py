"""Knowledge bases shared by a module's tests (built once per database), emptied of what
the tests write (digests, subscriptions, alerts) between tests."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import Engine, text

from newsbot.store.db import make_engine, upgrade
from tests.conftest import PG_URL, require_postgres
from tests.service.kb import build_week

WRITTEN = ("digests", "alerts_sent", "subscriptions", "service_lock")


def _url(kind: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.db'}", None
    require_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}", schema


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def week_kb(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """The fixture week of news (tests.service.kb.build_week), once per module and database."""
    url, schema = _url(request.param, tmp_path_factory)
    engine = make_engine(url)
    upgrade(engine)
    build_week(engine)
    yield engine
    engine.dispose()
    if schema:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def week(week_kb: Engine) -> Iterator[Engine]:
    """The week's knowledge base, as the test leaves it only until the test ends."""
    yield week_kb
    with week_kb.begin() as conn:
        for table in WRITTEN:
            conn.execute(text(f"DELETE FROM {table}"))
