"""Bolt listeners: acknowledge at once, then do the work off the event loop.

Bolt runs with `process_before_response=False`: events are acknowledged before their
listener starts, and every other listener's first act is `ack()`, so Slack has its
answer in milliseconds. The turn itself (store, core, Web API calls, all blocking) then
runs in a worker thread (`turns.Turns`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext

from handlers.slack.bodies import as_text
from handlers.slack.commands import COMMAND, on_command
from handlers.slack.conversation import Press, on_message, on_press, on_submission
from handlers.slack.home import on_home_opened
from handlers.slack.intake import on_request_coaching
from handlers.slack.payloads import CHOICE, FORM_VIEW, OPEN_INTAKE, SUBMIT
from handlers.slack.turns import Turns

REQUEST_COACHING = "request_coaching"  # the global shortcut's callback id
_PRESSES = re.compile(rf"^({re.escape(CHOICE)}|{re.escape(SUBMIT)})\d+$")

Body = dict[str, Any]


@dataclass
class Registered:
    """What the app listens for, as the manifest must declare it."""

    events: set[str] = field(default_factory=set)
    commands: set[str] = field(default_factory=set)
    shortcuts: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    views: set[str] = field(default_factory=set)


def register(app: AsyncApp, turns: Turns, *, revocation_handled: bool) -> Registered:
    registered = Registered()

    async def message(body: Body, event: Body, context: AsyncBoltContext) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return  # edits, joins, our own and other bots' messages
        user = as_text(event.get("user"))
        await turns.run(
            f"{context.team_id}:{user}",
            on_message,
            bot_token=context.bot_token or "",
            team_id=context.team_id or "",
            user_id=user,
            text=as_text(event.get("text")),
            event_id=as_text(body.get("event_id")),
        )

    async def home_opened(body: Body, event: Body, context: AsyncBoltContext) -> None:
        if event.get("tab") != "home":
            return
        user = as_text(event.get("user"))
        await turns.run(
            f"{context.team_id}:{user}",
            on_home_opened,
            bot_token=context.bot_token or "",
            team_id=context.team_id or "",
            user_id=user,
            event_id=as_text(body.get("event_id")),
        )

    async def command(ack: AsyncAck, command: Body, context: AsyncBoltContext) -> None:
        await ack()
        await turns.run(
            f"{context.team_id}:{context.user_id}",
            on_command,
            bot_token=context.bot_token or "",
            team_id=context.team_id or "",
            user_id=context.user_id or "",
            channel_id=as_text(command.get("channel_id")),
            text=as_text(command.get("text")),
            trigger_id=as_text(command.get("trigger_id")),
            response_url=as_text(command.get("response_url")),
        )

    async def press(ack: AsyncAck, body: Body, action: Body, context: AsyncBoltContext) -> None:
        await ack()
        pressed = Press.from_body(body, action)
        await turns.run(
            f"{pressed.team_id}:{pressed.user_id}",
            on_press,
            bot_token=context.bot_token or "",
            press=pressed,
        )

    async def request_coaching(ack: AsyncAck, body: Body, context: AsyncBoltContext) -> None:
        await ack()
        await turns.run(
            f"{context.team_id}:{context.user_id}",
            on_request_coaching,
            bot_token=context.bot_token or "",
            team_id=context.team_id or "",
            user_id=context.user_id or "",
            trigger_id=as_text(body.get("trigger_id")),
        )

    async def submitted(ack: AsyncAck, view: Body, context: AsyncBoltContext) -> None:
        await ack()  # closes the modal; the answer arrives in the DM
        await turns.run(
            f"{context.team_id}:{context.user_id}",
            on_submission,
            bot_token=context.bot_token or "",
            team_id=context.team_id or "",
            user_id=context.user_id or "",
            view=view,
        )

    async def ignored() -> None:
        return None  # events are acknowledged before their listener runs

    app.event("message")(message)
    app.event("app_home_opened")(home_opened)
    app.command(COMMAND)(command)
    app.action(_PRESSES)(press)
    app.action(OPEN_INTAKE)(request_coaching)
    app.shortcut(REQUEST_COACHING)(request_coaching)
    app.view(FORM_VIEW)(submitted)
    registered.events |= {"message", "app_home_opened"}
    registered.commands.add(COMMAND)
    registered.shortcuts.add(REQUEST_COACHING)
    registered.actions |= {_PRESSES.pattern, OPEN_INTAKE}
    registered.views.add(FORM_VIEW)
    if not revocation_handled:
        # Bolt's own listeners forget the workspace in OAuth mode; here, only acknowledge.
        app.event("app_uninstalled")(ignored)
        app.event("tokens_revoked")(ignored)
    registered.events |= {"app_uninstalled", "tokens_revoked"}
    return registered
