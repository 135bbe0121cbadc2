"""A coach answering a request card in plain words rather than with its buttons.

The words lead to the same handlers as the buttons: a refusal is the Decline button (so the
coach is asked for a reason), an offer of other times is the proposal conversation, fed
the very message, so its times are read and checked exactly as a typed proposal's are.
"""

from __future__ import annotations

from bot.actions import Action
from bot.booking import booking
from bot.conversation_names import BookingConversation
from bot.domain import RequestState, Role
from bot.messages import Outcome, refusal
from bot.registry import Context
from bot.understanding.coach_answers import CoachAnswer, coach_answer


def answer_in_words(ctx: Context, text: str) -> Outcome | None:
    """The coach's answer to the one request waiting on them; None when the words are not
    an answer or there is no such request."""
    if Role.COACH not in ctx.person.roles:
        return None
    answer = coach_answer(text)
    if answer is None:
        return None
    waiting = ctx.services.store.list_requests(
        chosen_coach_id=ctx.person.id, states=[RequestState.WAITING_COACH]
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
        return booking.decline(ctx, Action("decline", (str(request.id),)))
    ctx.start(BookingConversation.PROPOSE_TIMES, request_id=request.id)
    state = ctx.bot.engine.active(ctx.person, ctx.incoming)
    assert state is not None
    return ctx.bot.engine.continue_(state, person=ctx.person, incoming=ctx.incoming)
