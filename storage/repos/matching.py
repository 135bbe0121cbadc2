"""What matching reads on every request, kept small: revision tags, the organisations'
hours in one aggregate, and only the sessions of the coming weeks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, func, select, type_coerce, union
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot.domain import EngagementState, RequestState
from bot.domain.timewindow import TimeWindow
from bot.ports.store import PoolRevisions
from storage.models import (
    EngagementRow,
    PersonHoursRow,
    PersonRow,
    PoolRevisionRow,
    RequestRow,
    SessionRow,
)
from storage.repos.booking import OCCUPYING
from storage.unit import UnitOfWork
from storage.utc_datetime import InstantReader, as_stored

# No session is longer: one starting this long before a window cannot reach into it.
MAX_SESSION = timedelta(days=1)


class MatchingRepo(UnitOfWork):
    def pool_revisions(self) -> PoolRevisions:
        with self._read() as s:
            rows = s.execute(select(PoolRevisionRow.name, PoolRevisionRow.value))
            tags: dict[str, int] = dict(rows.all())
        return PoolRevisions(coaches=tags.get("coaches"), hours=tags.get("hours"))

    def organisation_hours(self) -> dict[int, float]:
        """Organisation id -> hours of held sessions its coaches gave minus hours its staff
        received, by each person's organisation now; erased people's sessions not counted.
        Summed from each person's running totals (`person_hours`, kept by triggers), so it
        costs the people who ever gave or received coaching, not the sessions ever held."""
        given, received = (
            func.sum(PersonHoursRow.given_minutes),
            func.sum(PersonHoursRow.received_minutes),
        )
        # Grouped by an expression rather than the bare column: grouping by the column,
        # SQLite walks every person through its organisation index and looks up their
        # totals (~4x slower); by the expression, it walks the totals and looks up each
        # person. PostgreSQL hashes either way.
        organisation = (PersonRow.organisation_id + 0).label("organisation")
        with self._read() as s:
            rows = s.execute(
                select(organisation, given, received)
                .select_from(PersonHoursRow)
                .join(PersonRow, PersonRow.id == PersonHoursRow.person_id)
                .where(PersonRow.erased.is_(False))
                .group_by(organisation)
                # An organisation none of whose people gave or received is left out, as an
                # aggregate over held sessions leaves it out.
                .having((given != 0) | (received != 0))
            )
            return {
                organisation_id: (int(gave) - int(got)) / 60 for organisation_id, gave, got in rows
            }

    def line_manager(self, person_id: int) -> int | None:
        """The person's line manager's id; None if they have none, are erased or unknown."""
        with self._read() as s:
            return s.scalar(
                select(PersonRow.manager_id).where(
                    PersonRow.id == person_id, PersonRow.erased.is_(False)
                )
            )

    def direct_reports(self, manager_ids: Collection[int]) -> list[int]:
        """The people (not erased) whose line manager is one of `manager_ids`, by id."""
        if not manager_ids:
            return []
        with self._read() as s:
            return list(
                s.scalars(
                    select(PersonRow.id)
                    .where(PersonRow.manager_id.in_(manager_ids), PersonRow.erased.is_(False))
                    .order_by(PersonRow.id)
                )
            )

    def place_holders(
        self,
        programme_id: int,
        organisation_id: int,
        *,
        request_states: Sequence[RequestState],
        engagement_states: Sequence[EngagementState],
    ) -> set[int]:
        """The people now in the organisation (not erased) with a request in one of
        `request_states` or an engagement in one of `engagement_states` in the programme."""
        colleagues = select(PersonRow.id).where(
            PersonRow.organisation_id == organisation_id, PersonRow.erased.is_(False)
        )
        requests = select(RequestRow.coachee_id).where(
            RequestRow.programme_id == programme_id,
            RequestRow.state.in_([state.value for state in request_states]),
            RequestRow.coachee_id.in_(colleagues),
        )
        engagements = select(EngagementRow.coachee_id).where(
            EngagementRow.programme_id == programme_id,
            EngagementRow.state.in_([state.value for state in engagement_states]),
            EngagementRow.coachee_id.in_(colleagues),
        )
        with self._read() as s:
            return set(s.scalars(union(requests, engagements)))

    def busy_by_person(self, within: TimeWindow) -> dict[int, list[TimeWindow]]:
        """Everyone's CONFIRMED/HELD sessions (as coach and as coachee) overlapping `within`,
        by start time. Sessions are at most a day long, so only a day before is read."""
        busy: dict[int, list[TimeWindow]] = defaultdict(list)
        with self._read() as s:
            starts, ends, instant = _instants(s, SessionRow.starts_at, SessionRow.ends_at)
            query = (
                select(SessionRow.coach_id, SessionRow.coachee_id, starts, ends)
                .where(
                    SessionRow.state.in_(OCCUPYING),
                    SessionRow.starts_at >= within.start - MAX_SESSION,
                    SessionRow.starts_at < within.end,
                    SessionRow.ends_at > within.start,
                )
                .order_by(SessionRow.starts_at, SessionRow.id)
            )
            rows = s.connection().execute(query).all()
        for coach_id, coachee_id, start, end in rows:
            window = TimeWindow.stored(instant(start), instant(end))
            busy[coach_id].append(window)
            busy[coachee_id].append(window)
        return dict(busy)


def _instants(session: Session, *columns: InstrumentedAttribute[datetime]) -> tuple[Any, ...]:
    """`columns` to select as instants, and the function that makes each value one: on
    SQLite the stored text parsed at C speed (the column type's own parsing costs ~3 us a
    value, and the request path reads thousands), elsewhere the driver's aware datetimes,
    each distinct one made UTC once (sessions start and end at a few hundred times)."""
    if session.get_bind().dialect.name == "sqlite":
        return (*(type_coerce(c, String()) for c in columns), _from_sqlite)
    return (*(as_stored(c) for c in columns), InstantReader())


def _from_sqlite(text: str) -> datetime:
    # Stored naive in UTC, as storage.utc_datetime.UTCDateTime writes it. Naming the zone
    # in the text is five times quicker than .replace(tzinfo=UTC) afterwards.
    return datetime.fromisoformat(text + "+00:00")
