"""`coachpool export`: sessions and requests as rows for a coordinator's own analysis.

Anonymous by construction: organisations, programmes, states, times and hours, never a
person's name, email or anything they wrote. Ids are the pool's own references.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.digest.source import DigestSource

SESSION_COLUMNS = (
    "session", "start", "end", "hours", "state", "late_cancellation", "cancelled_by",
    "no_show_by", "coach_organisation", "coachee_organisation",
)  # fmt: skip
REQUEST_COLUMNS = ("request", "created", "programme", "state", "coachee_organisation")


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]


def session_table(
    store: DigestSource, *, since: datetime, until: datetime, zone: ZoneInfo
) -> Table:
    organisation_of = store.organisation_of_people()
    names = {o.id: o.name for o in store.list_organisations()}

    def organisation(person_id: int) -> str:
        return names.get(organisation_of.get(person_id, 0), "")

    def role(session_person: int | None, coach_id: int) -> str:
        if session_person is None:
            return ""
        return "coach" if session_person == coach_id else "coachee"

    rows = [
        (
            str(fact.id),
            fact.start.astimezone(zone).isoformat(),
            fact.end.astimezone(zone).isoformat(),
            f"{fact.hours:.2f}",
            fact.state.value,
            "yes" if fact.late_cancellation else "no",
            role(fact.cancelled_by, fact.coach_id),
            role(fact.no_show_by, fact.coach_id),
            organisation(fact.coach_id),
            organisation(fact.coachee_id),
        )
        for fact in store.session_facts(starting_from=since, starting_before=until)
    ]
    return Table(SESSION_COLUMNS, rows)


def request_table(
    store: DigestSource, *, since: datetime, until: datetime, zone: ZoneInfo
) -> Table:
    organisation_of = store.organisation_of_people()
    names = {o.id: o.name for o in store.list_organisations()}
    programmes = {p.id: p.slug for p in store.list_programmes()}
    rows = [
        (
            str(fact.id),
            fact.created_at.astimezone(zone).isoformat(),
            programmes.get(fact.programme_id, ""),
            fact.state.value,
            names.get(organisation_of.get(fact.coachee_id, 0), ""),
        )
        for fact in store.request_facts(created_from=since, created_before=until)
    ]
    return Table(REQUEST_COLUMNS, rows)
