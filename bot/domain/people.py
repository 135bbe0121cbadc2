"""Organisations, people and the platform identities through which the bot reaches them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NewType
from zoneinfo import ZoneInfo


class Role(StrEnum):
    COACHEE = "coachee"
    COACH = "coach"
    COORDINATOR = "coordinator"
    ORG_LEAD = "org_lead"
    SPONSOR = "sponsor"


# A channel as the core knows it: an opaque name ("slack", "teams", ...), stored as it is.
# The core keeps and compares channels but never lists or names one: which channels exist
# is the edges' business (`handlers/channel_names.py` names the ones this build has), so a
# new channel needs no change here. A NewType rather than a value class: it is a plain
# `str` in rows, JSON and logs, while mypy still refuses a bare string where a channel is
# meant.
Channel = NewType("Channel", str)


@dataclass(frozen=True)
class Membership:
    """A workspace on one channel whose people the organisation serves: what the channel
    calls its tenancy (a workspace id, a tenant id), as the channel reports it. One
    workspace may serve several organisations; its people are told apart by their
    verified email."""

    channel: Channel
    workspace: str


@dataclass(frozen=True)
class Organisation:
    """A member organisation of the pool (a council or other public body)."""

    id: int
    slug: str
    name: str
    # Where a coachee in distress is pointed: the organisation's employee assistance programme.
    eap_contact: str = ""
    # The channels' workspaces that belong to this organisation, in the order they were linked.
    memberships: tuple[Membership, ...] = ()

    def workspaces(self, channel: Channel) -> tuple[str, ...]:
        """This organisation's workspaces on `channel`, in the order they were linked."""
        return tuple(m.workspace for m in self.memberships if m.channel == channel)

    def serves(self, channel: Channel, workspace: str) -> bool:
        """Whether people in `workspace` on `channel` may be people of this organisation."""
        return bool(workspace) and Membership(channel, workspace) in self.memberships


def organisations_of(
    organisations: Iterable[Organisation], channel: Channel, workspace: str
) -> list[Organisation]:
    """The organisations `workspace` on `channel` serves (none for an unknown or empty one)."""
    return [o for o in organisations if o.serves(channel, workspace)]


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

    `workspace` is the channel's workspace or tenant the account belongs to, as in
    `Membership` ("" on the console).
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
