"""Buttons from the messages sent after a session: feedback and the final evaluation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.actions import Action
from bot.aftercare.feedback_form import open_feedback
from bot.coaching.booking import ActionHandler
from bot.domain import Person
from bot.messages import Incoming, Outcome, refusal
from bot.replies import Text

if TYPE_CHECKING:
    from bot.app import CoachingBot


def _say(text: str) -> Outcome:
    return Outcome((Text(text),))


def feedback(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    return open_feedback(bot.services, person, action.int_arg(0))


def evaluate(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    store = bot.services.store
    engagement = store.get_engagement(action.int_arg(0))
    attainment = action.int_arg(1)
    if engagement is None or engagement.coachee_id != person.id:
        return refusal("Sorry, I can't find that coaching engagement.")
    if not 0 <= attainment <= 10:
        return refusal("Sorry, I couldn't read that score, so I've ignored it.")
    if any(
        e.engagement_id == engagement.id and e.person_id == person.id
        for e in store.list_evaluations()
    ):
        return refusal("You've already sent your evaluation. Thank you!")
    return bot.start(
        "final_evaluation",
        person,
        incoming,
        engagement_id=engagement.id,
        goal_attainment=attainment,
    )


ACTIONS: dict[str, ActionHandler] = {"feedback": feedback, "evaluate": evaluate}
