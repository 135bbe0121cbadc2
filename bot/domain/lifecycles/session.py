"""A coaching session's lifecycle (diagram: `session.mmd`): booked (the first session is
proposed and confirmed in one transaction, overlap-checked), then cancelled, held or
missed. Its last three states are final: a held session stays held, so hours add up."""

from __future__ import annotations

from bot.domain.lifecycles import Lifecycle
from bot.domain.sessions import SessionState

_S = SessionState
SESSION = Lifecycle[SessionState](
    name="session",
    starts=frozenset({_S.PROPOSED, _S.CONFIRMED}),
    moves={
        _S.PROPOSED: frozenset({_S.CONFIRMED, _S.CANCELLED}),
        _S.CONFIRMED: frozenset({_S.CANCELLED, _S.HELD, _S.NO_SHOW}),
        _S.CANCELLED: frozenset(),
        _S.HELD: frozenset(),
        _S.NO_SHOW: frozenset(),
    },
)
