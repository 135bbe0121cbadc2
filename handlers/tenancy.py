"""What each channel calls the workspaces an organisation is linked to, for
`coachpool organisations` and `coachpool organisation link|unlink`.

The core knows only `Membership(channel, workspace)`; the names, the command-line option
and the listing's column of each channel's workspaces live here. Kept free of the
channels' SDKs: the CLI imports it to list organisations.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import Channel
from handlers.channel_names import SLACK, TEAMS


@dataclass(frozen=True)
class Tenancy:
    channel: Channel
    option: str  # `coachpool organisation link --<option> ID`
    metavar: str
    one: str  # "Slack workspace"
    many: str  # "Slack workspaces"
    key: str  # the key in `coachpool organisations --json`

    @property
    def dest(self) -> str:
        return self.option.replace("-", "_")

    @property
    def heading(self) -> str:
        return self.key.replace("_", " ")


TENANCIES: tuple[Tenancy, ...] = (
    Tenancy(SLACK, "slack-team", "TEAM_ID", "Slack workspace", "Slack workspaces", "slack_teams"),
    Tenancy(TEAMS, "teams-tenant", "TENANT_ID", "Teams tenant", "Teams tenants", "teams_tenants"),
)
