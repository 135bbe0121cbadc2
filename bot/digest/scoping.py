"""Which records belong in a digest: the whole pool's, or one organisation's.

An organisation's digest covers requests from its staff, sessions its coaches gave and
sessions its staff received, and its own coaches' capacity.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.digest.facts import FeedbackFact, RequestFact, SessionFact
from bot.digest.privacy import Figure, exact, guarded


@dataclass(frozen=True)
class Scoping:
    organisation_id: int | None
    organisation_of: Mapping[int, int]
    min_group: int

    def member(self, person_id: int) -> bool:
        return (
            self.organisation_id is None
            or self.organisation_of.get(person_id) == self.organisation_id
        )

    def request(self, request: RequestFact) -> bool:
        return self.member(request.coachee_id)

    def session(self, session: SessionFact | FeedbackFact) -> bool:
        return self.member(session.coach_id) or self.member(session.coachee_id)

    def figure(self, value: float, *, coachees: Iterable[int]) -> Figure:
        """The pool's own totals are exact; an organisation's are about its staff's
        coaching, so they are withheld when they come from too few coachees."""
        if self.organisation_id is None:
            return exact(value)
        return guarded(value, people=len(set(coachees)), min_group=self.min_group)
