"""Matching at national scale: pool revision tags kept by triggers, and the indexes that
let matching read only the coming weeks and the open engagements.

`pool_revisions` holds a tag per topic; a trigger gives the topic a new random tag in every
transaction that changes what it covers:
- 'coaches': coach profiles, weekly slots, availability exceptions, people (a coach's name,
  organisation, manager, time zone, erasure), organisations. Matching keeps its index of
  the pool while this tag is unchanged.
- 'hours': a session becoming, or ceasing to be, held (or a held one changed or deleted),
  and a person moving organisation or being erased. Matching keeps the organisations'
  given-minus-received hours while this tag is unchanged.
Triggers see every write, whichever code path or process makes it.

Revision ID: 0007_perf
Revises: 0011_timing
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_perf"
down_revision: str | None = "0011_timing"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, event, condition or None, topic)
TRIGGERS = (
    *(
        (table, event, None, "coaches")
        for table in ("coach_profiles", "coach_weekly_slots", "coach_exceptions")
        for event in ("INSERT", "UPDATE", "DELETE")
    ),
    ("people", "UPDATE", None, "coaches"),
    ("people", "DELETE", None, "coaches"),
    ("organisations", "UPDATE", None, "coaches"),
    ("organisations", "DELETE", None, "coaches"),
    ("sessions", "INSERT", "NEW.state = 'held'", "hours"),
    ("sessions", "UPDATE", "OLD.state = 'held' OR NEW.state = 'held'", "hours"),
    ("sessions", "DELETE", "OLD.state = 'held'", "hours"),
    (
        "people",
        "UPDATE",
        "OLD.organisation_id <> NEW.organisation_id OR OLD.erased <> NEW.erased",
        "hours",
    ),
    ("people", "DELETE", None, "hours"),
)

PG_FUNCTION = """
CREATE FUNCTION bump_pool_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO pool_revisions (name, value)
    VALUES (TG_ARGV[0], floor(random() * 9000000000000000000)::bigint)
    ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value;
    RETURN NULL;
END
$$
"""


def _name(table: str, event: str, topic: str) -> str:
    return f"bump_{topic}_on_{table}_{event.lower()}"


def _create(dialect: str, table: str, event: str, condition: str | None, topic: str) -> str:
    name = _name(table, event, topic)
    if dialect == "postgresql":
        when = f" WHEN ({condition})" if condition else ""
        return (
            f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{when} "
            f"EXECUTE FUNCTION bump_pool_revision('{topic}')"
        )
    when = f" WHEN {condition}" if condition else ""
    return (
        f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{when} BEGIN "
        f"INSERT INTO pool_revisions (name, value) VALUES ('{topic}', random()) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value; END"
    )


def upgrade() -> None:
    op.create_table(
        "pool_revisions",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_pool_revisions")),
    )
    op.create_index("ix_sessions_starts_at", "sessions", ["starts_at"], unique=False)
    op.create_index(
        "ix_engagements_state_coach_id", "engagements", ["state", "coach_id"], unique=False
    )
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(PG_FUNCTION)
    for table, event, condition, topic in TRIGGERS:
        op.execute(_create(dialect, table, event, condition, topic))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, event, _condition, topic in TRIGGERS:
        suffix = f" ON {table}" if dialect == "postgresql" else ""
        op.execute(f"DROP TRIGGER IF EXISTS {_name(table, event, topic)}{suffix}")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS bump_pool_revision()")
    op.drop_index("ix_engagements_state_coach_id", table_name="engagements")
    op.drop_index("ix_sessions_starts_at", table_name="sessions")
    op.drop_table("pool_revisions")
