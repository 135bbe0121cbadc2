"""Reaching a person on the channel they use: the Notifier the core's dispatcher calls."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from bot.domain import Channel, Identity, Person
from bot.domain.outbox import Reach
from bot.outbox.dispatcher import DispatchReport, dispatch_all
from bot.ports.notifier import DeliveryError
from bot.replies import Reply
from bot.services import Services

RECIPIENT_CACHE_SECONDS = 5.0


class ChannelSender(Protocol):
    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        """Deliver on this channel; raise DeliveryError on failure. With `identity` None
        the sender may try to find the person (by verified email) or refuse with a
        non-retryable DeliveryError."""
        ...


class ChannelNotifier:
    """Picks the channel for each recipient: the first of `senders` (most preferred first:
    `handlers.channels.ranked_senders` orders them by their mounts' rank) on which the
    person has an identity. `fallback` (the console's inbox) takes people who have no
    identity on any configured channel; the dispatcher's `Reach` (`reach_with`) keeps
    those on another platform from reaching it: they are left due."""

    def __init__(
        self,
        services: Services,
        senders: Mapping[Channel, ChannelSender],
        *,
        fallback: ChannelSender | None = None,
    ) -> None:
        self._services = services
        self._senders = dict(senders)
        self._fallback = fallback
        # A burst of messages (a Monday's reminders) mostly goes to the same people: their
        # records are looked up once per few seconds, not once per message.
        self._recent: dict[int, tuple[float, Person | None, dict[Channel, Identity]]] = {}

    def _recipient(self, person_id: int) -> tuple[Person | None, dict[Channel, Identity]]:
        now = time.monotonic()
        cached = self._recent.get(person_id)
        if cached is not None and now - cached[0] < RECIPIENT_CACHE_SECONDS:
            return cached[1], cached[2]
        store = self._services.store
        person = store.get_person(person_id)
        identities = {i.channel: i for i in store.identities_of(person_id)} if person else {}
        if len(self._recent) > 10_000:
            self._recent.clear()
        self._recent[person_id] = (now, person, identities)
        return person, identities

    @property
    def platforms(self) -> frozenset[Channel]:
        """The channels it has a sender for (its fallback aside)."""
        return frozenset(self._senders)

    def forget(self, person_id: int) -> None:
        """Drop a cached recipient (a channel linked a new identity for them)."""
        self._recent.pop(person_id, None)

    def send(self, *, person_id: int, replies: list[Reply]) -> None:
        person, identities = self._recipient(person_id)
        if person is None or person.erased:
            raise DeliveryError(f"person {person_id} is no longer in the pool", retryable=False)
        for channel, sender in self._senders.items():
            if channel in identities:
                sender.send(person=person, identity=identities[channel], replies=replies)
                return
        # Not yet seen on any connected channel: a sender that can find people by their
        # verified email (Slack's users.lookupByEmail, say) may still reach them.
        reasons = []
        for channel, sender in self._senders.items():
            try:
                sender.send(person=person, identity=None, replies=replies)
                return
            except DeliveryError as error:
                if error.retryable:
                    raise
                reasons.append(f"{channel}: {error.reason}")
        if self._fallback is not None:
            self._fallback.send(person=person, identity=None, replies=replies)
            return
        detail = "; ".join(reasons) or "no chat platform is connected"
        raise DeliveryError(f"cannot reach person {person.id} ({detail})", retryable=False)


@dataclass
class Deliverer:
    """Runs the dispatcher on demand (after a console turn, in the demo). `reach`: the
    channels it delivers on, if not all; people reached only elsewhere have their messages
    left due."""

    services: Services
    notifier: ChannelNotifier
    reach: Reach | None = None

    def deliver_now(self) -> DispatchReport:
        return dispatch_all(self.services, self.notifier, reach=self.reach)
