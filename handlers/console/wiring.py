"""The console channel's wiring: people on no chat platform are reached through their
console inbox, and a chat open in this process gets its person's messages at once. People on
Slack or Teams are reached there, by the platform's sender when the chat has its settings,
else by the server later: the chat leaves their messages due."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine

from bot.app import CoachingBot
from bot.domain import Channel, Person
from bot.domain.outbox import Reach
from handlers.bootstrap import Application
from handlers.channel_names import CONSOLE
from handlers.console.chat import ConsoleChat
from handlers.console.inbox import ConsoleInbox
from handlers.console.left_for import LeftForServer
from handlers.console.sender import InboxSender
from handlers.delivery import ChannelNotifier, ChannelSender, Deliverer


def inbox_sender(application: Application, *, out: TextIO | None = None) -> InboxSender:
    """The console as the fallback channel of a command that delivers (`dispatch --once`,
    `digest --send`, `serve` with no platform): `out`, an operator's terminal, names who got
    a message (`serve` passes none: its logs never carry names or emails)."""
    return InboxSender(ConsoleInbox(application.store.engine), application.services.clock, out=out)


def console_chat(
    bot: CoachingBot,
    person: Person,
    *,
    engine: Engine,
    out: TextIO,
    attachments_dir: Path | None = None,
    senders: Mapping[Channel, ChannelSender] | None = None,
) -> ConsoleChat:
    """One person's terminal: the bot's answers print here, and the news for others
    goes where `coachpool serve` would send it with `senders` (the configured platforms'):
    on their platform, or, for people on none, into their console inbox. News for people
    on a platform without a sender here stays due for the server."""
    services = bot.services
    sender = InboxSender(ConsoleInbox(engine), services.clock)
    platforms = dict(senders or {})
    # The console's inbox is in this process: it reaches people on no platform, never
    # stands in for one.
    reach = Reach(platforms=frozenset(platforms), in_process=frozenset({CONSOLE}))
    chat = ConsoleChat(
        bot,
        Deliverer(services, ChannelNotifier(services, platforms, fallback=sender), reach=reach),
        person,
        out=out,
        attachments_dir=attachments_dir,
        inbox=sender.inbox,
        left_for=LeftForServer(services.store, reach),
    )
    sender.listen(person.id, chat.show)
    return chat
