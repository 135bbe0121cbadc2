"""Sessions and hours: the week, the year to date against the target, each organisation's
hours given and received, and the weekly series for the chart."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from bot.digest.facts import SessionFact
from bot.digest.model import Activity, OrganisationHours, WeekHours, YearToDate
from bot.digest.privacy import Figure, guarded
from bot.digest.scoping import Scoping
from bot.digest.sources import DigestData, utc
from bot.domain import SessionState


def _hours(sessions: Iterable[SessionFact]) -> float:
    return sum((s.hours for s in sessions), 0.0)


def _count(scoping: Scoping, sessions: list[SessionFact]) -> Figure:
    return scoping.figure(len(sessions), coachees=(s.coachee_id for s in sessions))


def activity(data: DigestData, scoping: Scoping) -> Activity:
    start, end = data.week_utc
    held = [s for s in data.held if start <= s.start < end and scoping.session(s)]
    other = [s for s in data.week_sessions if scoping.session(s)]
    cancelled = [s for s in other if s.state is SessionState.CANCELLED]
    no_shows = [s for s in other if s.state is SessionState.NO_SHOW]
    return Activity(
        sessions_held=_count(scoping, held),
        hours_held=scoping.figure(_hours(held), coachees=(s.coachee_id for s in held)),
        cancellations=_count(scoping, cancelled),
        late_cancellations=_count(scoping, [s for s in cancelled if s.late_cancellation]),
        cancelled_by_coach=_count(scoping, [s for s in cancelled if s.cancelled_by == s.coach_id]),
        cancelled_by_coachee=_count(
            scoping, [s for s in cancelled if s.cancelled_by == s.coachee_id]
        ),
        no_shows=_count(scoping, no_shows),
        coach_no_shows=_count(scoping, [s for s in no_shows if s.no_show_by == s.coach_id]),
        coachee_no_shows=_count(scoping, [s for s in no_shows if s.no_show_by == s.coachee_id]),
    )


def year_to_date(data: DigestData, scoping: Scoping, *, annual_target: float) -> YearToDate:
    """Held hours from the year start to the end of the week, and the target pro rata."""
    year_start = utc(data.year_start)
    year = [s for s in data.held if s.start >= year_start]
    mine = [s for s in year if scoping.session(s)]
    # In calendar days: a clock change must not nudge the pro-rata target.
    first, last = (d.astimezone(data.week.tz).date() for d in (data.year_start, data.year_end))
    elapsed = (data.week.end.date() - first).days / (last - first).days
    return YearToDate(
        start=data.year_start,
        hours=scoping.figure(_hours(mine), coachees=(s.coachee_id for s in mine)),
        pool_hours=_hours(year),
        annual_target=annual_target,
        target_to_date=annual_target * min(max(elapsed, 0.0), 1.0),
    )


def organisation_hours(data: DigestData, scoping: Scoping) -> tuple[OrganisationHours, ...]:
    """Hours given (by the organisation's coaches) and received (by its staff), in the week
    and the year to date, by organisation name. One pass over the year's sessions."""
    org_of = data.organisation_of
    year_start, (week_start, week_end) = utc(data.year_start), data.week_utc
    given: defaultdict[tuple[int | None, bool], float] = defaultdict(float)
    received: defaultdict[tuple[int | None, bool], float] = defaultdict(float)
    receivers: defaultdict[tuple[int | None, bool], set[int]] = defaultdict(set)
    for session in data.held:
        if session.start < year_start:
            continue
        this_week = week_start <= session.start < week_end
        coach_org, coachee_org = org_of.get(session.coach_id), org_of.get(session.coachee_id)
        for in_week in (False, True) if this_week else (False,):
            given[coach_org, in_week] += session.hours
            received[coachee_org, in_week] += session.hours
            receivers[coachee_org, in_week].add(session.coachee_id)

    def got(org: int, in_week: bool) -> Figure:
        people = len(receivers[org, in_week])
        return guarded(received[org, in_week], people=people, min_group=scoping.min_group)

    return tuple(
        OrganisationHours(
            name=organisation.name,
            given_week=given[organisation.id, True],
            received_week=got(organisation.id, True),
            given_year=given[organisation.id, False],
            received_year=got(organisation.id, False),
        )
        for organisation in sorted(data.organisations, key=lambda o: o.name.casefold())
        if scoping.organisation_id in {None, organisation.id}
    )


def weekly_hours(data: DigestData, scoping: Scoping, *, weeks: int) -> tuple[WeekHours, ...]:
    """The pool's held hours per week; for an organisation, the hours its coaches gave
    (exact, unlike what its staff received, so no bar ever needs withholding)."""
    series = [data.week.shifted(offset) for offset in range(1 - weeks, 1)]
    starts = [utc(week.start) for week in series]
    end = utc(data.week.end)
    totals = [0.0] * len(series)
    for session in data.held:
        if starts[0] <= session.start < end and scoping.member(session.coach_id):
            totals[bisect_right(starts, session.start) - 1] += session.hours
    return tuple(WeekHours(week.label, total) for week, total in zip(series, totals, strict=True))
