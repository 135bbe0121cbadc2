"""Coaches' profiles with their availability, the programmes, and what matching reads."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.domain import CoachProfile, EngagementState, Programme, RequestState
from bot.domain.timewindow import TimeWindow


class CoachStore(Protocol):
    def save_coach(self, profile: CoachProfile) -> None:
        """Insert or replace the profile, its weekly slots and its exceptions."""
        ...

    def get_coach(self, person_id: int) -> CoachProfile | None: ...
    def list_coaches(self) -> list[CoachProfile]:
        """Every coach profile (paused ones too), with availability, in person-id order."""
        ...


class ProgrammeStore(Protocol):
    def add_programme(self, programme: Programme) -> Programme: ...
    def update_programme(self, programme: Programme) -> None: ...
    def get_programme(self, programme_id: int) -> Programme | None: ...
    def find_programme(self, slug: str) -> Programme | None: ...
    def list_programmes(self) -> list[Programme]: ...


@dataclass(frozen=True)
class PoolRevisions:
    """Tags that change with every committed change to what they cover (None: never
    changed): `coaches` the coaches' profiles, availability, people and organisations;
    `hours` held sessions and who belongs to which organisation. Equal tags, equal data."""

    coaches: int | None
    hours: int | None


class MatchingReads(Protocol):
    """What matching reads on every request, in one query each."""

    def pool_revisions(self) -> PoolRevisions: ...

    def organisation_hours(self) -> dict[int, float]:
        """Organisation id -> hours of held sessions its coaches gave minus hours its staff
        received (each person counted in their organisation now; erased people not at all)."""
        ...

    def line_manager(self, person_id: int) -> int | None:
        """The person's line manager's id; None if they have none, are erased or unknown."""
        ...

    def direct_reports(self, manager_ids: Collection[int]) -> list[int]:
        """The people (not erased) whose line manager is one of `manager_ids`, by id."""
        ...

    def place_holders(
        self,
        programme_id: int,
        organisation_id: int,
        *,
        request_states: Sequence[RequestState],
        engagement_states: Sequence[EngagementState],
    ) -> set[int]:
        """The people now in the organisation (not erased) with a request in one of
        `request_states` or an engagement in one of `engagement_states` in the programme:
        one query, however many people the organisation has."""
        ...

    def busy_by_person(self, within: TimeWindow) -> dict[int, list[TimeWindow]]:
        """Person id -> their CONFIRMED/HELD sessions' windows (as coach or coachee) that
        overlap `within`, by start time; one query for everyone."""
        ...
