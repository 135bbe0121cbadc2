"""What the booking slice answers: asking the coach and their answers (buttons, the
proposed times and the decline reason conversations), the coachee's pick, and both answer
deadlines (a coach's and a coachee's)."""

from __future__ import annotations

from bot.booking import booking, coachee_deadlines, deadlines
from bot.booking.decline_reason import DECLINE_REASON
from bot.booking.kinds import BookingKind
from bot.booking.propose_times import PROPOSE_TIMES
from bot.choosing import ChoosingKind
from bot.conversation_names import BookingConversation
from bot.lapse import always
from bot.registry import Registry, Timer
from bot.verbs import BookingVerb


def register(registry: Registry) -> None:
    registry.add_verbs(BookingVerb, booking.ACTIONS)
    registry.add_conversations(BookingConversation, (PROPOSE_TIMES, DECLINE_REASON))
    add = registry.add_timer
    # A state change, not news: the request must move on however late.
    add(BookingKind.COACH_RESPONSE_DEADLINE, Timer(deadlines.coach_response_deadline, always))
    add(BookingKind.COACH_NUDGE, Timer(deadlines.coach_nudge, deadlines.coach_nudge_until))
    add(
        ChoosingKind.COACHEE_NUDGE,
        Timer(coachee_deadlines.coachee_nudge, coachee_deadlines.coachee_nudge_until),
    )
    # Like the coach's: a state change that must happen however late.
    add(
        ChoosingKind.COACHEE_CHOICE_DEADLINE,
        Timer(coachee_deadlines.coachee_choice_deadline, always),
    )
