"""The small interfaces the core needs from outside; implemented in storage/ and handlers/."""

from bot.ports.errors import Conflict, NotFound, SlotTaken, StoreError, StoreUnavailable
from bot.ports.notifier import Notifier
from bot.ports.store import Store

__all__ = [
    "Conflict",
    "NotFound",
    "Notifier",
    "SlotTaken",
    "Store",
    "StoreError",
    "StoreUnavailable",
]
