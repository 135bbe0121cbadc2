"""Scheduled work: APScheduler only ticks; the store says what is due.

Jobs are thin module-level functions taking what they need; one error path logs any
failure and lets the next tick try again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from apscheduler.job import Job
from apscheduler.schedulers.background import BackgroundScheduler

from bot.digest.schedule import queue_previous_week
from bot.domain.audit import AuditEntry
from bot.domain.outbox import Reach
from bot.domain.retention import RetentionPeriods
from bot.outbox.dispatcher import dispatch_due
from bot.ports.errors import StaleState
from bot.ports.notifier import Notifier
from bot.privacy.retention import apply_retention
from bot.requests.waitlist import rematch_and_queue
from bot.services import Services
from handlers.observe import NOT_WATCHED, Observer

log = logging.getLogger("coachpool.jobs")
DISPATCH_EVERY = timedelta(seconds=15)  # default of COACHPOOL_DISPATCH_EVERY


def dispatch_tick(
    services: Services,
    notifier: Notifier,
    observer: Observer = NOT_WATCHED,
    reach: Reach | None = None,
) -> None:
    """One delivery pass. `reach`: the channels this process delivers on, if not all (the
    messages of people on a platform it has no settings for stay due, and are not tried)."""
    try:
        report = dispatch_due(services, notifier, watch=observer.handled, reach=reach)
    except Exception:
        log.exception("dispatch tick failed")
        return
    observer.dispatch_pass()
    if report.claimed:
        log.info(
            "dispatched",
            extra={
                "claimed": report.claimed,
                "sent": report.sent,
                "skipped": report.skipped,
                "retried": report.retried,
                "failed": report.failed,
            },
        )


def weekly_digest_tick(services: Services) -> None:
    """Monday 09:00: queue last week's digests. Idempotent by key, so every replica may
    run it and each coordinator still gets one."""
    try:
        queued = queue_previous_week(services)
    except Exception:
        log.exception("weekly digest tick failed")
        return
    log.info("weekly digests queued", extra={"queued": queued})
    if queued:  # only the replica that queued them records it
        services.store.audit(
            AuditEntry(services.clock.now(), None, "digest.queued", "digest:weekly", f"{queued}")
        )


def retention_tick(services: Services, periods: RetentionPeriods) -> None:
    """Nightly: forget what has outlived its retention period. Idempotent, so every
    replica may run it."""
    try:
        report = apply_retention(services, periods)
    except Exception:
        log.exception("retention tick failed")
        return
    log.info("retention applied", extra={"forgotten": report.total})


def waiting_list_tick(services: Services) -> None:
    """Daily: match the waiting list again, for places that free with no event of their own
    (a coach's hours at the turn of the month, a cancelled session). Safe on every replica:
    a request one replica offered is no longer waiting for another, whose turn is refused."""
    origin = f"waiting-list:{services.clock.now().isoformat()}"
    try:
        told = rematch_and_queue(services, origin=origin)
    except StaleState:
        log.info("waiting list tick: another replica matched the same requests first")
        return
    except Exception:
        log.exception("waiting list tick failed")
        return
    log.info("waiting list matched again", extra={"told": told})


class Scheduler:
    """A background-thread scheduler: its jobs call the synchronous core, so they must
    not run on the server's event loop."""

    def __init__(
        self,
        services: Services,
        notifier: Notifier,
        retention: RetentionPeriods | None = None,
        *,
        dispatch_every: timedelta = DISPATCH_EVERY,
        observer: Observer = NOT_WATCHED,
        reach: Reach | None = None,
    ) -> None:
        self._scheduler = BackgroundScheduler(timezone=str(services.settings.pool_timezone))
        self._scheduler.add_job(
            dispatch_tick,
            "interval",
            seconds=dispatch_every.total_seconds(),
            id="dispatch",
            args=(services, notifier, observer, reach),
            max_instances=1,
            coalesce=True,
            replace_existing=True,
        )
        self._daily(weekly_digest_tick, "weekly_digest", (services,), day_of_week="mon", hour=9)
        self._daily(waiting_list_tick, "waiting_list", (services,), hour=7, minute=30)
        retain = (services, retention or RetentionPeriods())
        self._daily(retention_tick, "retention", retain, hour=3, minute=30)

    def _daily(
        self, tick: Callable[..., None], job_id: str, args: tuple[object, ...], **when: Any
    ) -> None:
        """A cron job that runs once however late (a process down at its hour runs it when
        it comes back, within six hours) and never twice at once."""
        self._scheduler.add_job(
            tick,
            "cron",
            id=job_id,
            args=args,
            max_instances=1,
            coalesce=True,
            replace_existing=True,
            misfire_grace_time=6 * 3600,
            **{"minute": 0, **when},
        )

    def job(self, job_id: str) -> Job:
        found: Job | None = self._scheduler.get_job(job_id)
        if found is None:
            raise KeyError(job_id)
        return found

    def start(self) -> None:
        self._scheduler.start()

    def shutdown(self) -> None:
        self._scheduler.shutdown(wait=False)
