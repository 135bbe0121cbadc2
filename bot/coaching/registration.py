"""What the coaching slice answers: its button verbs, what people type outside a
conversation, and the request deadlines (a coach's and a coachee's answer time)."""

from __future__ import annotations

from bot.coaching import (
    aftercare_actions,
    booking,
    coach_profile,
    coachee_deadlines,
    confirm_first,
    deadlines,
    engagement_actions,
    missed_sessions,
    request_actions,
    sponsor,
    talk,
)
from bot.coaching.one_request import start_intake
from bot.keys import OutboxKind
from bot.lapse import always
from bot.registry import Registry, Talk, Timer


def register(registry: Registry) -> None:
    for actions in (
        booking.ACTIONS,
        engagement_actions.ACTIONS,
        confirm_first.ACTIONS,  # asks before cancelling, ending or withdrawing
        aftercare_actions.ACTIONS,
        request_actions.ACTIONS,
        sponsor.ACTIONS,
        coach_profile.ACTIONS,
        missed_sessions.ACTIONS,
    ):
        registry.add_verbs(actions.items())
    registry.add_talk(Talk(text=talk.route_text, aside=talk.route_aside, form=start_intake))
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
