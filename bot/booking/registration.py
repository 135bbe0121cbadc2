"""What the booking slice answers: asking the coach and their answers (buttons, the
proposed times and the decline reason conversations), the coachee's pick, and both answer
deadlines (a coach's and a coachee's); in words, a coach's answer to an offer and
'pending'; on a coach's home surface, the offers waiting for their answer."""

from __future__ import annotations

from bot.booking import booking, coachee_deadlines, deadlines, pending
from bot.booking.coach_replies import answer_in_words
from bot.booking.decline_reason import DECLINE_REASON
from bot.booking.kinds import BookingKind
from bot.booking.propose_times import PROPOSE_TIMES
from bot.choosing import ChoosingKind
from bot.conversation_names import BookingConversation
from bot.domain import Role
from bot.lapse import always
from bot.messages import Outcome
from bot.registry import (
    Audience,
    Before,
    Command,
    Context,
    HomePlace,
    HomeSection,
    Registry,
    Timer,
)
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
    _register_words_and_home(registry)


def _register_words_and_home(registry: Registry) -> None:
    registry.add_typed_answer(Before.INTENT, answer_in_words)
    words = {"pending", "offer", "offers", "request for me", "requests for me", "inbox"}
    registry.add_command(Command(frozenset(words), _pending))
    registry.add_home_section(
        HomePlace.OFFERS,
        HomeSection("Waiting for your answer", Audience.COACHES, pending.pending_offers),
    )


def _pending(ctx: Context, text: str) -> Outcome | None:
    if Role.COACH not in ctx.person.roles:
        return None
    return pending.pending_offers(ctx)
