"""Proactive messages on Teams: `handlers.delivery.ChannelSender` for the dispatcher.

Synchronous, because the dispatcher calls it from a worker thread; the sending runs on
the Teams loop and this thread waits for it. The conversation reference stored on the
person's identity says where to post, and the tenant stored with it which bot registration
posts (with several single-tenant registrations, the one of the person's tenant: a coach in
one council is reached through their council's bot whoever booked them); an identity that
has the person's Entra object id but no conversation yet (the app is installed but they
never wrote), or only one with an earlier bot of their tenant, gets a new one-to-one
conversation with this registration's bot through the connector first.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import functools
from collections.abc import Coroutine, Sequence
from typing import Any, TypeVar

from microsoft_teams.api.activities.message import MessageActivityInput
from microsoft_teams.api.clients.conversation import CreateConversationParams

from bot.domain import Identity, Person
from bot.ports.notifier import DeliveryError
from bot.ports.store import Store
from bot.replies import Reply
from handlers.teams.loop import LoopClosed, LoopThread
from handlers.teams.outgoing import render_activities
from handlers.teams.people import tenant_organisations
from handlers.teams.registrations import for_tenant
from handlers.teams.retries import RetryPolicy, with_retries
from handlers.teams.sdk import App
from handlers.teams.settings import TeamsSettings

T = TypeVar("T")
# Covers the retry policy's waits; past it the outcome is unknown, so no retry.
SEND_TIMEOUT = 120.0


class TeamsSender:
    def __init__(
        self,
        *,
        apps: Sequence[tuple[TeamsSettings, App]],
        loop: LoopThread,
        store: Store,
        policy: RetryPolicy | None = None,
        timeout: float = SEND_TIMEOUT,
    ) -> None:
        self._apps = dict(apps)
        self._loop = loop
        self._store = store
        self._policy = policy or RetryPolicy()
        self._timeout = timeout

    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        if identity is None:
            raise DeliveryError(
                f"person {person.id} has not used the coaching pool in Teams yet", retryable=False
            )
        if person.organisation_id not in {
            o.id for o in tenant_organisations(self._store, identity.workspace)
        }:
            # As when they write: a tenant unlinked from their organisation no longer serves them.
            raise DeliveryError(
                f"Teams tenant {identity.workspace} no longer serves person {person.id}'s "
                "organisation",
                retryable=False,
            )
        registration = for_tenant(self._apps, identity.workspace)
        if registration is None:
            raise DeliveryError(
                f"no Teams bot registration serves tenant {identity.workspace} (person "
                f"{person.id}); add that tenant's registration to MICROSOFT_APP_REGISTRATIONS",
                retryable=False,
            )
        app = self._apps[registration]
        reference = identity.conversation_ref
        service_url = reference.get("service_url", "")
        if not service_url:
            raise DeliveryError(
                f"no Teams service URL is stored for person {person.id}", retryable=False
            )
        activities = render_activities(replies)
        if not activities:
            return
        conversation_id = reference.get("conversation_id", "")
        if not conversation_id or not _with(registration, reference):
            # Never opened, or opened with an earlier bot of this tenant (its council has
            # registered its own since): a conversation with this registration's bot.
            conversation_id = self._wait(self._open(app, registration, identity))
            opened = {
                **reference,
                "conversation_id": conversation_id,
                "bot_id": registration.bot_account_id,
            }
            self._store.link_identity(dataclasses.replace(identity, conversation_ref=opened))
        self._wait(self._post(app, service_url, conversation_id, activities))

    def _wait(self, coroutine: Coroutine[Any, Any, T]) -> T:
        try:
            future = self._loop.submit(coroutine)
        except LoopClosed as error:
            raise DeliveryError("the Teams channel is stopping", retryable=True) from error
        try:
            return future.result(self._timeout)
        except concurrent.futures.TimeoutError as error:
            future.cancel()
            raise DeliveryError(
                "Teams did not answer in time; the message may or may not have arrived",
                retryable=False,
            ) from error

    async def _open(self, app: App, registration: TeamsSettings, identity: Identity) -> str:
        """A one-to-one conversation with the person (Teams returns the existing one if
        there is one, so repeating this is safe)."""
        reference = identity.conversation_ref
        member = reference.get("aad_object_id") or identity.user_id
        tenant = reference.get("tenant_id") or identity.workspace
        params = CreateConversationParams.model_validate(
            {
                "isGroup": False,
                "bot": {"id": registration.bot_account_id},
                "members": [{"id": member}],
                "tenantId": tenant,
                "channelData": {"tenant": {"id": tenant}},
            }
        )
        api = app.api.clone(service_url=reference["service_url"])
        create = functools.partial(api.conversations.create, params)
        created = await with_retries(create, self._policy)
        return created.id

    async def _post(
        self,
        app: App,
        service_url: str,
        conversation_id: str,
        activities: Sequence[MessageActivityInput],
    ) -> None:
        for sent, activity in enumerate(activities):
            post = functools.partial(app.send, conversation_id, activity, service_url=service_url)
            try:
                await with_retries(post, self._policy)
            except DeliveryError as error:
                if sent == 0:
                    raise
                # Part of it arrived: a retry would repeat that part.
                raise DeliveryError(
                    f"{error.reason} (after {sent} of {len(activities)} messages arrived)",
                    retryable=False,
                ) from error


def _with(registration: TeamsSettings, reference: dict[str, str]) -> bool:
    """Whether the stored conversation is with this registration's bot (a reference that
    names no bot is taken to be)."""
    bot = reference.get("bot_id", "")
    return not bot or bot.removeprefix("28:") == registration.app_id
