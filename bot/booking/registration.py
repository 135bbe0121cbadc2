"""What the booking slice answers: asking the coach and their answers (buttons, the
proposed times and the decline reason conversations), the coachee's pick, and both answer
deadlines (a coach's and a coachee's)."""

from __future__ import annotations

from bot.booking import booking, coachee_deadlines, deadlines
from bot.booking.decline_reason import DECLINE_REASON
from bot.booking.propose_times import PROPOSE_TIMES
from bot.keys import OutboxKind
from bot.lapse import always
from bot.registry import Registry, Timer


def register(registry: Registry) -> None:
    registry.add_verbs(booking.ACTIONS.items())
    registry.add_conversation(PROPOSE_TIMES)
    registry.add_conversation(DECLINE_REASON)
    add = registry.add_timer
    # A state change, not news: the request must move on however late.
    add(OutboxKind.COACH_RESPONSE_DEADLINE, Timer(deadlines.coach_response_deadline, always))
    add(OutboxKind.COACH_NUDGE, Timer(deadlines.coach_nudge, deadlines.coach_nudge_until))
    add(
        OutboxKind.COACHEE_NUDGE,
        Timer(coachee_deadlines.coachee_nudge, coachee_deadlines.coachee_nudge_until),
    )
    # Like the coach's: a state change that must happen however late.
    add(
        OutboxKind.COACHEE_CHOICE_DEADLINE,
        Timer(coachee_deadlines.coachee_choice_deadline, always),
    )
