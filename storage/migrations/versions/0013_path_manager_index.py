"""The people a person manages, found through an index: matching walks the coachee's
management chain down a level at a time on every request.

Revision ID: 0013_path_manager_index
Revises: 0007_perf
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013_path_manager_index"
down_revision: str | None = "0007_perf"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_people_manager_id", "people", ["manager_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_people_manager_id", table_name="people")
