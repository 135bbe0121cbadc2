"""The lifecycles of a request, an engagement and a session: which states a record starts
in and which changes of state it may make, one module each, with its diagram beside it
(`request.mmd`, `engagement.mmd`, `session.mmd`; tests/test_lifecycles.py holds each
diagram to its table).

Every change of state goes through `Lifecycle.check_move`, in the store's compare-and-set
(`update_request`, `update_engagement`, `update_session`, `confirm_session`), and every new
record's first state through `Lifecycle.started` where the core makes it. Two different refusals:

- the record is no longer in the state the caller read (someone else moved it on first):
  `StaleState`, from the store; the door tells the person things changed meanwhile;
- the change itself is not in the table (a booked request back to waiting for its coach,
  a closed engagement reopened, a held session cancelled): `IllegalMove`, a fault in the
  code that asked for it; nothing is written.

Staying in the same state (new slots, a meeting link, a moved session) is always allowed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

S = TypeVar("S", bound=StrEnum)

START = "[*]"  # how Mermaid writes the start of a state diagram


class IllegalMove(Exception):
    """A change of state the record's lifecycle does not allow. Nothing was written."""


@dataclass(frozen=True)
class Lifecycle(Generic[S]):
    name: str
    starts: frozenset[S]
    moves: Mapping[S, frozenset[S]]

    def may_start(self, state: S) -> bool:
        return state in self.starts

    def may_move(self, old: S, new: S) -> bool:
        return old == new or new in self.moves[old]

    def started(self, state: S) -> S:
        """`state`, if a new record may start in it; else IllegalMove."""
        if not self.may_start(state):
            raise IllegalMove(f"a new {self.name} may not start {state.value}")
        return state

    def check_move(self, old: S, new: S) -> None:
        if not self.may_move(old, new):
            raise IllegalMove(f"a {self.name} may not move from {old.value} to {new.value}")

    def edges(self) -> frozenset[tuple[str, str]]:
        """Every allowed change as (from, to) state values, a start from `START`: what the
        diagram must draw, no more and no less."""
        return frozenset(
            {(START, s.value) for s in self.starts}
            | {(old.value, new.value) for old, news in self.moves.items() for new in news}
        )
