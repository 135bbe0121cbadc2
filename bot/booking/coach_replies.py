"""A coach answering a request card in plain words rather than with its buttons.

The words lead to the same handlers as the buttons: a refusal is the Decline button (so the
coach is asked for a reason), an offer of other times is the proposal conversation, fed
the very message, so its times are read and checked exactly as a typed proposal's are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.actions import Action
from bot.booking import booking
from bot.conversation_names import BookingConversation
from bot.domain import Person, RequestState, Role
from bot.messages import Incoming, Outcome, refusal
from bot.understanding.coach_answers import CoachAnswer, coach_answer

if TYPE_CHECKING:
    from bot.app import CoachingBot


def answer_in_words(bot: CoachingBot, person: Person, incoming: Incoming) -> Outcome | None:
    """The coach's answer to the one request waiting on them; None when the words are not
    an answer or there is no such request."""
    if Role.COACH not in person.roles:
        return None
    answer = coach_answer(incoming.text)
    if answer is None:
        return None
    waiting = bot.services.store.list_requests(
        chosen_coach_id=person.id, states=[RequestState.WAITING_COACH]
    )
    if not waiting:
        return None
    if len(waiting) > 1:
        return refusal(
            f"{len(waiting)} requests are waiting for your answer, so I can't tell which one "
            "you mean. Please use the buttons on it (say 'pending' to see them all)."
        )
    (request,) = waiting
    if answer is CoachAnswer.DECLINE:
        return booking.decline(bot, person, incoming, Action("decline", (str(request.id),)))
    bot.start(BookingConversation.PROPOSE_TIMES, person, incoming, request_id=request.id)
    state = bot.engine.active(person, incoming)
    assert state is not None
    return bot.engine.continue_(state, person=person, incoming=incoming)
