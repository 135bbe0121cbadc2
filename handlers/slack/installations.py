"""Workspaces that installed the app (OAuth mode): one row per workspace (team id), the
latest installation wins.

The table is part of the pool's schema (`storage/models/slack.py`, migrated with the
rest); slack-sdk's own SQL stores were not used because their import needs greenlet.
Bot tokens are sealed with COACHPOOL_SECRET_KEY (`handlers/secrets.py`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Engine, delete, insert, select, update

from handlers.secrets import SecretBox
from storage.models.slack import SLACK_WORKSPACES

log = logging.getLogger("coachpool.slack")

WORKSPACES = SLACK_WORKSPACES


@dataclass(frozen=True)
class Workspace:
    team_id: str
    bot_token: str
    bot_id: str = ""
    bot_user_id: str = ""
    team_name: str = ""
    enterprise_id: str = ""
    app_id: str = ""
    bot_scopes: str = ""
    installer_user_id: str = ""
    installed_at: datetime | None = None


class Installations:
    """The installed workspaces, with a short cache in front of token look-ups (every
    incoming event needs its workspace's token)."""

    def __init__(
        self,
        engine: Engine,
        *,
        ttl: float = 60.0,
        monotonic: Callable[[], float] = time.monotonic,
        secrets: SecretBox | None = None,
    ) -> None:
        """`secrets` seals the bot tokens (default: the keys in the process environment)."""
        self._engine = engine
        self._secrets = secrets or SecretBox.from_environ()
        self._ttl = ttl
        self._monotonic = monotonic
        self._cache: dict[str, tuple[float, Workspace | None]] = {}
        self._lock = threading.Lock()

    def save(self, workspace: Workspace) -> None:
        row = {
            "team_id": workspace.team_id,
            "enterprise_id": workspace.enterprise_id,
            "team_name": workspace.team_name[:200],
            "app_id": workspace.app_id,
            "bot_token": self._secrets.seal(workspace.bot_token),
            "bot_id": workspace.bot_id,
            "bot_user_id": workspace.bot_user_id,
            "bot_scopes": workspace.bot_scopes[:1000],
            "installer_user_id": workspace.installer_user_id,
            "installed_at": workspace.installed_at or datetime.now(UTC),
        }
        with self._engine.begin() as connection:
            connection.execute(delete(WORKSPACES).where(_key(workspace.team_id)))
            connection.execute(insert(WORKSPACES), [row])
        self._forget(workspace.team_id)

    def find(self, team_id: str) -> Workspace | None:
        with self._lock:
            cached = self._cache.get(team_id)
            if cached is not None and cached[0] > self._monotonic():
                return cached[1]
        with self._engine.connect() as connection:
            row = connection.execute(select(WORKSPACES).where(_key(team_id))).first()
        found = self._workspace(row._asdict()) if row is not None else None
        with self._lock:
            self._cache[team_id] = (self._monotonic() + self._ttl, found)
        return found

    def cached(self, team_id: str) -> Workspace | bool | None:
        """The cached answer without touching the database; False when not cached."""
        with self._lock:
            cached = self._cache.get(team_id)
        if cached is None or cached[0] <= self._monotonic():
            return False
        return cached[1]

    def team_ids(self) -> list[str]:
        with self._engine.connect() as connection:
            rows = connection.execute(select(WORKSPACES.c.team_id).order_by(WORKSPACES.c.team_id))
            return [str(r[0]) for r in rows]

    def remove(self, team_id: str) -> None:
        with self._engine.begin() as connection:
            connection.execute(delete(WORKSPACES).where(_key(team_id)))
        self._forget(team_id)

    def reseal_all(self) -> int:
        """Seal every stored token under the first key (rotation, or tokens an older
        coachpool stored in clear); how many rows were rewritten."""
        with self._engine.begin() as connection:
            rows = connection.execute(select(WORKSPACES.c.team_id, WORKSPACES.c.bot_token)).all()
            for team_id, token in rows:
                connection.execute(
                    update(WORKSPACES)
                    .where(_key(team_id))
                    .values(bot_token=self._secrets.reseal(token))
                )
        with self._lock:
            self._cache.clear()
        return len(rows)

    def _workspace(self, row: dict[str, object]) -> Workspace:
        installed = row.get("installed_at")
        if isinstance(installed, datetime) and installed.tzinfo is None:
            row["installed_at"] = installed.replace(tzinfo=UTC)  # SQLite keeps no zone
        row["bot_token"] = self._secrets.open(str(row["bot_token"]))
        return Workspace(**row)  # type: ignore[arg-type]

    def _forget(self, team_id: str) -> None:
        with self._lock:
            self._cache.pop(team_id, None)


def _key(team_id: str) -> ColumnElement[bool]:
    return WORKSPACES.c.team_id == team_id
