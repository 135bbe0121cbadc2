"""Organisations, people and the platform identities through which the bot reaches them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from zoneinfo import ZoneInfo


class Role(StrEnum):
    COACHEE = "coachee"
    COACH = "coach"
    COORDINATOR = "coordinator"
    ORG_LEAD = "org_lead"
    SPONSOR = "sponsor"


class Channel(StrEnum):
    SLACK = "slack"
    TEAMS = "teams"
    CONSOLE = "console"


@dataclass(frozen=True)
class Organisation:
    """A member organisation of the pool (a council or other public body)."""

    id: int
    slug: str
    name: str
    # Where a coachee in distress is pointed: the organisation's employee assistance programme.
    eap_contact: str = ""
    # Slack workspace ids and Teams tenant ids that belong to this organisation.
    slack_team_ids: tuple[str, ...] = ()
    teams_tenant_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """One human in the pool, whatever channels they use.

    `manager_id` is their line manager in the pool, if known: a coach never coaches
    someone they manage, nor their own manager.
    """

    id: int
    email: str
    name: str
    organisation_id: int
    roles: frozenset[Role] = field(default_factory=frozenset)
    timezone: str = "Europe/London"
    manager_id: int | None = None
    job_title: str = ""
    directorate: str = ""
    erased: bool = False

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else self.name


@dataclass(frozen=True)
class Identity:
    """How one person is reached on one platform.

    `workspace` is the Slack team id or the Teams tenant id ("" on the console).
    `conversation_ref` holds what a proactive message needs (Teams service URL and
    conversation id, Slack DM channel id), as the channel stored it.
    """

    person_id: int
    channel: Channel
    workspace: str
    user_id: str
    conversation_ref: dict[str, str] = field(default_factory=dict)


def zone_of(person: Person, fallback: ZoneInfo) -> ZoneInfo:
    """The person's own time zone; `fallback` (the pool's) when theirs is unknown."""
    try:
        return ZoneInfo(person.timezone)
    except (KeyError, ValueError):
        return fallback
