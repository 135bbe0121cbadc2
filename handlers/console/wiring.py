"""The embedded setup's delivery: everyone is reached on the console."""

from __future__ import annotations

from typing import TextIO

from bot.services import Services
from handlers.console.sender import ConsoleSender
from handlers.delivery import ChannelNotifier, Deliverer


def console_deliverer(services: Services, out: TextIO) -> Deliverer:
    return Deliverer(services, ChannelNotifier(services, {}, fallback=ConsoleSender(out)))
