"""Matching over a synthetic pool of 5,000 coaches: index build time and per-request latency.

    .venv/bin/python bench/bench_matching.py [--coaches N] [--requests N] [--seed N]

No database: the pool is built in memory with realistic weekly availability (2-6 slots a week,
leave, one-off extra time, booked sessions), computed with `scheduling.free_windows` over a
4-week horizon that crosses the March clock change. Prints the median and p95 milliseconds per
`match()` against a prebuilt `CoachIndex`, and what building the index costs.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.domain import (
    Accreditation,
    AvailabilityException,
    CoachingRequest,
    CoachProfile,
    Format,
    Organisation,
    Person,
    Programme,
    RequestState,
    Role,
    WeeklySlot,
)
from bot.domain.timewindow import TimeWindow
from bot.matching import CoachCandidate, CoachIndex, MatchContext, match
from bot.scheduling import free_windows

NOW = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)  # the horizon crosses 29 March (clocks go forward)
LONDON = ZoneInfo("Europe/London")
HORIZON = TimeWindow(NOW, NOW + timedelta(days=28))

ORGANISATIONS = (
    "Birmingham City Council",
    "Coventry City Council",
    "Dudley Council",
    "Sandwell Council",
    "Solihull Council",
    "Walsall Council",
    "City of Wolverhampton Council",
    "Worcestershire County Council",
    "Herefordshire Council",
    "Shropshire Council",
    "Telford & Wrekin Council",
    "Staffordshire County Council",
    "Warwickshire County Council",
    "Stoke-on-Trent City Council",
    "West Midlands Fire Service",
    "Cannock Chase District Council",
    "Redditch Borough Council",
    "Nuneaton and Bedworth Borough Council",
    "Lichfield District Council",
    "West Midlands Combined Authority",
)
PLACES = ("Birmingham", "Coventry", "Dudley", "Walsall", "Wolverhampton", "Solihull", "Worcester")
SPECIALISMS = (
    "Managing change and restructures",
    "Leadership development",
    "New and first-time managers",
    "Confidence and imposter syndrome",
    "Resilience and wellbeing",
    "Career progression and promotion",
    "Difficult conversations",
    "Working with elected members",
    "Performance management",
    "Work-life balance",
    "Women in leadership",
    "Neurodiversity at work",
    "Returning to work after parental leave",
    "Decision making under pressure",
    "Influencing stakeholders",
    "Team dynamics and morale",
    "Service redesign and transformation",
    "Procurement and commissioning",
    "Safeguarding leadership",
    "Public speaking and presenting",
)
BIO_SENTENCES = (
    "I have worked in local government for {n} years, most recently as a {role}.",
    "I led my service through two restructures and a merger.",
    "I enjoy helping new managers find their feet and build a team.",
    "My coaching is person-centred and practical.",
    "I am a qualified mental health first aider with an interest in wellbeing.",
    "I have coached senior leaders and councillors on influencing and political awareness.",
    "Before joining the council I worked in the NHS and the voluntary sector.",
    "I am passionate about career development and supporting people to take the next step.",
    "I use a solution-focused approach and GROW.",
    "I have a particular interest in equality, diversity and inclusion.",
)
ROLES = ("head of service", "team manager", "HR business partner", "programme manager")
TOPICS = (
    ("Leading my team through a restructure", "Feel in control of the change"),
    ("I'm a new manager and struggling with delegation", "Be a confident first-time manager"),
    ("Imposter syndrome since my promotion", "Believe I deserve the role"),
    ("Stress and workload", "Find a sustainable way of working"),
    ("Next step in my career", "Apply for a head of service post"),
    ("Difficult conversations with a colleague", "Handle conflict calmly"),
    ("Working with councillors", "Build better relationships with elected members"),
    ("Returning from maternity leave", "Settle back in and rebuild confidence"),
    ("Commissioning a new service", "Lead the procurement well"),
    ("Presenting to the cabinet", "Speak up with confidence"),
)
START_TIMES = (8, 9, 9.5, 10, 12, 13, 14, 15, 16, 17.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coaches", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    organisations = [
        Organisation(i + 1, f"org{i + 1}", name) for i, name in enumerate(ORGANISATIONS)
    ]
    balances = {org.id: rng.uniform(-40, 40) for org in organisations}
    started = time.perf_counter()
    pool = [
        _coach(rng, person_id, organisations, balances) for person_id in range(1, args.coaches + 1)
    ]
    pool_seconds = time.perf_counter() - started

    started = time.perf_counter()
    index = CoachIndex.build(pool, horizon=HORIZON)
    build_ms = (time.perf_counter() - started) * 1000

    programmes = (
        Programme(1, "pool", "Regional Coaching Pool"),
        Programme(
            2, "leaders", "Senior Leaders Programme", required_accreditation=Accreditation.ILM7
        ),
        Programme(
            3, "members", "Member Mentoring", same_organisation_allowed=True, session_minutes=90
        ),
    )
    contexts = [
        _context(rng, n, organisations, programmes, args.coaches) for n in range(args.requests)
    ]
    default_gc = _run(contexts, index)
    # The same requests with the pool moved out of the cyclic collector's sight, as a server may
    # do after loading: the difference left is the odd full collection of ~200,000 objects.
    gc.collect()
    gc.freeze()
    frozen_gc = _run(contexts, index)
    gc.unfreeze()

    started = time.perf_counter()
    match(contexts[0], pool)
    unindexed_ms = (time.perf_counter() - started) * 1000

    free_hours = sum(w.duration.total_seconds() for c in pool for w in c.free) / 3600 / len(pool)
    print(
        f"pool: {len(pool)} coaches, {len(ORGANISATIONS)} organisations, "
        f"{free_hours:.1f} free hours each over 4 weeks "
        f"(free time computed in {pool_seconds:.2f} s)"
    )
    print(f"index build (CoachIndex.build): {build_ms:.0f} ms")
    for label, (timings, shortlisted, excluded) in (
        ("default gc", default_gc),
        ("after gc.freeze()", frozen_gc),
    ):
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(
            f"match() with the index, {len(timings)} requests, {label}: "
            f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
            f"max {max(timings):.1f} ms "
            f"({shortlisted / len(timings):.1f} shortlisted, "
            f"{excluded / len(timings):.0f} excluded per request)"
        )
    print(f"match() given a plain list (index built inside the call): {unindexed_ms:.0f} ms")


def _run(contexts: list[MatchContext], index: CoachIndex) -> tuple[list[float], int, int]:
    timings: list[float] = []
    shortlisted = excluded = 0
    for context in contexts:
        started = time.perf_counter()
        result = match(context, index)
        timings.append((time.perf_counter() - started) * 1000)
        shortlisted += len(result.candidates)
        excluded += len(result.excluded)
    return timings, shortlisted, excluded


def _coach(
    rng: random.Random,
    person_id: int,
    organisations: list[Organisation],
    balances: dict[int, float],
) -> CoachCandidate:
    organisation = rng.choice(organisations)
    weekly = []
    for _ in range(rng.randint(2, 6)):
        start = rng.choice(START_TIMES)
        hours = rng.choice((1, 1.5, 2, 3))
        end = min(start + hours, 19)
        weekly.append(WeeklySlot(rng.randint(0, 4), _clock(start), _clock(end)))
    exceptions = []
    if rng.random() < 0.2:
        leave = NOW + timedelta(days=rng.randint(0, 21))
        exceptions.append(AvailabilityException(TimeWindow(leave, leave + timedelta(days=7))))
    if rng.random() < 0.05:
        extra = datetime(2026, 3, 28, 10, tzinfo=LONDON)
        exceptions.append(
            AvailabilityException(TimeWindow(extra, extra + timedelta(hours=3)), True)
        )
    max_coachees = rng.randint(1, 4)
    formats = rng.choices(
        (frozenset({Format.ONLINE}), frozenset({Format.EITHER}), frozenset({Format.IN_PERSON})),
        weights=(6, 3, 1),
    )[0]
    profile = CoachProfile(
        person_id=person_id,
        accreditation=rng.choices(tuple(Accreditation), weights=(2, 5, 3))[0],
        specialisms=tuple(rng.sample(SPECIALISMS, rng.randint(1, 4))),
        bio=" ".join(rng.sample(BIO_SENTENCES, 3)).format(
            n=rng.randint(3, 30), role=rng.choice(ROLES)
        ),
        formats=formats,
        locations=tuple(rng.sample(PLACES, rng.randint(0, 2))),
        max_coachees=max_coachees,
        max_hours_per_month=rng.choice((4.0, 6.0, 8.0)),
        paused=rng.random() < 0.05,
        pause_reason="on leave",
        weekly=tuple(weekly),
        exceptions=tuple(exceptions),
    )
    busy = []
    for _ in range(rng.randint(0, 4)):
        at = datetime(2026, 3, 16, 10, tzinfo=LONDON) + timedelta(
            days=rng.randint(0, 27), hours=rng.randint(0, 7)
        )
        busy.append(TimeWindow(at, at + timedelta(hours=1)))
    free = free_windows(profile, coach_tz=LONDON, within=HORIZON, busy=busy)
    person = Person(
        person_id,
        f"coach{person_id}@example.org",
        f"Coach {person_id}",
        organisation.id,
        roles=frozenset({Role.COACH}),
    )
    return CoachCandidate(
        person=person,
        profile=profile,
        organisation=organisation,
        free=tuple(free),
        active_coachees=rng.randint(0, max_coachees),
        hours_this_month=rng.choice((0.0, 1.0, 2.0, 3.0, 4.5)),
        organisation_balance_hours=balances[organisation.id],
        past_coachee_ids=frozenset(rng.sample(range(100_001, 100_051), 2)),
    )


def _context(
    rng: random.Random,
    n: int,
    organisations: list[Organisation],
    programmes: tuple[Programme, ...],
    coaches: int,
) -> MatchContext:
    coachee = Person(
        100_001 + n,
        f"coachee{n}@example.org",
        f"Coachee {n}",
        rng.choice(organisations).id,
        roles=frozenset({Role.COACHEE}),
    )
    programme = rng.choice(programmes)
    topic, goal = rng.choice(TOPICS)
    kind = rng.random()
    windows: tuple[TimeWindow, ...] = ()
    if kind < 0.8:
        days = rng.sample(range(5), 2)
        hours = (13, 17) if kind < 0.5 else (9, 12)
        windows = tuple(
            TimeWindow(
                datetime.combine(day, clock_time(hours[0]), tzinfo=LONDON),
                datetime.combine(day, clock_time(hours[1]), tzinfo=LONDON),
            )
            for week in range(3)
            for offset in days
            for day in [(NOW + timedelta(days=7 * week + offset + 7 - NOW.weekday())).date()]
        )
    request = CoachingRequest(
        id=n + 1,
        coachee_id=coachee.id,
        programme_id=programme.id,
        state=RequestState.OPEN,
        created_at=NOW,
        topic=topic,
        goal=goal,
        reality="My directorate is going through a lot of change and I am stretched.",
        format=rng.choices(tuple(Format), weights=(5, 2, 3))[0],
        location=rng.choice(PLACES),
        windows=windows,
        declined_coach_ids=frozenset(rng.sample(range(1, coaches + 1), 3)),
    )
    return MatchContext(request=request, coachee=coachee, programme=programme, now=NOW)


def _clock(hours: float) -> clock_time:
    return clock_time(int(hours), int(hours % 1 * 60))


if __name__ == "__main__":
    main()
