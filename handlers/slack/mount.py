"""The Slack channel's plug into the server: `mount(context)` (see handlers/channels.py).

Nothing is mounted without Slack settings, and without them Bolt and the Slack SDK are
never imported: the commands that do not talk to Slack start without them.
"""

from __future__ import annotations

from handlers.channels import ChannelContext, ChannelMount
from handlers.slack.settings import slack_settings


def mount(context: ChannelContext) -> ChannelMount | None:
    """None when the environment has no Slack settings."""
    if slack_settings(context.environ) is None:
        return None
    from handlers.slack.channel import slack_channel

    channel = slack_channel(context)
    return channel.mount() if channel is not None else None
