"""The digest's own port: the read-only queries a digest (and the anonymous exports) are
computed from. Compact facts rather than domain objects, so a year of a large pool reads
fast. `storage.store.SqlStore` implements it beside `bot.ports.store.Store`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, runtime_checkable

from bot.digest.facts import (
    CoachCapacity,
    EngagementFact,
    EvaluationFact,
    FeedbackFact,
    RequestFact,
    SessionFact,
)
from bot.domain import EngagementState, Organisation, Programme, RequestState, SessionState


@runtime_checkable
class DigestSource(Protocol):
    def session_facts(
        self,
        *,
        starting_from: datetime,
        starting_before: datetime,
        states: Sequence[SessionState] | None = None,
    ) -> list[SessionFact]:
        """Sessions starting in [starting_from, starting_before), in any of `states`
        (default all), by start time."""
        ...

    def feedback_facts(
        self, *, submitted_from: datetime, submitted_before: datetime
    ) -> list[FeedbackFact]:
        """What the digest may use of feedback, oldest first, each with its session's coach
        and coachee: a coachee's scores given in [submitted_from, submitted_before), and the
        themes a coach logged for a session whose coachee consented to count them (two rows of
        the same session, joined), dated by the later of the two. Comments never."""
        ...

    def request_facts(
        self,
        *,
        created_from: datetime | None = None,
        created_before: datetime | None = None,
        states: Sequence[RequestState] | None = None,
    ) -> list[RequestFact]:
        """Requests created in the range (either bound optional) in any of `states`
        (default all), oldest first."""
        ...

    def evaluation_facts(
        self, *, submitted_from: datetime, submitted_before: datetime
    ) -> list[EvaluationFact]:
        """Final evaluations submitted in [submitted_from, submitted_before), oldest first."""
        ...

    def engagement_facts(
        self,
        *,
        started_from: datetime | None = None,
        started_before: datetime | None = None,
        states: Sequence[EngagementState] | None = None,
    ) -> list[EngagementFact]:
        """Engagements started in the range (either bound optional) in any of `states`
        (default all), oldest first."""
        ...

    def coach_capacities(self) -> list[CoachCapacity]:
        """Every coach profile's limits with the coach's name and organisation, by id."""
        ...

    # Also in the core's `Store` (people, sessions, programmes): named again so that the
    # digest asks for nothing beyond this port.
    def organisation_of_people(self) -> dict[int, int]:
        """person id -> organisation id, for everyone (erased people too)."""
        ...

    def coach_loads(
        self, month_start: datetime, month_end: datetime
    ) -> dict[int, tuple[int, float]]:
        """coach id -> (open engagements, hours of confirmed+held sessions starting in
        [month_start, month_end)), as `Store.coach_loads`."""
        ...

    def list_organisations(self) -> list[Organisation]: ...
    def list_programmes(self) -> list[Programme]: ...


def digest_source(store: object) -> DigestSource:
    """The pool's store seen through the digest's port. The core is handed a `Store`;
    the one the composition root builds (`SqlStore`) is also a `DigestSource` (mypy checks
    it in storage/store.py), so this only refuses a store that answers no digest queries."""
    if not isinstance(store, DigestSource):
        raise TypeError(f"{type(store).__name__} does not answer the digest's queries")
    return store
