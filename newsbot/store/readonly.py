"""Read-only queries for users (``newsbot sql``, Discord's /sql), enforced by the database.

Nothing here inspects the query text. SQLite: the file is opened read-only (``mode=ro``),
``query_only`` is on, an authorizer lets the engine run nothing but reads and functions
(so ATTACH, PRAGMA and writes are refused by SQLite itself), and a progress handler stops
a query past its time limit; the sqlite3 module runs one statement only. PostgreSQL: the
query runs in a READ ONLY transaction with a ``statement_timeout``, sent as a prepared
statement so the server refuses several commands in one string.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from newsbot.config import sqlalchemy_url
from newsbot.errors import DatabaseError, ReadOnlyError

_SQLITE_ALLOWED = {
    sqlite3.SQLITE_SELECT,
    sqlite3.SQLITE_READ,
    sqlite3.SQLITE_FUNCTION,
    getattr(sqlite3, "SQLITE_RECURSIVE", 33),
}
_READ_PRAGMAS = {"data_version", "table_info", "table_xinfo", "index_list", "index_info",
                 "foreign_key_list"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool  # more rows existed than the limit


def run_readonly(url: str, query: str, *, row_limit: int, timeout: float) -> QueryResult:
    """Run one read-only query; writes, multi-statement strings and overlong queries fail."""
    parsed = make_url(sqlalchemy_url(url))
    if parsed.get_backend_name() == "sqlite":
        return _sqlite(parsed.database or "", query, row_limit, timeout)
    if parsed.get_backend_name() == "postgresql":
        return _postgres(parsed, query, row_limit, timeout)
    raise DatabaseError(f"read-only queries are not supported on {parsed.get_backend_name()}")


def _sqlite(database: str, query: str, row_limit: int, timeout: float) -> QueryResult:
    if not database or database == ":memory:" or not Path(database).is_file():
        raise DatabaseError(f"no knowledge base at {database or '(memory)'}")
    uri = f"file:{Path(database).resolve()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=5, check_same_thread=False)
    try:
        conn.execute("PRAGMA query_only=ON")
        conn.set_authorizer(_authorize)
        deadline = time.monotonic() + timeout
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        cursor = conn.execute(query)
        rows = cursor.fetchmany(row_limit + 1)
        columns = [d[0] for d in cursor.description or ()]
    except sqlite3.DatabaseError as exc:
        raise _sqlite_error(exc, timeout) from None
    except sqlite3.ProgrammingError as exc:
        raise ReadOnlyError(f"refused: {exc}") from None
    finally:
        conn.close()
    return QueryResult(columns, rows[:row_limit], len(rows) > row_limit)


def _authorize(action: int, arg1: str | None, arg2: str | None, *_rest: Any) -> int:
    if action in _SQLITE_ALLOWED:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and arg1 in _READ_PRAGMAS and arg2 is None:
        return sqlite3.SQLITE_OK  # FTS5 reads data_version; table_info and friends only read
    if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master":
        return sqlite3.SQLITE_OK  # FTS5's constructor asks; the file is read-only regardless
    return sqlite3.SQLITE_DENY


def _sqlite_error(exc: sqlite3.DatabaseError, timeout: float) -> ReadOnlyError:
    message = str(exc)
    if "interrupted" in message:
        return ReadOnlyError(f"query stopped after its {timeout:g} s time limit")
    if "not authorized" in message or "readonly" in message or "read-only" in message:
        return ReadOnlyError(f"refused: the knowledge base is read-only here ({message})")
    return ReadOnlyError(f"query failed: {message}")


def _postgres(parsed: Any, query: str, row_limit: int, timeout: float) -> QueryResult:
    dsn = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        conn = psycopg.connect(dsn, connect_timeout=10)
    except psycopg.Error as exc:
        raise DatabaseError(f"cannot connect to the knowledge base: {exc}") from None
    try:
        conn.execute("SET TRANSACTION READ ONLY")  # the first statement opens the transaction
        conn.execute(f"SET LOCAL statement_timeout = {int(timeout * 1000)}")
        conn.execute("SELECT 1")  # after a query, the server refuses SET TRANSACTION READ WRITE
        cursor = conn.cursor()
        cursor.execute(query, prepare=True)
        columns = [d.name for d in cursor.description or ()]
        rows = cursor.fetchmany(row_limit + 1) if cursor.description else []
    except psycopg.errors.QueryCanceled:
        raise ReadOnlyError(f"query stopped after its {timeout:g} s time limit") from None
    except psycopg.errors.ReadOnlySqlTransaction as exc:
        raise ReadOnlyError(f"refused: the knowledge base is read-only here ({exc})") from None
    except psycopg.Error as exc:
        raise ReadOnlyError(f"query failed: {str(exc).strip()}") from None
    finally:
        conn.rollback()
        conn.close()
    return QueryResult(columns, [tuple(r) for r in rows[:row_limit]], len(rows) > row_limit)
