"""Coaching requests and their shortlists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.domain import CoachingRequest, RequestState, ShortlistEntry


class RequestStore(Protocol):
    def add_request(self, request: CoachingRequest) -> CoachingRequest: ...
    def update_request(
        self, request: CoachingRequest, *, expected: RequestState | None = None
    ) -> None:
        """Compare-and-set: write the request only if the stored one is still in `expected`
        (the state the caller read; None: `request.state`, a change that keeps the state)
        (else StaleState) and its lifecycle allows the move (else IllegalMove, see
        `bot/domain/lifecycles/`); nothing is written when refused. Under the row lock on
        PostgreSQL, so of racing writers from one state exactly one wins."""
        ...

    def get_request(self, request_id: int) -> CoachingRequest | None: ...
    def list_requests(
        self,
        *,
        coachee_id: int | None = None,
        programme_id: int | None = None,
        states: Sequence[RequestState] | None = None,
        chosen_coach_id: int | None = None,
    ) -> list[CoachingRequest]:
        """Ordered by creation time, oldest first."""
        ...

    def save_shortlist(self, request_id: int, entries: Sequence[ShortlistEntry]) -> None:
        """Replace the request's shortlist."""
        ...

    def get_shortlist(self, request_id: int) -> list[ShortlistEntry]:
        """Ordered by rank."""
        ...
