"""The pool as matching sees it, kept between requests so that a request costs the same
whether the pool has one year of history or ten.

What is slow to prepare and changes seldom is kept while the store's pool revision tags
say it is still true: every coach's profile, texts (the index's postings) and free time
from their availability for a day's worth of requests. What a booking or a held session
moves is read fresh on every request, each with one bounded query (all in one read-only
transaction when the caller opens `store.reading()`, as offering a shortlist does): the
coming weeks' sessions, this month's load of the coaches who have one, the organisations'
hours (kept while the 'hours' tag holds) and who has coached this coachee. Only the coaches
whose figures moved are prepared again, and of those only the ones whose sessions moved
have their free time recomputed: a held session moves two organisations' balances, not
their coaches' free time.
"""

from __future__ import annotations

import dataclasses
import gc
import threading
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.bookable import NOTICE, horizon
from bot.domain import EngagementState, Organisation, Person
from bot.domain.coaches import CoachProfile
from bot.domain.people import zone_of
from bot.domain.timewindow import TimeWindow
from bot.matching import CoachCandidate, CoachIndex, MatchContext
from bot.ports.store import Store
from bot.scheduling import free_windows, subtract
from bot.services import Services

# How long a prepared pool serves: its grid and free time reach this far past the horizon.
SPAN = timedelta(days=1)
V = TypeVar("V")


@dataclass(frozen=True)
class _Read:
    """What the last request read fresh: the index's figures were made from these."""

    busy: dict[int, list[TimeWindow]]  # person id -> sessions in the horizon
    loads: dict[int, tuple[int, float]]  # coach id -> (open engagements, hours this month)
    balances: dict[int, float]  # organisation id -> hours given minus received
    coachee_id: int | None
    coached: frozenset[int]  # the coaches who have coached `coachee_id`


NOTHING_READ = _Read({}, {}, {}, None, frozenset())  # every coach's figures at their defaults


@dataclass(frozen=True)
class _Prepared:
    """The pool's slow-to-prepare part, true while `key` is."""

    key: tuple[object, ...]  # the coaches' revision tag and the settings it was built under
    built_at: datetime
    coaches: tuple[tuple[Person, CoachProfile, Organisation], ...]  # in index order
    available: tuple[tuple[TimeWindow, ...], ...]  # free time before any booking
    index: CoachIndex  # candidates with the figures `read` gives
    read: _Read
    positions: dict[int, int]  # coach id -> position in `coaches`
    members: dict[int, tuple[int, ...]]  # organisation id -> its coaches' positions

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
            read = _read(services, prepared.read, balances, coachee_id=coachee_id)
            changed = {
                position: _candidate(prepared, position, read)
                for position in _moved(prepared, read)
            }
            if changed or read is not prepared.read:
                prepared = dataclasses.replace(
                    prepared, index=prepared.index.refreshed(changed), read=read
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
    positions = {person.id: position for position, (person, _, _) in enumerate(coaches)}
    members: dict[int, list[int]] = {}
    for position, (person, _, _) in enumerate(coaches):
        members.setdefault(person.organisation_id, []).append(position)
    return _Prepared(
        key,
        now,
        tuple(coaches),
        tuple(available),
        index,
        NOTHING_READ,
        positions,
        {organisation: tuple(found) for organisation, found in members.items()},
    )


def _read(services: Services, last: _Read, balances: dict[int, float], *, coachee_id: int) -> _Read:
    """Each person's sessions in the horizon, each coach's load this month, the
    organisations' balances, and who has coached this coachee: what a request reads fresh.
    What equals the last read keeps the last read's objects, so this request's copies die
    at once instead of ageing into the collector's oldest generation."""
    store, now = services.store, services.clock.now()
    busy = store.busy_by_person(horizon(services, now))
    loads = store.coach_loads(*month_of(now, services.settings.pool_timezone), idle=False)
    coached = frozenset(
        e.coach_id
        for e in store.list_engagements(coachee_id=coachee_id)
        if e.state is not EngagementState.AWAITING_SPONSOR
    )
    read = _Read(
        last.busy if busy == last.busy else busy,
        last.loads if loads == last.loads else loads,
        balances,
        coachee_id,
        coached,
    )
    same = (read.busy, read.loads, read.balances, read.coachee_id, read.coached) == (
        last.busy,
        last.loads,
        last.balances,
        last.coachee_id,
        last.coached,
    )
    return last if same else read


def _moved(prepared: _Prepared, read: _Read) -> set[int]:
    """The positions of the coaches whose figures differ between the prepared index's read
    and `read`: found by comparing the reads, not every coach's figures."""
    last = prepared.read
    if read is last:
        return set()
    if last is NOTHING_READ:  # just prepared: every coach's figures made from this read
        return set(range(len(prepared.coaches)))
    people = _changed(read.busy, last.busy, None) | _changed(read.loads, last.loads, (0, 0.0))
    if read.coachee_id == last.coachee_id:
        people |= read.coached ^ last.coached
    else:  # the coaches who coached either coachee now name a different one
        people |= read.coached | last.coached
    moved = {prepared.positions[p] for p in people if p in prepared.positions}
    for organisation in _changed(read.balances, last.balances, 0.0):
        moved.update(prepared.members.get(organisation, ()))
    return moved


def _changed(new: Mapping[int, V], old: Mapping[int, V], default: V | None) -> set[int]:
    if new is old or new == old:
        return set()
    return {k for k in new.keys() | old.keys() if new.get(k, default) != old.get(k, default)}


def _candidate(prepared: _Prepared, position: int, read: _Read) -> CoachCandidate:
    person, profile, organisation = prepared.coaches[position]
    busy = read.busy.get(person.id, ())
    active, hours = read.loads.get(person.id, (0, 0.0))
    available = prepared.available[position]
    if busy == prepared.read.busy.get(person.id, ()):
        # Free time as before (only load, balance or history moved): the same windows,
        # so the index keeps their bits instead of subtracting and masking them again.
        available, busy = prepared.index.coaches[position].candidate.free, ()
    coachee = read.coachee_id
    past = frozenset({coachee}) if coachee is not None and person.id in read.coached else None
    return CoachCandidate(
        person=person,
        profile=profile,
        organisation=organisation,
        free=tuple(subtract(available, busy)) if busy else available,
        active_coachees=active,
        hours_this_month=hours,
        organisation_balance_hours=read.balances.get(person.organisation_id, 0.0),
        past_coachee_ids=past or frozenset(),
    )


def month_of(now: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The calendar month containing `now` in the pool's zone, as UTC instants."""
    local = now.astimezone(zone)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = (start + timedelta(days=32)).replace(day=1)
    return start.astimezone(UTC), end.astimezone(UTC)
