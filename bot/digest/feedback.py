"""Feedback and final-evaluation averages, never from fewer than the minimum group
(`release.rating_means`).

Only scores are read here; comments never reach the digest. Themes are counted in
`release.py`, only where the coachee consented and only from `bot.domain.feedback.THEMES`.
"""

from __future__ import annotations

from bot.digest.model import Evaluations, Ratings
from bot.digest.privacy import Figure
from bot.digest.release import Mean, PoolRelease


def ratings_week(release: PoolRelease, organisation_id: int | None) -> Ratings:
    return Ratings(
        usefulness=release.usefulness[-1].of(organisation_id),
        progress=release.progress[-1].of(organisation_id),
    )


def ratings_year(release: PoolRelease, organisation_id: int | None) -> Ratings:
    weeks = release.year_weeks
    return Ratings(
        usefulness=_year_mean([release.usefulness[i] for i in weeks], organisation_id),
        progress=_year_mean([release.progress[i] for i in weeks], organisation_id),
    )


def evaluations_week(release: PoolRelease, organisation_id: int | None) -> Evaluations:
    return Evaluations(
        goal_attainment=release.attainment[-1].of(organisation_id),
        would_recommend=release.recommend[-1].of(organisation_id),
        recommenders=release.recommenders[-1].of(organisation_id),
    )


def evaluations_year(release: PoolRelease, organisation_id: int | None) -> Evaluations:
    weeks = release.year_weeks
    return Evaluations(
        goal_attainment=_year_mean([release.attainment[i] for i in weeks], organisation_id),
        would_recommend=_year_mean([release.recommend[i] for i in weeks], organisation_id),
        recommenders=_year_mean([release.recommenders[i] for i in weeks], organisation_id),
    )


def _year_mean(weeks: list[Mean], organisation_id: int | None) -> Figure:
    """Privacy rule 4: the mean of the scores of the weeks whose mean was printed."""
    total, responses, people = 0.0, 0, set[int]()
    for week in weeks:
        summed = week.sums.total if organisation_id is None else week.sums.part(organisation_id)
        if summed.value is None:
            continue
        keys = list(week.responses) if organisation_id is None else [organisation_id]
        total += summed.value
        responses += sum(week.responses.get(k, 0) for k in keys)
        for key in keys:
            people |= week.people.get(key, frozenset())
    if responses == 0:
        return Figure(None, people=0)
    return Figure(total / responses, len(people))
