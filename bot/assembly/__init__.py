"""Where the slices meet: every slice's `register(registry)` is called here, once, and the
door and the dispatcher are given the result.

This is the only package that imports the slices together (tests/test_layers.py keeps
the packages of bot/ free of import cycles): the kernel's door (bot/app.py), its router and
the outbox dispatcher read the registry and know no slice. A slice registering a verb, form,
conversation or outbox kind another slice already registered stops the bot at start-up
(`DuplicateRegistration`).
"""

from __future__ import annotations

from functools import cache

from bot import notices
from bot.aftercare import registration as aftercare
from bot.app import CoachingBot
from bot.booking import registration as booking
from bot.coaches import registration as coaches
from bot.digest import registration as digest
from bot.engagements import registration as engagements
from bot.overview import registration as overview
from bot.registry import Registry
from bot.requests import registration as requests
from bot.services import Services

SLICES = (
    notices.register,
    requests.register,
    booking.register,
    engagements.register,
    aftercare.register,
    coaches.register,
    overview.register,
    digest.register,
)


def build_registry() -> Registry:
    """A fresh registry holding every slice's registrations."""
    registry = Registry()
    for register in SLICES:
        register(registry)
    return registry


@cache
def registry() -> Registry:
    """The one registry of this process, built the first time it is asked for."""
    return build_registry()


def coaching_bot(services: Services) -> CoachingBot:
    """The door, with every slice registered."""
    return CoachingBot(services, registry())
