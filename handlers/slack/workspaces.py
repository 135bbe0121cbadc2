"""Which bot token reaches which workspace: one token (single-workspace mode) or the
installations (OAuth mode). Used from worker threads."""

from __future__ import annotations

import threading
from typing import Protocol

from handlers.slack.installations import Installations
from handlers.slack.webapi import SlackApi


class Workspaces(Protocol):
    def token_for(self, team_id: str) -> str | None:
        """The bot token for the workspace, or None if the app isn't installed there."""
        ...

    def team_ids(self) -> list[str]: ...


class OneWorkspace:
    """`SLACK_BOT_TOKEN`: the workspace is whichever the token belongs to (`auth.test`)."""

    def __init__(self, *, token: str, api: SlackApi) -> None:
        self._token = token
        self._api = api
        self._team_id = ""
        self._lock = threading.Lock()

    def team_id(self) -> str:
        with self._lock:
            if not self._team_id:
                client = self._api.client(self._token)
                self._team_id = str(self._api.call(client.auth_test).get("team_id") or "")
            return self._team_id

    def token_for(self, team_id: str) -> str | None:
        return self._token if team_id == self.team_id() else None

    def team_ids(self) -> list[str]:
        return [self.team_id()]


class InstalledWorkspaces:
    def __init__(self, installations: Installations) -> None:
        self._installations = installations

    def token_for(self, team_id: str) -> str | None:
        found = self._installations.find(team_id)
        return found.bot_token if found else None

    def team_ids(self) -> list[str]:
        return self._installations.team_ids()
