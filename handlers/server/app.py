"""`create_app`: the ASGI application that `coachpool serve` runs.

One concurrency model: everything here is asyncio; the core and the store are
synchronous, so every call into them runs in a worker thread (`run_sync`) and never
blocks the event loop.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.ports.errors import StoreUnavailable
from handlers.bootstrap import Application
from handlers.jobs import Scheduler
from handlers.server.blocking import run_sync

log = logging.getLogger("coachpool.server")


def create_app(
    application: Application,
    *,
    scheduler: Scheduler | None = None,
    extra_routes: list[Route] | None = None,
) -> Starlette:
    started = time.monotonic()

    async def healthz(request: Request) -> JSONResponse:
        try:
            await run_sync(application.store.ping)
        except StoreUnavailable as error:
            return JSONResponse({"status": "unhealthy", "store": str(error)}, status_code=503)
        return JSONResponse(
            {
                "status": "ok",
                "store": "reachable",
                "uptime_seconds": round(time.monotonic() - started, 1),
            }
        )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if scheduler is not None:
            scheduler.start()
        log.info("coachpool server started", extra={"database": application.store.where})
        try:
            yield
        finally:
            if scheduler is not None:
                scheduler.shutdown()

    routes = [Route("/healthz", healthz, methods=["GET"]), *(extra_routes or [])]
    return Starlette(routes=routes, lifespan=lifespan)
