"""Sessions remember their calendar invite's SEQUENCE, so a moved or cancelled session
updates the same calendar entry.

Revision ID: 0004_calendar_sequence
Revises: 0002_exactly_once
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_calendar_sequence"
down_revision: str | None = "0002_exactly_once"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(
            sa.Column("calendar_sequence", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("calendar_sequence")
