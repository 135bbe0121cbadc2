"""Everything a digest is computed from, read from the store in a handful of queries."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from bot.digest.facts import (
    CoachCapacity,
    EngagementFact,
    EvaluationFact,
    FeedbackFact,
    RequestFact,
    SessionFact,
)
from bot.digest.rules import DigestRules
from bot.digest.source import DigestSource
from bot.digest.week import Week, week_containing
from bot.domain import HOLDING_A_PLACE, Organisation, Programme, RequestState, SessionState

OPEN_STATES = (
    RequestState.OPEN,
    RequestState.SHORTLISTED,
    RequestState.WAITING_COACH,
    RequestState.WAITING_COACHEE,
    RequestState.WAITLISTED,
)


@dataclass(frozen=True)
class DigestData:
    week: Week
    as_of: datetime
    year_start: datetime
    year_end: datetime
    held: list[SessionFact]  # HELD, from the chart's first week or the year start
    week_sessions: list[SessionFact]  # CANCELLED and NO_SHOW sessions of the week
    feedback: list[FeedbackFact]  # given since the first week `held` covers
    evaluations: list[EvaluationFact]  # final evaluations, over the same weeks as `feedback`
    new_requests: list[RequestFact]
    open_requests: list[RequestFact]
    engagements: list[EngagementFact]  # started in the week
    placed: list[EngagementFact]  # holding a coach's place now (`HOLDING_A_PLACE`)
    coaches: list[CoachCapacity]
    loads: dict[int, tuple[int, float]]  # store.coach_loads for the month of `as_of`
    organisation_of: dict[int, int]
    organisations: list[Organisation]
    programmes: list[Programme]

    def decided(self) -> DigestData:
        """What computing a digest reads once the pool's release is decided from this
        (`release.release`): the records themselves are dropped, so a kept read holds
        the release and not a year of facts."""
        return replace(
            self,
            held=[],
            week_sessions=[],
            feedback=[],
            evaluations=[],
            new_requests=[],
            open_requests=[],
            engagements=[],
            placed=[],
        )

    @property
    def week_utc(self) -> tuple[datetime, datetime]:
        return utc(self.week.start), utc(self.week.end)


def utc(instant: datetime) -> datetime:
    """Facts from the store are in UTC: comparing them with bounds in the same zone object
    skips a zone conversion per comparison, which adds up over a year of sessions."""
    return instant.astimezone(UTC)


def year_bounds(week: Week, rules: DigestRules) -> tuple[datetime, datetime]:
    """The financial year that holds the week's Sunday: a week straddling 1 April counts
    towards the new year, whose "to date" then starts on 1 April itself."""
    last_day = week.monday + timedelta(days=6)
    start = date(last_day.year, rules.year_start_month, rules.year_start_day)
    if start > last_day:
        start = start.replace(year=start.year - 1)
    end = start.replace(year=start.year + 1)
    return (
        datetime.combine(start, time(0), tzinfo=week.tz),
        datetime.combine(end, time(0), tzinfo=week.tz),
    )


def month_bounds(instant: datetime, week: Week) -> tuple[datetime, datetime]:
    """The pool-zone calendar month holding `instant` (what coach capacity counts)."""
    local = instant.astimezone(week.tz).date().replace(day=1)
    following = date(local.year + local.month // 12, local.month % 12 + 1, 1)
    return (
        datetime.combine(local, time(0), tzinfo=week.tz),
        datetime.combine(following, time(0), tzinfo=week.tz),
    )


def gather(store: DigestSource, *, week: Week, as_of: datetime, rules: DigestRules) -> DigestData:
    year_start, year_end = year_bounds(week, rules)
    # Whole weeks: the year's figures start with the week that holds its first day.
    earliest = min(
        week_containing(year_start, week.tz).start, week.shifted(1 - rules.chart_weeks).start
    )
    month_start, month_end = month_bounds(as_of, week)
    return DigestData(
        week=week,
        as_of=as_of,
        year_start=year_start,
        year_end=year_end,
        held=store.session_facts(
            starting_from=earliest, starting_before=week.end, states=[SessionState.HELD]
        ),
        week_sessions=store.session_facts(
            starting_from=week.start,
            starting_before=week.end,
            states=[SessionState.CANCELLED, SessionState.NO_SHOW],
        ),
        feedback=store.feedback_facts(submitted_from=earliest, submitted_before=week.end),
        evaluations=store.evaluation_facts(submitted_from=earliest, submitted_before=week.end),
        new_requests=store.request_facts(created_from=week.start, created_before=week.end),
        open_requests=store.request_facts(states=OPEN_STATES),
        engagements=store.engagement_facts(started_from=week.start, started_before=week.end),
        placed=store.engagement_facts(states=HOLDING_A_PLACE),
        coaches=store.coach_capacities(),
        loads=store.coach_loads(month_start, month_end),
        organisation_of=store.organisation_of_people(),
        organisations=store.list_organisations(),
        programmes=store.list_programmes(),
    )
