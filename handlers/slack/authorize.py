"""Authorising each request in OAuth mode: the workspace's bot token from the
installations, without a call to Slack."""

from __future__ import annotations

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.async_authorize import AsyncAuthorize
from slack_bolt.context.async_context import AsyncBoltContext

from handlers.server.blocking import run_sync
from handlers.slack.installations import Installations, Workspace


class StoredAuthorize(AsyncAuthorize):
    """Each request's bot token from the installations, without Slack's auth.test (the
    ids it would return were saved at install time)."""

    def __init__(self, installations: Installations) -> None:
        self._installations = installations

    async def __call__(
        self,
        *,
        context: AsyncBoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        actor_enterprise_id: str | None = None,
        actor_team_id: str | None = None,
        actor_user_id: str | None = None,
    ) -> AuthorizeResult | None:
        if not team_id:
            return None  # org-wide (Enterprise Grid) installs aren't supported
        found = self._installations.cached(team_id)
        if found is False:
            found = await run_sync(self._installations.find, team_id)
        if not isinstance(found, Workspace):
            return None
        return AuthorizeResult(
            enterprise_id=enterprise_id,
            team_id=team_id,
            team=found.team_name,
            bot_token=found.bot_token,
            bot_id=found.bot_id,
            bot_user_id=found.bot_user_id,
            bot_scopes=found.bot_scopes,
            user_id=user_id,
        )
