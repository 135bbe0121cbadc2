"""The console channel's mailbox: messages waiting for a person's next `coachpool chat`,
and the last options put to them. Sessions remember their Outlook event (Graph), so a move
updates it and a cancellation deletes it.

Revision ID: 0012_channels
Revises: 0010_engage
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_channels"
down_revision: str | None = "0010_engage"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(
            sa.Column(
                "calendar_event_id", sa.String(length=512), nullable=False, server_default=""
            )
        )
    op.create_table(
        "console_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replies", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_console_messages_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_console_messages")),
    )
    op.create_index(
        op.f("ix_console_messages_person_id"), "console_messages", ["person_id"], unique=False
    )
    op.create_table(
        "console_offers",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("replies", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_console_offers_person_id_people")
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_console_offers")),
    )


def downgrade() -> None:
    op.drop_table("console_offers")
    op.drop_index(op.f("ix_console_messages_person_id"), table_name="console_messages")
    op.drop_table("console_messages")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("calendar_event_id")
