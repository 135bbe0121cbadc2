"""The digest's read-only queries (`bot.digest.source.DigestSource`), in memory: the
selections, joins and orders of storage/repos/digest.py on the fake's tables.
`organisation_of_people`, `coach_loads`, `list_organisations` and `list_programmes` are
the core's own reads, in the other parts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.digest.facts import (
    CoachCapacity,
    EngagementFact,
    EvaluationFact,
    FeedbackFact,
    RequestFact,
    SessionFact,
)
from bot.domain import EngagementState, RequestState, SessionState
from bot.domain.feedback import Feedback
from tests.fakes.memory_tables import MemoryBase


class DigestParts(MemoryBase):
    def session_facts(
        self,
        *,
        starting_from: datetime,
        starting_before: datetime,
        states: Sequence[SessionState] | None = None,
    ) -> list[SessionFact]:
        with self._read() as t:
            return [
                SessionFact(
                    s.id,
                    s.coach_id,
                    s.coachee_id,
                    s.window.start,
                    s.window.end,
                    s.state,
                    s.late_cancellation,
                    s.cancelled_by,
                    s.no_show_by,
                )
                for s in self._by_start(t.sessions.values())
                if starting_from <= s.window.start < starting_before
                and (states is None or s.state in states)
            ]

    def feedback_facts(
        self, *, submitted_from: datetime, submitted_before: datetime
    ) -> list[FeedbackFact]:
        """A feedback row joined to its session and to the session's coachee's row (the
        consent to count the coach's themes), kept as the SQL's WHERE keeps it."""
        found = []
        with self._read() as t:
            rows = sorted(t.feedback.values(), key=lambda r: (r[1].submitted_at, r[0]))
            for _, f in rows:
                session = t.sessions[f.session_id]
                held = t.feedback.get((f.session_id, session.coachee_id))
                consent: Feedback | None = None if held is None else held[1]
                consented = (
                    f.person_id == session.coach_id
                    and consent is not None
                    and consent.consent_to_share_themes
                )
                scored = f.usefulness is not None or f.progress is not None
                if f.submitted_at >= submitted_before:
                    continue
                in_range = f.submitted_at >= submitted_from
                if not (scored and in_range) and not (
                    consent is not None
                    and consented
                    and consent.submitted_at < submitted_before
                    and (in_range or consent.submitted_at >= submitted_from)
                ):
                    continue
                fact = _feedback_fact(
                    f,
                    session.coach_id,
                    session.coachee_id,
                    consent.submitted_at if consented and consent is not None else None,
                    submitted_from,
                )
                if fact is not None:
                    found.append(fact)
        return found

    def request_facts(
        self,
        *,
        created_from: datetime | None = None,
        created_before: datetime | None = None,
        states: Sequence[RequestState] | None = None,
    ) -> list[RequestFact]:
        with self._read() as t:
            chosen = sorted(
                (
                    r
                    for r in t.requests.values()
                    if (created_from is None or r.created_at >= created_from)
                    and (created_before is None or r.created_at < created_before)
                    and (states is None or r.state in states)
                ),
                key=lambda r: (r.created_at, r.id),
            )
        return [
            RequestFact(
                r.id,
                r.coachee_id,
                r.programme_id,
                r.state,
                r.created_at,
                r.asked_at,
                r.chosen_coach_id,
                r.topic,
            )
            for r in chosen
        ]

    def evaluation_facts(
        self, *, submitted_from: datetime, submitted_before: datetime
    ) -> list[EvaluationFact]:
        with self._read() as t:
            rows = sorted(t.evaluations.values(), key=lambda r: (r[1].submitted_at, r[0]))
        return [
            EvaluationFact(e.person_id, e.submitted_at, e.goal_attainment, e.would_recommend)
            for _, e in rows
            if submitted_from <= e.submitted_at < submitted_before
        ]

    def engagement_facts(
        self,
        *,
        started_from: datetime | None = None,
        started_before: datetime | None = None,
        states: Sequence[EngagementState] | None = None,
    ) -> list[EngagementFact]:
        with self._read() as t:
            chosen = sorted(
                (
                    e
                    for e in t.engagements.values()
                    if (started_from is None or e.started_at >= started_from)
                    and (started_before is None or e.started_at < started_before)
                    and (states is None or e.state in states)
                ),
                key=lambda e: (e.started_at, e.id),
            )
        return [
            EngagementFact(e.id, e.request_id, e.coach_id, e.coachee_id, e.state, e.started_at)
            for e in chosen
        ]

    def coach_capacities(self) -> list[CoachCapacity]:
        with self._read() as t:
            return [
                CoachCapacity(
                    c.person_id,
                    t.people[c.person_id].name,
                    t.people[c.person_id].organisation_id,
                    c.max_coachees,
                    c.max_hours_per_month,
                    c.paused,
                )
                for _, c in sorted(t.coaches.items())
            ]


def _feedback_fact(
    f: Feedback,
    coach_id: int,
    coachee_id: int,
    agreed: datetime | None,
    submitted_from: datetime,
) -> FeedbackFact | None:
    """As storage/repos/digest.py's `_feedback_fact`: themes only if consented to
    (`agreed` is then when), dated by the later of the two rows; None if nothing of the row
    is in range."""
    at, useful, progress = f.submitted_at, f.usefulness, f.progress
    themes_at = max(at, agreed) if agreed is not None else None
    if themes_at is not None and themes_at < submitted_from:
        themes_at = None
    if at < submitted_from:
        useful = progress = None
    if themes_at is None and useful is None and progress is None:
        return None
    if themes_at is None:
        return FeedbackFact(f.session_id, f.person_id, coach_id, coachee_id, at, useful, progress)
    return FeedbackFact(
        f.session_id,
        f.person_id,
        coach_id,
        coachee_id,
        at,
        useful,
        progress,
        True,
        tuple(f.themes),
        themes_at,
    )
