"""Changing a submitted request: its summary, the part to change, then a fresh match.

Diagram: change_request.mmd. The parts are asked by intake's own steps, so an answer is
checked the same way as when the request was first made.
"""

from __future__ import annotations

import dataclasses

from bot.conversation_names import RequestConversation
from bot.domain import CoachingRequest
from bot.engine import Conversation, Finish, Step, Transition, Turn
from bot.requests.amend import amend_request
from bot.requests.intake import PART_STEPS, draft_of
from bot.requests.summary import CONFIRM, PARTS, SummaryStep


def _save(turn: Turn) -> Transition:
    draft = draft_of(turn)

    def change(request: CoachingRequest) -> CoachingRequest:
        return dataclasses.replace(
            request,
            topic=draft.topic,
            goal=draft.goal,
            reality=draft.reality,
            preferences=draft.preferences,
            format=draft.format,
            location=draft.location,
            windows=draft.windows,
        )

    return Finish(amend_request(turn.services, turn.person, int(turn.data["request_id"]), change))


# The programme is not among the parts: moving programme is a new request.
_STEPS: dict[str, Step] = {name: step for name, step in PART_STEPS.items() if name != "programme"}
_STEPS[CONFIRM] = SummaryStep(
    finish=_save,
    steps=_STEPS,
    title="Your request as it stands",
    confirm_label="Save and find me a coach",
    parts=tuple(part for part, _ in PARTS if part != "programme"),
)

CHANGE = Conversation(
    name=RequestConversation.CHANGE_REQUEST,
    steps=_STEPS,
    first_step=lambda turn: CONFIRM,
    on_cancel="Okay, I've left your request as it was.",
)
