"""Scheduling a session's messages when it is booked or moved, and an engagement's final
evaluation when it closes.

Reminders go to both parties at the programme's hours before (default 24 and 1), moved
out of quiet hours except the last; after the end, the coach is asked whether it was
held and the coachee for feedback, each with one follow-up two days later if unanswered.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.aftercare.kinds import AftercareKind
from bot.aftercare.quiet_hours import before_quiet_hours
from bot.domain import Engagement, Person, Session, SessionState
from bot.domain.outbox import OutboxMessage
from bot.domain.people import zone_of
from bot.keys import engagement_key, session_key, session_prefix
from bot.services import Services

ATTENDANCE_AFTER = timedelta(minutes=15)
FEEDBACK_AFTER = timedelta(minutes=30)
FOLLOW_UP_AFTER = timedelta(days=2)
# A short pause, so the evaluation doesn't arrive in the same breath as the closing news.
EVALUATION_AFTER = timedelta(minutes=5)


def schedule_session_messages(services: Services, session: Session) -> int:
    """(Re)schedule every message of a confirmed session; returns how many are due later."""
    store, now = services.store, services.clock.now()
    store.cancel_scheduled(session_prefix(session.id))
    hours = reminder_hours(services, session)
    messages: list[OutboxMessage] = []
    for person_id in (session.coach_id, session.coachee_id):
        person = store.get_person(person_id)
        if person is None:
            continue
        for index, before in enumerate(hours):
            due = session.window.start - timedelta(hours=before)
            if index < len(hours) - 1:  # the last reminder may arrive in quiet hours
                due = _outside_quiet_hours(services, person, due)
            messages.append(
                _message(
                    session,
                    AftercareKind.REMINDER,
                    person_id,
                    due,
                    suffix=f":{before}h",
                    hours=before,
                )
            )
    end = session.window.end
    if services.calendar is not None:
        # A moved session queues the calendar again under a new key: the event is updated.
        moved = f":v{session.calendar_sequence}" if session.calendar_sequence else ""
        messages.append(
            _message(session, AftercareKind.CALENDAR_EVENT, session.coach_id, now, suffix=moved)
        )
    messages += [
        _message(session, AftercareKind.ATTENDANCE, session.coach_id, end + ATTENDANCE_AFTER),
        _message(
            session,
            AftercareKind.ATTENDANCE_FOLLOWUP,
            session.coach_id,
            end + ATTENDANCE_AFTER + FOLLOW_UP_AFTER,
        ),
        _message(session, AftercareKind.FEEDBACK, session.coachee_id, end + FEEDBACK_AFTER),
        _message(
            session,
            AftercareKind.FEEDBACK_FOLLOWUP,
            session.coachee_id,
            end + FEEDBACK_AFTER + FOLLOW_UP_AFTER,
        ),
    ]
    due_later = [m for m in messages if m.due_at > now or m.kind == AftercareKind.CALENDAR_EVENT]
    for message in due_later:
        store.schedule(message)
    return len(due_later)


def schedule_calendar_removal(services: Services, session: Session) -> None:
    """A cancelled session leaves the coach's organisational calendar. Call it after the
    session's messages were cancelled (that would cancel this one too)."""
    if services.calendar is not None:
        now = services.clock.now()
        services.store.schedule(
            _message(session, AftercareKind.CALENDAR_REMOVAL, session.coach_id, now)
        )


def schedule_final_evaluation(services: Services, engagement: Engagement) -> None:
    """A closed engagement asks its coachee for a final evaluation, if its programme wants
    feedback and at least one session was held."""
    store = services.store
    programme = store.get_programme(engagement.programme_id)
    held = store.list_sessions(engagement_id=engagement.id, states=[SessionState.HELD])
    if programme is None or not programme.feedback_required or not held:
        return
    store.schedule(
        OutboxMessage(
            key=engagement_key(
                engagement.id, AftercareKind.FINAL_EVALUATION, engagement.coachee_id
            ),
            recipient_id=engagement.coachee_id,
            kind=AftercareKind.FINAL_EVALUATION,
            due_at=services.clock.now() + EVALUATION_AFTER,
            payload={"engagement_id": engagement.id},
        )
    )


def reminder_hours(services: Services, session: Session) -> list[int]:
    """How many hours before the session its programme reminds people, furthest first."""
    store = services.store
    engagement = store.get_engagement(session.engagement_id)
    programme = store.get_programme(engagement.programme_id) if engagement else None
    return sorted(programme.reminder_hours_before if programme else (24, 1), reverse=True)


def _outside_quiet_hours(services: Services, person: Person, due: datetime) -> datetime:
    settings = services.settings
    return before_quiet_hours(
        due,
        tz=zone_of(person, settings.pool_timezone),
        quiet_from=settings.quiet_from,
        quiet_until=settings.quiet_until,
    )


def _message(
    session: Session,
    kind: AftercareKind,
    person_id: int,
    due: datetime,
    *,
    suffix: str = "",
    hours: int | None = None,
) -> OutboxMessage:
    payload: dict[str, Any] = {"session_id": session.id}
    if hours is not None:
        payload["hours"] = hours
    return OutboxMessage(
        key=session_key(session.id, kind, person_id, suffix),
        recipient_id=person_id,
        kind=kind,
        due_at=due,
        payload=payload,
    )
