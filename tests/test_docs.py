"""The schema documentation covers every table, column and view; the SQLite file is plain."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from sqlalchemy import inspect
from sqlmodel import SQLModel

import newsbot.store.models  # noqa: F401
from newsbot.store.db import make_engine, upgrade
from newsbot.store.schema_extras import VIEWS

DOC = (Path(__file__).resolve().parents[1] / "docs" / "schema.md").read_text(encoding="utf-8")


def _documented(name: str) -> bool:
    return re.search(rf"`{re.escape(name)}`", DOC) is not None


def test_every_table_and_column_is_documented() -> None:
    missing = [
        f"{table.name}.{column.name}"
        for table in SQLModel.metadata.sorted_tables
        for column in [None, *table.columns]
        if not _documented(table.name if column is None else column.name)
    ]
    assert not missing, f"undocumented in docs/schema.md: {missing}"


def test_every_view_and_view_column_is_documented(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    upgrade(engine)
    inspector = inspect(engine)
    missing = [
        f"{view}.{column['name']}"
        for view in VIEWS
        for column in [{"name": view}, *inspector.get_columns(view)]
        if not _documented(column["name"])
    ]
    engine.dispose()
    assert not missing, f"undocumented in docs/schema.md: {missing}"


def test_the_sqlite_file_opens_with_plain_sqlite(tmp_path: Path) -> None:
    """What Datasette needs: every table and view readable by the stdlib sqlite3 module."""
    path = tmp_path / "kb.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    names = [
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    ]
    for name in names:
        conn.execute(f'SELECT * FROM "{name}" LIMIT 1').fetchall()
    conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'openai'").fetchall()
    conn.close()
    assert set(VIEWS) <= set(names)
