"""Gathering what matching needs about every coach from the store, once per request."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain import CoachingRequest, EngagementState, Person, SessionState
from bot.domain.management import management_chain
from bot.matching import CoachCandidate, CoachIndex, MatchContext, MatchResult, match
from bot.matching.inputs import HORIZON_DAYS
from bot.ports.store import Store
from bot.scheduling import free_windows
from bot.services import Services
from bot.timewindow import TimeWindow


def horizon(services: Services) -> TimeWindow:
    now = services.clock.now()
    # Sessions start no sooner than tomorrow: a coach needs notice to prepare.
    return TimeWindow(
        now + timedelta(hours=24), now + timedelta(weeks=services.settings.horizon_weeks)
    )


def zone_of(person: Person, fallback: ZoneInfo) -> ZoneInfo:
    try:
        return ZoneInfo(person.timezone)
    except (KeyError, ValueError):
        return fallback


def organisation_balances(store: Store) -> dict[int, float]:
    """Organisation id -> hours its coaches gave minus hours its staff received (held sessions)."""
    people = {p.id: p for p in store.list_people()}
    balance: dict[int, float] = defaultdict(float)
    for session in store.list_sessions(states=[SessionState.HELD]):
        coach, coachee = people.get(session.coach_id), people.get(session.coachee_id)
        if coach:
            balance[coach.organisation_id] += session.hours
        if coachee:
            balance[coachee.organisation_id] -= session.hours
    return dict(balance)


def busy_by_person(store: Store, within: TimeWindow) -> dict[int, list[TimeWindow]]:
    """Everyone's confirmed and held sessions in the window, in one query."""
    busy: dict[int, list[TimeWindow]] = defaultdict(list)
    sessions = store.list_sessions(
        states=[SessionState.CONFIRMED, SessionState.HELD],
        starting_from=within.start - timedelta(days=1),
        starting_before=within.end,
    )
    for session in sessions:
        if session.window.overlaps(within):
            busy[session.coach_id].append(session.window)
            busy[session.coachee_id].append(session.window)
    return busy


def month_of(now: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The calendar month containing `now` in the pool's zone, as UTC instants."""
    local = now.astimezone(zone)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = (start + timedelta(days=32)).replace(day=1)
    return start.astimezone(UTC), end.astimezone(UTC)


def coach_candidates(services: Services) -> list[CoachCandidate]:
    store, settings = services.store, services.settings
    window = horizon(services)
    loads = store.coach_loads(*month_of(services.clock.now(), settings.pool_timezone))
    balances = organisation_balances(store)
    organisations = {o.id: o for o in store.list_organisations()}
    people = {p.id: p for p in store.list_people()}  # erased people are never listed
    busy = busy_by_person(store, window)
    past: dict[int, set[int]] = defaultdict(set)
    for engagement in store.list_engagements():
        if engagement.state is not EngagementState.AWAITING_SPONSOR:
            past[engagement.coach_id].add(engagement.coachee_id)
    candidates = []
    for profile in store.list_coaches():
        person = people.get(profile.person_id)
        if person is None:
            continue
        free = free_windows(
            profile,
            coach_tz=zone_of(person, settings.pool_timezone),
            within=window,
            busy=busy.get(person.id, []),
        )
        active, hours = loads.get(person.id, (0, 0.0))
        candidates.append(
            CoachCandidate(
                person=person,
                profile=profile,
                organisation=organisations[person.organisation_id],
                free=tuple(free),
                active_coachees=active,
                hours_this_month=hours,
                organisation_balance_hours=balances.get(person.organisation_id, 0.0),
                past_coachee_ids=frozenset(past[person.id]),
            )
        )
    return candidates


def pool_index(services: Services, candidates: list[CoachCandidate]) -> CoachIndex:
    """The pool indexed once, for matching many requests at this instant (`match_request`
    with `now` left to the clock)."""
    now = services.clock.now()
    return CoachIndex.build(candidates, horizon=TimeWindow(now, now + timedelta(days=HORIZON_DAYS)))


def match_request(
    services: Services,
    request: CoachingRequest,
    *,
    now: datetime | None = None,
    everyone: bool = False,
    candidates: list[CoachCandidate] | CoachIndex | None = None,
) -> MatchResult:
    """The shortlist for a request; with `everyone`, every qualifying coach, ranked.
    `candidates` lets a caller matching many requests read the pool once."""
    store = services.store
    coachee = store.get_person(request.coachee_id)
    programme = store.get_programme(request.programme_id)
    if coachee is None or programme is None:
        raise LookupError(f"request {request.id} refers to a missing coachee or programme")
    managers = {p.id: p.manager_id for p in store.list_people()}
    context = MatchContext(
        request=request,
        coachee=coachee,
        programme=programme,
        now=now or services.clock.now(),
        management_chain=management_chain(managers, coachee.id),
    )
    if candidates is None:
        candidates = coach_candidates(services)
    pool_size = len(candidates.coaches) if isinstance(candidates, CoachIndex) else len(candidates)
    size = pool_size if everyone else services.settings.shortlist_size
    return match(context, candidates, shortlist_size=size)
