"""`SlackSender`: the dispatcher's way to reach a person on Slack (called in a worker
thread). Opens the DM if we don't know it yet, posts, uploads; a person we have never
seen on Slack is looked up by email in each installed member workspace."""

from __future__ import annotations

import dataclasses
import logging

from slack_sdk.web import WebClient

from bot.domain import Channel, Identity, Person
from bot.ports.notifier import DeliveryError
from bot.replies import Reply
from handlers.slack.desk import Desk
from handlers.slack.workspaces import Workspaces

log = logging.getLogger("coachpool.slack")


class SlackSender:
    def __init__(self, desk: Desk, workspaces: Workspaces) -> None:
        self._desk = desk
        self._workspaces = workspaces

    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        if identity is None:
            identity = self._find(person)
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
            self._desk.services.store.link_identity(
                dataclasses.replace(identity, conversation_ref=ref)
            )
        self._desk.poster.post(client, channel=channel, replies=replies)

    def _find(self, person: Person) -> Identity:
        """The person's Slack account by their email, in the member workspaces we're
        installed in (their own organisation's first); linked for next time."""
        store = self._desk.services.store
        organisation = store.get_organisation(person.organisation_id)
        own = organisation.slack_team_ids if organisation else ()
        members = {t for o in store.list_organisations() for t in o.slack_team_ids}
        installed = [t for t in self._workspaces.team_ids() if t in members]
        for team_id in sorted(installed, key=lambda t: t not in own):
            token = self._workspaces.token_for(team_id)
            if token is None:
                continue
            user_id = self._lookup(self._desk.api.client(token), person.email)
            if user_id:
                identity = Identity(person.id, Channel.SLACK, team_id, user_id)
                store.link_identity(identity)
                return identity
        raise DeliveryError(
            f"{person.email} was not found in any Slack workspace of the pool", retryable=False
        )

    def _lookup(self, client: WebClient, email: str) -> str:
        try:
            found = self._desk.api.call(client.users_lookupByEmail, email=email)
        except DeliveryError as error:
            if error.retryable:
                raise
            if "users_not_found" not in error.reason:
                log.warning("looking up %s failed: %s", email, error.reason)
            return ""  # not in this workspace
        user = found.get("user") or {}
        if user.get("is_bot") or user.get("deleted") or user.get("is_email_confirmed") is False:
            return ""  # only a real, current person whose email Slack has confirmed
        return str(user.get("id", ""))
