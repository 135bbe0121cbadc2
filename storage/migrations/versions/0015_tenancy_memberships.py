"""An organisation's workspaces, channel-neutral: one `memberships` list of
{"channel", "workspace"} in place of a column per platform (`slack_team_ids`,
`teams_tenant_ids`), so a new channel needs no new column. Each stored workspace is kept,
Slack's first, then Teams', each in its stored order.

Plain ALTER TABLE on both databases (SQLite 3.35 or later drops a column in place): a batch
copy of the table would lose the pool revision triggers on `organisations` (0007_perf).

Downgrading keeps the Slack and Teams workspaces; any other channel's have no column to go to
and are dropped.

Revision ID: 0015_tenancy_memberships
Revises: 0013_path_manager_index
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0015_tenancy_memberships"
down_revision: str | None = "0014_hours_totals"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The columns this revision retires, and the channel each one's ids belong to.
PLATFORM_COLUMNS = (("slack_team_ids", "slack"), ("teams_tenant_ids", "teams"))


def _organisations(*columns: str) -> sa.TableClause:
    return sa.table(
        "organisations",
        sa.column("id", sa.Integer()),
        *(sa.column(name, sa.JSON()) for name in columns),
    )


def upgrade() -> None:
    op.add_column(
        "organisations",
        sa.Column("memberships", sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
    )
    old = _organisations(*(name for name, _channel in PLATFORM_COLUMNS))
    new = _organisations("memberships")
    bind = op.get_bind()
    for row in bind.execute(sa.select(old)).mappings().all():
        memberships = [
            {"channel": channel, "workspace": workspace}
            for name, channel in PLATFORM_COLUMNS
            for workspace in row[name] or []
        ]
        bind.execute(sa.update(new).where(new.c.id == row["id"]).values(memberships=memberships))
    for name, _channel in PLATFORM_COLUMNS:
        op.drop_column("organisations", name)


def downgrade() -> None:
    for name, _channel in PLATFORM_COLUMNS:
        op.add_column(
            "organisations",
            sa.Column(name, sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
        )
    old = _organisations(*(name for name, _channel in PLATFORM_COLUMNS))
    new = _organisations("memberships")
    bind = op.get_bind()
    for row in bind.execute(sa.select(new)).mappings().all():
        memberships: list[dict[str, Any]] = row["memberships"] or []
        values = {
            name: [m["workspace"] for m in memberships if m["channel"] == channel]
            for name, channel in PLATFORM_COLUMNS
        }
        bind.execute(sa.update(old).where(old.c.id == row["id"]).values(**values))
    op.drop_column("organisations", "memberships")
