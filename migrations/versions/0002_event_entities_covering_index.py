"""event_entities: entity index covers event_id

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

``ix_event_entities_entity_role`` becomes (entity_id, role, event_id): finding an entity's
events, and its newest ones first, reads the index alone (no table lookups), which keeps
questions about the most-covered companies fast on large knowledge bases.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_event_entities_entity_role"


def upgrade() -> None:
    op.drop_index(INDEX, table_name="event_entities")
    op.create_index(INDEX, "event_entities", ["entity_id", "role", "event_id"], unique=False)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="event_entities")
    op.create_index(INDEX, "event_entities", ["entity_id", "role"], unique=False)
