"""The pool as matching sees it, kept between requests so that a request costs the same
whether the pool has one year of history or ten.

What is slow to prepare and changes seldom is kept while the store's pool revision tags
say it is still true: every coach's profile, texts (the index's postings) and free time
from their availability for a day's worth of requests. What a booking or a held session
moves is read fresh on every request, each with one bounded query: the coming weeks'
sessions, this month's load, the organisations' hours (kept while the 'hours' tag holds)
and who has coached this coachee. Only the coaches whose figures moved are prepared again.
"""

from __future__ import annotations

import gc
import threading
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain import EngagementState, Organisation, Person
from bot.domain.coaches import CoachProfile
from bot.matching import CoachCandidate, CoachIndex, MatchContext
from bot.ports.store import Store
from bot.scheduling import free_windows, subtract
from bot.services import Services
from bot.timewindow import TimeWindow

# How long a prepared pool serves: its grid and free time reach this far past the horizon.
SPAN = timedelta(days=1)
NOTICE = timedelta(hours=24)  # a session starts no sooner: a coach needs time to prepare
Figures = tuple[tuple[TimeWindow, ...], tuple[int, float], float, int | None]


def horizon(services: Services, now: datetime | None = None) -> TimeWindow:
    """Where a coach's free time is offered from and to."""
    now = now or services.clock.now()
    return TimeWindow(now + NOTICE, now + timedelta(weeks=services.settings.horizon_weeks))


def zone_of(person: Person, fallback: ZoneInfo) -> ZoneInfo:
    try:
        return ZoneInfo(person.timezone)
    except (KeyError, ValueError):
        return fallback


@dataclass(frozen=True)
class _Prepared:
    """The pool's slow-to-prepare part, true while `key` is."""

    key: tuple[object, ...]  # the coaches' revision tag and the settings it was built under
    built_at: datetime
    coaches: tuple[tuple[Person, CoachProfile, Organisation], ...]  # in index order
    available: tuple[tuple[TimeWindow, ...], ...]  # free time before any booking
    index: CoachIndex  # candidates with the figures in `figures`
    figures: tuple[Figures, ...]

    def serves(self, key: tuple[object, ...], now: datetime) -> bool:
        return key == self.key and self.built_at <= now < self.built_at + SPAN


class MatchingPool:
    """One store's pool, prepared once and refreshed per request. Safe across threads:
    preparing is serialised, and each request matches against an immutable index."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._prepared: _Prepared | None = None
        self._hours: tuple[int | None, dict[int, float]] | None = None

    def index(self, services: Services, *, coachee_id: int) -> CoachIndex:
        """The index for a request by `coachee_id` now, every coach's figures current."""
        with self._lock:
            store, now = services.store, services.clock.now()
            revisions = store.pool_revisions()
            key = (revisions.coaches, services.settings.pool_timezone, _reach(services))
            prepared = self._prepared
            if prepared is None or not prepared.serves(key, now):
                prepared = _prepare(services, key, now)
                if len(prepared.coaches) >= FREEZE_FROM:
                    _freeze()
            balances = self._balances(store, revisions.hours)
            fresh = _figures(services, prepared, balances, coachee_id=coachee_id)
            # Unchanged figures keep their old objects: this request's copies die at once
            # instead of piling up in the collector's oldest generation (full collections
            # of the whole pool, ~100 ms, every few requests).
            figures = tuple(
                old if old == new else new for old, new in zip(prepared.figures, fresh, strict=True)
            )
            changed = {
                position: _candidate(prepared, position, new, coachee_id)
                for position, (old, new) in enumerate(zip(prepared.figures, figures, strict=True))
                if old is not new
            }
            if changed:
                prepared = _Prepared(
                    prepared.key,
                    prepared.built_at,
                    prepared.coaches,
                    prepared.available,
                    prepared.index.refreshed(changed),
                    figures,
                )
            self._prepared = prepared
            return prepared.index

    def _balances(self, store: Store, tag: int | None) -> dict[int, float]:
        if self._hours is None or self._hours[0] != tag:
            self._hours = (tag, store.organisation_hours())
        return self._hours[1]


# A pool this large is taken out of the garbage collector's sight once prepared. It is
# about 45 tracked objects a coach (windows, texts, profiles), and CPython's full collection,
# which runs every dozen or so requests, walks all of them: 100-200 ms at 5,000 coaches,
# the request path's slowest requests. Frozen, they are still freed by reference counting
# when the pool is replaced (a pool holds no reference cycles); a full collection first
# means only what is alive is frozen.
FREEZE_FROM = 1_000  # coaches


def _freeze() -> None:
    gc.collect()
    gc.freeze()


_POOLS: weakref.WeakKeyDictionary[Store, MatchingPool] = weakref.WeakKeyDictionary()
_POOLS_LOCK = threading.Lock()


def pool_of(store: Store) -> MatchingPool:
    """The matching pool kept for this store (one per store, for the store's lifetime)."""
    with _POOLS_LOCK:
        pool = _POOLS.get(store)
        if pool is None:
            pool = _POOLS[store] = MatchingPool()
        return pool


def _reach(services: Services) -> timedelta:
    return timedelta(weeks=services.settings.horizon_weeks)


def _prepare(services: Services, key: tuple[object, ...], now: datetime) -> _Prepared:
    store, zone = services.store, services.settings.pool_timezone
    people = {p.id: p for p in store.list_people()}  # erased people are never listed
    organisations = {o.id: o for o in store.list_organisations()}
    within = TimeWindow(now + NOTICE, now + _reach(services) + SPAN)
    coaches, available, candidates = [], [], []
    for profile in store.list_coaches():
        person = people.get(profile.person_id)
        if person is None:
            continue
        organisation = organisations[person.organisation_id]
        free = tuple(free_windows(profile, coach_tz=zone_of(person, zone), within=within, busy=()))
        coaches.append((person, profile, organisation))
        available.append(free)
        candidates.append(CoachCandidate(person, profile, organisation, free, 0, 0.0))
    reach = timedelta(days=MatchContext.horizon_days) + SPAN
    index = CoachIndex.build(candidates, horizon=TimeWindow(now, now + reach))
    figures = tuple(((), (0, 0.0), 0.0, None) for _ in coaches)
    return _Prepared(key, now, tuple(coaches), tuple(available), index, figures)


def _figures(
    services: Services, prepared: _Prepared, balances: dict[int, float], *, coachee_id: int
) -> tuple[Figures, ...]:
    """Each coach's sessions in the horizon, load this month, organisation balance, and the
    coachee's id if the coach has coached them: what a request reads fresh."""
    store, now = services.store, services.clock.now()
    busy = store.busy_by_person(horizon(services, now))
    loads = store.coach_loads(*month_of(now, services.settings.pool_timezone))
    coached = {
        e.coach_id
        for e in store.list_engagements(coachee_id=coachee_id)
        if e.state is not EngagementState.AWAITING_SPONSOR
    }
    return tuple(
        (
            tuple(busy.get(person.id, ())),
            loads.get(person.id, (0, 0.0)),
            balances.get(person.organisation_id, 0.0),
            coachee_id if person.id in coached else None,
        )
        for person, _, _ in prepared.coaches
    )


def _candidate(
    prepared: _Prepared, position: int, figures: Figures, coachee_id: int
) -> CoachCandidate:
    person, profile, organisation = prepared.coaches[position]
    busy, (active, hours), balance, coached = figures
    available = prepared.available[position]
    return CoachCandidate(
        person=person,
        profile=profile,
        organisation=organisation,
        free=tuple(subtract(available, busy)) if busy else available,
        active_coachees=active,
        hours_this_month=hours,
        organisation_balance_hours=balance,
        past_coachee_ids=frozenset() if coached is None else frozenset({coachee_id}),
    )


def month_of(now: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The calendar month containing `now` in the pool's zone, as UTC instants."""
    local = now.astimezone(zone)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = (start + timedelta(days=32)).replace(day=1)
    return start.astimezone(UTC), end.astimezone(UTC)
