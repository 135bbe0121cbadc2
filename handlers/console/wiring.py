"""The console channel's wiring: people on no chat platform are reached through their
console inbox, and a chat open in this process gets its person's messages at once. People on
Slack or Teams are reached there, by the platform's sender when the process has its settings,
else by a process that has them later: a chat, `serve`, `dispatch --once` and
`digest --send` alike leave their messages due (`reach_with`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


def reach_with(platforms: Iterable[Channel]) -> Reach:
    """What a process with senders for `platforms` delivers on: those platforms, and the
    console's inbox, which is in this process. The inbox reaches people on no platform and
    never stands in for one: a person on a platform without a sender here is left due."""
    return Reach(platforms=frozenset(platforms), in_process=frozenset({CONSOLE}))


def inbox_sender(application: Application, *, out: TextIO | None = None) -> InboxSender:
    """The console as the fallback channel of a command that delivers (`dispatch --once`,
    `digest --send`, `serve` with no platform), for people on no platform: `out`, an
    operator's terminal, names who got a message (`serve` passes none: its logs never carry
    names or emails)."""
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
    reach = reach_with(platforms)
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
