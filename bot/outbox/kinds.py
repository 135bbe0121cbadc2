"""What each kind of outbox message becomes when it is due, and until when it is worth
sending.

A kind's renderer runs at send time, so it sees the store as it is then (a session
moved since the reminder was scheduled shows its new time). It returns the deliveries
to make: (person id, replies) pairs; an empty list means the message has lapsed.
Its `worth_until` is asked first: a message past it is skipped with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.aftercare import keys, lifetimes, renderers
from bot.digest.schedule import DIGEST, render_digest
from bot.domain.outbox import OutboxMessage
from bot.outbox.coachee_deadlines import (
    coachee_choice_deadline,
    coachee_nudge,
    coachee_nudge_until,
)
from bot.outbox.deadlines import coach_nudge, coach_nudge_until, coach_response_deadline
from bot.outbox.lapse import WorthUntil, always, within
from bot.outbox.notices import NOTICE
from bot.replies import Reply
from bot.replies_codec import decode_replies
from bot.services import Services

Deliveries = list[tuple[int, tuple[Reply, ...]]]
Renderer = Callable[[Services, OutboxMessage], Deliveries]


@dataclass(frozen=True)
class Kind:
    render: Renderer
    worth_until: WorthUntil


def _notice(services: Services, message: OutboxMessage) -> Deliveries:
    return [(message.recipient_id, decode_replies(message.payload["replies"]))]


KINDS: dict[str, Kind] = {
    # News from someone's turn ("your coach has accepted"): stale after a week.
    NOTICE: Kind(_notice, within(7, "news")),
    # A state change, not news: the request must move on however late.
    "coach_response_deadline": Kind(coach_response_deadline, always),
    "coach_nudge": Kind(coach_nudge, coach_nudge_until),
    "coachee_nudge": Kind(coachee_nudge, coachee_nudge_until),
    # Like the coach's: a state change that must happen however late.
    "coachee_choice_deadline": Kind(coachee_choice_deadline, always),
    keys.REMINDER: Kind(renderers.render_reminder, lifetimes.reminder_until),
    keys.ATTENDANCE: Kind(renderers.render_attendance, lifetimes.attendance_until),
    keys.ATTENDANCE_FOLLOWUP: Kind(
        renderers.render_attendance, lifetimes.attendance_follow_up_until
    ),
    keys.FEEDBACK: Kind(renderers.render_feedback_prompt, lifetimes.feedback_until),
    keys.FEEDBACK_FOLLOWUP: Kind(
        renderers.render_feedback_prompt, lifetimes.feedback_follow_up_until
    ),
    keys.FINAL_EVALUATION: Kind(
        renderers.render_final_evaluation, within(28, "a final evaluation")
    ),
    # Next Monday's digest replaces a week-old one.
    DIGEST: Kind(render_digest, within(6, "a weekly digest")),
    keys.CALENDAR_EVENT: Kind(renderers.render_calendar_event, lifetimes.before_start),
    # A Graph event must leave the calendar however late: never stale.
    keys.CALENDAR_REMOVAL: Kind(renderers.render_calendar_removal, always),
}


def kind_of(message: OutboxMessage) -> Kind:
    kind = KINDS.get(message.kind)
    if kind is None:
        raise ValueError(f"no renderer for outbox messages of kind {message.kind!r}")
    return kind
