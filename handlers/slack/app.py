"""The Bolt app and its HTTP routes: events, commands, interactivity and options all at
/slack/events; in OAuth mode also /slack/install and /slack/oauth_redirect.

Bolt verifies every request's signature and timestamp (SLACK_SIGNING_SECRET) before any
listener runs: an unsigned, stale or forged request gets 401 and touches nothing. A body
no Slack request has (not JSON, ids that aren't text, ...) gets 400 (`bodies.py`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from handlers.channel_names import SLACK
from handlers.observe import NOT_WATCHED, SIGNATURE, Observer
from handlers.slack.authorize import StoredAuthorize
from handlers.slack.bodies import malformed
from handlers.slack.identity import coordinators
from handlers.slack.installations import Installations
from handlers.slack.listeners import Registered, register
from handlers.slack.oauth import oauth_flow
from handlers.slack.settings import SlackSettings
from handlers.slack.turns import Turns

EVENTS_PATH = "/slack/events"
log = logging.getLogger("coachpool.slack")


class _TokenInClient(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN itself and warns that the client we give it wins; our
    client carries that very token (or the installation's), so the warning is noise on
    every `coachpool dispatch --once`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "As you gave `client` as well" not in record.getMessage()


logging.getLogger("slack_bolt.AsyncApp").addFilter(_TokenInClient())


@dataclass
class SlackApp:
    bolt: AsyncApp
    registered: Registered
    client: AsyncWebClient
    observer: Observer = NOT_WATCHED

    def routes(self, *, http_events: bool) -> list[BaseRoute]:
        handler = AsyncSlackRequestHandler(self.bolt)

        async def endpoint(request: Request) -> Response:
            if request.method == "POST":
                problem = malformed(await request.body(), request.headers.get("content-type", ""))
                if problem:
                    log.info("a Slack request with a malformed body (%s): 400", problem)
                    return PlainTextResponse("Malformed request body", status_code=400)
            try:
                response = await handler.handle(request)
            except (ValueError, TypeError, AttributeError, KeyError, IndexError):
                # Bolt reading a body no Slack request has; nothing was handled.
                log.warning("a Slack request Bolt could not read: 400", exc_info=True)
                return PlainTextResponse("Malformed request body", status_code=400)
            if response.status_code == 401:  # Bolt's verdict on the signature or its age
                self.observer.refused(channel=SLACK, reason=SIGNATURE)
            if request.method == "POST" and response.status_code == 404:
                # Bolt's "unhandled request": signed, but nothing we asked Slack to send.
                return PlainTextResponse("Unexpected request", status_code=400)
            return response

        routes: list[BaseRoute] = []
        if http_events:
            routes.append(Route(EVENTS_PATH, endpoint, methods=["POST"]))
        flow = self.bolt.oauth_flow
        if flow is not None:
            routes += [
                Route(flow.install_path, endpoint, methods=["GET"]),
                Route(flow.redirect_uri_path, endpoint, methods=["GET"]),
            ]
        return routes


def build_app(
    settings: SlackSettings,
    *,
    turns: Turns,
    installations: Installations | None,
    observer: Observer = NOT_WATCHED,
) -> SlackApp:
    base_url = settings.api_url or AsyncWebClient.BASE_URL
    if installations is None:
        client = AsyncWebClient(token=settings.bot_token, base_url=base_url)
        bolt = AsyncApp(
            client=client,
            signing_secret=settings.signing_secret,
            process_before_response=False,
        )
        return SlackApp(bolt, register(bolt, turns, revocation_handled=False), client, observer)
    client = AsyncWebClient(base_url=base_url)
    store = turns.desk.application.store
    flow = oauth_flow(
        settings,
        installations=installations,
        member=turns.desk.people.member_workspace,
        coordinators=lambda: coordinators(store),
        client=client,
    )
    bolt = AsyncApp(
        client=client,
        signing_secret=settings.signing_secret,
        process_before_response=False,
        # Bolt takes an AsyncAuthorize instance here (typed as a plain callable).
        authorize=StoredAuthorize(installations),  # type: ignore[arg-type]
        oauth_flow=flow,
    )
    bolt.enable_token_revocation_listeners()
    return SlackApp(bolt, register(bolt, turns, revocation_handled=True), client, observer)
