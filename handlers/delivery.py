"""Reaching a person on the channel they use: the Notifier the core's dispatcher calls."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from bot.domain import Channel, Identity, Person
from bot.outbox.dispatcher import DispatchReport, dispatch_due
from bot.ports.notifier import DeliveryError
from bot.replies import Reply
from bot.services import Services

# When a person uses several channels, the bot prefers the richer ones.
PREFERENCE = (Channel.TEAMS, Channel.SLACK, Channel.CONSOLE)


class ChannelSender(Protocol):
    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        """Deliver on this channel; raise DeliveryError on failure. With `identity` None
        the sender may try to find the person (by verified email) or refuse with a
        non-retryable DeliveryError."""
        ...


class ChannelNotifier:
    """Picks the channel for each recipient. `fallback` (the console, in the embedded
    setup) takes people who have no identity on any configured channel."""

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

    def send(self, *, person_id: int, replies: list[Reply]) -> None:
        store = self._services.store
        person = store.get_person(person_id)
        if person is None or person.erased:
            raise DeliveryError(f"person {person_id} is no longer in the pool", retryable=False)
        identities = {i.channel: i for i in store.identities_of(person_id)}
        for channel in PREFERENCE:
            if channel in identities and channel in self._senders:
                self._senders[channel].send(
                    person=person, identity=identities[channel], replies=replies
                )
                return
        # Not yet seen on any connected channel: a sender that can find people by their
        # verified email (Slack's users.lookupByEmail, say) may still reach them.
        reasons = []
        for channel in PREFERENCE:
            if channel in self._senders:
                try:
                    self._senders[channel].send(person=person, identity=None, replies=replies)
                    return
                except DeliveryError as error:
                    if error.retryable:
                        raise
                    reasons.append(f"{channel.value}: {error.reason}")
        if self._fallback is not None:
            self._fallback.send(person=person, identity=None, replies=replies)
            return
        detail = "; ".join(reasons) or "no chat platform is connected"
        raise DeliveryError(f"cannot reach {person.email} ({detail})", retryable=False)


@dataclass
class Deliverer:
    """Runs the dispatcher on demand (after a console turn, in the demo)."""

    services: Services
    notifier: ChannelNotifier

    def deliver_now(self) -> DispatchReport:
        total = DispatchReport()
        while True:
            report = dispatch_due(self.services, self.notifier)
            total = DispatchReport(
                total.claimed + report.claimed,
                total.sent + report.sent,
                total.retried + report.retried,
                total.failed + report.failed,
            )
            if report.claimed == 0:
                return total
