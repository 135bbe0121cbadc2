"""The embedded setup's delivery: everyone is reached on the console."""

from __future__ import annotations

from typing import TextIO

from bot.services import Services
from handlers.console.sender import ConsoleSender
from handlers.delivery import ChannelNotifier, Deliverer


def console_delivery(services: Services, out: TextIO) -> tuple[Deliverer, ConsoleSender]:
    sender = ConsoleSender(out)
    return Deliverer(services, ChannelNotifier(services, {}, fallback=sender)), sender
