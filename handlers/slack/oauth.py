"""OAuth mode: any member organisation's workspace installs the app at /slack/install.

Installations live in our database (`installations.py`); the OAuth `state` is a signed,
self-contained token (slack-sdk's stateless store), so any replica can finish an install
another began. A workspace that belongs to no member organisation is turned away before
anything is stored.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable

from slack_bolt import BoltResponse
from slack_bolt.error import BoltError
from slack_bolt.oauth.async_callback_options import (
    AsyncCallbackOptions,
    AsyncFailureArgs,
    AsyncSuccessArgs,
)
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.state_store.stateless import StatelessOAuthStateStore
from slack_sdk.web.async_client import AsyncWebClient

from handlers.server.blocking import run_sync
from handlers.slack.installations import Installations
from handlers.slack.settings import SlackSettings
from handlers.slack.workspace_store import WorkspaceStore

STATE_SECONDS = 300
log = logging.getLogger("coachpool.slack")


class ForeignWorkspace(BoltError):
    """The installing workspace belongs to no member organisation."""


class PoolOAuthFlow(AsyncOAuthFlow):
    def __init__(
        self, *, member: Callable[[str], bool], client: AsyncWebClient, settings: AsyncOAuthSettings
    ) -> None:
        super().__init__(client=client, settings=settings)
        self._member = member

    async def store_installation(
        self, request: AsyncBoltRequest, installation: Installation
    ) -> None:
        team_id = installation.team_id or ""
        if not team_id or not await run_sync(self._member, team_id):
            log.warning("install refused: Slack workspace %s is in no member organisation", team_id)
            name = installation.team_name or "This workspace"
            raise ForeignWorkspace(f"{name} ({team_id or 'no workspace id'})")
        await super().store_installation(request, installation)


def oauth_flow(
    settings: SlackSettings,
    *,
    installations: Installations,
    member: Callable[[str], bool],
    coordinators: Callable[[], str],
    client: AsyncWebClient,
) -> PoolOAuthFlow:
    oauth = AsyncOAuthSettings(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        scopes=list(settings.scopes),
        user_scopes=[],
        redirect_uri=settings.redirect_uri or None,
        install_path="/slack/install",
        redirect_uri_path="/slack/oauth_redirect",
        installation_store=WorkspaceStore(installations),
        installation_store_bot_only=True,
        state_store=StatelessOAuthStateStore(
            expiration_seconds=STATE_SECONDS, signing_secret=settings.client_secret
        ),
        state_expiration_seconds=STATE_SECONDS,
        callback_options=AsyncCallbackOptions(
            success=_success, failure=_refusing_foreign(coordinators)
        ),
    )
    return PoolOAuthFlow(member=member, client=client, settings=oauth)


async def _success(args: AsyncSuccessArgs) -> BoltResponse:
    result: BoltResponse = await args.default.success(args)
    return result


def _refusing_foreign(
    coordinators: Callable[[], str],
) -> Callable[[AsyncFailureArgs], Awaitable[BoltResponse]]:
    async def failure(args: AsyncFailureArgs) -> BoltResponse:
        if not isinstance(args.error, ForeignWorkspace):
            result: BoltResponse = await args.default.failure(args)
            return result
        who = await run_sync(coordinators)
        body = (
            "<html><body><h1>Not installed</h1><p>"
            f"{html.escape(str(args.error))} isn't one of the coaching pool's member "
            "organisations, so the coaching bot can't be installed in this workspace. "
            f"If it should be, please ask the pool coordinator, {html.escape(who)}, to add "
            "the workspace to its organisation, then try again.</p></body></html>"
        )
        return BoltResponse(
            status=403, body=body, headers={"Content-Type": "text/html; charset=utf-8"}
        )

    return failure
