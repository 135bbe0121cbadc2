"""The outbox's backlog as gauges, read from the store when Prometheus scrapes: they hold
for every replica at once, and cost two indexed queries per scrape."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.clock import Clock
from bot.ports.errors import StoreError
from storage.store import SqlStore

log = logging.getLogger("coachpool.metrics")


class OutboxGauges(Collector):
    def __init__(self, store: SqlStore, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily(
            "coachpool_store_up", "1 if the store answered this scrape's queries, else 0"
        )
        now = self._clock.now()
        try:
            due, oldest = self._store.due_backlog(now=now)
            failed = self._store.count_failed()
        except StoreError as error:  # the scrape still answers, saying the store did not
            log.warning("metrics: the store did not answer: %s", error)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield GaugeMetricFamily(
            "coachpool_outbox_due",
            "Scheduled messages due and not yet delivered (waiting, or claimed and in hand)",
            value=due,
        )
        yield GaugeMetricFamily(
            "coachpool_outbox_oldest_due_age_seconds",
            "How long the oldest undelivered due message has been due; 0 when none is",
            value=0.0 if oldest is None else max((now - oldest).total_seconds(), 0.0),
        )
        yield GaugeMetricFamily(
            "coachpool_outbox_failed",
            "Scheduled messages that failed for good (see `coachpool outbox --state failed`)",
            value=failed,
        )
