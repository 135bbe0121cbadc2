"""What a coach can see and change of their own profile in chat ('profile'): the card, and
the button that starts the change (bot/conversations/coach_profile.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.actions import Action, action_value
from bot.coaching.booking import ActionHandler
from bot.conversations.coach_profile import PARTS
from bot.domain import Person
from bot.messages import Incoming, Outcome, refusal
from bot.replies import Card, Choice, Fact, Text
from bot.services import Services

if TYPE_CHECKING:
    from bot.app import CoachingBot

NOT_A_COACH = "A coach profile is for coaches; you don't have one."


def profile(services: Services, person: Person) -> Outcome:
    coach = services.store.get_coach(person.id)
    if coach is None:
        return Outcome((Text(NOT_A_COACH),))
    facts = (
        *(Fact(part.label, part.show(getattr(coach, part.field))) for part in PARTS.values()),
        Fact("Accreditation", coach.accreditation.label),
    )
    return Outcome(
        (
            Card(
                "Your coach profile",
                facts,
                text="Coachees see your bio and specialisms on their shortlist. Your "
                "accreditation is kept by the pool coordinators; 'availability' has your times.",
                actions=(Choice("Change my profile", action_value("profile_edit")),),
            ),
        )
    )


def edit(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    if bot.services.store.get_coach(person.id) is None:
        return refusal(NOT_A_COACH)
    return bot.start("coach_profile", person, incoming)


ACTIONS: dict[str, ActionHandler] = {"profile_edit": edit}
