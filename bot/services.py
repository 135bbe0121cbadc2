"""What the core is given from outside, bundled once by the composition root."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.ports.calendar import Calendar
from bot.ports.sign_in import SignInLinks
from bot.ports.store import Store
from bot.scheduling.bank_holidays import Nation, bank_holidays


@dataclass(frozen=True)
class Settings:
    pool_timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/London"))
    pool_name: str = "the coaching pool"
    # The ORGANIZER of every calendar invite: the pool's own address (people reply to it).
    invite_organizer: str = "coaching-pool@coachpool.invalid"
    # How far ahead the bot looks for free time when matching and offering slots.
    horizon_weeks: int = 3
    shortlist_size: int = 3
    annual_hours_target: float = 4140.0
    # No reminder lands in a person's quiet hours (their own zone), except the last one.
    quiet_from: time = time(21, 0)
    quiet_until: time = time(8, 0)
    # Whose bank holidays are not working days (a coach's days to answer, say).
    holiday_nation: Nation = Nation.ENGLAND

    @property
    def bank_holidays(self) -> Collection[date]:
        return bank_holidays(self.holiday_nation)

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
    # Where set (COACHPOOL_PUBLIC_URL and a key), `dashboard` in chat answers with a link.
    sign_in: SignInLinks | None = None
