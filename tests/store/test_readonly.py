"""``newsbot sql`` is read-only because the database says so, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from newsbot.errors import ReadOnlyError
from newsbot.store.db import make_engine, upgrade
from newsbot.store.readonly import run_readonly

WRITES = [
    "INSERT INTO sources (name, kind, url, consecutive_failures, created_at) "
    "VALUES ('x', 'rss', 'http://x', 0, CURRENT_TIMESTAMP)",
    "UPDATE sources SET name = 'y'",
    "DELETE FROM sources",
    "DROP TABLE sources",
    "CREATE TABLE evil (x int)",
    "SELECT 1; DROP TABLE sources",
    "SELECT 1; DELETE FROM sources",
    "WITH gone AS (DELETE FROM sources RETURNING *) SELECT * FROM gone",
]
SQLITE_ONLY = [
    "ATTACH DATABASE '/tmp/newsbot-evil.db' AS evil",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA query_only = OFF",
    "VACUUM",
]
POSTGRES_ONLY = [
    "SET TRANSACTION READ WRITE",
    "SELECT 1; SET default_transaction_read_only = off; DROP TABLE sources",
    "COMMIT; DROP TABLE sources",
]


def _seed(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sources (name, kind, url, consecutive_failures, created_at) "
                "VALUES ('seed', 'rss', 'http://seed.example/feed', 0, CURRENT_TIMESTAMP)"
            )
        )


def _run(url: str, query: str, **kw: float) -> object:
    return run_readonly(url, query, row_limit=int(kw.get("rows", 100)), timeout=kw.get("t", 5))


def _tricks(engine: Engine) -> list[str]:
    extra = SQLITE_ONLY if engine.dialect.name == "sqlite" else POSTGRES_ONLY
    return WRITES + extra


def test_selects_work(engine: Engine, db_url: str) -> None:
    _seed(engine)
    result = run_readonly(db_url, "SELECT name FROM sources", row_limit=10, timeout=5)
    assert result.columns == ["name"] and result.rows == [("seed",)]
    views = run_readonly(db_url, "SELECT * FROM deals", row_limit=10, timeout=5)
    assert "investors" in views.columns


def test_every_write_is_refused(engine: Engine, db_url: str) -> None:
    _seed(engine)
    for query in _tricks(engine):
        with pytest.raises(ReadOnlyError):
            _run(db_url, query)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sources")).scalar() == 1
        assert conn.execute(text("SELECT name FROM sources")).scalar() == "seed"


def test_row_limit(engine: Engine, db_url: str) -> None:
    query = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 50) "
        "SELECT x FROM c"
    )
    result = run_readonly(db_url, query, row_limit=10, timeout=5)
    assert len(result.rows) == 10 and result.truncated


def test_time_limit(engine: Engine, db_url: str) -> None:
    endless = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    )
    with pytest.raises(ReadOnlyError, match="time limit"):
        run_readonly(db_url, endless, row_limit=10, timeout=0.5)


def test_sqlite_full_text_search_table_is_readable(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'kb.db'}"
    upgrade(make_engine(db_url))
    query = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'anthropic'"
    result = run_readonly(db_url, query, row_limit=10, timeout=5)
    assert result.rows == [(0,)]
