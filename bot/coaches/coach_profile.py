"""A coach changes their profile in chat: bio, specialisms, capacity, formats, locations.

Diagram: coach_profile.mmd. Each value is read by the same reader as the roster's column
(bot/pool/roster_fields.py), so chat and the coordinator's spreadsheet accept the same words.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from bot.coaches.profile_actions import PARTS
from bot.conversation_names import CoachConversation
from bot.domain.audit import AuditEntry
from bot.domain.coaches import CoachProfile
from bot.engine import Conversation, Finish, Goto, Retry, Transition, Turn
from bot.events import PlaceFreed
from bot.messages import Outcome
from bot.pool import roster_fields as fields
from bot.replies import Choice, Choices, Reply, Text


def _profile(turn: Turn) -> CoachProfile | None:
    return turn.services.store.get_coach(turn.person.id)


@dataclass(frozen=True)
class PartStep:
    name: str = "part"
    help: str = "Pick the part of your profile to change; 'cancel' leaves it as it is."

    def prompt(self, turn: Turn) -> list[Reply]:
        options = tuple(Choice(p.label, p.field) for p in PARTS.values())
        return [Choices("Which part of your profile would you like to change?", options)]

    def handle(self, turn: Turn) -> Transition:
        said = turn.incoming.said.strip().lower()
        for part in PARTS.values():
            if said in {part.field, part.label.lower()}:
                turn.data["part"] = part.field
                return Goto("value")
        return Retry((Text("Please pick one of these."),))


@dataclass(frozen=True)
class ValueStep:
    name: str = "value"
    help: str = "Type the new value; 'back' picks another part, 'cancel' leaves it as it is."

    def prompt(self, turn: Turn) -> list[Reply]:
        part, profile = PARTS[turn.data["part"]], _profile(turn)
        now = part.show(getattr(profile, part.field)) if profile else "none"
        return [Text(f"{part.label} now: {now}. {part.ask}")]

    def handle(self, turn: Turn) -> Transition:
        part = PARTS[turn.data["part"]]
        try:
            value = part.read(turn.incoming.said.strip())
        except fields.FieldError as error:
            return Retry((Text(f"Sorry, {error}."),))
        store, now = turn.services.store, turn.services.clock.now()
        profile = _profile(turn)
        if profile is None:
            return Finish(Outcome((Text("You don't have a coach profile any more."),)))
        with store.transaction():
            change: dict[str, Any] = {part.field: value}
            store.save_coach(dataclasses.replace(profile, **change))
            store.audit(
                AuditEntry(
                    now, turn.person.id, f"coach.profile.{part.field}", f"person:{turn.person.id}"
                )
            )
            # More room, a new format or place may suit someone on the waiting list.
            freed = turn.publish(PlaceFreed())
        return Finish(
            Outcome(
                (
                    Text(
                        f"Saved: {part.label.lower()} {part.show(value)}. New requests are "
                        "matched with it; coaching already agreed stays as it is. Say 'profile' "
                        "to change something else."
                    ),
                ),
            )
            + freed
        )


COACH_PROFILE = Conversation(
    name=CoachConversation.COACH_PROFILE,
    steps={"part": PartStep(), "value": ValueStep()},
    first_step=lambda turn: "value" if turn.data.get("part") in PARTS else "part",
    on_cancel="Okay, your profile is unchanged.",
)
