"""Where an input goes when no conversation is waiting for it: a button to its verb's
handler, a standalone form to its handler, typed words to the slice that answers them.

The router imports no slice: it reads the tables the slices registered (bot/registry.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.actions import Action
from bot.domain import Person
from bot.messages import Incoming, Outcome, refusal

if TYPE_CHECKING:
    from bot.app import CoachingBot


def route_text(bot: CoachingBot, person: Person, incoming: Incoming) -> Outcome:
    return bot.registry.talk.text(bot, person, incoming)


def route_aside(bot: CoachingBot, person: Person, text: str) -> Outcome | None:
    """What may be said anywhere, even mid-conversation: a command, or a question about
    the service (answered without starting anything); None for anything else."""
    return bot.registry.talk.aside(bot, person, text)


def route_form(
    bot: CoachingBot, person: Person, incoming: Incoming, form: dict[str, str]
) -> Outcome | None:
    """A submitted standalone form, by its token; None for a form a conversation asked for."""
    route = bot.registry.form(incoming.token) if incoming.token else None
    return None if route is None else route.submit(bot, person, incoming, form)


def route_action(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    handler = bot.registry.verb(action.verb)
    if handler is None:
        return refusal(
            "Sorry, that button is from an older version of me and no longer works. "
            "Say 'help' to see what you can do."
        )
    try:
        return handler(bot, person, incoming, action)
    except (ValueError, IndexError):
        return refusal("Sorry, I couldn't read that button, so I've ignored it.")
