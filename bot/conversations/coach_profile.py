"""A coach changes their profile in chat: bio, specialisms, capacity, formats, locations.

Diagram: coach_profile.mmd. Each value is read by the same reader as the roster's column
(bot/pool/roster_fields.py), so chat and the coordinator's spreadsheet accept the same words.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from bot.coaching.waitlist import rematch_waiting
from bot.conversations.engine import Conversation, Finish, Goto, Retry, Transition, Turn
from bot.domain.audit import AuditEntry
from bot.domain.coaches import CoachProfile, Format
from bot.messages import Outcome
from bot.pool import roster_fields as fields
from bot.replies import Choice, Choices, Reply, Text


def _bio(text: str) -> str:
    if not 10 <= len(text) <= 600:
        raise fields.FieldError("a bio is one or two sentences, 10 to 600 characters")
    return text


def _some(read: Callable[[str], tuple[str, ...]], text: str) -> tuple[str, ...]:
    items = read(text)
    if not items or any(len(item) > 80 for item in items):
        raise fields.FieldError("give one or more, separated by semicolons, each a few words")
    return items


def _ways(text: str) -> frozenset[Format]:
    formats = fields.parse_formats(text)
    if not formats:
        raise fields.FieldError("say 'online', 'in person' or 'both'")
    return formats


def _places(text: str) -> tuple[str, ...]:
    return () if text.lower() in {"none", "no"} else _some(fields.split_list, text)


@dataclass(frozen=True)
class Part:
    label: str
    field: str
    ask: str
    read: Callable[[str], object]
    show: Callable[[object], str]


def _listed(value: object) -> str:
    return "; ".join(value) if isinstance(value, tuple) and value else "none"


def _formats(value: object) -> str:
    chosen = value if isinstance(value, frozenset) else frozenset()
    return " and ".join(f.label for f in Format if f in chosen) or "none"


PARTS: dict[str, Part] = {
    part.field: part
    for part in (
        Part("Bio", "bio", "One or two sentences about you that coachees see.", _bio, str),
        Part(
            "Specialisms",
            "specialisms",
            "What you coach on, separated by semicolons, e.g. 'leadership; managing change'.",
            partial(_some, fields.split_list),
            _listed,
        ),
        Part(
            "Coachees at once",
            "max_coachees",
            "How many coachees can you take at once? A whole number from 1 to 20.",
            partial(fields.parse_whole_number, low=1, high=20),
            str,
        ),
        Part(
            "Hours a month",
            "max_hours_per_month",
            "How many hours of coaching a month at most? A number from 0.5 to 40.",
            partial(fields.parse_hours, low=0.5, high=40),
            lambda v: f"{v:g}" if isinstance(v, float) else str(v),
        ),
        Part(
            "Formats",
            "formats",
            "How can you coach: 'online', 'in person' or 'both'?",
            _ways,
            _formats,
        ),
        Part(
            "Places in person",
            "locations",
            "Where can you meet in person? Places separated by semicolons, e.g. 'Dudley; "
            "Stourbridge', or 'none'.",
            _places,
            _listed,
        ),
    )
}


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
            freed = rematch_waiting(turn.services)
        return Finish(
            Outcome(
                (
                    Text(
                        f"Saved: {part.label.lower()} {part.show(value)}. New requests are "
                        "matched with it; coaching already agreed stays as it is. Say 'profile' "
                        "to change something else."
                    ),
                ),
                freed,
            )
        )


COACH_PROFILE = Conversation(
    name="coach_profile",
    steps={"part": PartStep(), "value": ValueStep()},
    first_step=lambda turn: "value" if turn.data.get("part") in PARTS else "part",
    on_cancel="Okay, your profile is unchanged.",
)
