"""From a submitted request to its shortlist, over a national pool with years of history.

    .venv/bin/python bench/bench_request_path.py [--years 1 3] [--requests N] [--held-every N]
        [--no-postgres]

A pool of 5,000 coaches (weekly availability, specialisms, bios, formats, places, as
bench/bench_matching.py draws them) across 50 organisations, 20,000 coachees, and for each
of --years (default 1 and 3) that many years of engagements ending at the bench's "now":
about two engagements a coach a year, four to six sessions each, mostly held, the live ones
with sessions booked in the coming weeks (about 50,000 sessions a year). Organisations and
the programme go through the store's own methods; the bulk is inserted with SQLAlchemy Core
on the store's engine (as bench/bench_digest.py does), on a temporary SQLite file and on a
throwaway PostgreSQL database at 127.0.0.1 (user postgres; COACHPOOL_BENCH_POSTGRES_URL to
change), dropped at the end.

Then --requests coachees (default 40), one a simulated minute apart, each submit a request
through `submit_request`, the call the chat's intake makes: eligibility, the stored request,
matching against the whole pool and the stored shortlist. The first request after start-up
is timed on its own (it builds the matching index); the median and p95 are of the rest.
As in production, where a coach says a session was held every few minutes, every
--held-every'th request (default 2nd) is preceded by one of the booked sessions being
marked held through the store (`update_session`, what the coach's answer calls): the
organisations' hours change, so that request re-reads them. Its figures are also printed
apart, beside the others', with what reading the hours costs alone, from the running
totals and (for comparison) aggregated over every held session as it was before.
Target: median under 100 ms, p95 under 200 ms, and the same at 1 and 3 years.

Last measured (2 CPUs shared with other engineers' work, load average 2.3-2.4 at start
and end, so noisy), wall median / p95 and this process's CPU median, a held session before
every second request: SQLite 52 / 76 ms (CPU 51) at 1 year, 66 / 96 ms (CPU 64) at 3 years;
PostgreSQL 66 / 87 ms (CPU 49) at 1 year, 75 / 104 ms (CPU 52) at 3 years. The requests
after a session marked held: SQLite 54 / 76 and 69 / 98 ms, PostgreSQL 67 / 94 and
82 / 109 ms; the others: SQLite 47 / 78 and 56 / 79 ms, PostgreSQL 59 / 79 and 66 / 86 ms.
The hours alone from the running totals: SQLite 4.9 and 8.0 ms, PostgreSQL 6.9 and
10.5 ms; aggregated over every held session as before: SQLite 99 and 208 ms, PostgreSQL 45
and 98 ms. First request after start-up 2.5-2.9 s. (Before issue 16's round, at load
average 3.2-4.3: SQLite 124 / 178 and 94 / 176 ms, PostgreSQL 115 / 184 and 132 / 227 ms.)
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_digest import DEFAULT_POSTGRES, Ids, _person, _request, postgres_database
from bench_matching import BIO_SENTENCES, PLACES, ROLES, SPECIALISMS, START_TIMES, TOPICS
from sqlalchemy import insert, text

from bot.clock import SimulatedClock
from bot.domain import Organisation, Programme, RequestState, Role, SessionState
from bot.domain.coaches import Format
from bot.domain.timewindow import TimeWindow
from bot.requests.submit import DEFAULT_PROGRAMME, RequestDraft, submit_request
from bot.services import Services
from storage.migrate import upgrade
from storage.models import (
    CoachRow,
    EngagementRow,
    PersonRoleRow,
    PersonRow,
    RequestRow,
    SessionRow,
    WeeklySlotRow,
)
from storage.store import SqlStore
from tests.held_hours import hours_from_scratch

ORGANISATIONS, COACHES, COACHEES = 50, 5_000, 20_000
NOW = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)  # matching's horizon crosses the clock change
LONDON = ZoneInfo("Europe/London")


def load(store: SqlStore, rng: random.Random, *, years: int) -> tuple[dict[str, int], list[int]]:
    """The pool and `years` of history; row counts by table, and the coachees' ids."""
    orgs = [
        store.add_organisation(Organisation(0, f"org-{n:02d}", f"Council {n:02d}")).id
        for n in range(ORGANISATIONS)
    ]
    programme = store.add_programme(Programme(0, DEFAULT_PROGRAMME, "Regional coaching pool")).id
    rows: dict[str, list[dict[str, Any]]] = {
        name: []
        for name in ("people", "roles", "coaches", "slots", "requests", "engagements", "sessions")
    }
    next_id = Ids(100)
    coaches = []
    for n in range(COACHES):
        pid, org = next_id(), orgs[n % ORGANISATIONS]
        coaches.append(pid)
        rows["people"].append(_person(pid, org, role="coach", name=f"Coach {n}"))
        rows["roles"].append({"person_id": pid, "role": Role.COACH.value})
        rows["coaches"].append(_coach(rng, pid))
        rows["slots"].extend(_weekly(rng, pid))
    coachees = []
    for n in range(COACHEES):
        pid = next_id()
        coachees.append(pid)
        rows["people"].append(_person(pid, rng.choice(orgs), role="coachee", name=f"Coachee {n}"))
        rows["roles"].append({"person_id": pid, "role": Role.COACHEE.value})
    engaged = _history(rows, rng, coaches, coachees, programme=programme, years=years, ids=next_id)
    models = (
        ("people", PersonRow),
        ("roles", PersonRoleRow),
        ("coaches", CoachRow),
        ("slots", WeeklySlotRow),
        ("requests", RequestRow),
        ("engagements", EngagementRow),
        ("sessions", SessionRow),
    )
    with store.engine.begin() as connection:
        for name, model in models:
            for chunk in range(0, len(rows[name]), 5_000):
                connection.execute(insert(model), rows[name][chunk : chunk + 5_000])
        if connection.dialect.name == "postgresql":
            # Rows were given their ids: move each id sequence past them, as inserts would.
            for _, model in models:
                table = model.__table__.name
                if "id" in model.__table__.columns:
                    connection.execute(
                        text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) "
                             f"FROM {table}")
                    )  # fmt: skip
        connection.execute(text("ANALYZE"))
    free_coachees = [pid for pid in coachees if pid not in engaged]
    return {name: len(rows[name]) for name, _ in models}, free_coachees


def _coach(rng: random.Random, pid: int) -> dict[str, Any]:
    formats = rng.choices((["online"], ["either"], ["in_person"]), weights=(6, 3, 1))[0]
    return {
        "person_id": pid,
        "accreditation": rng.choices(("none", "ilm5", "ilm7"), weights=(2, 5, 3))[0],
        "specialisms": rng.sample(SPECIALISMS, rng.randint(1, 4)),
        "bio": " ".join(rng.sample(BIO_SENTENCES, 3)).format(
            n=rng.randint(3, 30), role=rng.choice(ROLES)
        ),
        "formats": formats,
        "locations": rng.sample(PLACES, rng.randint(0, 2)),
        "max_coachees": rng.randint(1, 4),
        "max_hours_per_month": rng.choice((4.0, 6.0, 8.0)),
        "paused": rng.random() < 0.05,
        "pause_reason": "on leave",
        "meeting_link": "",
    }


def _weekly(rng: random.Random, pid: int) -> list[dict[str, Any]]:
    slots = []
    for _ in range(rng.randint(2, 6)):
        start = rng.choice(START_TIMES)
        end = min(start + rng.choice((1, 1.5, 2, 3)), 19)
        slots.append(
            {"coach_id": pid, "weekday": rng.randint(0, 4), "starts": _at(start), "ends": _at(end)}
        )
    return slots


def _at(hours: float) -> clock_time:
    return clock_time(int(hours), int(hours % 1 * 60))


def _history(
    rows: dict[str, list[dict[str, Any]]],
    rng: random.Random,
    coaches: list[int],
    coachees: list[int],
    *,
    programme: int,
    years: int,
    ids: Ids,
) -> set[int]:
    """Engagements and their sessions; returns the coachees with a live engagement."""
    first = NOW - timedelta(days=365 * years)
    engaged: set[int] = set()
    for coach in coaches:
        for _ in range(sum(rng.choice((1, 2, 2, 3)) for _ in range(years))):
            coachee = rng.choice(coachees)
            started = first + timedelta(days=rng.randrange(365 * years), hours=9)
            count = rng.randint(4, 6)
            starts = [
                started + timedelta(weeks=2 * n, days=1, hours=rng.randrange(8))
                for n in range(count)
            ]
            live = starts[-1] >= NOW
            rid, eid = ids(), ids()
            rows["requests"].append(
                _request(
                    rid,
                    coachee,
                    programme=programme,
                    state="matched" if live else "closed",
                    created=started - timedelta(days=5),
                    chosen_coach_id=coach,
                )
            )
            rows["engagements"].append(
                {
                    "id": eid,
                    "request_id": rid,
                    "programme_id": programme,
                    "coach_id": coach,
                    "coachee_id": coachee,
                    "state": "active" if live else "closed",
                    "sessions_allowed": 6,
                    "started_at": started,
                    "sponsor_id": None,
                    "closed_at": None,
                    "close_reason": "",
                }
            )
            if live:
                engaged.add(coachee)
            for start in starts:
                if start >= NOW + timedelta(weeks=3):
                    break  # booked one session at a time, a few weeks ahead at most
                rows["sessions"].append(
                    _session(rng, ids(), engagement=eid, coach=coach, coachee=coachee, start=start)
                )
    return engaged


def _session(
    rng: random.Random, sid: int, *, engagement: int, coach: int, coachee: int, start: datetime
) -> dict[str, Any]:
    roll = rng.random()
    if start >= NOW:
        state = "confirmed"
    else:
        state = "held" if roll < 0.86 else "cancelled" if roll < 0.95 else "no_show"
    return {
        "id": sid,
        "engagement_id": engagement,
        "coach_id": coach,
        "coachee_id": coachee,
        "starts_at": start,
        "ends_at": start + timedelta(minutes=rng.choice((60, 60, 60, 90))),
        "state": state,
        "kind": "coaching",
        "meeting_link": "",
        "location": "",
        "cancelled_by": coach if state == "cancelled" else None,
        "cancelled_at": start - timedelta(hours=12) if state == "cancelled" else None,
        "late_cancellation": False,
        "no_show_by": coachee if state == "no_show" else None,
    }


def _draft(rng: random.Random, now: datetime) -> RequestDraft:
    topic, goal = rng.choice(TOPICS)
    windows: tuple[TimeWindow, ...] = ()
    if rng.random() < 0.8:  # most people say when: two weekday afternoons or mornings
        days = rng.sample(range(5), 2)
        hours = rng.choice(((13, 17), (9, 12)))
        monday = (now + timedelta(days=7 - now.weekday())).date()
        windows = tuple(
            TimeWindow(
                datetime.combine(day, clock_time(hours[0]), tzinfo=LONDON),
                datetime.combine(day, clock_time(hours[1]), tzinfo=LONDON),
            )
            for week in range(3)
            for offset in days
            for day in [monday + timedelta(days=7 * week + offset)]
        )
    return RequestDraft(
        programme_id=None,
        topic=topic,
        goal=goal,
        reality="",
        preferences="",
        format=rng.choice((Format.ONLINE, Format.EITHER)),
        location="",
        windows=windows,
    )


def measure(label: str, url: str, *, years: int, requests: int, seed: int, held_every: int) -> None:
    upgrade(url)
    store = SqlStore.open(url)
    try:
        rng = random.Random(seed)
        began = time.perf_counter()
        counts, free_coachees = load(store, rng, years=years)
        loaded = time.perf_counter() - began
        clock = SimulatedClock(NOW)
        services = Services(store=store, clock=clock)
        booked = store.list_sessions(states=[SessionState.CONFIRMED])
        rng.shuffle(booked)
        timings, cpu, after_held, shortlisted = [], [], [], 0
        for n, coachee_id in enumerate(rng.sample(free_coachees, requests + 1)):
            held = n > 0 and n % held_every == 0
            if held:
                session = booked.pop()
                store.update_session(
                    dataclasses.replace(session, state=SessionState.HELD),
                    expected=SessionState.CONFIRMED,
                )
            after_held.append(held)
            person = store.get_person(coachee_id)
            assert person is not None
            draft = _draft(rng, clock.now())
            started, started_cpu = time.perf_counter(), time.process_time()
            submit_request(services, person, draft)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            (request,) = [
                r for r in store.list_requests(coachee_id=coachee_id) if r.created_at == clock.now()
            ]
            shortlisted += request.state is RequestState.SHORTLISTED
            clock.advance(timedelta(minutes=1))
        first, rest = timings[0], timings[1:]
        print(
            f"== {label}, {years} year{'s' * (years > 1)}: {counts['coaches']:,} coaches, "
            f"{counts['sessions']:,} sessions, {counts['engagements']:,} engagements "
            f"(loaded in {loaded:.0f} s)"
        )
        print(
            f"   submit_request -> shortlist, {len(rest)} requests: {_spread(rest)}, max "
            f"{max(rest):.0f} ms; first after start-up {first:.0f} ms; {shortlisted} of "
            f"{len(timings)} shortlisted"
        )
        for name, wanted in (("after a session marked held", True), ("the others", False)):
            chosen = [t for t, h in zip(timings[1:], after_held[1:], strict=True) if h is wanted]
            print(f"     {name}, {len(chosen)}: {_spread(chosen)}")
        print(f"   this process's CPU per request: {_spread(cpu[1:])} (the server's not included)")
        print(
            f"   the organisations' hours alone, median of 5: from the running totals "
            f"{_median_ms(store.organisation_hours):.1f} ms; aggregated over every held "
            f"session (before) {_median_ms(lambda: hours_from_scratch(store)):.1f} ms"
        )
    finally:
        store.close()


def _spread(milliseconds: list[float]) -> str:
    p95 = statistics.quantiles(milliseconds, n=20)[-1]
    return f"median {statistics.median(milliseconds):.0f} ms, p95 {p95:.0f} ms"


def _median_ms(read: Callable[[], object]) -> float:
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        read()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 3])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--held-every", type=int, default=2, metavar="N")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    options = {"requests": args.requests, "seed": args.seed, "held_every": args.held_every}
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    for years in args.years:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'bench.db'}"
            measure("SQLite", url, years=years, **options)
        if not args.no_postgres:
            admin = os.environ.get("COACHPOOL_BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
            with postgres_database(admin) as url:
                measure("PostgreSQL", url, years=years, **options)


if __name__ == "__main__":
    main()
