"""Coaches at or over capacity, the capacity coaches offer and how much is taken, and what
the waiting list asks for that no coach can take.

At capacity is decided in `limits.py`, as matching counts it. Paused coaches are left out:
they are not taking anyone anyway. The digest names the limit reached, never how many
coachees or hours a coach has: those are figures about their coachees.
"""

from __future__ import annotations

from collections import defaultdict

from bot.digest.facts import CoachCapacity
from bot.digest.limits import reached
from bot.digest.model import CoachAtCapacity, CoachLoad, Count, Counts
from bot.digest.privacy import Figure
from bot.digest.release import OTHER_TOPICS, PoolRelease
from bot.digest.sources import DigestData


def coaches_at_capacity(
    data: DigestData, organisation_id: int | None
) -> tuple[CoachAtCapacity, ...]:
    names = {o.id: o.name for o in data.organisations}
    full = []
    for coach in data.coaches:
        if coach.paused or organisation_id not in {None, coach.organisation_id}:
            continue
        limits = reached(coach, data.loads)
        if limits.any:
            full.append(
                CoachAtCapacity(
                    name=coach.name,
                    organisation=names.get(coach.organisation_id, ""),
                    max_coachees=coach.max_coachees,
                    max_hours_per_month=coach.max_hours_per_month,
                    coachees_full=limits.coachees,
                    hours_full=limits.hours,
                )
            )
    return tuple(sorted(full, key=lambda c: (c.name.casefold(), c.organisation)))


def coach_load(
    release: PoolRelease, data: DigestData, organisation_id: int | None, *, scope_name: str
) -> tuple[CoachLoad, ...]:
    """The scope's coaches' capacity and load; for the pool, then each organisation's (the
    parts of the places taken that `release.py` decided), by name."""
    by_organisation: defaultdict[int, list[CoachCapacity]] = defaultdict(list)
    for coach in data.coaches:
        by_organisation[coach.organisation_id].append(coach)
    if organisation_id is not None:
        mine = by_organisation[organisation_id]
        return (_load(scope_name, mine, release.places.part(organisation_id), data),)
    rows = [_load(scope_name, data.coaches, release.places.total, data)]
    for organisation in sorted(data.organisations, key=lambda o: o.name.casefold()):
        if theirs := by_organisation[organisation.id]:
            rows.append(
                _load(organisation.name, theirs, release.places.part(organisation.id), data)
            )
    return tuple(rows)


def _load(name: str, coaches: list[CoachCapacity], taken: Figure, data: DigestData) -> CoachLoad:
    active = [c for c in coaches if not c.paused]
    limits = [reached(c, data.loads) for c in active]
    return CoachLoad(
        name=name,
        coaches=len(active),
        paused=len(coaches) - len(active),
        places_offered=sum(c.max_coachees for c in active),
        places_taken=taken,
        hours_offered=sum(c.max_hours_per_month for c in active),
        at_coachee_limit=sum(r.coachees for r in limits),
        at_hours_limit=sum(r.hours for r in limits),
        at_a_limit=sum(r.any for r in limits),
    )


def capacity_gaps(release: PoolRelease, organisation_id: int | None) -> Counts:
    """Waiting-list requests by the topics their words name: the pool's count per topic,
    or an organisation's part of it, each printed as `release.py` decided."""
    shown, withheld = [], False
    for label, group in release.gaps.items():
        figure = group.total if organisation_id is None else group.part(organisation_id)
        if figure.value is None:
            withheld = True
        elif figure.value:
            shown.append(Count(label, round(figure.value)))
    shown.sort(key=lambda c: (c.label == OTHER_TOPICS, -c.count, c.label))
    return Counts(tuple(shown), others_withheld=withheld)
