"""Scheduled work: APScheduler only ticks; the store says what is due.

Jobs are thin module-level functions taking what they need; one error path logs any
failure and lets the next tick try again.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from bot.outbox.dispatcher import dispatch_due
from bot.ports.notifier import Notifier
from bot.services import Services

log = logging.getLogger("coachpool.jobs")
DISPATCH_EVERY = timedelta(seconds=15)


def dispatch_tick(services: Services, notifier: Notifier) -> None:
    try:
        report = dispatch_due(services, notifier)
    except Exception:
        log.exception("dispatch tick failed")
        return
    if report.claimed:
        log.info(
            "dispatched",
            extra={
                "claimed": report.claimed,
                "sent": report.sent,
                "retried": report.retried,
                "failed": report.failed,
            },
        )


class Scheduler:
    """A background-thread scheduler: its jobs call the synchronous core, so they must
    not run on the server's event loop."""

    def __init__(self, services: Services, notifier: Notifier) -> None:
        self._scheduler = BackgroundScheduler(timezone=str(services.settings.pool_timezone))
        self._scheduler.add_job(
            dispatch_tick,
            "interval",
            seconds=DISPATCH_EVERY.total_seconds(),
            id="dispatch",
            args=(services, notifier),
            max_instances=1,
            coalesce=True,
            replace_existing=True,
        )

    def start(self) -> None:
        self._scheduler.start()

    def shutdown(self) -> None:
        self._scheduler.shutdown(wait=False)
