"""The one composition root: configuration in, a wired application out."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.app import CoachingBot
from bot.clock import Clock
from bot.ports.calendar import Calendar
from bot.services import Services, Settings
from handlers.wall_clock import WallClock
from storage.engine import default_database_url
from storage.store import SqlStore

DEFAULT_TIMEZONE = "Europe/London"


class ConfigurationError(Exception):
    """A setting is wrong; the message says which and how to fix it."""


@dataclass
class Application:
    store: SqlStore
    services: Services
    bot: CoachingBot
    database_url: str


def settings_from_environment() -> Settings:
    zone_name = os.environ.get("COACHPOOL_TIMEZONE", DEFAULT_TIMEZONE).strip() or DEFAULT_TIMEZONE
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ConfigurationError(
            f"COACHPOOL_TIMEZONE={zone_name!r} is not a time zone name; use one like "
            "'Europe/London'"
        ) from error
    return Settings(pool_timezone=zone, outbox_lease=_outbox_lease())


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
    *, database_url: str | None = None, clock: Clock | None = None, migrate: bool = True
) -> Application:
    url = database_url or default_database_url()
    store = SqlStore.open(url, migrate=migrate)
    services = Services(
        store=store,
        clock=clock or WallClock(),
        settings=settings_from_environment(),
        calendar=_calendar(store),
    )
    return Application(store=store, services=services, bot=CoachingBot(services), database_url=url)


def _calendar(store: SqlStore) -> Calendar | None:
    """Outlook through Microsoft Graph, only where a coordinator turned it on."""
    if not os.environ.get("MICROSOFT_GRAPH_CALENDAR", "").strip():
        return None
    from handlers.teams.graph_calendar import calendar_from_environ  # needs msal: load on use

    return calendar_from_environ(os.environ, store=store)
