"""Coaches at or over capacity, and what the waiting list asks for that no coach can take.

At capacity means, as matching counts it (`store.coach_loads`): open engagements at or over
`max_coachees`, or confirmed and held hours this calendar month at or over
`max_hours_per_month`. Paused coaches are left out: they are not taking anyone anyway.
"""

from __future__ import annotations

from collections import defaultdict

from bot.digest.model import CoachAtCapacity, Count, Counts
from bot.digest.scoping import Scoping
from bot.digest.sources import DigestData
from bot.domain import RequestState
from bot.matching.topics import THEMES_BY_KEY, themes_of

OTHER_TOPICS = "other topics"


def coaches_at_capacity(data: DigestData, scoping: Scoping) -> tuple[CoachAtCapacity, ...]:
    names = {o.id: o.name for o in data.organisations}
    full = []
    for coach in data.coaches:
        if coach.paused or not scoping.member(coach.person_id):
            continue
        coachees, hours = data.loads.get(coach.person_id, (0, 0.0))
        if coachees >= coach.max_coachees or hours >= coach.max_hours_per_month:
            full.append(
                CoachAtCapacity(
                    name=coach.name,
                    organisation=names.get(coach.organisation_id, ""),
                    coachees=coachees,
                    max_coachees=coach.max_coachees,
                    hours_this_month=hours,
                    max_hours_per_month=coach.max_hours_per_month,
                )
            )
    return tuple(sorted(full, key=lambda c: (c.name.casefold(), c.organisation)))


def capacity_gaps(data: DigestData, scoping: Scoping) -> Counts:
    """Waiting-list requests by the topics their words name (a request may name several),
    each shown only when it comes from at least `min_group` coachees. The words themselves
    are read here and dropped."""
    requests: defaultdict[str, set[int]] = defaultdict(set)
    coachees: defaultdict[str, set[int]] = defaultdict(set)
    for request in data.open_requests:
        if request.state is not RequestState.WAITLISTED or not scoping.request(request):
            continue
        keys = themes_of(request.topic)
        labels = [THEMES_BY_KEY[key].label for key in keys] or [OTHER_TOPICS]
        for label in labels:
            requests[label].add(request.id)
            coachees[label].add(request.coachee_id)
    shown = [
        Count(label, len(ids))
        for label, ids in requests.items()
        if len(coachees[label]) >= scoping.min_group
    ]
    shown.sort(key=lambda c: (c.label == OTHER_TOPICS, -c.count, c.label))
    return Counts(tuple(shown), others_withheld=len(shown) < len(requests))
