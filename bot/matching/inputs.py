"""What matching is given: the request in context, and each coach as the store sees them now."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.coaches import CoachProfile
from bot.domain.people import Organisation, Person
from bot.domain.programmes import Programme
from bot.domain.requests import CoachingRequest
from bot.domain.timewindow import TimeWindow


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


# How far ahead matching looks for free time, unless a context says otherwise.
HORIZON_DAYS = 28


@dataclass(frozen=True)
class MatchContext:
    request: CoachingRequest
    coachee: Person
    programme: Programme
    now: datetime
    allow_previous_coaches: bool = False
    # Everyone in the coachee's management chain, above and below, and how they stand to
    # the coachee (bot.domain.management): never matched with each other.
    management_chain: Mapping[int, str] = field(default_factory=dict)
    # How far ahead matching looks for free time, and how soon a first session can be.
    horizon_days: int = HORIZON_DAYS
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
