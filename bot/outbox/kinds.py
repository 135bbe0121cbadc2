"""What each kind of outbox message becomes when it is due.

A kind's renderer runs at send time, so it sees the store as it is then (a session
moved since the reminder was scheduled shows its new time). It returns the deliveries
to make: (person id, replies) pairs; an empty list means the message has lapsed.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.aftercare import keys, renderers
from bot.digest.schedule import DIGEST, render_digest
from bot.domain.outbox import OutboxMessage
from bot.outbox.coachee_deadlines import coachee_choice_deadline, coachee_nudge
from bot.outbox.deadlines import coach_nudge, coach_response_deadline
from bot.outbox.notices import NOTICE
from bot.replies import Reply
from bot.replies_codec import decode_replies
from bot.services import Services

Deliveries = list[tuple[int, tuple[Reply, ...]]]
Renderer = Callable[[Services, OutboxMessage], Deliveries]


def _notice(services: Services, message: OutboxMessage) -> Deliveries:
    return [(message.recipient_id, decode_replies(message.payload["replies"]))]


RENDERERS: dict[str, Renderer] = {
    NOTICE: _notice,
    "coach_response_deadline": coach_response_deadline,
    "coach_nudge": coach_nudge,
    "coachee_nudge": coachee_nudge,
    "coachee_choice_deadline": coachee_choice_deadline,
    keys.REMINDER: renderers.render_reminder,
    keys.ATTENDANCE: renderers.render_attendance,
    keys.ATTENDANCE_FOLLOWUP: renderers.render_attendance,
    keys.FEEDBACK: renderers.render_feedback_prompt,
    keys.FEEDBACK_FOLLOWUP: renderers.render_feedback_prompt,
    keys.FINAL_EVALUATION: renderers.render_final_evaluation,
    DIGEST: render_digest,
    keys.CALENDAR_EVENT: renderers.render_calendar_event,
}


def render_message(services: Services, message: OutboxMessage) -> Deliveries:
    renderer = RENDERERS.get(message.kind)
    if renderer is None:
        raise ValueError(f"no renderer for outbox messages of kind {message.kind!r}")
    return renderer(services, message)
