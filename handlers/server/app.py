"""`create_app`: the ASGI application that `coachpool serve` runs.

One concurrency model: everything here is asyncio; the core and the store are
synchronous, so every call into them runs in a worker thread (`run_sync`) and never
blocks the event loop. Channels add their routes and background tasks through
`ChannelMount`s. Beside them: `/healthz`, the `/privacy` and `/terms` pages the Teams
manifest links to, and the dashboard where it is configured.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from bot.ports.errors import StoreUnavailable
from handlers.bootstrap import Application
from handlers.channels import ChannelMount
from handlers.jobs import Scheduler
from handlers.metrics.endpoint import metrics_route
from handlers.metrics.instruments import Metrics
from handlers.metrics.outbox_gauges import OutboxGauges
from handlers.retention import retention_periods
from handlers.server.blocking import run_sync
from handlers.web.app import dashboard_routes
from handlers.web.policies import policy_routes
from handlers.web.settings import dashboard_settings

log = logging.getLogger("coachpool.server")


def create_app(
    application: Application,
    *,
    mounts: Sequence[ChannelMount] = (),
    scheduler: Scheduler | None = None,
    environ: Mapping[str, str] | None = None,
    metrics: Metrics | None = None,
) -> Starlette:
    """`metrics` is what the channels, the kicker and the scheduler were given to count
    into (see `coachpool serve`); without it /metrics shows only the store's gauges."""
    started = time.monotonic()
    environ = os.environ if environ is None else environ
    metrics = metrics or Metrics()
    metrics.registry.register(OutboxGauges(application.store, application.services.clock))

    async def healthz(request: Request) -> JSONResponse:
        try:
            await run_sync(application.store.ping)
        except StoreUnavailable as error:
            return JSONResponse({"status": "unhealthy", "store": str(error)}, status_code=503)
        return JSONResponse(
            {
                "status": "ok",
                "store": "reachable",
                "channels": sorted(m.channel for m in mounts),
                "uptime_seconds": round(time.monotonic() - started, 1),
            }
        )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if scheduler is not None:
            scheduler.start()
        tasks: list[asyncio.Task[None]] = [
            asyncio.create_task(run()) for m in mounts for run in m.background
        ]
        log.info("coachpool server started", extra={"database": application.store.where})
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            for mount in mounts:
                for stop in mount.on_shutdown:
                    await stop()
            if scheduler is not None:
                scheduler.shutdown()

    routes: list[BaseRoute] = [
        Route("/healthz", healthz, methods=["GET"]),
        metrics_route(metrics.registry, environ),
    ]
    routes += policy_routes(retention_periods(environ))
    for mount in mounts:
        routes += mount.routes
    dashboard = dashboard_settings(environ)
    if dashboard is not None:
        routes += dashboard_routes(application, dashboard)
    return Starlette(routes=routes, lifespan=lifespan)
