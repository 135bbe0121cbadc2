"""The dispatcher: claim due outbox rows, turn each into replies, deliver, record.

Claims carry a lease: a replica that dies mid-send leaves its claim to expire and
another replica sends the message. Failures retry with backoff up to a limit, then the
row ends as failed with the reason, where coordinators can see it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.domain.outbox import OutboxMessage
from bot.outbox.kinds import render_message
from bot.ports.notifier import DeliveryError, Notifier
from bot.services import Services

log = logging.getLogger("coachpool.dispatcher")

LEASE = timedelta(minutes=5)
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
MAX_ATTEMPTS = len(BACKOFF) + 1


@dataclass(frozen=True)
class DispatchReport:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0


def dispatch_due(services: Services, notifier: Notifier, *, limit: int = 200) -> DispatchReport:
    store, now = services.store, services.clock.now()
    claimed = store.claim_due(now=now, limit=limit, lease_until=now + LEASE)
    sent = retried = failed = 0
    for message in claimed:
        outcome = _deliver(services, notifier, message)
        sent += outcome == "sent"
        retried += outcome == "retry"
        failed += outcome == "failed"
    return DispatchReport(len(claimed), sent, retried, failed)


def _deliver(services: Services, notifier: Notifier, message: OutboxMessage) -> str:
    store, now = services.store, services.clock.now()
    try:
        deliveries = render_message(services, message)
        for person_id, replies in deliveries:
            if replies:
                notifier.send(person_id=person_id, replies=list(replies))
    except DeliveryError as error:
        return _failed(services, message, error.reason, retryable=error.retryable)
    except Exception as error:  # one error path for every kind of message
        log.exception("outbox message failed", extra={"outbox_key": message.key})
        return _failed(services, message, f"{type(error).__name__}: {error}", retryable=False)
    store.mark_sent(message.id, at=now)
    return "sent"


def _failed(services: Services, message: OutboxMessage, reason: str, *, retryable: bool) -> str:
    now = services.clock.now()
    if retryable and message.attempts < MAX_ATTEMPTS:
        retry_at = now + BACKOFF[min(message.attempts, len(BACKOFF)) - 1]
        services.store.mark_failed(message.id, error=reason, retry_at=retry_at)
        return "retry"
    services.store.mark_failed(message.id, error=reason, retry_at=None)
    log.warning(
        "outbox message failed for good", extra={"outbox_key": message.key, "reason": reason}
    )
    return "failed"
