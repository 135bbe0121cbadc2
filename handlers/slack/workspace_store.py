"""Bolt's installation store over `Installations`: what the OAuth flow saves and the
token-revocation listeners delete."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore

from handlers.bootstrap import ConfigurationError
from handlers.server.blocking import run_sync
from handlers.slack.installations import Installations, Workspace

log = logging.getLogger("coachpool.slack")


class WorkspaceStore(AsyncInstallationStore):
    """Bolt's view of `Installations` (bot tokens only; no user tokens are kept)."""

    def __init__(self, installations: Installations) -> None:
        self._installations = installations

    async def async_save(self, installation: Installation) -> None:
        if installation.bot_token and installation.team_id:
            await self._save(_workspace(installation))

    async def async_save_bot(self, bot: Bot) -> None:
        if bot.bot_token and bot.team_id:
            await self._save(_workspace(bot))

    async def _save(self, workspace: Workspace) -> None:
        try:
            await run_sync(self._installations.save, workspace)
        except ConfigurationError as error:  # no key to seal the token: nothing is kept
            log.error("Slack installation of %s not saved: %s", workspace.team_id, error)
            raise

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        found = await run_sync(self._installations.find, team_id or "")
        if found is None:
            return None
        return Bot(**_bot_fields(found))

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        found = await run_sync(self._installations.find, team_id or "")
        if found is None:
            return None
        return Installation(user_id=found.installer_user_id, **_bot_fields(found))

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await run_sync(self._installations.remove, team_id or "")

    async def async_delete_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
    ) -> None:
        if user_id is None:  # a user's own token is never kept; the bot's stays
            await run_sync(self._installations.remove, team_id or "")

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await run_sync(self._installations.remove, team_id or "")


def _workspace(source: Installation | Bot) -> Workspace:
    scopes: Any = source.bot_scopes
    installed = getattr(source, "installed_at", None)
    return Workspace(
        team_id=source.team_id or "",
        bot_token=source.bot_token or "",
        bot_id=source.bot_id or "",
        bot_user_id=source.bot_user_id or "",
        team_name=source.team_name or "",
        enterprise_id=source.enterprise_id or "",
        app_id=source.app_id or "",
        bot_scopes=",".join(scopes) if isinstance(scopes, list | tuple) else str(scopes or ""),
        installer_user_id=str(getattr(source, "user_id", "") or ""),
        installed_at=datetime.fromtimestamp(installed, tz=UTC) if installed else None,
    )


def _bot_fields(found: Workspace) -> dict[str, Any]:
    """What slack-sdk's Bot and Installation records share, from our stored workspace."""
    return {
        "app_id": found.app_id,
        "enterprise_id": found.enterprise_id or None,
        "team_id": found.team_id,
        "team_name": found.team_name,
        "bot_token": found.bot_token,
        "bot_id": found.bot_id,
        "bot_user_id": found.bot_user_id,
        "bot_scopes": found.bot_scopes,
        "installed_at": (found.installed_at or datetime.now(UTC)).timestamp(),
    }
