"""Each person's running totals of held coaching, kept by triggers, so matching reads the
organisations' hours in time proportional to people rather than to history.

`person_hours` holds, per person, the minutes of HELD sessions given as coach and received
as coachee. Triggers on `sessions` keep it in the writing transaction: a session inserted
held, becoming or ceasing to be held, or held and moved (start, end) or given to another
coach or coachee, or deleted held. A session counts whole minutes, rounded as
`storage.repos.sessions.session_minutes` rounds them. A person's row goes with the person.
The totals are filled from the sessions already held.

On PostgreSQL the triggers are named after 0007_perf's `bump_hours_on_sessions_*`, which
fire first (alphabetical order): every transaction that changes a total already holds the
'hours' revision row's lock, so two such transactions never wait on each other's totals
in opposite orders.

Revision ID: 0014_hours_totals
Revises: 0013_path_manager_index
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_hours_totals"
down_revision: str | None = "0013_path_manager_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HELD = "'held'"
MOVED = (
    "(OLD.state <> NEW.state OR OLD.starts_at <> NEW.starts_at OR OLD.ends_at <> NEW.ends_at"
    " OR OLD.coach_id <> NEW.coach_id OR OLD.coachee_id <> NEW.coachee_id)"
)
COUNTED = "state, starts_at, ends_at, coach_id, coachee_id"


def _minutes(dialect: str, row: str) -> str:
    if dialect == "postgresql":
        return f"round(extract(epoch FROM {row}.ends_at - {row}.starts_at) / 60)::bigint"
    return (
        f"CAST(round(((julianday({row}.ends_at) - julianday({row}.starts_at)) * 86400) / 60)"
        " AS INTEGER)"
    )


def _add(dialect: str, person: str, given: str, received: str) -> str:
    # PostgreSQL needs the existing row named; SQLite takes no alias inside a trigger and
    # reads an unqualified column as the existing row's.
    table, row = ("person_hours AS h", "h.") if dialect == "postgresql" else ("person_hours", "")
    return (
        f"INSERT INTO {table} (person_id, given_minutes, received_minutes) "
        f"VALUES ({person}, {given}, {received}) ON CONFLICT (person_id) DO UPDATE SET "
        f"given_minutes = {row}given_minutes + excluded.given_minutes, "
        f"received_minutes = {row}received_minutes + excluded.received_minutes;"
    )


def _tally(dialect: str, row: str, sign: str) -> str:
    """Statements adding (sign '') or taking away (sign '-') `row`'s minutes."""
    minutes = f"{sign}{_minutes(dialect, row)}"
    coach = _add(dialect, f"{row}.coach_id", minutes, "0")
    return f"{coach} {_add(dialect, f'{row}.coachee_id', '0', minutes)}"


# SQLite: (trigger, event, condition, row whose minutes count, sign)
SQLITE_TRIGGERS = (
    ("tally_held_on_sessions_insert", "INSERT", f"NEW.state = {HELD}", "NEW", ""),
    ("tally_held_on_sessions_delete", "DELETE", f"OLD.state = {HELD}", "OLD", "-"),
    (
        "tally_unheld_on_sessions_update",
        f"UPDATE OF {COUNTED}",
        f"OLD.state = {HELD} AND {MOVED}",
        "OLD",
        "-",
    ),
    (
        "tally_held_on_sessions_update",
        f"UPDATE OF {COUNTED}",
        f"NEW.state = {HELD} AND {MOVED}",
        "NEW",
        "",
    ),
)

PG_FUNCTIONS = (
    f"""
CREATE FUNCTION tally_held_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.state = {HELD} THEN
            {_tally("postgresql", "OLD", "-")}
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.state = {HELD} THEN
            {_tally("postgresql", "NEW", "")}
        END IF;
    END IF;
    RETURN NULL;
END
$$
""",
    """
CREATE FUNCTION forget_person_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM person_hours WHERE person_id = OLD.id;
    RETURN NULL;
END
$$
""",
)

# PostgreSQL: (trigger, event, condition)
PG_TRIGGERS = (
    ("tally_held_on_sessions_insert", "INSERT", f"NEW.state = {HELD}"),
    ("tally_held_on_sessions_delete", "DELETE", f"OLD.state = {HELD}"),
    (
        "tally_held_on_sessions_update",
        f"UPDATE OF {COUNTED}",
        f"(OLD.state = {HELD} OR NEW.state = {HELD}) AND {MOVED}",
    ),
)


def _backfill(dialect: str) -> str:
    minutes = _minutes(dialect, "sessions")
    return (
        "INSERT INTO person_hours (person_id, given_minutes, received_minutes) "
        "SELECT person_id, SUM(given), SUM(received) FROM ("
        f"SELECT coach_id AS person_id, {minutes} AS given, 0 AS received FROM sessions "
        f"WHERE state = {HELD} UNION ALL "
        f"SELECT coachee_id AS person_id, 0 AS given, {minutes} AS received FROM sessions "
        f"WHERE state = {HELD}) AS held GROUP BY person_id"
    )


def upgrade() -> None:
    op.create_table(
        "person_hours",
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("given_minutes", sa.Integer(), server_default="0", nullable=False),
        sa.Column("received_minutes", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_hours")),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for function in PG_FUNCTIONS:
            op.execute(function)
        for name, event, condition in PG_TRIGGERS:
            op.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON sessions FOR EACH ROW "
                f"WHEN ({condition}) EXECUTE FUNCTION tally_held_minutes()"
            )
        op.execute(
            "CREATE TRIGGER forget_hours_on_people_delete AFTER DELETE ON people "
            "FOR EACH ROW EXECUTE FUNCTION forget_person_hours()"
        )
    else:
        for name, event, condition, row, sign in SQLITE_TRIGGERS:
            op.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON sessions FOR EACH ROW "
                f"WHEN {condition} BEGIN {_tally(dialect, row, sign)} END"
            )
        op.execute(
            "CREATE TRIGGER forget_hours_on_people_delete AFTER DELETE ON people FOR EACH ROW "
            "BEGIN DELETE FROM person_hours WHERE person_id = OLD.id; END"
        )
    op.execute(_backfill(dialect))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for name, _event, _condition in PG_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON sessions")
        op.execute("DROP TRIGGER IF EXISTS forget_hours_on_people_delete ON people")
        op.execute("DROP FUNCTION IF EXISTS tally_held_minutes()")
        op.execute("DROP FUNCTION IF EXISTS forget_person_hours()")
    else:
        for name, *_rest in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TRIGGER IF EXISTS forget_hours_on_people_delete")
    op.drop_table("person_hours")
