"""Sessions and hours: the week, the year to date against the target, each organisation's
hours given and received, and the weekly series for the chart; all read from the groups the
pool releases (`release.py`), the pool's totals or an organisation's parts."""

from __future__ import annotations

from collections.abc import Iterable

from bot.digest.model import Activity, Breakdown, OrganisationHours, WeekHours, YearToDate
from bot.digest.privacy import Disclosure, Figure
from bot.digest.release import HeldGroups, PoolRelease
from bot.digest.sources import DigestData
from bot.digest.week import Week


def _of(group: Disclosure[int], organisation_id: int | None) -> Figure:
    return group.total if organisation_id is None else group.part(organisation_id)


def activity(release: PoolRelease, organisation_id: int | None) -> Activity:
    held, missed = release.held[-1], release.missed
    if organisation_id is not None:
        return Activity(
            sessions_held=held.sessions.part(organisation_id),
            hours_held=held.hours.part(organisation_id),
            cancellations=missed.cancellations.part(organisation_id),
            no_shows=missed.no_shows.part(organisation_id),
        )
    return Activity(
        sessions_held=held.sessions.total,
        hours_held=held.hours.total,
        cancellations=missed.cancellations.total,
        no_shows=missed.no_shows.total,
        breakdown=Breakdown(
            late_cancellations=missed.late.part("late"),
            cancelled_by_coach=missed.cancelled_by.part("coach"),
            cancelled_by_coachee=missed.cancelled_by.part("coachee"),
            coach_no_shows=missed.absent.part("coach"),
            coachee_no_shows=missed.absent.part("coachee"),
        ),
    )


def year_sum(weekly: Iterable[Figure]) -> tuple[Figure, int]:
    """Privacy rule 4: the sum of the weekly figures printed, and how many were withheld."""
    total, withheld = 0.0, 0
    for figure in weekly:
        if figure.value is None:
            withheld += 1
        else:
            total += figure.value
    return Figure(total), withheld


def year_to_date(
    release: PoolRelease, data: DigestData, organisation_id: int | None, *, annual_target: float
) -> YearToDate:
    """Hours held in the year's weeks to the digest's, and the target pro rata."""
    weeks = [release.held[i].hours for i in release.year_weeks]
    pool, pool_withheld = year_sum(group.total for group in weeks)
    mine, withheld = year_sum(_of(group, organisation_id) for group in weeks)
    # In calendar days: a clock change must not nudge the pro-rata target.
    first, last = (d.astimezone(data.week.tz).date() for d in (data.year_start, data.year_end))
    elapsed = (data.week.end.date() - first).days / (last - first).days
    return YearToDate(
        start=release.weeks[release.year_from].start,
        hours=mine,
        weeks_withheld=withheld,
        pool_hours=pool.value or 0.0,
        pool_weeks_withheld=pool_withheld,
        annual_target=annual_target,
        target_to_date=annual_target * min(max(elapsed, 0.0), 1.0),
    )


def organisation_hours(
    release: PoolRelease, data: DigestData, organisation_id: int | None
) -> tuple[OrganisationHours, ...]:
    """Hours its coaches gave and its staff received, in the week and the year to date,
    by organisation name: the parts of the week's hours, two ways."""
    year = [release.held[i] for i in release.year_weeks]
    week = release.held[-1]
    return tuple(
        OrganisationHours(
            name=organisation.name,
            given_week=week.given.part(organisation.id),
            received_week=week.hours.part(organisation.id),
            given_year=year_sum(w.given.part(organisation.id) for w in year)[0],
            received_year=year_sum(w.hours.part(organisation.id) for w in year)[0],
        )
        for organisation in sorted(data.organisations, key=lambda o: o.name.casefold())
        if organisation_id in {None, organisation.id}
    )


def weekly_hours(
    release: PoolRelease, organisation_id: int | None, *, weeks: int
) -> tuple[WeekHours, ...]:
    """The pool's held hours per week; for an organisation, the hours its coaches gave.
    A week whose figure was withheld has no bar."""
    series = list(zip(release.weeks, release.held, strict=True))[-weeks:]
    return _series(series, organisation_id)


def year_hours(release: PoolRelease, organisation_id: int | None) -> tuple[WeekHours, ...]:
    """`weekly_hours` over the financial year's weeks so far: the printed weekly figures
    that the cumulative chart adds up (privacy rule 4)."""
    pairs = list(zip(release.weeks, release.held, strict=True))
    return _series([pairs[i] for i in release.year_weeks], organisation_id)


def _series(
    series: list[tuple[Week, HeldGroups]], organisation_id: int | None
) -> tuple[WeekHours, ...]:
    return tuple(
        WeekHours(
            week.label, _of(held.given if organisation_id else held.hours, organisation_id).value
        )
        for week, held in series
    )
