"""Running Slack turns off the event loop: in a worker thread, one at a time per person
(in the order they came), each followed by a delivery kick for what it queued."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bot.ports.notifier import DeliveryError
from handlers.channel_names import SLACK
from handlers.observe import ANSWERED, FAILED, NOT_WATCHED, UNDELIVERED, Observer
from handlers.server.blocking import run_sync
from handlers.slack.desk import Desk

log = logging.getLogger("coachpool.slack")


class Turns:
    """Runs turns in worker threads, one at a time per person, then kicks delivery."""

    def __init__(
        self,
        desk: Desk,
        *,
        dispatch_soon: Callable[[], Awaitable[None]],
        observer: Observer = NOT_WATCHED,
    ) -> None:
        self.desk = desk
        self._dispatch_soon = dispatch_soon
        self._observer = observer
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    async def run(self, who: str, work: Callable[..., None], /, **arguments: Any) -> None:
        lock, users = self._locks.get(who, (asyncio.Lock(), 0))
        self._locks[who] = (lock, users + 1)
        outcome, started = FAILED, 0.0
        try:
            async with lock:
                started = time.perf_counter()  # the turn's own time, not its wait for the lock
                await run_sync(lambda: work(self.desk, **arguments))
            outcome = ANSWERED
        except DeliveryError as error:
            outcome = UNDELIVERED
            log.warning("could not answer on Slack: %s", error.reason)
        except Exception:
            log.exception("a Slack turn failed", extra={"slack_user": who})
        finally:
            if started:
                seconds = time.perf_counter() - started
                self._observer.turn(channel=SLACK, outcome=outcome, seconds=seconds)
            lock, users = self._locks[who]
            if users <= 1:
                del self._locks[who]
            else:
                self._locks[who] = (lock, users - 1)
        await self._dispatch_soon()
