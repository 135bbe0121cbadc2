"""Read-only aggregate queries for the weekly digest: one SELECT of the needed columns
each, returned as the core's compact facts (`bot.digest.facts`).

A year of a large pool is tens of thousands of rows, so these run as Core statements on
the session's connection (no ORM row loading) and build the facts positionally; the bulk
reads take their instants as stored and convert each distinct one once (`InstantReader`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Executable, Select, and_, case, or_, select
from sqlalchemy.orm import aliased

from bot.digest.facts import (
    CoachCapacity,
    EngagementFact,
    EvaluationFact,
    FeedbackFact,
    RequestFact,
    SessionFact,
)
from bot.domain import EngagementState, RequestState, SessionState
from storage.models import (
    CoachRow,
    EngagementRow,
    EvaluationRow,
    FeedbackRow,
    PersonRow,
    RequestRow,
    SessionRow,
)
from storage.unit import UnitOfWork
from storage.utc_datetime import InstantReader, as_stored

_SESSION_STATES = {state.value: state for state in SessionState}
_REQUEST_STATES = {state.value: state for state in RequestState}
_ENGAGEMENT_STATES = {state.value: state for state in EngagementState}


class DigestRepo(UnitOfWork):
    def _rows(self, query: Executable) -> list[Any]:
        with self._read() as s:
            return list(s.connection().execute(query).all())

    def session_facts(
        self,
        *,
        starting_from: datetime,
        starting_before: datetime,
        states: Sequence[SessionState] | None = None,
    ) -> list[SessionFact]:
        """Sessions starting in [starting_from, starting_before), in any of `states`
        (default all), by start time."""
        query = select(
            SessionRow.id,
            SessionRow.coach_id,
            SessionRow.coachee_id,
            as_stored(SessionRow.starts_at),
            as_stored(SessionRow.ends_at),
            SessionRow.state,
            SessionRow.late_cancellation,
            SessionRow.cancelled_by,
            SessionRow.no_show_by,
        ).where(SessionRow.starts_at >= starting_from, SessionRow.starts_at < starting_before)
        if states is not None:
            query = query.where(SessionRow.state.in_([state.value for state in states]))
        rows = self._rows(query.order_by(SessionRow.starts_at, SessionRow.id))
        instant, state_of = InstantReader(), _SESSION_STATES
        return [
            SessionFact(
                sid,
                coach,
                coachee,
                instant(start),
                instant(end),
                state_of[state],
                late,
                by,
                absent,
            )
            for sid, coach, coachee, start, end, state, late, by, absent in rows
        ]

    def feedback_facts(
        self, *, submitted_from: datetime, submitted_before: datetime
    ) -> list[FeedbackFact]:
        """What the digest may use of feedback, oldest first, each with its session's coach
        and coachee: a coachee's scores given in [submitted_from, submitted_before), and the
        themes a coach logged for a session whose coachee consented to count them, when the
        later of the two fell in that range. The themes (coach's row) and the consent
        (coachee's row) are two rows of the same session: joined here. Comments never."""
        consent = aliased(FeedbackRow)
        consented = and_(
            FeedbackRow.person_id == SessionRow.coach_id,
            consent.consent_to_share_themes.is_(True),
        )
        scored = or_(FeedbackRow.usefulness.is_not(None), FeedbackRow.progress.is_not(None))
        query = (
            select(
                FeedbackRow.session_id,
                FeedbackRow.person_id,
                SessionRow.coach_id,
                SessionRow.coachee_id,
                as_stored(FeedbackRow.submitted_at),
                FeedbackRow.usefulness,
                FeedbackRow.progress,
                case((consented, FeedbackRow.themes), else_=None),
                as_stored(consent.submitted_at),
            )
            .join(SessionRow, SessionRow.id == FeedbackRow.session_id)
            .outerjoin(
                consent,
                and_(
                    consent.session_id == FeedbackRow.session_id,
                    consent.person_id == SessionRow.coachee_id,
                ),
            )
            .where(
                FeedbackRow.submitted_at < submitted_before,
                or_(
                    and_(scored, FeedbackRow.submitted_at >= submitted_from),
                    and_(
                        consented,
                        consent.submitted_at < submitted_before,
                        or_(
                            FeedbackRow.submitted_at >= submitted_from,
                            consent.submitted_at >= submitted_from,
                        ),
                    ),
                ),
            )
            .order_by(FeedbackRow.submitted_at, FeedbackRow.id)
        )
        instant = InstantReader()
        found = (_feedback_fact(row, submitted_from, instant) for row in self._rows(query))
        return [fact for fact in found if fact is not None]

    def request_facts(
        self,
        *,
        created_from: datetime | None = None,
        created_before: datetime | None = None,
        states: Sequence[RequestState] | None = None,
    ) -> list[RequestFact]:
        """Requests created in the range (either bound optional) in any of `states`
        (default all), oldest first."""
        query = select(
            RequestRow.id,
            RequestRow.coachee_id,
            RequestRow.programme_id,
            RequestRow.state,
            RequestRow.created_at,
            RequestRow.asked_at,
            RequestRow.chosen_coach_id,
            RequestRow.topic,
        )
        query = _started_in(
            query,
            RequestRow.created_at,
            start=created_from,
            before=created_before,
            state=RequestRow.state,
            states=states,
        )
        rows = self._rows(query.order_by(RequestRow.created_at, RequestRow.id))
        return [
            RequestFact(
                rid, coachee, programme, _REQUEST_STATES[state], created, asked, coach, topic
            )
            for rid, coachee, programme, state, created, asked, coach, topic in rows
        ]

    def evaluation_facts(
        self, *, submitted_from: datetime, submitted_before: datetime
    ) -> list[EvaluationFact]:
        """Final evaluations submitted in [submitted_from, submitted_before), oldest first:
        who gave them and the two scores."""
        query = (
            select(
                EvaluationRow.person_id,
                as_stored(EvaluationRow.submitted_at),
                EvaluationRow.goal_attainment,
                EvaluationRow.would_recommend,
            )
            .where(
                EvaluationRow.submitted_at >= submitted_from,
                EvaluationRow.submitted_at < submitted_before,
            )
            .order_by(EvaluationRow.submitted_at, EvaluationRow.id)
        )
        instant = InstantReader()
        return [
            EvaluationFact(person, instant(at), goal, recommend)
            for person, at, goal, recommend in self._rows(query)
        ]

    def engagement_facts(
        self,
        *,
        started_from: datetime | None = None,
        started_before: datetime | None = None,
        states: Sequence[EngagementState] | None = None,
    ) -> list[EngagementFact]:
        """Engagements started in the range (either bound optional) in any of `states`
        (default all), oldest first."""
        query = select(
            EngagementRow.id,
            EngagementRow.request_id,
            EngagementRow.coach_id,
            EngagementRow.coachee_id,
            EngagementRow.state,
            EngagementRow.started_at,
        )
        query = _started_in(
            query,
            EngagementRow.started_at,
            start=started_from,
            before=started_before,
            state=EngagementRow.state,
            states=states,
        )
        rows = self._rows(query.order_by(EngagementRow.started_at, EngagementRow.id))
        return [
            EngagementFact(eid, request, coach, coachee, _ENGAGEMENT_STATES[state], started)
            for eid, request, coach, coachee, state, started in rows
        ]

    def coach_capacities(self) -> list[CoachCapacity]:
        """Every coach profile's limits with the coach's name and organisation, by id."""
        query = (
            select(
                CoachRow.person_id,
                PersonRow.name,
                PersonRow.organisation_id,
                CoachRow.max_coachees,
                CoachRow.max_hours_per_month,
                CoachRow.paused,
            )
            .join(PersonRow, PersonRow.id == CoachRow.person_id)
            .order_by(CoachRow.person_id)
        )
        return [CoachCapacity(*row) for row in self._rows(query)]

    def organisation_of_people(self) -> dict[int, int]:
        """person id -> organisation id, for everyone (erased people too: their hours
        still count for their organisation)."""
        rows = self._rows(select(PersonRow.id, PersonRow.organisation_id))
        return dict(rows)


Query = TypeVar("Query", bound="Select[*tuple[Any, ...]]")


def _started_in(
    query: Query,
    started: Any,
    *,
    start: datetime | None,
    before: datetime | None,
    state: Any,
    states: Sequence[StrEnum] | None,
) -> Query:
    """`query` kept to rows whose `started` column is in [start, before) (either bound
    optional) and whose `state` column is one of `states` (None: any)."""
    if start is not None:
        query = query.where(started >= start)
    if before is not None:
        query = query.where(started < before)
    if states is not None:
        query = query.where(state.in_([s.value for s in states]))
    return query


def _feedback_fact(
    row: Any, submitted_from: datetime, instant: InstantReader
) -> FeedbackFact | None:
    """A feedback row as a fact: themes only if consented to and counted from the later
    of the coach's log and the coachee's consent; None if nothing of it is in range."""
    session, person, coach, coachee, stored_at, useful, progress, themes, agreed = row
    at = instant(stored_at)
    themes_at = max(at, instant(agreed)) if themes is not None else None
    if themes_at is not None and themes_at < submitted_from:
        themes_at = None
    if at < submitted_from:
        useful = progress = None
    if themes_at is None and useful is None and progress is None:
        return None
    if themes_at is None:
        return FeedbackFact(session, person, coach, coachee, at, useful, progress)
    return FeedbackFact(
        session, person, coach, coachee, at, useful, progress, True, tuple(themes), themes_at
    )
