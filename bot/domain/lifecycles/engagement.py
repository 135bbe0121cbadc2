"""A coaching engagement's lifecycle (diagram: `engagement.mmd`): made by the booking of a
request's first session, waiting for the line manager's approval where the programme asks
for it, active, then closed (for good: a closed engagement never reopens)."""

from __future__ import annotations

from bot.domain.engagements import EngagementState
from bot.domain.lifecycles import Lifecycle

_E = EngagementState
ENGAGEMENT = Lifecycle[EngagementState](
    name="engagement",
    starts=frozenset({_E.AWAITING_SPONSOR, _E.ACTIVE}),
    moves={
        _E.AWAITING_SPONSOR: frozenset({_E.ACTIVE, _E.CLOSED}),
        _E.ACTIVE: frozenset({_E.CLOSED}),
        _E.CLOSED: frozenset(),
    },
)
