"""Until when each of a session's messages is worth sending (see `bot/lapse.py`).

A reminder is worth sending until the next one takes over, the last until the session
starts; a first prompt after the session until its follow-up is due; a follow-up for a few
weeks, after which asking about the session is more puzzling than useful."""

from __future__ import annotations

from datetime import timedelta

from bot.aftercare.schedule import (
    ATTENDANCE_AFTER,
    FEEDBACK_AFTER,
    FOLLOW_UP_AFTER,
    reminder_hours,
)
from bot.domain import Session
from bot.domain.outbox import OutboxMessage
from bot.lapse import Deadline, stamp
from bot.services import Services

ATTENDANCE_ASKED_FOR = timedelta(weeks=4)
FEEDBACK_ASKED_FOR = timedelta(weeks=2)


def _session(services: Services, message: OutboxMessage) -> Session | None:
    # A session that is gone has nothing to be late for: its timer lets the message lapse.
    return services.store.get_session(int(message.payload["session_id"]))


def reminder_until(services: Services, message: OutboxMessage) -> Deadline | None:
    session = _session(services, message)
    if session is None:
        return None
    hours = int(message.payload.get("hours", 24))
    nearer = [h for h in reminder_hours(services, session) if h < hours]
    if nearer:
        at = session.window.start - timedelta(hours=max(nearer))
        return Deadline(at, f"the {max(nearer)}-hour reminder took over at {stamp(at)}")
    return Deadline(session.window.start, f"the session started at {stamp(session.window.start)}")


def before_start(services: Services, message: OutboxMessage) -> Deadline | None:
    session = _session(services, message)
    if session is None:
        return None
    return Deadline(session.window.start, f"the session started at {stamp(session.window.start)}")


def attendance_until(services: Services, message: OutboxMessage) -> Deadline | None:
    session = _session(services, message)
    if session is None:
        return None
    follow_up = session.window.end + ATTENDANCE_AFTER + FOLLOW_UP_AFTER
    return Deadline(follow_up, f"the follow-up took over at {stamp(follow_up)}")


def feedback_until(services: Services, message: OutboxMessage) -> Deadline | None:
    session = _session(services, message)
    if session is None:
        return None
    follow_up = session.window.end + FEEDBACK_AFTER + FOLLOW_UP_AFTER
    return Deadline(follow_up, f"the follow-up took over at {stamp(follow_up)}")


def attendance_follow_up_until(services: Services, message: OutboxMessage) -> Deadline | None:
    return _weeks_after_session(services, message, ATTENDANCE_ASKED_FOR)


def feedback_follow_up_until(services: Services, message: OutboxMessage) -> Deadline | None:
    return _weeks_after_session(services, message, FEEDBACK_ASKED_FOR)


def _weeks_after_session(
    services: Services, message: OutboxMessage, period: timedelta
) -> Deadline | None:
    session = _session(services, message)
    if session is None:
        return None
    return Deadline(
        session.window.end + period,
        f"the session ended {period.days // 7} weeks before, at {stamp(session.window.end)}",
    )
