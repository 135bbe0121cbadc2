"""Where an input goes when no conversation is waiting for it: a button to its verb's
handler, a standalone form to its handler, typed words to the slice that answers them.

The router imports no slice: it reads the tables the slices registered (bot/registry.py)."""

from __future__ import annotations

from bot.actions import Action
from bot.messages import Outcome, refusal
from bot.registry import Context


def route_text(ctx: Context) -> Outcome:
    return ctx.bot.registry.talk.text(ctx, ctx.incoming.text)


def route_aside(ctx: Context, text: str) -> Outcome | None:
    """What may be said anywhere, even mid-conversation: a command, or a question about
    the service (answered without starting anything); None for anything else."""
    return ctx.bot.registry.talk.aside(ctx, text)


def route_form(ctx: Context, form: dict[str, str]) -> Outcome | None:
    """A submitted standalone form, by its token; None for a form a conversation asked for."""
    token = ctx.incoming.token
    route = ctx.bot.registry.form(token) if token else None
    return None if route is None else route.submit(ctx, form)


def route_action(ctx: Context, action: Action) -> Outcome:
    handler = ctx.bot.registry.verb(action.verb)
    if handler is None:
        return refusal(
            "Sorry, that button is from an older version of me and no longer works. "
            "Say 'help' to see what you can do."
        )
    try:
        return handler(ctx, action)
    except (ValueError, IndexError):
        return refusal("Sorry, I couldn't read that button, so I've ignored it.")
