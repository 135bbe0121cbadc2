"""What the edges report about their work, for metrics: the interface the channels, the
jobs and the server call, without knowing Prometheus (handlers/metrics implements it).

Outside `coachpool serve` nobody watches: `NOT_WATCHED` takes every report and keeps
nothing, so commands never load the metrics library.
"""

from __future__ import annotations

from typing import Protocol

from bot.domain import Channel
from bot.outbox.dispatcher import Handled

# A turn's outcome: answered, or the answer could not be delivered, or it failed.
ANSWERED, UNDELIVERED, FAILED = "answered", "undelivered", "failed"
# Why a request was turned away before any turn: a forged or stale signature or token,
# or a Slack workspace / Teams tenant that belongs to no member organisation.
SIGNATURE, TENANT = "signature", "tenant"


class Observer(Protocol):
    def turn(self, *, channel: Channel, outcome: str, seconds: float) -> None: ...

    def refused(self, *, channel: Channel, reason: str) -> None: ...

    def handled(self, message: Handled) -> None:
        """One outbox message claimed by a dispatcher pass, and what became of it."""
        ...

    def dispatch_pass(self) -> None:
        """A dispatcher pass finished (whether or not anything was due)."""
        ...


class NotWatched:
    def turn(self, *, channel: Channel, outcome: str, seconds: float) -> None:
        pass

    def refused(self, *, channel: Channel, reason: str) -> None:
        pass

    def handled(self, message: Handled) -> None:
        pass

    def dispatch_pass(self) -> None:
        pass


NOT_WATCHED: Observer = NotWatched()
