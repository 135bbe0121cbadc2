"""The console channel's wiring: everyone is reached through their console inbox, and a
chat open in this process gets its person's messages at once."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine

from bot.app import CoachingBot
from bot.domain import Person
from handlers.bootstrap import Application
from handlers.console.chat import ConsoleChat
from handlers.console.inbox import ConsoleInbox
from handlers.console.sender import InboxSender
from handlers.delivery import ChannelNotifier, Deliverer


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
) -> ConsoleChat:
    """One person's terminal: their messages print here, everyone else's wait in their
    own console inbox."""
    services = bot.services
    sender = InboxSender(ConsoleInbox(engine), services.clock)
    chat = ConsoleChat(
        bot,
        Deliverer(services, ChannelNotifier(services, {}, fallback=sender)),
        person,
        out=out,
        attachments_dir=attachments_dir,
        inbox=sender.inbox,
    )
    sender.listen(person.id, chat.show)
    return chat
