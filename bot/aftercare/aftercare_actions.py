"""Buttons from the messages sent after a session: feedback and the final evaluation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.actions import Action
from bot.aftercare.evaluation_form import open_evaluation
from bot.aftercare.feedback_form import open_feedback
from bot.domain import Person
from bot.messages import Incoming, Outcome
from bot.registry import VerbHandler
from bot.replies import Text
from bot.verbs import AftercareVerb

if TYPE_CHECKING:
    from bot.app import CoachingBot


def _say(text: str) -> Outcome:
    return Outcome((Text(text),))


def feedback(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    return open_feedback(bot.services, person, action.int_arg(0))


def evaluate(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    return open_evaluation(bot.services, person, action.int_arg(0))


ACTIONS: dict[AftercareVerb, VerbHandler] = {
    AftercareVerb.FEEDBACK: feedback,
    AftercareVerb.EVALUATE: evaluate,
}
