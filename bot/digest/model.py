"""What a digest says: plain frozen data, built by `figures.py`, shown by `render.py`.

Nothing here names a coachee or carries free text: requests appear by reference number,
coaches by name (they are pool staff acting in that role), everything else as counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.digest.privacy import Figure
from bot.digest.week import Week
from bot.domain import RequestState


@dataclass(frozen=True)
class Scope:
    """The whole pool (coordinators) or one member organisation (its leads)."""

    name: str
    organisation_id: int | None = None

    @property
    def is_pool(self) -> bool:
        return self.organisation_id is None


@dataclass(frozen=True)
class WaitingRequest:
    request_id: int
    days: int
    state: RequestState


@dataclass(frozen=True)
class OverdueResponse:
    request_id: int
    due: datetime
    days_overdue: int
    coach: str = ""  # named in the coordinators' digest only


@dataclass(frozen=True)
class Pipeline:
    new: int
    matched: int
    waiting: tuple[WaitingRequest, ...]  # longest wait first
    overdue: tuple[OverdueResponse, ...]  # most overdue first


@dataclass(frozen=True)
class Activity:
    """Sessions that started in the week. In an organisation's digest every figure here
    is about its staff's coaching too, so each is guarded."""

    sessions_held: Figure
    hours_held: Figure
    cancellations: Figure
    late_cancellations: Figure
    cancelled_by_coach: Figure
    cancelled_by_coachee: Figure
    no_shows: Figure
    coach_no_shows: Figure
    coachee_no_shows: Figure


@dataclass(frozen=True)
class YearToDate:
    start: datetime
    hours: Figure  # in scope
    pool_hours: float  # the whole pool, for the target
    annual_target: float
    target_to_date: float  # pro rata, to the end of the digest's week


@dataclass(frozen=True)
class Ratings:
    usefulness: Figure  # mean of 1-5
    progress: Figure  # mean of 0-10


@dataclass(frozen=True)
class Count:
    label: str
    count: int


@dataclass(frozen=True)
class Counts:
    """Counts by theme or topic; `others_withheld` when some came from too few people."""

    shown: tuple[Count, ...]
    others_withheld: bool = False


@dataclass(frozen=True)
class CoachAtCapacity:
    name: str
    organisation: str
    coachees: int
    max_coachees: int
    hours_this_month: float
    max_hours_per_month: float


@dataclass(frozen=True)
class OrganisationHours:
    name: str
    given_week: float  # by its coaches: coaches' work is not confidential
    received_week: Figure  # by its staff: guarded
    given_year: float
    received_year: Figure


@dataclass(frozen=True)
class WeekHours:
    label: str  # "2026-W47"
    hours: float


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
    themes_year: Counts
    capacity: tuple[CoachAtCapacity, ...]
    gaps: Counts  # waiting-list requests by topic
    organisations: tuple[OrganisationHours, ...]
    # Hours per week for the chart: the pool's, or those an organisation's coaches gave.
    weekly_hours: tuple[WeekHours, ...]
