"""The `/metrics` route: Prometheus' text format, behind a bearer token if one is set.

The counts name no one, but they do show how busy the pool is and who is being turned
away, so a deployment whose proxy exposes more than the chat endpoints sets
COACHPOOL_METRICS_TOKEN and gives Prometheus the same token.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from handlers.server.blocking import run_sync

TOKEN_VARIABLE = "COACHPOOL_METRICS_TOKEN"


def metrics_route(registry: CollectorRegistry, environ: Mapping[str, str]) -> Route:
    token = environ.get(TOKEN_VARIABLE, "").strip()
    expected = f"Bearer {token}".encode()

    async def metrics(request: Request) -> Response:
        given = request.headers.get("authorization", "").encode()
        if token and not hmac.compare_digest(given, expected):
            return PlainTextResponse(
                "a bearer token is needed", status_code=401, headers={"WWW-Authenticate": "Bearer"}
            )
        # The store's gauges query the database: off the event loop.
        body = await run_sync(generate_latest, registry)
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    return Route("/metrics", metrics, methods=["GET"])
