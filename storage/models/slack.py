"""Slack workspaces that installed the app (multi-workspace OAuth mode).

Kept in the pool's own schema and migrations, though only the Slack channel uses it: the
bot token of each workspace, the latest installation winning.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Table
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class SlackWorkspaceRow(Base):
    __tablename__ = "slack_workspaces"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    enterprise_id: Mapped[str] = mapped_column(String(32))  # "" outside Enterprise Grid
    team_name: Mapped[str] = mapped_column(String(200))
    app_id: Mapped[str] = mapped_column(String(32))
    bot_token: Mapped[str] = mapped_column(String(255))
    bot_id: Mapped[str] = mapped_column(String(32))
    bot_user_id: Mapped[str] = mapped_column(String(32))
    bot_scopes: Mapped[str] = mapped_column(String(1000))
    installer_user_id: Mapped[str] = mapped_column(String(32))
    installed_at: Mapped[datetime]


SLACK_WORKSPACES: Table = SlackWorkspaceRow.__table__  # type: ignore[assignment]
