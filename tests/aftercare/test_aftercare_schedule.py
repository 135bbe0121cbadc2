"""When a session's messages fall due: quiet hours and the clock changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.aftercare.quiet_hours import before_quiet_hours, in_quiet_hours
from bot.aftercare.schedule import schedule_session_messages
from bot.clock import SimulatedClock
from bot.domain import (
    CoachingRequest,
    Engagement,
    EngagementState,
    Organisation,
    Person,
    Programme,
    RequestState,
    Role,
    Session,
    SessionState,
)
from bot.domain.timewindow import TimeWindow
from bot.services import Services
from storage.store import SqlStore

LONDON = ZoneInfo("Europe/London")
QUIET = {"quiet_from": time(21), "quiet_until": time(8)}


@pytest.mark.parametrize(
    ("local", "quiet"),
    [("20:59", False), ("21:00", True), ("23:30", True), ("03:00", True), ("07:59", True),
     ("08:00", False), ("12:00", False)],
)  # fmt: skip
def test_quiet_hours_span_midnight(local: str, quiet: bool) -> None:
    hour, minute = map(int, local.split(":"))
    instant = datetime(2026, 12, 1, hour, minute, tzinfo=LONDON)
    assert in_quiet_hours(instant, tz=LONDON, **QUIET) is quiet


@pytest.mark.parametrize(
    ("due_local", "moved_local"),
    [
        ("2026-12-01 07:30", "2026-11-30 20:00"),  # early morning: the evening before
        ("2026-12-01 22:15", "2026-12-01 20:00"),  # late evening: earlier that evening
        ("2026-12-01 14:00", "2026-12-01 14:00"),  # daytime: unchanged
        ("2026-10-25 07:00", "2026-10-24 20:00"),  # the night the clocks go back
        ("2027-03-28 06:00", "2027-03-27 20:00"),  # the night the clocks go forward
    ],
)
def test_early_reminders_move_to_the_evening_before(due_local: str, moved_local: str) -> None:
    due = datetime.fromisoformat(due_local).replace(tzinfo=LONDON)
    moved = before_quiet_hours(due, tz=LONDON, **QUIET)
    assert moved.astimezone(LONDON).strftime("%Y-%m-%d %H:%M") == moved_local
    assert moved.utcoffset() == timedelta(0)


def _session_at(store: SqlStore, start: datetime, *, coachee_zone: str) -> Session:
    org = store.add_organisation(Organisation(0, "a", "A"))
    other = store.add_organisation(Organisation(0, "b", "B"))
    coach = store.add_person(Person(0, "c@b.gov.uk", "Coach", other.id, frozenset({Role.COACH})))
    coachee = store.add_person(
        Person(0, "e@a.gov.uk", "Coachee", org.id, frozenset({Role.COACHEE}), timezone=coachee_zone)
    )
    programme = store.add_programme(Programme(0, "p", "P"))
    request = store.add_request(
        CoachingRequest(
            0, coachee.id, programme.id, RequestState.MATCHED, start - timedelta(days=31)
        )
    )
    engagement = store.add_engagement(
        Engagement(0, request.id, programme.id, coach.id, coachee.id, EngagementState.ACTIVE, 6,
                   start - timedelta(days=30))
    )  # fmt: skip
    return store.add_session(
        Session(0, engagement.id, coach.id, coachee.id,
                TimeWindow(start, start + timedelta(hours=1)), SessionState.CONFIRMED)
    )  # fmt: skip


def test_reminders_across_the_spring_clock_change(store: SqlStore) -> None:
    # Monday 29 March 2027 10:00 BST; the clocks went forward at 01:00 UTC on Sunday.
    start = datetime(2027, 3, 29, 10, 0, tzinfo=LONDON)
    session = _session_at(store, start, coachee_zone="Europe/London")
    services = Services(store=store, clock=SimulatedClock(datetime(2027, 3, 20, tzinfo=UTC)))
    schedule_session_messages(services, session)
    due = {m.key: m.due_at for m in store.list_outbox()}
    coachee = session.coachee_id
    day_before = due[f"session:{session.id}:reminder:24h:person:{coachee}"]
    assert day_before == start.astimezone(UTC) - timedelta(hours=24)
    # 24 real hours before 10:00 BST Monday is 10:00 BST Sunday, after the change.
    assert day_before.astimezone(LONDON).strftime("%a %H:%M %Z") == "Sun 10:00 BST"
    hour_before = due[f"session:{session.id}:reminder:1h:person:{coachee}"]
    assert hour_before.astimezone(LONDON).strftime("%H:%M %Z") == "09:00 BST"
    assert due[f"session:{session.id}:attendance:person:{session.coach_id}"] == (
        session.window.end + timedelta(minutes=15)
    )


def test_a_reminder_in_the_coachees_night_moves_but_the_last_one_does_not(
    store: SqlStore,
) -> None:
    # 09:00 London is 04:00 in New York: the 24-hour reminder would land in their night.
    start = datetime(2026, 12, 2, 9, 0, tzinfo=LONDON)
    session = _session_at(store, start, coachee_zone="America/New_York")
    services = Services(store=store, clock=SimulatedClock(datetime(2026, 11, 25, tzinfo=UTC)))
    schedule_session_messages(services, session)
    due = {m.key: m.due_at for m in store.list_outbox()}
    new_york = ZoneInfo("America/New_York")
    coachee = session.coachee_id
    day_before = due[f"session:{session.id}:reminder:24h:person:{coachee}"]
    assert day_before.astimezone(new_york).strftime("%a %d %H:%M") == "Mon 30 20:00"
    hour_before = due[f"session:{session.id}:reminder:1h:person:{coachee}"]
    assert hour_before.astimezone(new_york).strftime("%H:%M") == "03:00"  # last one: not moved
    coach_day_before = due[f"session:{session.id}:reminder:24h:person:{session.coach_id}"]
    assert coach_day_before == start.astimezone(UTC) - timedelta(hours=24)


def test_nothing_is_scheduled_in_the_past(store: SqlStore) -> None:
    start = datetime(2026, 12, 2, 9, 0, tzinfo=LONDON)
    session = _session_at(store, start, coachee_zone="Europe/London")
    clock = SimulatedClock(start - timedelta(hours=3))  # booked at short notice
    schedule_session_messages(Services(store=store, clock=clock), session)
    kinds = sorted(m.key.split(":")[2] for m in store.list_outbox())
    assert "reminder" in kinds  # the 1-hour one
    assert not any(m.due_at <= clock.now() for m in store.list_outbox())
    assert len([k for k in kinds if k == "reminder"]) == 2  # 1h for both, no 24h
