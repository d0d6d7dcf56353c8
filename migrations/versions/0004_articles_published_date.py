"""articles.published_date: the article's own calendar date

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

``published_at`` is stored in UTC, so an article a Tokyo site dated 1 October at 08:00
reads 30 September. ``published_date`` keeps the date the page itself gives (YYYY-MM-DD),
which answers, digests and users' queries show. Rows stored before this revision get the
UTC date of ``published_at``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("published_date", sa.String(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "UPDATE articles SET published_date = "
            "to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') WHERE published_at IS NOT NULL"
        )
    else:
        op.execute("UPDATE articles SET published_date = substr(published_at, 1, 10)")


def downgrade() -> None:
    op.drop_column("articles", "published_date")
