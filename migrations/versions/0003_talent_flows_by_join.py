"""talent_flows reads names through joins

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

In 0001, ``talent_flows`` aggregated the ``talent_moves`` view, whose names are correlated
subqueries: cheap for the few rows a LIMIT keeps, but an aggregate over every move computed
three subqueries per move (seconds at 100k articles). It now joins the first person, origin
and destination of each move directly. Same columns, same meaning.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _one(alias: str, role: str) -> str:
    """JOIN the first entity playing ``role`` in event ``e`` as ``alias``."""
    return (
        f"JOIN event_entities {alias}_r ON {alias}_r.event_id = e.id "
        f"AND {alias}_r.role = '{role}' AND {alias}_r.position = 0 "
        f"JOIN entities {alias} ON {alias}.id = {alias}_r.entity_id"
    )


def talent_flows(dialect: str) -> str:
    people = (
        "string_agg(p.name, ', ' ORDER BY p.name)"
        if dialect == "postgresql"
        else "group_concat(p.name, ', ')"
    )
    return f"""
CREATE VIEW talent_flows AS
SELECT f.name AS from_company, t.name AS to_company, substr(e.date, 1, 4) AS year,
  count(*) AS moves, {people} AS people
FROM events e {_one("p", "person")} {_one("f", "from")} {_one("t", "to")}
WHERE e.type = 'talent_move' AND f.id <> t.id
GROUP BY f.name, t.name, substr(e.date, 1, 4)"""


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS talent_flows")
    op.execute(talent_flows(op.get_bind().dialect.name))


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS talent_flows")
    people = (
        "string_agg(t.person, ', ' ORDER BY t.person)"
        if op.get_bind().dialect.name == "postgresql"
        else "group_concat(t.person, ', ')"
    )
    op.execute(f"""
CREATE VIEW talent_flows AS
SELECT t.from_company, t.to_company, substr(t.date, 1, 4) AS year, count(*) AS moves,
  {people} AS people
FROM talent_moves t
WHERE t.from_company IS NOT NULL AND t.to_company IS NOT NULL
  AND t.from_company <> t.to_company
GROUP BY t.from_company, t.to_company, substr(t.date, 1, 4)""")
