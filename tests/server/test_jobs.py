"""When the scheduler's weekly digest fires: Monday 09:00 in the pool's zone, all year."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.clock import SimulatedClock
from bot.services import Services
from handlers.jobs import Scheduler
from storage.store import SqlStore

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("now", "fires"),
    [
        ("2026-11-25 10:00", "2026-11-30 09:00 GMT"),
        ("2026-11-30 09:00", "2026-11-30 09:00 GMT"),
        ("2027-03-26 12:00", "2027-03-29 09:00 BST"),  # the clocks went forward on the Sunday
        ("2026-10-23 12:00", "2026-10-26 09:00 GMT"),  # and back
    ],
)
def test_the_weekly_digest_fires_monday_nine_local(store: SqlStore, now: str, fires: str) -> None:
    start = datetime.fromisoformat(now).replace(tzinfo=LONDON)
    services = Services(store=store, clock=SimulatedClock(start))
    scheduler = Scheduler(services, notifier=_NoNotifier())
    trigger = scheduler.job("weekly_digest").trigger
    fire = trigger.get_next_fire_time(None, start)
    assert fire.astimezone(LONDON).strftime("%Y-%m-%d %H:%M %Z") == fires


def test_the_waiting_list_is_matched_again_every_morning(store: SqlStore) -> None:
    start = datetime(2026, 11, 30, 23, 59, tzinfo=LONDON)  # a month ends: coaches' hours free
    services = Services(store=store, clock=SimulatedClock(start))
    trigger = Scheduler(services, notifier=_NoNotifier()).job("waiting_list").trigger
    fire = trigger.get_next_fire_time(None, start)
    assert fire.astimezone(LONDON).strftime("%Y-%m-%d %H:%M %Z") == "2026-12-01 07:30 GMT"


class _NoNotifier:
    def send(self, *, person_id: int, replies: list[object]) -> None:
        raise AssertionError("nothing is sent in this test")
