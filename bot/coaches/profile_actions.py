"""What a coach can see and change of their own profile in chat ('profile'): the card, the
parts it shows (each read by the same reader as the roster's column, bot/pool/roster_fields.py,
so chat and the coordinator's spreadsheet accept the same words), and the button that starts
the change (bot/coaches/coach_profile.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from bot.actions import Action, action_value
from bot.conversation_names import CoachConversation
from bot.domain import Person
from bot.domain.coaches import Format
from bot.messages import Outcome, refusal
from bot.pool import roster_fields as fields
from bot.registry import Context, VerbHandler
from bot.replies import Card, Choice, Fact, Text
from bot.services import Services
from bot.verbs import CoachVerb

NOT_A_COACH = "A coach profile is for coaches; you don't have one."


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


def profile(services: Services, person: Person) -> Outcome:
    coach = services.store.get_coach(person.id)
    if coach is None:
        return Outcome((Text(NOT_A_COACH),))
    facts = (
        *(Fact(part.label, part.show(getattr(coach, part.field))) for part in PARTS.values()),
        Fact("Accreditation", coach.accreditation.label),
    )
    return Outcome(
        (
            Card(
                "Your coach profile",
                facts,
                text="Coachees see your bio and specialisms on their shortlist. Your "
                "accreditation is kept by the pool coordinators; 'availability' has your times.",
                actions=(Choice("Change my profile", action_value(CoachVerb.PROFILE_EDIT)),),
            ),
        )
    )


def edit(ctx: Context, action: Action) -> Outcome:
    if ctx.services.store.get_coach(ctx.person.id) is None:
        return refusal(NOT_A_COACH)
    return ctx.start(CoachConversation.COACH_PROFILE)


ACTIONS: dict[CoachVerb, VerbHandler] = {CoachVerb.PROFILE_EDIT: edit}
