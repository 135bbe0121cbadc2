"""A coach proposes other times for a request; the coachee then picks one.

Diagram: propose_times.mmd.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import timedelta

from bot.coaching.booking import offered_to_coachee
from bot.coaching.candidates import horizon, zone_of
from bot.conversations.engine import Conversation, Finish, Retry, Transition, Turn
from bot.conversations.intake_steps import read_times
from bot.domain import RequestState
from bot.messages import Outcome
from bot.replies import Outgoing, Reply, Text
from bot.scheduling import candidate_slots, subtract
from bot.text_format import local_time


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
            or request.state is not RequestState.WAITING_COACH
            or request.chosen_coach_id != turn.person.id
        ):
            return Finish(
                Outcome((Text("That request has moved on, so there's nothing to propose."),))
            )
        coach_zone = zone_of(turn.person, services.settings.pool_timezone)
        proposed = read_times(turn, tz=coach_zone)
        if isinstance(proposed, Retry):
            return proposed
        programme = store.get_programme(request.programme_id)
        coachee = store.get_person(request.coachee_id)
        assert programme is not None and coachee is not None
        within = horizon(services)
        free = subtract(list(proposed), store.busy_windows(turn.person.id, within))
        free = subtract(free, store.busy_windows(coachee.id, within))
        slots = candidate_slots(
            free,
            list(proposed),
            length=timedelta(minutes=programme.session_minutes),
            not_before=services.clock.now(),
            limit=3,
        )
        if not slots:
            return Retry(
                (
                    Text(
                        "Sorry, none of those times work: they're taken, in the past, or "
                        f"shorter than a {programme.session_minutes}-minute session. "
                        "Could you offer others?"
                    ),
                )
            )
        request = dataclasses.replace(
            request, offered_slots=tuple(slots), updated_at=services.clock.now()
        )
        store.update_request(request)
        listed = "; ".join(local_time(s.start, coach_zone, now=services.clock.now()) for s in slots)
        return Finish(
            Outcome(
                (
                    Text(
                        f"Thanks. I've offered {coachee.first_name} {listed}. "
                        "I'll confirm as soon as they pick."
                    ),
                ),
                (
                    Outgoing(
                        coachee.id, offered_to_coachee(services, request, coachee, turn.person)
                    ),
                ),
            )
        )


PROPOSE_TIMES = Conversation(
    name="propose_times",
    steps={"when": ProposeStep()},
    first_step=lambda turn: "when",
    on_cancel="Okay, I haven't proposed anything. The request is still waiting for your answer.",
)
