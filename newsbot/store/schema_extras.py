"""Names of what the models cannot express: the user-facing views and full-text search.

The SQL itself lives in the migrations that create them (each revision freezes its own);
``include_object`` keeps Alembic's autogenerate from reporting the views, the search index
or SQLite's FTS shadow tables as differences from the models.
"""

from __future__ import annotations

from typing import Any

FTS_TABLE = "articles_fts"
PG_SEARCH_INDEX = "ix_articles_search"
VIEWS = ("deals", "talent_moves", "company_events", "talent_flows")


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Hide views, FTS tables and the search index from autogenerate."""
    if type_ == "table" and name and (name.startswith(FTS_TABLE) or name in VIEWS):
        return False
    return not (type_ == "index" and name == PG_SEARCH_INDEX)
