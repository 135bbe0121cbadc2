"""`SlackSender`: the dispatcher's way to reach a person on Slack (called in a worker
thread). Opens the DM if we don't know it yet, posts, uploads; a person we have never
seen on Slack is looked up by email in their own organisation's installed workspaces."""

from __future__ import annotations

import dataclasses
import logging

from slack_sdk.web import WebClient

from bot.domain import Identity, Person
from bot.ports.notifier import DeliveryError
from bot.replies import Reply
from handlers.channel_names import SLACK
from handlers.slack.desk import Desk
from handlers.slack.workspaces import Workspaces

log = logging.getLogger("coachpool.slack")


REMEMBERED = 10_000


class SlackSender:
    def __init__(self, desk: Desk, workspaces: Workspaces) -> None:
        self._desk = desk
        self._workspaces = workspaces
        # person id -> their Slack identity with its DM channel, once found or opened: a
        # burst of messages to someone found by email costs one users.lookupByEmail (a
        # rate-limited method) and one conversations.open, not one of each per message.
        self._reached: dict[int, Identity] = {}

    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        identity = self._reachable(person, identity)
        token = self._workspaces.token_for(identity.workspace)
        if token is None:
            raise DeliveryError(
                f"the app is no longer installed in Slack workspace {identity.workspace}",
                retryable=False,
            )
        client = self._desk.api.client(token)
        channel = identity.conversation_ref.get("channel", "")
        if not channel:
            channel = self._desk.people.open_dm(client, identity.user_id)
            ref = {**identity.conversation_ref, "channel": channel}
            identity = dataclasses.replace(identity, conversation_ref=ref)
            self._desk.services.store.link_identity(identity)
        self._remember(identity)
        self._desk.poster.post(client, channel=channel, replies=replies)

    def _reachable(self, person: Person, identity: Identity | None) -> Identity:
        """The identity to send to: the one given if it is in one of the person's own
        organisation's workspaces (never through another organisation's, say one linked
        before that rule), else the one found before, else the store's (the caller's view
        may predate a link made seconds ago), else found by email."""
        serves = self._desk.people.serves
        remembered = self._reached.get(person.id)
        if identity is not None and serves(identity.workspace, person):
            if remembered and (remembered.workspace, remembered.user_id) == (
                identity.workspace,
                identity.user_id,
            ):
                return remembered  # the same account, with the DM channel opened since
            return identity
        if remembered is not None:
            return remembered
        for stored in self._desk.services.store.identities_of(person.id):
            if stored.channel == SLACK and serves(stored.workspace, person):
                return stored
        return self._find(person)

    def _remember(self, identity: Identity) -> None:
        if len(self._reached) >= REMEMBERED:
            self._reached.clear()
        self._reached[identity.person_id] = identity

    def _find(self, person: Person) -> Identity:
        """The person's Slack account by their email, in the installed workspaces of their
        own organisation only (another workspace's admin could give any account their
        email); claimed for next time, unless they already have a Slack account."""
        store = self._desk.services.store
        organisation = store.get_organisation(person.organisation_id)
        own = set(organisation.workspaces(SLACK) if organisation else ())
        for team_id in sorted(t for t in self._workspaces.team_ids() if t in own):
            token = self._workspaces.token_for(team_id)
            if token is None:
                continue
            user_id = self._lookup(self._desk.api.client(token), person.email)
            if user_id:
                return self._claim(Identity(person.id, SLACK, team_id, user_id))
        raise DeliveryError(
            f"person {person.id} was not found in any Slack workspace of their organisation",
            retryable=False,
        )

    def _claim(self, found: Identity) -> Identity:
        held = self._desk.services.store.claim_identity(found)
        # An older account holds the channel, outside their organisation's workspaces.
        if (held.workspace, held.user_id) != (found.workspace, found.user_id):
            raise DeliveryError(
                f"person {found.person_id}'s Slack account is in a workspace of another "
                "organisation; a coordinator needs to check it",
                retryable=False,
            )
        return held

    def _lookup(self, client: WebClient, email: str) -> str:
        try:
            found = self._desk.api.call(client.users_lookupByEmail, email=email)
        except DeliveryError as error:
            if error.retryable:
                raise
            if "users_not_found" not in error.reason:
                log.warning("a Slack user lookup failed: %s", error.reason)
            return ""  # not in this workspace
        user = found.get("user") or {}
        if user.get("is_bot") or user.get("deleted") or user.get("is_email_confirmed") is False:
            return ""  # only a real, current person whose email Slack has confirmed
        return str(user.get("id", ""))
