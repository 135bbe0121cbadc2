"""The weekly digest over a year of a large pool: 50 organisations, 2,000 coaches.

    .venv/bin/python bench/bench_digest.py [--postgres] [--runs N] [--seed N]

Builds a financial year (1 April 2025 to the digest's week, 2026-W10) of synthetic data in
a temporary SQLite file, and with --postgres also in a throwaway PostgreSQL database at
127.0.0.1 (user postgres; COACHPOOL_BENCH_POSTGRES_URL to change), dropped at the end.
Organisations, programmes and recipients go through the store's own methods; the bulk
(people, coaches, requests, engagements, sessions, feedback, final evaluations) is inserted
in one transaction with SQLAlchemy Core on the store's engine, as no one would book 30,000
sessions one by one.

Then times, as the median of --runs: reading the store (`sources.gather`), computing the
pool's digest from it, the whole `build_digest` (the figure that must stay under 1 s), one
organisation lead's digest, and rendering the replies with the chart. Prints the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from bot.clock import SimulatedClock
from bot.digest.figures import build_digest, compute_digest, scope_of
from bot.digest.render import digest_replies, digest_text
from bot.digest.rules import RULES
from bot.digest.sources import gather
from bot.digest.week import Week
from bot.domain import Organisation, Programme, Role
from bot.domain.feedback import THEMES
from bot.replies import Text
from bot.services import Services, Settings
from storage.engine import normalise_url
from storage.migrate import upgrade
from storage.models import (
    CoachRow,
    EngagementRow,
    EvaluationRow,
    FeedbackRow,
    PersonRoleRow,
    PersonRow,
    RequestRow,
    SessionRow,
)
from storage.store import SqlStore

ORGANISATIONS, COACHES, COACHEES = 50, 2_000, 10_000
YEAR_START = datetime(2025, 4, 1, tzinfo=UTC)
SETTINGS = Settings(pool_name="the benchmark pool")
WEEK = Week(2026, 10, SETTINGS.pool_timezone)  # 2 to 8 March 2026: a nearly full year
AS_OF = WEEK.end + timedelta(hours=9)
TOPICS = (
    "stress and burnout",
    "leading my team through a restructure",
    "confidence presenting to councillors",
    "my next career step",
    "time management",
    "a new role",
)
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


class Ids:
    def __init__(self, start: int) -> None:
        self._next = start

    def __call__(self) -> int:
        self._next += 1
        return self._next


def _person(pid: int, org: int, *, role: str, name: str) -> dict[str, Any]:
    email = f"{role}{pid}@org{org}.example"
    return {
        "id": pid,
        "email": email,
        "email_key": email,
        "name": name,
        "organisation_id": org,
        "timezone": "Europe/London",
        "manager_id": None,
        "job_title": "",
        "directorate": "",
        "erased": False,
    }


def load(store: SqlStore, rng: random.Random) -> dict[str, int]:
    """A year of a large pool; returns row counts by table."""
    orgs = [
        store.add_organisation(Organisation(0, f"org-{n:02d}", f"Council {n:02d}")).id
        for n in range(ORGANISATIONS)
    ]
    programme = store.add_programme(Programme(0, "regional", "Regional pool")).id
    rows: dict[str, list[dict[str, Any]]] = {
        name: [] for name in ("people", "roles", "coaches", "requests", "engagements")
    }
    rows |= {"sessions": [], "feedback": [], "final_evaluations": []}
    next_id = Ids(100)
    coaches, coachees = [], []
    for n in range(COACHES):
        pid, org = next_id(), orgs[n % ORGANISATIONS]
        coaches.append((pid, org))
        rows["people"].append(_person(pid, org, role="coach", name=f"Coach {n}"))
        rows["roles"].append({"person_id": pid, "role": Role.COACH.value})
        rows["coaches"].append(
            {
                "person_id": pid,
                "accreditation": "ilm5",
                "specialisms": [],
                "bio": "",
                "formats": ["online"],
                "locations": [],
                "max_coachees": rng.choice((2, 2, 3)),
                "max_hours_per_month": 6.0,
                "paused": rng.random() < 0.05,
                "pause_reason": "",
            }
        )
    for n in range(COACHEES):
        pid, org = next_id(), rng.choice(orgs)
        coachees.append(pid)
        rows["people"].append(_person(pid, org, role="coachee", name=f"Coachee {n}"))
        rows["roles"].append({"person_id": pid, "role": Role.COACHEE.value})
    for n, org in enumerate((*orgs[:5], *orgs)):  # five coordinators, a lead per organisation
        pid = next_id()
        role = Role.COORDINATOR if n < 5 else Role.ORG_LEAD
        rows["people"].append(_person(pid, org, role=role.value, name=f"Recipient {n}"))
        rows["roles"].append({"person_id": pid, "role": role.value})
    for add in (_engagements, _open_requests):
        add(rows, rng, coaches=coaches, coachees=coachees, programme=programme, next_id=next_id)
    models = (
        ("people", PersonRow),
        ("roles", PersonRoleRow),
        ("coaches", CoachRow),
        ("requests", RequestRow),
        ("engagements", EngagementRow),
        ("sessions", SessionRow),
        ("feedback", FeedbackRow),
        ("final_evaluations", EvaluationRow),
    )
    with store.engine.begin() as connection:
        for name, model in models:
            for chunk in range(0, len(rows[name]), 5_000):
                connection.execute(insert(model), rows[name][chunk : chunk + 5_000])
        connection.execute(text("ANALYZE"))
    return {name: len(rows[name]) for name, _ in models}


def _request(
    rid: int, coachee: int, *, programme: int, state: str, created: datetime, **more: Any
) -> dict[str, Any]:
    return {
        "id": rid,
        "coachee_id": coachee,
        "programme_id": programme,
        "state": state,
        "created_at": created,
        "topic": "",
        "goal": "",
        "reality": "",
        "preferences": "",
        "format": "either",
        "location": "",
        "windows": [],
        "declined_coach_ids": [],
        "offered_slots": [],
        "chosen_coach_id": None,
        "asked_at": None,
        "updated_at": created,
        **more,
    }


def _engagements(
    rows: dict[str, list[dict[str, Any]]],
    rng: random.Random,
    *,
    coaches: list[tuple[int, int]],
    coachees: list[int],
    programme: int,
    next_id: Ids,
) -> None:
    """About three engagements per coach over the year, four to six sessions each."""
    span = (AS_OF - YEAR_START).days
    for coach, _org in coaches:
        for _ in range(rng.choice((2, 3, 3, 4))):
            coachee = rng.choice(coachees)
            started = YEAR_START + timedelta(days=rng.randrange(span), hours=9)
            sessions = rng.randint(4, 6)
            closed = started + timedelta(weeks=2 * sessions) < AS_OF
            rid, eid = next_id(), next_id()
            state = "closed" if closed else "matched"
            rows["requests"].append(
                _request(
                    rid,
                    coachee,
                    programme=programme,
                    state=state,
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
                    "state": "closed" if closed else "active",
                    "sessions_allowed": 6,
                    "started_at": started,
                    "sponsor_id": None,
                    "closed_at": None,
                    "close_reason": "",
                }
            )
            if closed:
                _evaluation(rows, eid, coachee, at=started + timedelta(weeks=2 * sessions))
            for number in range(sessions):
                start = started + timedelta(weeks=2 * number, days=1, hours=rng.randrange(8))
                if start >= AS_OF:
                    break
                _session(
                    rows,
                    rng,
                    sid=next_id(),
                    engagement=eid,
                    coach=coach,
                    coachee=coachee,
                    start=start,
                )


def _evaluation(
    rows: dict[str, list[dict[str, Any]]], engagement: int, coachee: int, *, at: datetime
) -> None:
    """Seven in ten coachees answer the final evaluation when their coaching closes. Its own
    random numbers, seeded by the engagement, leave the rest of the year as it was."""
    scores = random.Random(engagement)
    if scores.random() < 0.7:
        rows["final_evaluations"].append(
            {
                "engagement_id": engagement,
                "person_id": coachee,
                "submitted_at": at,
                "goal_attainment": scores.randint(3, 10),
                "would_recommend": scores.randint(5, 10),
            }
        )


def _session(
    rows: dict[str, list[dict[str, Any]]],
    rng: random.Random,
    *,
    sid: int,
    engagement: int,
    coach: int,
    coachee: int,
    start: datetime,
) -> None:
    roll = rng.random()
    state = "held" if roll < 0.86 else "cancelled" if roll < 0.95 else "no_show"
    rows["sessions"].append(
        {
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
            "cancelled_by": rng.choice((coach, coachee)) if state == "cancelled" else None,
            "cancelled_at": start - timedelta(hours=12) if state == "cancelled" else None,
            "late_cancellation": state == "cancelled" and rng.random() < 0.3,
            "no_show_by": coachee if state == "no_show" else None,
        }
    )
    if state != "held":
        return
    submitted = start + timedelta(hours=3)
    base = {"session_id": sid, "submitted_at": submitted, "comment": "", "themes": []}
    if rng.random() < 0.6:
        rows["feedback"].append(
            base
            | {
                "person_id": coachee,
                "usefulness": rng.randint(2, 5),
                "progress": rng.randint(3, 10),
                "consent_to_share_themes": False,
                "comment": "free text that must never be shown",
            }
        )
    if rng.random() < 0.8:
        rows["feedback"].append(
            base
            | {
                "person_id": coach,
                "usefulness": None,
                "progress": None,
                "consent_to_share_themes": rng.random() < 0.7,
                "themes": rng.sample(THEMES, 2),
            }
        )


def _open_requests(
    rows: dict[str, list[dict[str, Any]]],
    rng: random.Random,
    *,
    coaches: list[tuple[int, int]],
    coachees: list[int],
    programme: int,
    next_id: Ids,
) -> None:
    for state, count in (("waitlisted", 300), ("open", 60), ("shortlisted", 140)):
        for _ in range(count):
            created = AS_OF - timedelta(days=rng.randrange(1, 60), hours=rng.randrange(24))
            rows["requests"].append(
                _request(
                    next_id(),
                    rng.choice(coachees),
                    programme=programme,
                    state=state,
                    created=created,
                    topic=rng.choice(TOPICS),
                )
            )
    for _ in range(150):
        asked = AS_OF - timedelta(days=rng.randrange(1, 10), hours=rng.randrange(24))
        rows["requests"].append(
            _request(
                next_id(),
                rng.choice(coachees),
                programme=programme,
                state="waiting_coach",
                created=asked - timedelta(days=2),
                asked_at=asked,
                chosen_coach_id=rng.choice(coaches)[0],
            )
        )


def median_ms(runs: int, action: Callable[[], object]) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def measure(label: str, url: str, *, runs: int, seed: int) -> None:
    upgrade(url)
    store = SqlStore.open(url)
    try:
        began = time.perf_counter()
        counts = load(store, random.Random(seed))
        loaded = time.perf_counter() - began
        services = Services(store=store, clock=SimulatedClock(AS_OF), settings=SETTINGS)
        lead_org = store.list_organisations()[7].id
        data = gather(store, week=WEEK, as_of=AS_OF, rules=RULES)
        pool_scope = scope_of(services, None)
        target = SETTINGS.annual_hours_target
        build_digest(services, week=WEEK)  # warm: imports, connection pool, statement cache
        timings = {
            "read the store (gather)": median_ms(
                runs, lambda: gather(store, week=WEEK, as_of=AS_OF, rules=RULES)
            ),
            "compute the pool's digest": median_ms(
                runs, lambda: compute_digest(data, scope=pool_scope, annual_target=target)
            ),
            "build_digest, whole pool": median_ms(runs, lambda: build_digest(services, week=WEEK)),
            "build_digest, one organisation": median_ms(
                runs, lambda: build_digest(services, week=WEEK, organisation_id=lead_org)
            ),
        }
        digest = build_digest(services, week=WEEK)
        timings["render replies with the chart"] = median_ms(runs, lambda: digest_replies(digest))
        print(f"\n== {label}: {', '.join(f'{n:,} {k}' for k, n in counts.items())} rows")
        print(f"   loaded in {loaded:.1f} s; digest of {WEEK.label}, median of {runs} runs:")
        for name, ms in timings.items():
            print(f"   {name:<34} {ms:8.1f} ms")
        verdict = "under" if timings["build_digest, whole pool"] < 1000 else "OVER"
        print(f"   => whole-pool digest {verdict} the 1 s target")
        replies = digest_replies(digest)
        chat = sum(len(r.text) for r in replies if isinstance(r, Text))
        print(f"   chat digest: {len(replies)} replies, lists {chat:,} characters (cap 10,000)")
        summary = digest_text(digest).split("\n\n")[1]
        print("   figures:\n" + "\n".join("   " + line for line in summary.splitlines()))
    finally:
        store.close()


@contextmanager
def postgres_database(admin_url: str) -> Iterator[str]:
    admin = create_engine(normalise_url(admin_url), isolation_level="AUTOCOMMIT")
    name = f"coachpool_bench_{secrets.token_hex(4)}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield (
            make_url(normalise_url(admin_url))
            .set(database=name)
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        measure("SQLite", str(Path(folder) / "bench.db"), runs=args.runs, seed=args.seed)
    if args.postgres:
        admin = os.environ.get("COACHPOOL_BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
        with postgres_database(admin) as url:
            measure("PostgreSQL", url, runs=args.runs, seed=args.seed)


if __name__ == "__main__":
    main()
