"""Who is speaking: a Slack user becomes a pool member by their verified email.

The first event from a Slack user looks up their email (`users.info`), finds the person
in the pool and links the identity with their DM channel (as `conversations.open` gives
it), so later events, and messages the dispatcher sends them, need no lookup. A workspace
that belongs to no member organisation, a workspace that doesn't serve the person's own
organisation, a second Slack account for someone already linked, or a person the pool
doesn't know, gets a friendly explanation instead.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

from slack_sdk.web import WebClient

from bot.domain import Identity, Person, Role, organisations_of
from bot.ports.store import Store
from handlers.channel_names import SLACK
from handlers.observe import NOT_WATCHED, TENANT, Observer
from handlers.slack.webapi import SlackApi

log = logging.getLogger("coachpool.slack")


@dataclass(frozen=True)
class Speaker:
    person: Person
    channel: str  # their DM with the bot


@dataclass(frozen=True)
class Stranger:
    """Someone the bot can't serve here, and what to tell them."""

    text: str


class People:
    def __init__(self, *, store: Store, api: SlackApi, observer: Observer = NOT_WATCHED) -> None:
        self._store = store
        self._api = api
        self._observer = observer

    def who(self, client: WebClient, *, team_id: str, user_id: str) -> Speaker | Stranger:
        """The pool member behind a Slack user, with their DM. Nothing in an event's payload
        is trusted beyond the (signed) team and user ids: the DM is Slack's own answer to
        `conversations.open` for that user, and a person is only reached through a
        workspace that serves their organisation."""
        store = self._store
        if not self.member_workspace(team_id):
            log.info("Slack workspace %s is in no member organisation; refused", team_id)
            self._observer.refused(channel=SLACK, reason=TENANT)
            return Stranger(foreign_workspace(store))
        identity = store.find_identity(SLACK, team_id, user_id)
        person = store.get_person(identity.person_id) if identity else None
        if identity is not None and person is not None and not person.erased:
            if not self.serves(team_id, person):
                return Stranger(wrong_workspace(store))
            return Speaker(person, self._dm_of(client, identity))
        profile = self._api.call(client.users_info, user=user_id).get("user") or {}
        email = str((profile.get("profile") or {}).get("email") or "")
        if profile.get("is_bot") or profile.get("deleted"):
            return Stranger("Sorry, I only talk with people in the coaching pool.")
        if not email or profile.get("is_email_confirmed") is False:
            return Stranger(unconfirmed_email(store))
        person = store.find_person_by_email(email)
        if person is None:
            return Stranger(unknown_person(store, email))
        if not self.serves(team_id, person):
            log.info("Slack workspace %s doesn't serve person %s; refused", team_id, person.id)
            return Stranger(wrong_workspace(store))
        held = store.claim_identity(Identity(person.id, SLACK, team_id, user_id))
        if (held.workspace, held.user_id) != (team_id, user_id):
            log.info("person %s already has another Slack account; refused", person.id)
            return Stranger(already_linked(store))
        return Speaker(person, self._dm_of(client, held))

    def member_workspace(self, team_id: str) -> bool:
        return bool(organisations_of(self._store.list_organisations(), SLACK, team_id))

    def serves(self, team_id: str, person: Person) -> bool:
        """Whether the workspace is one of the person's own organisation's: another member
        workspace's admin could give any account a pool member's email."""
        organisation = self._store.get_organisation(person.organisation_id)
        return organisation is not None and organisation.serves(SLACK, team_id)

    def open_dm(self, client: WebClient, user_id: str) -> str:
        opened = self._api.call(client.conversations_open, users=user_id)
        return str((opened.get("channel") or {}).get("id", ""))

    def _dm_of(self, client: WebClient, identity: Identity) -> str:
        """The DM remembered from `conversations.open`, opened and remembered if new."""
        known = identity.conversation_ref.get("channel", "")
        if known:
            return known
        dm = self.open_dm(client, identity.user_id)
        ref = {**identity.conversation_ref, "channel": dm}
        self._store.link_identity(dataclasses.replace(identity, conversation_ref=ref))
        return dm


def coordinators(store: Store) -> str:
    """Who to ask, by name and email: the pool's coordinators (two at most)."""
    people = store.list_people(Role.COORDINATOR)[:2]
    named = [f"{p.name} ({p.email})" for p in people]
    return " or ".join(named) if named else "your pool coordinator"


def foreign_workspace(store: Store) -> str:
    return (
        "Hello! This Slack workspace isn't connected to the coaching pool, so I can't help "
        "here. If your organisation is a member of the pool, please ask the pool "
        f"coordinator, {coordinators(store)}, to connect this workspace."
    )


def unknown_person(store: Store, email: str) -> str:
    return (
        f"Hello! I couldn't find {email} in the coaching pool. The pool is for staff of its "
        "member organisations; if you'd like coaching or to coach, please ask the pool "
        f"coordinator, {coordinators(store)}, to add you. Then say hello to me again."
    )


def wrong_workspace(store: Store) -> str:
    return (
        "Hello! Your pool record belongs to an organisation that doesn't use this Slack "
        "workspace, so I can't talk with you here. Please message me from your own "
        f"organisation's workspace, or ask the pool coordinator, {coordinators(store)}, for help."
    )


def already_linked(store: Store) -> str:
    return (
        "Hello! Your pool record is already linked to another Slack account, and I keep "
        "talking to that one so your messages stay in one place. If that account is no "
        f"longer yours, please ask the pool coordinator, {coordinators(store)}, for help."
    )


def unconfirmed_email(store: Store) -> str:
    return (
        "Hello! I find people in the coaching pool by their confirmed work email, and Slack "
        "hasn't told me yours. Please confirm your email address in Slack, or ask the pool "
        f"coordinator, {coordinators(store)}, for help."
    )
