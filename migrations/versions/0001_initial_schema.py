"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28

The tables of newsbot.store.models, the user-facing views and full-text search.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

FTS_TABLE = "articles_fts"
PG_SEARCH_INDEX = "ix_articles_search"
VIEWS = ("deals", "talent_moves", "company_events", "talent_flows")

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The SQL of this revision, frozen here: later revisions replace views with their own.


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


def upgrade() -> None:
    op.create_table(
        "digests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("message_ids", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("posted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("day", "channel", name="uq_digests_day_channel"),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "name", name="uq_entities_kind_name"),
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entities_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_entities_name"), ["name"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("date", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("amount", sa.Float(), nullable=True),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("amount_usd", sa.Float(), nullable=True),
        sa.Column("stake_pct", sa.Float(), nullable=True),
        sa.Column("valuation_usd", sa.Float(), nullable=True),
        sa.Column("round", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("metric", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("value_usd", sa.Float(), nullable=True),
        sa.Column("value_pct", sa.Float(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("first_seen_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("fingerprint"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_date"), ["date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_first_seen_at"), ["first_seen_at"], unique=False
        )
        batch_op.create_index("ix_events_type_date", ["type", "date"], unique=False)

    op.create_table(
        "llm_cache",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("model", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "service_lock",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("holder", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("acquired_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("heartbeat_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("etag", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("last_modified", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("last_crawled_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_success_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False),
        sa.Column("last_error", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("next_crawl_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "alerts_sent",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "channel"),
    )
    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("alias", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("norm", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("lang", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("norm"),
    )
    with op.batch_alter_table("aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aliases_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("canonical_url", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("content_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("published_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("lang", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("site_name", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("etag", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("last_modified", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("fetched_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("extracted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("extractor", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
        sa.UniqueConstraint("url"),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index("ix_articles_canonical_url", ["canonical_url"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_lang"), ["lang"], unique=False)
        batch_op.create_index("ix_articles_published_at", ["published_at"], unique=False)

    op.create_table(
        "event_entities",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "entity_id", "role"),
    )
    with op.batch_alter_table("event_entities", schema=None) as batch_op:
        batch_op.create_index("ix_event_entities_entity_role", ["entity_id", "role"], unique=False)

    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("filter", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "channel", "kind", "filter", name="uq_subscriptions_channel_kind_filter"
        ),
    )
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_subscriptions_channel"), ["channel"], unique=False)

    op.create_table(
        "event_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("old_value", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("new_value", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("event_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_history_event_id"), ["event_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("lang", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("stated", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "article_id", name="uq_evidence_event_article"),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_event_id"), ["event_id"], unique=False)

    dialect = op.get_bind().dialect.name
    for sql in view_sql(dialect).values():
        op.execute(sql)
    for sql in fts_sql(dialect):
        op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for sql in drop_fts_sql(dialect):
        op.execute(sql)
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_event_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_article_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("event_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_history_event_id"))

    op.drop_table("event_history")
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subscriptions_channel"))

    op.drop_table("subscriptions")
    with op.batch_alter_table("event_entities", schema=None) as batch_op:
        batch_op.drop_index("ix_event_entities_entity_role")

    op.drop_table("event_entities")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_published_at")
        batch_op.drop_index(batch_op.f("ix_articles_lang"))
        batch_op.drop_index("ix_articles_canonical_url")

    op.drop_table("articles")
    with op.batch_alter_table("aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aliases_entity_id"))

    op.drop_table("aliases")
    op.drop_table("alerts_sent")
    op.drop_table("sources")
    op.drop_table("service_lock")
    op.drop_table("llm_cache")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type_date")
        batch_op.drop_index(batch_op.f("ix_events_first_seen_at"))
        batch_op.drop_index(batch_op.f("ix_events_date"))

    op.drop_table("events")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entities_name"))
        batch_op.drop_index(batch_op.f("ix_entities_kind"))

    op.drop_table("entities")
    op.drop_table("digests")
