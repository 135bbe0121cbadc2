"""What the core is given from outside, bundled once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time, timedelta
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.ports.calendar import Calendar
from bot.ports.store import Store


@dataclass(frozen=True)
class Settings:
    pool_timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/London"))
    pool_name: str = "the coaching pool"
    # How far ahead the bot looks for free time when matching and offering slots.
    horizon_weeks: int = 3
    shortlist_size: int = 3
    annual_hours_target: float = 4140.0
    # No reminder lands in a person's quiet hours (their own zone), except the last one.
    quiet_from: time = time(21, 0)
    quiet_until: time = time(8, 0)
    # How long a dispatcher's claim on due messages lasts unless renewed: a replica that
    # dies leaves its claims to others after this long.
    outbox_lease: timedelta = timedelta(minutes=5)


@dataclass(frozen=True)
class Services:
    store: Store
    clock: Clock
    settings: Settings = field(default_factory=Settings)
    # Where set, booked sessions also go into the organisation's calendar.
    calendar: Calendar | None = None
