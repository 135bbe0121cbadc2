"""Delivering queued messages right after a turn, without blocking the event loop.

Kicks coalesce: while one delivery pass runs, any number of further kicks cause exactly
one more pass, so a burst of turns never piles up threads.
"""

from __future__ import annotations

import asyncio
import logging

from bot.domain.outbox import Reach
from bot.outbox.dispatcher import dispatch_due
from bot.ports.notifier import Notifier
from bot.services import Services
from handlers.observe import NOT_WATCHED, Observer
from handlers.server.blocking import run_sync

log = logging.getLogger("coachpool.dispatch")


class DispatchKicker:
    def __init__(
        self,
        services: Services,
        notifier: Notifier,
        *,
        observer: Observer = NOT_WATCHED,
        reach: Reach | None = None,
    ) -> None:
        """`reach`: the channels this process delivers on, if not all (see `dispatch_due`)."""
        self._services = services
        self._notifier = notifier
        self._reach = reach
        self._observer = observer
        self._running: asyncio.Task[None] | None = None
        self._again = False

    async def kick(self) -> None:
        """Start a delivery pass in the background (returns at once)."""
        if self._running is not None and not self._running.done():
            self._again = True
            return
        self._running = asyncio.get_running_loop().create_task(self._passes())

    async def wait_idle(self) -> None:
        """For tests and shutdown: until no pass is running."""
        while self._running is not None and not self._running.done():
            await asyncio.shield(self._running)

    async def _passes(self) -> None:
        while True:
            self._again = False
            try:
                await run_sync(
                    lambda: dispatch_due(
                        self._services,
                        self._notifier,
                        watch=self._observer.handled,
                        reach=self._reach,
                    )
                )
                self._observer.dispatch_pass()
            except Exception:
                log.exception("delivery after a turn failed; the scheduler will retry")
            if not self._again:
                return
