"""Buttons from the messages sent after a session: feedback and the final evaluation."""

from __future__ import annotations

from bot.actions import Action
from bot.aftercare.evaluation_form import open_evaluation
from bot.aftercare.feedback_form import open_feedback
from bot.messages import Outcome
from bot.registry import Context, VerbHandler
from bot.replies import Text
from bot.verbs import AftercareVerb


def _say(text: str) -> Outcome:
    return Outcome((Text(text),))


def feedback(ctx: Context, action: Action) -> Outcome:
    return open_feedback(ctx.services, ctx.person, action.int_arg(0))


def evaluate(ctx: Context, action: Action) -> Outcome:
    return open_evaluation(ctx.services, ctx.person, action.int_arg(0))


ACTIONS: dict[AftercareVerb, VerbHandler] = {
    AftercareVerb.FEEDBACK: feedback,
    AftercareVerb.EVALUATE: evaluate,
}
