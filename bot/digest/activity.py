"""Sessions and hours: the week, the year to date against the target, each organisation's
hours given and received, and the weekly series for the chart."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping

from bot.digest.facts import SessionFact
from bot.digest.model import Activity, OrganisationHours, WeekHours, YearToDate
from bot.digest.privacy import Figure, guarded
from bot.digest.scoping import Scoping
from bot.digest.sources import DigestData
from bot.domain import SessionState


def _hours(sessions: Iterable[SessionFact]) -> float:
    return sum((s.hours for s in sessions), 0.0)


def _count(scoping: Scoping, sessions: list[SessionFact]) -> Figure:
    return scoping.figure(len(sessions), coachees=(s.coachee_id for s in sessions))


def activity(data: DigestData, scoping: Scoping) -> Activity:
    week = data.week
    held = [s for s in data.held if week.start <= s.start < week.end and scoping.session(s)]
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
    year = [s for s in data.held if s.start >= data.year_start]
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
    and the year to date, by organisation name."""
    org_of = data.organisation_of
    year = [s for s in data.held if s.start >= data.year_start]
    week = [s for s in year if s.start < data.week.end and s.start >= data.week.start]
    rows = []
    for organisation in sorted(data.organisations, key=lambda o: o.name.casefold()):
        if scoping.organisation_id not in {None, organisation.id}:
            continue
        rows.append(
            OrganisationHours(
                name=organisation.name,
                given_week=_given(week, organisation.id, org_of),
                received_week=_received(week, organisation.id, org_of, scoping.min_group),
                given_year=_given(year, organisation.id, org_of),
                received_year=_received(year, organisation.id, org_of, scoping.min_group),
            )
        )
    return tuple(rows)


def _given(sessions: list[SessionFact], org: int, org_of: Mapping[int, int]) -> float:
    return _hours(s for s in sessions if org_of.get(s.coach_id) == org)


def _received(
    sessions: list[SessionFact], org: int, org_of: Mapping[int, int], min_group: int
) -> Figure:
    """Withheld when fewer than `min_group` of the organisation's staff received them."""
    mine = [s for s in sessions if org_of.get(s.coachee_id) == org]
    return guarded(_hours(mine), people=len({s.coachee_id for s in mine}), min_group=min_group)


def weekly_hours(data: DigestData, scoping: Scoping, *, weeks: int) -> tuple[WeekHours, ...]:
    """The pool's held hours per week; for an organisation, the hours its coaches gave
    (exact, unlike what its staff received, so no bar ever needs withholding)."""
    series = [data.week.shifted(offset) for offset in range(1 - weeks, 1)]
    starts = [week.start for week in series]
    totals = [0.0] * len(series)
    for session in data.held:
        if starts[0] <= session.start < data.week.end and scoping.member(session.coach_id):
            totals[bisect_right(starts, session.start) - 1] += session.hours
    return tuple(WeekHours(week.label, total) for week, total in zip(series, totals, strict=True))
