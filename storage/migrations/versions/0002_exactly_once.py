"""Exactly once under faults: who holds an outbox claim, and how much of a message is sent.

`claimed_by` is the claimer's token: every mark and lease renewal is conditional on it, so a
replica whose lease lapsed can no longer touch a row another replica has taken over.
`parts_sent` counts the parts of a message already delivered (a card, then its invite), so a
retry never repeats a delivered part.

Revision ID: 0002_exactly_once
Revises: 0001_initial
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_exactly_once"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(
            sa.Column("claimed_by", sa.String(length=64), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("parts_sent", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("parts_sent")
        batch.drop_column("claimed_by")
