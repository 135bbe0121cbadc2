"""Programmes may be open only to some people (e.g. Member Mentoring to elected members),
named by the directorate the roster gives them.

Revision ID: 0010_engage
Revises: 0004_calendar_sequence
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_engage"
down_revision: str | None = "0004_calendar_sequence"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("programmes") as batch:
        batch.add_column(
            sa.Column("open_to", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )


def downgrade() -> None:
    with op.batch_alter_table("programmes") as batch:
        batch.drop_column("open_to")
