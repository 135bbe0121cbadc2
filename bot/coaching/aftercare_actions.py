"""Buttons from the messages sent after a session: feedback and the final evaluation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.actions import Action
from bot.coaching.booking import ActionHandler
from bot.domain import Person, SessionState
from bot.messages import Incoming, Outcome, refusal
from bot.replies import Text

if TYPE_CHECKING:
    from bot.app import CoachingBot


def _say(text: str) -> Outcome:
    return Outcome((Text(text),))


def feedback(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    store = bot.services.store
    session = store.get_session(action.int_arg(0))
    usefulness = action.int_arg(1)
    if session is None or session.coachee_id != person.id:
        return refusal("Sorry, I can't find that session.")
    if not 1 <= usefulness <= 5:
        return refusal("Sorry, I couldn't read that score, so I've ignored it.")
    if session.state not in {SessionState.CONFIRMED, SessionState.HELD}:
        return refusal("That session didn't go ahead, so there's nothing to give feedback on.")
    if any(
        f.session_id == session.id and f.person_id == person.id
        for f in store.list_feedback(since=session.window.start)
    ):
        return refusal("You've already given feedback on that session. Thank you!")
    return bot.start("feedback", person, incoming, session_id=session.id, usefulness=usefulness)


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
