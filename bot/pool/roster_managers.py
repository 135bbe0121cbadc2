"""The roster's line_manager column: every manager is someone the pool will know, nobody
manages themselves, and line management never goes round in a loop. Checked before anything
is written, linked after every row is (a manager may be a later row of the same file)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.domain.management import in_a_loop
from bot.pool.roster_types import RosterRow, RowError
from bot.ports.store import Store

COLUMN = "line_manager"


def manager_problems(store: Store, rows: Sequence[RosterRow]) -> tuple[RowError, ...]:
    in_file = {row.email for row in rows}
    problems: list[RowError] = []
    for row in rows:
        manager = row.line_manager
        if manager is None:
            continue
        if manager == row.email:
            problems.append(RowError(row.line, COLUMN, "a coach can't be their own line manager"))
        elif manager not in in_file and store.find_person_by_email(manager) is None:
            problems.append(
                RowError(row.line, COLUMN, f"'{manager}' is not in the pool or in this file")
            )
    people = store.list_people()
    email_of = {p.id: p.email.lower() for p in people}
    managers: dict[str, str | None] = {
        p.email.lower(): email_of.get(p.manager_id) if p.manager_id else None for p in people
    }
    managers.update({row.email: row.line_manager for row in rows if row.line_manager})
    reported = {problem.line for problem in problems}
    problems += [
        RowError(
            row.line,
            COLUMN,
            f"'{row.line_manager}' is managed, through the chain, by {row.email}: line "
            "management can't go round in a loop",
        )
        for row in rows
        if row.line_manager and row.line not in reported and in_a_loop(managers, row.email)
    ]
    return tuple(problems)


def link_managers(store: Store, rows: Sequence[RosterRow]) -> set[int]:
    """Record each written row's line manager; returns the lines whose manager changed."""
    changed: set[int] = set()
    for row in rows:
        if row.line_manager is None:
            continue
        person = store.find_person_by_email(row.email)
        manager = store.find_person_by_email(row.line_manager)
        if person is None or manager is None or person.manager_id == manager.id:
            continue
        store.update_person(replace(person, manager_id=manager.id))
        changed.add(row.line)
    return changed
