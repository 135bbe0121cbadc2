"""The SDK's HTTP adapter for our Starlette application.

Each bot registration has its own SDK app, and each app registers its messaging endpoint
here (`App.initialize`, through `for_registration`); the path becomes one Starlette route
on the one ASGI app `coachpool serve` runs. The route hands an activity to the app of the
registration its token is for (the token's audience) and its tenant is served by, and
refuses anything else with 401; that app's handler (the full token check, activity
parsing, our handlers) runs on the Teams loop. The route awaits it from the server's loop
and, once a turn is answered, kicks delivery of what it queued.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import jwt
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from handlers.channel_names import TEAMS
from handlers.observe import NOT_WATCHED, SIGNATURE, Observer
from handlers.teams.loop import LoopClosed, LoopThread
from handlers.teams.registrations import addressed
from handlers.teams.sdk import HttpMethod, HttpRequest, HttpResponse, HttpRouteHandler
from handlers.teams.settings import TeamsSettings

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
        self._handlers: dict[str, list[tuple[TeamsSettings, HttpRouteHandler]]] = {}
        self.routes: list[Route] = []

    def for_registration(self, registration: TeamsSettings) -> RegistrationAdapter:
        """What one registration's SDK app is given as its HTTP server adapter."""
        return RegistrationAdapter(self, registration)

    def register_route(
        self,
        registration: TeamsSettings,
        method: HttpMethod,
        path: str,
        handler: HttpRouteHandler,
    ) -> None:
        handlers = self._handlers.setdefault(path, [])
        if not handlers:
            self.routes.append(Route(path, self._endpoint(path), methods=[method]))
        handlers.append((registration, handler))

    def _endpoint(self, path: str) -> Callable[[Request], Awaitable[Response]]:
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
            handler = self._handler(path, call)
            if handler is None:
                result = HttpResponse(status=401, body={"error": "Unauthorized"})
            else:
                try:
                    result = await self._loop.run(handler(call))
                except LoopClosed:
                    return JSONResponse({"error": "shutting down"}, status_code=503)
            status = result["status"]
            if status == 401:  # no registration's valid Bot Framework token for its tenant
                self._observer.refused(channel=TEAMS, reason=SIGNATURE)
            if 200 <= status < 300:
                await self._after_turn()
            if result.get("body") is None:
                return Response(status_code=status)
            return JSONResponse(result["body"], status_code=status)

        return endpoint

    def _handler(self, path: str, call: HttpRequest) -> HttpRouteHandler | None:
        """The handler of the registration the activity is addressed to, or None (refused).
        The audience is read unverified here only to choose; that registration's SDK app
        then checks the whole token (signature, issuer, audience, expiry, serviceurl)."""
        handlers = self._handlers.get(path, [])
        tenant = activity_tenant(call["body"])
        chosen = addressed(
            [r for r, _ in handlers], audiences=token_audiences(call["headers"]), tenant_id=tenant
        )
        if chosen is None:
            log.warning(
                "teams activity refused: no registration for its token's app id and its tenant",
                extra={"tenant": tenant},
            )
            return None
        return next(h for r, h in handlers if r is chosen)

    def serve_static(self, path: str, directory: str) -> None:
        log.warning("static files are not served by coachpool", extra={"path": path})

    async def start(self, port: int) -> None:
        raise RuntimeError("`coachpool serve` runs the server; the Teams SDK only adds routes")

    async def stop(self) -> None:
        return None


class RegistrationAdapter:
    """The SDK's `HttpServerAdapter` for one registration's app: its routes are shared."""

    def __init__(self, shared: StarletteAdapter, registration: TeamsSettings) -> None:
        self._shared = shared
        self._registration = registration

    def register_route(self, method: HttpMethod, path: str, handler: HttpRouteHandler) -> None:
        self._shared.register_route(self._registration, method, path, handler)

    def serve_static(self, path: str, directory: str) -> None:
        self._shared.serve_static(path, directory)

    async def start(self, port: int) -> None:
        await self._shared.start(port)

    async def stop(self) -> None:
        return None


def token_audiences(headers: dict[str, str]) -> list[str]:
    """The `aud` claim of the bearer token, unverified; [] when there is none to read."""
    authorization = headers.get("authorization") or headers.get("Authorization") or ""
    if not authorization.startswith("Bearer "):
        return []
    try:
        claims = jwt.decode(
            authorization.removeprefix("Bearer "), options={"verify_signature": False}
        )
    except jwt.InvalidTokenError:
        return []
    audience = claims.get("aud") if isinstance(claims, dict) else None
    if isinstance(audience, str):
        return [audience]
    if isinstance(audience, list):
        return [a for a in audience if isinstance(a, str)]
    return []


def activity_tenant(body: dict[str, Any]) -> str:
    """The tenant Teams says the activity comes from (as `caller_of` reads it)."""
    for path in (("conversation", "tenantId"), ("channelData", "tenant", "id")):
        value: Any = body
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str) and value:
            return value
    return ""


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
