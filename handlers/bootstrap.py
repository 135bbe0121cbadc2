"""The one composition root: configuration in, a wired application out.

SQLAlchemy, the conversations and the channel SDKs are imported where first used, so a
command that only reads the pool (or the time phrase parser) starts quickly.
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.clock import Clock
from bot.ports.calendar import Calendar
from bot.ports.sign_in import SignInLinks
from bot.scheduling.bank_holidays import Nation
from bot.services import Services, Settings
from handlers.startup import resume_collection
from handlers.wall_clock import WallClock

# Types only, for start-up time (tests/cli/test_command_start.py): every command imports
# this module (the command line catches ConfigurationError), and `--help` and
# `parse-when` must not load SQLAlchemy, nor the listings the door (bot.app).
if TYPE_CHECKING:
    from bot.app import CoachingBot
    from storage.store import SqlStore

DEFAULT_TIMEZONE = "Europe/London"


class ConfigurationError(Exception):
    """A setting is wrong; the message says which and how to fix it."""


class Application:
    """The wired pool. The bot (every conversation of every slice) is built on first use:
    the inspection commands never need it."""

    def __init__(
        self,
        store: SqlStore,
        services: Services,
        bot: CoachingBot | None = None,
        database_url: str = "",
    ) -> None:
        self.store = store
        self.services = services
        self.database_url = database_url
        self._bot = bot

    @property
    def bot(self) -> CoachingBot:
        if self._bot is None:
            from bot.assembly import coaching_bot

            self._bot = coaching_bot(self.services)
        return self._bot


def settings_from_environment() -> Settings:
    zone_name = os.environ.get("COACHPOOL_TIMEZONE", DEFAULT_TIMEZONE).strip() or DEFAULT_TIMEZONE
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ConfigurationError(
            f"COACHPOOL_TIMEZONE={zone_name!r} is not a time zone name; use one like "
            "'Europe/London'"
        ) from error
    return Settings(
        pool_timezone=zone,
        holiday_nation=_holiday_nation(),
        invite_organizer=_invite_organizer(),
        outbox_lease=_outbox_lease(),
    )


def _holiday_nation() -> Nation:
    name = os.environ.get("COACHPOOL_BANK_HOLIDAYS", "").strip().lower() or Nation.ENGLAND.value
    try:
        return Nation(name)
    except ValueError as error:
        raise ConfigurationError(
            f"COACHPOOL_BANK_HOLIDAYS={name!r} is not one of "
            f"{', '.join(n.value for n in Nation)} (england means England and Wales)"
        ) from error


def _invite_organizer() -> str:
    organizer = os.environ.get("COACHPOOL_CALENDAR_ORGANIZER", "").strip()
    if not organizer:
        return Settings().invite_organizer
    if organizer.count("@") != 1 or any(c.isspace() for c in organizer):
        raise ConfigurationError(
            f"COACHPOOL_CALENDAR_ORGANIZER={organizer!r} is not an email address; use the "
            "pool's own address, like 'coaching-pool@wmemployers.org.uk'"
        )
    return organizer


def _outbox_lease() -> timedelta:
    raw = os.environ.get("COACHPOOL_OUTBOX_LEASE_SECONDS", "").strip()
    if not raw:
        return Settings().outbox_lease
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 86_400:
        raise ConfigurationError(
            f"COACHPOOL_OUTBOX_LEASE_SECONDS={raw!r} is not a number of seconds from 1 to 86400"
        )
    return timedelta(seconds=int(raw))


def bootstrap(
    *,
    database_url: str | None = None,
    clock: Clock | None = None,
    migrate: bool = True,
    create: bool = True,
) -> Application:
    """`create=False`: a SQLite file that does not exist is an error, not a new empty pool."""
    from storage.engine import default_database_url
    from storage.store import SqlStore

    url = database_url or default_database_url()
    store = SqlStore.open(url, migrate=migrate, create=create)
    services = Services(
        store=store,
        clock=clock or WallClock(),
        settings=settings_from_environment(),
        calendar=_calendar(store),
        sign_in=_sign_in_links(),
    )
    resume_collection()  # the application is loaded (handlers/startup.py)
    return Application(store=store, services=services, database_url=url)


def _sign_in_links() -> SignInLinks | None:
    """The dashboard's one-time links, where COACHPOOL_PUBLIC_URL and a key are set."""
    from handlers.web.settings import dashboard_settings  # it needs this module's error

    settings = dashboard_settings(os.environ)
    return None if settings is None else settings.links()


def _calendar(store: SqlStore) -> Calendar | None:
    """Outlook through Microsoft Graph, only where a coordinator turned it on."""
    if not os.environ.get("MICROSOFT_GRAPH_CALENDAR", "").strip():
        return None
    from handlers.teams.graph_calendar import calendar_from_environ  # needs msal: load on use

    return calendar_from_environ(os.environ, store=store)
