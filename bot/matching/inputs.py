"""What matching is given: the request in context, and each coach as the store sees them now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.coaches import CoachProfile
from bot.domain.people import Organisation, Person
from bot.domain.programmes import Programme
from bot.domain.requests import CoachingRequest
from bot.timewindow import TimeWindow


@dataclass(frozen=True)
class CoachCandidate:
    person: Person
    profile: CoachProfile
    organisation: Organisation
    # Free time over the matching horizon (`scheduling.free_windows`, sessions already subtracted).
    free: tuple[TimeWindow, ...]
    active_coachees: int
    hours_this_month: float
    # The coach's organisation's pool balance: hours given minus hours received (fair exchange).
    organisation_balance_hours: float = 0.0
    # People this coach has coached before, in any engagement.
    past_coachee_ids: frozenset[int] = frozenset()

    @property
    def id(self) -> int:
        return self.person.id


@dataclass(frozen=True)
class MatchContext:
    request: CoachingRequest
    coachee: Person
    programme: Programme
    now: datetime
    allow_previous_coaches: bool = False
    # The coachee's line manager and the people they manage, where known beyond
    # Person.manager_id (e.g. from an HR import): never matched with each other.
    line_management_ids: frozenset[int] = frozenset()
    # How far ahead matching looks for free time, and how soon a first session can be.
    horizon_days: int = 28
    notice: timedelta = timedelta(hours=24)
    # Where the coaches' free time stops counting (None: wherever it ends). An index kept
    # across requests holds free time further ahead than one request may use.
    free_until: datetime | None = None

    @property
    def horizon(self) -> TimeWindow:
        return TimeWindow(self.now, self.now + timedelta(days=self.horizon_days))

    @property
    def earliest_start(self) -> datetime:
        return self.now + self.notice

    @property
    def coachee_tz(self) -> ZoneInfo:
        return ZoneInfo(self.coachee.timezone)

    @property
    def session_length(self) -> timedelta:
        return timedelta(minutes=self.programme.session_minutes)
