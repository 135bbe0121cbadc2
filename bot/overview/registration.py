"""What the overview slice answers: whatever people type outside a conversation (help,
questions about the service, and the commands and typed answers the slices registered),
'sessions' and 'availability', and those two parts of the home surface."""

from __future__ import annotations

from bot.messages import Outcome
from bot.overview import overview, talk
from bot.registry import Audience, Command, Context, HomePlace, HomeSection, Registry, Talk, phrases


def register(registry: Registry) -> None:
    registry.add_talk(Talk(text=talk.route_text, aside=talk.route_aside))
    sessions = ("session", "sessions", "booking", "bookings", "appointment", "appointments")
    registry.add_command(Command(phrases(("", "my "), (*sessions, "upcoming")), _sessions))
    registry.add_command(Command(phrases(("", "my "), ("availability",)), _availability))
    registry.add_home_section(
        HomePlace.SESSIONS, HomeSection("Your sessions", Audience.EVERYONE, overview.sessions)
    )
    # Titled "Your availability" by its own card: no heading above it.
    registry.add_home_section(
        HomePlace.AVAILABILITY, HomeSection("", Audience.COACHES, overview.availability)
    )


def _sessions(ctx: Context, text: str) -> Outcome:
    return overview.sessions(ctx)


def _availability(ctx: Context, text: str) -> Outcome:
    return overview.availability(ctx)
