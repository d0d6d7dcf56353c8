"""SQL the models cannot express: the user-facing views and full-text search, per dialect.

The migrations call these; ``include_object`` keeps Alembic's autogenerate from reporting
them (or SQLite's FTS shadow tables) as differences from the models.
"""

from __future__ import annotations

from typing import Any

FTS_TABLE = "articles_fts"
PG_SEARCH_INDEX = "ix_articles_search"
VIEWS = ("deals", "talent_moves", "company_events", "talent_flows")


def _names(dialect: str, roles: str) -> str:
    """A subquery giving the names of the entities in ``roles`` of event ``e``, in order."""
    where = f"ee.event_id = e.id AND ee.role IN ({roles})"
    if dialect == "postgresql":
        return (
            "(SELECT string_agg(n.name, ', ' ORDER BY ee.position, n.name) FROM event_entities ee "
            f"JOIN entities n ON n.id = ee.entity_id WHERE {where})"
        )
    return (
        "(SELECT group_concat(name, ', ') FROM (SELECT n.name AS name FROM event_entities ee "
        f"JOIN entities n ON n.id = ee.entity_id WHERE {where} ORDER BY ee.position, n.name))"
    )


_SOURCES = "(SELECT count(*) FROM evidence ev WHERE ev.event_id = e.id) AS sources"


def view_sql(dialect: str) -> dict[str, str]:
    """CREATE VIEW statements for deals, talent_moves, company_events and talent_flows."""
    n = lambda roles: _names(dialect, roles)  # noqa: E731
    year = "substr(t.date, 1, 4)"
    return {
        "deals": f"""
CREATE VIEW deals AS
SELECT e.id AS event_id, e.type, e.date,
  {n("'company'")} AS company, {n("'investor'")} AS investors,
  {n("'acquirer'")} AS acquirer, {n("'target'")} AS target,
  {n("'vendor'")} AS vendor, {n("'customer'")} AS customer, {n("'partner'")} AS partners,
  e.amount, e.currency, e.amount_usd, e.stake_pct, e.valuation_usd, e.round, e.status,
  e.summary, e.confidence, {_SOURCES}, e.first_seen_at
FROM events e
WHERE e.type IN ('investment', 'acquisition', 'partnership', 'customer')""",
        "talent_moves": f"""
CREATE VIEW talent_moves AS
SELECT e.id AS event_id, e.date, {n("'person'")} AS person,
  {n("'from'")} AS from_company, {n("'to'")} AS to_company, e.role,
  e.confidence, {_SOURCES}, e.first_seen_at
FROM events e
WHERE e.type = 'talent_move'""",
        "company_events": f"""
CREATE VIEW company_events AS
SELECT e.id AS event_id, e.type, e.date, {n("'company'")} AS company,
  e.metric, e.value_usd, e.value_pct, e.period, {n("'product'")} AS product, e.count,
  e.summary, e.confidence, {_SOURCES}, e.first_seen_at
FROM events e
WHERE e.type IN ('financial', 'product_launch', 'layoff')""",
        "talent_flows": f"""
CREATE VIEW talent_flows AS
SELECT t.from_company, t.to_company, {year} AS year, count(*) AS moves,
  {_people(dialect)} AS people
FROM talent_moves t
WHERE t.from_company IS NOT NULL AND t.to_company IS NOT NULL
  AND t.from_company <> t.to_company
GROUP BY t.from_company, t.to_company, {year}""",
    }


def _people(dialect: str) -> str:
    if dialect == "postgresql":
        return "string_agg(t.person, ', ' ORDER BY t.person)"
    return "group_concat(t.person, ', ')"


def fts_sql(dialect: str) -> list[str]:
    """Full-text search over articles: FTS5 (trigram, so Japanese works) or a GIN index."""
    if dialect == "postgresql":
        return [
            f"CREATE INDEX {PG_SEARCH_INDEX} ON articles USING gin "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text))"
        ]
    return [
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, text, content='articles', "
        "content_rowid='id', tokenize='trigram')",
        f"""CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.id, new.title, new.text);
END""",
        f"""CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text)
  VALUES ('delete', old.id, old.title, old.text);
END""",
        f"""CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text)
  VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.id, new.title, new.text);
END""",
    ]


def drop_fts_sql(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [f"DROP INDEX IF EXISTS {PG_SEARCH_INDEX}"]
    return [
        "DROP TRIGGER IF EXISTS articles_fts_insert",
        "DROP TRIGGER IF EXISTS articles_fts_delete",
        "DROP TRIGGER IF EXISTS articles_fts_update",
        f"DROP TABLE IF EXISTS {FTS_TABLE}",
    ]


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Hide views, FTS tables and the search index from autogenerate."""
    if type_ == "table" and name and (name.startswith(FTS_TABLE) or name in VIEWS):
        return False
    return not (type_ == "index" and name == PG_SEARCH_INDEX)
