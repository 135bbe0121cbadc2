"""A private event loop in its own thread, where the Teams SDK lives.

Why a second loop: the SDK fetches the Bot Framework signing keys with a blocking urllib
call inside its async token check (on the first request and whenever its five-minute key
cache expires). On this loop that stalls only Teams traffic, never the server's loop that
Slack and /healthz share. It is also the bridge for the synchronous `TeamsSender`, which
the dispatcher calls from worker threads: it submits coroutines here and waits.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class LoopClosed(RuntimeError):
    """The loop has been stopped (the server is shutting down)."""


class LoopThread:
    def __init__(self, name: str = "coachpool-teams") -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._stopped = False
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()
        pending = asyncio.all_tasks(self._loop)
        for task in pending:
            task.cancel()
        self._loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        self._loop.close()

    def submit(self, coroutine: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Schedule on the loop; safe from any thread."""
        if self._stopped:
            coroutine.close()
            raise LoopClosed("the Teams channel has stopped")
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    async def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Await, from another event loop, a coroutine run on this one."""
        return await asyncio.wrap_future(self.submit(coroutine))

    def stop(self, timeout: float = 10.0) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout)
