"""What a digest says: plain frozen data, built by `figures.py`, shown by `render.py`.

Nothing here names a coachee or carries free text: coaches appear by name beside their own
limits (they are pool staff acting in that role), everything else as figures decided by
`privacy.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.digest.privacy import Figure
from bot.digest.week import Week


@dataclass(frozen=True)
class Scope:
    """The whole pool (coordinators) or one member organisation (its leads)."""

    name: str
    organisation_id: int | None = None

    @property
    def is_pool(self) -> bool:
        return self.organisation_id is None


@dataclass(frozen=True)
class Pipeline:
    """Counts of requests, decided like every figure about people (`privacy.py`). Single
    requests are not listed: coordinators see them with `coachpool requests`."""

    new: Figure
    matched: Figure
    waiting: Figure  # as of the digest's `as_of`
    overdue: Figure | None  # coach answers overdue, in the coordinators' digest only


@dataclass(frozen=True)
class Breakdown:
    """How the week's cancellations and no-shows split: in the coordinators' digest only
    (an organisation's share of each would be the inside of a table, `privacy.py` rule 3)."""

    late_cancellations: Figure
    cancelled_by_coach: Figure
    cancelled_by_coachee: Figure
    coach_no_shows: Figure
    coachee_no_shows: Figure


@dataclass(frozen=True)
class Activity:
    """Sessions that started in the week: the pool's, or those an organisation's staff
    received (coachees are who the figures are about)."""

    sessions_held: Figure
    hours_held: Figure
    cancellations: Figure
    no_shows: Figure
    breakdown: Breakdown | None = None


@dataclass(frozen=True)
class YearToDate:
    """Sums of weekly figures printed in their own weeks (`privacy.py` rule 4), from the
    Monday of the week that holds the year's first day."""

    start: datetime
    hours: Figure  # in scope
    weeks_withheld: int  # in scope: weeks whose hours were withheld, left out of `hours`
    pool_hours: float  # the whole pool, for the target
    pool_weeks_withheld: int
    annual_target: float
    target_to_date: float  # pro rata, to the end of the digest's week


@dataclass(frozen=True)
class Ratings:
    usefulness: Figure  # mean of 1-5
    progress: Figure  # mean of 0-10


@dataclass(frozen=True)
class Evaluations:
    """Coachees' final evaluations when their coaching ended, decided like ratings."""

    goal_attainment: Figure  # mean of 0-10
    would_recommend: Figure  # mean of 0-10
    recommenders: Figure  # share (0 to 1) who answered 9 or 10 to would recommend


@dataclass(frozen=True)
class Count:
    label: str
    count: int
    to_week: str = ""  # themes: counted to the end of this week (`privacy.closed_blocks`)


@dataclass(frozen=True)
class Counts:
    """Counts by theme or topic; `others_withheld` when some came from too few people."""

    shown: tuple[Count, ...]
    others_withheld: bool = False


@dataclass(frozen=True)
class CoachAtCapacity:
    """A coach at a limit they set; how many coachees or hours they have is not shown."""

    name: str
    organisation: str
    max_coachees: int
    max_hours_per_month: float
    coachees_full: bool
    hours_full: bool


@dataclass(frozen=True)
class CoachLoad:
    """The capacity coaches offer and how much of it is taken, for the coaches of the pool
    or of one organisation. Counts of coaches and their own limits are about coaches;
    `places_taken` counts coachees, so it is decided by `privacy.py`."""

    name: str
    coaches: int  # not paused
    paused: int
    places_offered: int  # the not-paused coaches' `max_coachees`, added up
    places_taken: Figure  # engagements holding a place with them, as of `as_of`
    hours_offered: float  # their `max_hours_per_month`, added up
    at_coachee_limit: int
    at_hours_limit: int
    at_a_limit: int  # at either or both


@dataclass(frozen=True)
class OrganisationHours:
    """Hours its coaches gave and its staff received: parts of the week's hours."""

    name: str
    given_week: Figure
    received_week: Figure
    given_year: Figure  # sums of the weeks printed (`privacy.py` rule 4)
    received_year: Figure


@dataclass(frozen=True)
class WeekHours:
    label: str  # "2026-W47"
    hours: float | None  # None: withheld that week


@dataclass(frozen=True)
class Digest:
    scope: Scope
    week: Week
    as_of: datetime  # waiting lists and capacity are as of this instant
    min_group: int
    pipeline: Pipeline
    activity: Activity
    year: YearToDate
    weekly_target: float
    ratings_week: Ratings
    ratings_year: Ratings
    evaluations_week: Evaluations
    evaluations_year: Evaluations
    themes_year: Counts  # the coordinators' digest only
    capacity: tuple[CoachAtCapacity, ...]
    # The scope's coaches first (the pool's or the organisation's), then, for the pool, the
    # coaches of each organisation that has any.
    load: tuple[CoachLoad, ...]
    gaps: Counts  # waiting-list requests by topic
    organisations: tuple[OrganisationHours, ...]
    # Hours per week for the chart: the pool's, or those an organisation's coaches gave.
    weekly_hours: tuple[WeekHours, ...]
    # The same series over the financial year's weeks so far, for the cumulative chart.
    year_hours: tuple[WeekHours, ...] = ()
