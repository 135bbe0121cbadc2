"""Which state changes a request, engagement or session may make.

The store refuses any other change (`StaleState`), so a stale copy written after someone
else moved the record on can never put it back: a booked request never returns to
waiting for its coach, a closed engagement never reopens, a held session stays held.
Staying in the same state (a change of slots or a meeting link) is always allowed.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from bot.domain.engagements import EngagementState
from bot.domain.requests import RequestState
from bot.domain.sessions import SessionState

S = TypeVar("S", bound=StrEnum)

_R = RequestState
REQUEST_MOVES: Mapping[RequestState, frozenset[RequestState]] = {
    _R.OPEN: frozenset({_R.SHORTLISTED, _R.WAITLISTED, _R.WITHDRAWN}),
    _R.SHORTLISTED: frozenset({_R.WAITING_COACH, _R.WAITLISTED, _R.WITHDRAWN}),
    _R.WAITING_COACH: frozenset(
        {_R.MATCHED, _R.WAITING_COACHEE, _R.SHORTLISTED, _R.WAITLISTED, _R.WITHDRAWN}
    ),
    # The coach may propose again (stays), the coachee books, withdraws, or the coach leaves.
    _R.WAITING_COACHEE: frozenset({_R.MATCHED, _R.SHORTLISTED, _R.WAITLISTED, _R.WITHDRAWN}),
    _R.WAITLISTED: frozenset({_R.OPEN, _R.SHORTLISTED, _R.WITHDRAWN}),
    _R.MATCHED: frozenset({_R.CLOSED}),
    _R.WITHDRAWN: frozenset(),
    _R.CLOSED: frozenset(),
}

_E = EngagementState
ENGAGEMENT_MOVES: Mapping[EngagementState, frozenset[EngagementState]] = {
    _E.AWAITING_SPONSOR: frozenset({_E.ACTIVE, _E.CLOSED}),
    _E.ACTIVE: frozenset({_E.CLOSED}),
    _E.CLOSED: frozenset(),
}

_S = SessionState
SESSION_MOVES: Mapping[SessionState, frozenset[SessionState]] = {
    _S.PROPOSED: frozenset({_S.CONFIRMED, _S.CANCELLED}),
    _S.CONFIRMED: frozenset({_S.CANCELLED, _S.HELD, _S.NO_SHOW}),
    _S.CANCELLED: frozenset(),
    _S.HELD: frozenset(),
    _S.NO_SHOW: frozenset(),
}


def may_move(moves: Mapping[S, frozenset[S]], old: S, new: S) -> bool:
    return old == new or new in moves[old]
