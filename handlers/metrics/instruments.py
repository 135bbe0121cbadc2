"""`Metrics`: the Observer that `coachpool serve` hands the channels, the jobs and the
dispatcher, counting into its own registry (one per application, so tests and a second
app in one process never share or clash)."""

from __future__ import annotations

import time

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from bot.digest.kinds import DigestKind
from bot.domain import Channel
from bot.outbox.dispatcher import Handled
from handlers.channel_names import SLACK, TEAMS
from handlers.observe import ANSWERED, FAILED, SIGNATURE, TENANT, UNDELIVERED

# Turns: the core answers most in well under a second; a match over a big pool takes longer.
TURN_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# Lag: the tick (15 s by default) bounds it when all is well; retries add minutes to hours.
LAG_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 300.0, 900.0, 3600.0, 4 * 3600.0)
DISPATCH_OUTCOMES = ("sent", "skipped", "retry", "failed", "lost")


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self._turns = Counter(
            "coachpool_turns",
            "Chat turns handled, by channel and outcome (answered, undelivered, failed)",
            ["channel", "outcome"],
            registry=r,
        )
        self._turn_seconds = Histogram(
            "coachpool_turn_duration_seconds",
            "Time to handle a chat turn, from the core's door to the answer posted",
            ["channel"],
            buckets=TURN_BUCKETS,
            registry=r,
        )
        self._refusals = Counter(
            "coachpool_refusals",
            "Requests turned away before any turn: a bad signature, or a Slack workspace or "
            "Teams tenant of no member organisation",
            ["channel", "reason"],
            registry=r,
        )
        self._dispatched = Counter(
            "coachpool_outbox_dispatched",
            "Scheduled messages this process's dispatcher handled, by outcome "
            "(sent, skipped as lapsed, retry later, failed for good, lost to another replica)",
            ["outcome"],
            registry=r,
        )
        self._lag = Histogram(
            "coachpool_dispatch_lag_seconds",
            "From a scheduled message's due time to the dispatcher handling it",
            buckets=LAG_BUCKETS,
            registry=r,
        )
        self._digests = Counter(
            "coachpool_digests_sent", "Weekly digests delivered to a coordinator", registry=r
        )
        self._last_pass = Gauge(
            "coachpool_dispatcher_last_pass_timestamp_seconds",
            "When this process's dispatcher last finished a pass (Unix time); 0 before the first",
            registry=r,
        )
        # Every series exists from the start at 0, so rate() and absent-value alerts work.
        for channel in (SLACK, TEAMS):
            self._refusals.labels(channel, TENANT)
            self._refusals.labels(channel, SIGNATURE)
            for outcome in (ANSWERED, UNDELIVERED, FAILED):
                self._turns.labels(channel, outcome)
        for outcome in DISPATCH_OUTCOMES:
            self._dispatched.labels(outcome)

    def turn(self, *, channel: Channel, outcome: str, seconds: float) -> None:
        self._turns.labels(channel, outcome).inc()
        self._turn_seconds.labels(channel).observe(seconds)

    def refused(self, *, channel: Channel, reason: str) -> None:
        self._refusals.labels(channel, reason).inc()

    def handled(self, message: Handled) -> None:
        self._dispatched.labels(message.outcome).inc()
        if message.outcome in {"sent", "skipped"}:
            self._lag.observe(max(message.late_by.total_seconds(), 0.0))
        if message.outcome == "sent" and message.kind == DigestKind.DIGEST:
            self._digests.inc()

    def dispatch_pass(self) -> None:
        self._last_pass.set(time.time())
