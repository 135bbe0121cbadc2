"""The Slack channel wired from its settings: the routes (unless Socket Mode), the sender
the dispatcher uses, and in Socket Mode the connection as a background task."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from handlers.channel_names import SLACK
from handlers.channels import ChannelContext, ChannelMount
from handlers.secrets import SecretBox
from handlers.slack.app import SlackApp, build_app
from handlers.slack.desk import Desk, build_desk
from handlers.slack.installations import Installations
from handlers.slack.sender import SlackSender
from handlers.slack.settings import SlackSettings, slack_settings
from handlers.slack.socket_mode import socket_mode
from handlers.slack.turns import Turns
from handlers.slack.webapi import SlackApi
from handlers.slack.workspaces import InstalledWorkspaces, OneWorkspace, Workspaces

# After Teams (handlers/teams/runtime.py): a person on both is reached on Teams.
SLACK_RANK = 20


@dataclass
class SlackChannel:
    settings: SlackSettings
    desk: Desk
    app: SlackApp
    workspaces: Workspaces
    sender: SlackSender

    def mount(self) -> ChannelMount:
        background: list[Callable[[], Coroutine[Any, Any, None]]] = []
        on_shutdown: list[Callable[[], Awaitable[None]]] = []
        if self.settings.socket_mode:
            run, stop = socket_mode(self.app.bolt, app_token=self.settings.app_token)
            background.append(run)
            on_shutdown.append(stop)
        return ChannelMount(
            channel=SLACK,
            rank=SLACK_RANK,
            routes=self.app.routes(http_events=not self.settings.socket_mode),
            sender=self.sender,
            background=background,
            on_shutdown=on_shutdown,
        )


def slack_channel(context: ChannelContext) -> SlackChannel | None:
    settings = slack_settings(context.environ)
    if settings is None:
        return None
    application = context.application
    api = SlackApi(base_url=settings.api_url)
    desk = build_desk(application, api, observer=context.observer)
    installations: Installations | None = None
    workspaces: Workspaces
    if settings.oauth:
        installations = Installations(
            application.store.engine, secrets=SecretBox.from_environ(context.environ)
        )
        workspaces = InstalledWorkspaces(installations)
    else:
        workspaces = OneWorkspace(token=settings.bot_token, api=api)
    turns = Turns(desk, dispatch_soon=context.dispatch_soon, observer=context.observer)
    app = build_app(settings, turns=turns, installations=installations, observer=context.observer)
    return SlackChannel(settings, desk, app, workspaces, SlackSender(desk, workspaces))
