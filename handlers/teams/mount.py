"""The Teams channel's plug for `coachpool serve` (see handlers/channels.py)."""

from __future__ import annotations

from handlers.channels import ChannelContext, ChannelMount
from handlers.teams.settings import TeamsSettings


def mount(context: ChannelContext) -> ChannelMount | None:
    """Teams at /api/messages and its proactive sender; None without MICROSOFT_APP_ID."""
    settings = TeamsSettings.from_environ(context.environ)
    if settings is None:
        return None
    # The SDK is imported only when Teams is configured (its import loads a .env file).
    from handlers.teams.runtime import start_teams

    return start_teams(context, settings)
