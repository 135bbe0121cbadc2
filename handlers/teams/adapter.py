"""The SDK's HTTP adapter for our Starlette application.

The SDK registers its messaging endpoint here (`App.initialize`); each registration
becomes a Starlette route on the one ASGI app `coachpool serve` runs. The SDK's handler
(token check, activity parsing, our handlers) runs on the Teams loop; the route awaits it
from the server's loop and, once a turn is answered, kicks delivery of what it queued.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.domain import Channel
from handlers.observe import NOT_WATCHED, SIGNATURE, Observer
from handlers.teams.loop import LoopClosed, LoopThread
from handlers.teams.sdk import HttpMethod, HttpRequest, HttpResponse, HttpRouteHandler

log = logging.getLogger("coachpool.teams")


class StarletteAdapter:
    def __init__(
        self,
        loop: LoopThread,
        *,
        after_turn: Callable[[], Awaitable[None]],
        observer: Observer = NOT_WATCHED,
    ) -> None:
        self._loop = loop
        self._after_turn = after_turn
        self._observer = observer
        self.routes: list[Route] = []

    def register_route(self, method: HttpMethod, path: str, handler: HttpRouteHandler) -> None:
        async def endpoint(request: Request) -> Response:
            try:
                body = await request.json()
            except ValueError:
                return JSONResponse({"error": "the body is not JSON"}, status_code=400)
            if not isinstance(body, dict):
                return JSONResponse({"error": "the body is not an activity"}, status_code=400)
            unprintable = unprintable_id(body)
            if unprintable:
                return JSONResponse({"error": f"{unprintable} isn't printable"}, status_code=400)
            call = HttpRequest(body=body, headers=dict(request.headers))
            try:
                result: HttpResponse = await self._loop.run(handler(call))
            except LoopClosed:
                return JSONResponse({"error": "shutting down"}, status_code=503)
            status = result["status"]
            if status == 401:  # the SDK's verdict on the Bot Framework token
                self._observer.refused(channel=Channel.TEAMS, reason=SIGNATURE)
            if 200 <= status < 300:
                await self._after_turn()
            if result.get("body") is None:
                return Response(status_code=status)
            return JSONResponse(result["body"], status_code=status)

        self.routes.append(Route(path, endpoint, methods=[method]))

    def serve_static(self, path: str, directory: str) -> None:
        log.warning("static files are not served by coachpool", extra={"path": path})

    async def start(self, port: int) -> None:
        raise RuntimeError("`coachpool serve` runs the server; the Teams SDK only adds routes")

    async def stop(self) -> None:
        return None


# Ids become keys in the store (a NUL is refused by PostgreSQL mid-turn) and in later calls.
_ID_PATHS = (
    ("id",),
    ("serviceUrl",),
    ("from", "id"),
    ("from", "aadObjectId"),
    ("recipient", "id"),
    ("conversation", "id"),
    ("conversation", "tenantId"),
    ("channelData", "tenant", "id"),
)


def unprintable_id(body: dict[str, Any]) -> str:
    """The first id of the activity that is text with control characters in it, or ""."""
    for path in _ID_PATHS:
        value: Any = body
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str) and not value.isprintable():
            return ".".join(path)
    return ""
