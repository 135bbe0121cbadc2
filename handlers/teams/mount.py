"""The Teams channel's plug for `coachpool serve` (see handlers/channels.py)."""

from __future__ import annotations

from handlers.channels import ChannelContext, ChannelMount
from handlers.teams.registrations import registrations_from_environ


def mount(context: ChannelContext) -> ChannelMount | None:
    """Teams at /api/messages and its proactive sender; None without a bot registration
    (MICROSOFT_APP_ID or MICROSOFT_APP_REGISTRATIONS)."""
    registrations = registrations_from_environ(context.environ)
    if not registrations:
        return None
    # The SDK is imported only when Teams is configured (its import loads a .env file).
    from handlers.teams.runtime import start_teams

    return start_teams(context, *registrations)
