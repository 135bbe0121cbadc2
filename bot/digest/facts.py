"""Compact read models the store returns for the digest: only the columns it needs.

A year of a large pool is tens of thousands of sessions; mapping each into a full domain
object (meeting links, locations, windows) costs more than the whole digest may take. The
facts read in bulk (sessions, feedback, final evaluations) are named tuples: immutable like
frozen dataclasses, and built several times faster, which a year of them adds up to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from bot.domain import EngagementState, RequestState, SessionState


class SessionFact(NamedTuple):
    id: int
    coach_id: int
    coachee_id: int
    start: datetime
    end: datetime
    state: SessionState
    late_cancellation: bool = False
    cancelled_by: int | None = None
    no_show_by: int | None = None

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600


class FeedbackFact(NamedTuple):
    """One feedback row with the session's two people, so it can be scoped and counted.

    A coachee's row carries their scores. A coach's row carries the themes they logged,
    but only when the session's coachee consented (on their own feedback row) to count
    them; `themes_at` is then when the later of the two was given."""

    session_id: int
    person_id: int
    coach_id: int
    coachee_id: int
    submitted_at: datetime
    usefulness: int | None = None
    progress: int | None = None
    consent_to_share_themes: bool = False
    themes: tuple[str, ...] = ()
    themes_at: datetime | None = None


class EvaluationFact(NamedTuple):
    """A coachee's final evaluation of an engagement: the two scores, never who the coach was."""

    person_id: int
    submitted_at: datetime
    goal_attainment: int  # 0-10
    would_recommend: int  # 0-10


@dataclass(frozen=True, slots=True)
class RequestFact:
    """`topic` is the coachee's own words: read only to find its themes, never shown."""

    id: int
    coachee_id: int
    programme_id: int
    state: RequestState
    created_at: datetime
    asked_at: datetime | None = None
    chosen_coach_id: int | None = None
    topic: str = ""


@dataclass(frozen=True, slots=True)
class EngagementFact:
    id: int
    request_id: int
    coach_id: int
    coachee_id: int
    state: EngagementState
    started_at: datetime


@dataclass(frozen=True, slots=True)
class CoachCapacity:
    """A coach's limits, with the name and organisation the digest shows (coaches are
    pool staff acting in that role, not coachees)."""

    person_id: int
    name: str
    organisation_id: int
    max_coachees: int
    max_hours_per_month: float
    paused: bool = False
