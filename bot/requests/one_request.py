"""One open request at a time in each programme: said before the intake starts, so no one
answers every question only to be told at the end."""

from __future__ import annotations

from bot.actions import action_value
from bot.conversation_names import RequestConversation
from bot.messages import Outcome
from bot.registry import Context
from bot.replies import Choice, Choices, Text
from bot.verbs import EngagementVerb, RequestVerb

BUSY_PROGRAMMES = "_busy_programmes"  # intake's data: programmes holding an open request


def start_intake(ctx: Context) -> Outcome:
    """The intake, or, when every programme already holds an open request of theirs, that
    request with what they can do about it."""
    store = ctx.services.store
    mine = [r for r in store.list_requests(coachee_id=ctx.person.id) if r.state.is_open]
    busy = {r.programme_id for r in mine}
    active = [p for p in store.list_programmes() if p.active]
    if mine and active and all(p.id in busy for p in active):
        request = mine[0]
        programme = store.get_programme(request.programme_id)
        name = programme.name if programme else "its programme"
        return Outcome(
            (
                Choices(
                    f"You already have a coaching request open (reference {request.id}, in "
                    f"{name}), and you can have one open at a time in each programme. You can "
                    "change that request, or withdraw it to start a new one.",
                    (
                        Choice("Change my request", action_value(RequestVerb.CHANGE, request.id)),
                        Choice(
                            "Withdraw it",
                            action_value(EngagementVerb.WITHDRAW, request.id),
                            style="danger",
                        ),
                    ),
                ),
            )
        )
    note: tuple[Text, ...] = ()
    if busy:
        names = ", ".join(p.name for p in active if p.id in busy)
        note = (
            Text(
                "Just so you know: you can have one request open at a time in each programme, "
                f"and you already have one in {names}, so this one is for another programme."
            ),
        )
    started = ctx.start(RequestConversation.INTAKE, **{BUSY_PROGRAMMES: sorted(busy)})
    return Outcome(note) + started
