"""A coach proposes other times for a request; the coachee then picks one
(bot/booking/coachee_choice.py: the request waits on the coachee from then on).

Diagram: propose_times.mmd.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.booking.coachee_choice import proposed_slots, times_proposed
from bot.conversation_names import BookingConversation
from bot.domain.people import zone_of
from bot.domain.requests import AWAITING_ANSWER
from bot.engine import Conversation, Finish, Retry, Transition, Turn
from bot.messages import Outcome
from bot.replies import Reply, Text
from bot.step_answers import read_times


@dataclass(frozen=True)
class ProposeStep:
    name: str = "when"
    help: str = "Say when you could meet, e.g. 'Monday 10am or Wednesday 2pm', 'Friday morning'."

    def prompt(self, turn: Turn) -> list[Reply]:
        return [
            Text(
                "Which times could you offer instead? For example 'Monday 10am or "
                "Wednesday afternoon'."
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        services, store = turn.services, turn.services.store
        request = store.get_request(int(turn.data["request_id"]))
        if (
            request is None
            or request.state not in AWAITING_ANSWER
            or request.chosen_coach_id != turn.person.id
        ):
            return Finish(
                Outcome((Text("That request has moved on, so there's nothing to propose."),))
            )
        coach_zone = zone_of(turn.person, services.settings.pool_timezone)
        proposed = read_times(turn, tz=coach_zone)
        if isinstance(proposed, Retry):
            return proposed
        slots = proposed_slots(services, request, turn.person, proposed)
        if not slots:
            programme = store.get_programme(request.programme_id)
            minutes = programme.session_minutes if programme else 60
            return Retry(
                (
                    Text(
                        "Sorry, none of those times work: they're taken, in the past, or "
                        f"shorter than a {minutes}-minute session. Could you offer others?"
                    ),
                )
            )
        return Finish(times_proposed(services, request, turn.person, slots))


PROPOSE_TIMES = Conversation(
    name=BookingConversation.PROPOSE_TIMES,
    steps={"when": ProposeStep()},
    first_step=lambda turn: "when",
    on_cancel="Okay, I haven't proposed anything. The request is still waiting for your answer.",
)
