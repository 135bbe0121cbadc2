"""Coaches at or over capacity, and what the waiting list asks for that no coach can take.

At capacity means, as matching counts it (`store.coach_loads`): open engagements at or over
`max_coachees`, or confirmed and held hours this calendar month at or over
`max_hours_per_month`. Paused coaches are left out: they are not taking anyone anyway. The
digest names the limit reached, never how many coachees or hours a coach has: those are
figures about their coachees.
"""

from __future__ import annotations

from bot.digest.model import CoachAtCapacity, Count, Counts
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
        coachees, hours = data.loads.get(coach.person_id, (0, 0.0))
        coachees_full = coachees >= coach.max_coachees
        hours_full = hours >= coach.max_hours_per_month
        if coachees_full or hours_full:
            full.append(
                CoachAtCapacity(
                    name=coach.name,
                    organisation=names.get(coach.organisation_id, ""),
                    max_coachees=coach.max_coachees,
                    max_hours_per_month=coach.max_hours_per_month,
                    coachees_full=coachees_full,
                    hours_full=hours_full,
                )
            )
    return tuple(sorted(full, key=lambda c: (c.name.casefold(), c.organisation)))


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
