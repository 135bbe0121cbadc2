"""A coaching request's lifecycle (diagram: `request.mmd`).

It is made by the intake, is matched, waits on the coachee's choice of coach, then on the
coach's answer, then (if the coach proposed other times) on the coachee's pick, and ends
matched (then closed with its engagement), withdrawn, or never. A coach who declines, runs
out of time or leaves the pool sends it back to choosing; the waiting list holds it while
no place or coach is free.
"""

from __future__ import annotations

from bot.domain.lifecycles import Lifecycle
from bot.domain.requests import RequestState

_R = RequestState
REQUEST = Lifecycle[RequestState](
    name="request",
    starts=frozenset({_R.OPEN, _R.WAITLISTED}),
    moves={
        _R.OPEN: frozenset({_R.SHORTLISTED, _R.WAITLISTED, _R.WITHDRAWN}),
        _R.SHORTLISTED: frozenset({_R.WAITING_COACH, _R.WAITLISTED, _R.WITHDRAWN}),
        _R.WAITING_COACH: frozenset({_R.MATCHED, _R.WAITING_COACHEE, _R.SHORTLISTED, _R.WITHDRAWN}),
        # The coach may propose again (it stays), the coachee books or withdraws, or the
        # coach leaves the pool.
        _R.WAITING_COACHEE: frozenset({_R.MATCHED, _R.SHORTLISTED, _R.WITHDRAWN}),
        _R.WAITLISTED: frozenset({_R.SHORTLISTED, _R.WITHDRAWN}),
        _R.MATCHED: frozenset({_R.CLOSED}),
        _R.WITHDRAWN: frozenset(),
        _R.CLOSED: frozenset(),
    },
)
