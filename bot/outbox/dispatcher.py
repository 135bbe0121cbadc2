"""The dispatcher: claim due outbox rows, hand each to the door, deliver what comes back,
record.

A claim is owned: it carries this pass's token, a heartbeat renews its lease while the
pass works (so a slow platform never lets another replica take a message mid-send), and
every mark is conditional on still holding it (a replica whose claim was taken over
writes nothing). A replica that dies leaves its claims to expire and another replica
sends them. A pass starts no new message once it has worked for a lease; what it has not
started goes back to pending. A message's parts (a card, then its calendar invite) are
recorded as they go, so a retry resumes after the parts already delivered.
Each kind's timer (its handler and `worth_until`) is found in the registry the slices
registered into (bot/registry.py; bot/assembly's unless one is given).
A message past its kind's `worth_until` (a reminder for a session that has started) is
skipped with the reason instead of being sent late. Otherwise the door runs its timer
(`CoachingBot.handle_due`: one transaction for whatever it changes and the news it queues)
and the replies it returns are delivered to the message's recipient.
Failures retry with backoff up to a limit, then the row ends as failed with the reason.
A message whose timer finds it has lapsed (a reminder for a cancelled session) or has
nothing to say to its recipient (its news was queued) is marked sent with nothing
delivered, and counted as skipped.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass
from datetime import timedelta

from bot.app import CoachingBot, TimerFailed
from bot.assembly import registry as assembled
from bot.domain.outbox import OutboxMessage, Reach
from bot.ports.notifier import DeliveryError, Notifier
from bot.registry import Registry
from bot.replies import Attachment, Image, Reply
from bot.services import Services

log = logging.getLogger("coachpool.dispatcher")

BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
MAX_ATTEMPTS = len(BACKOFF) + 1
BATCH = 200

Part = tuple[int, tuple[Reply, ...]]


@dataclass(frozen=True)
class DispatchReport:
    claimed: int = 0
    sent: int = 0
    # No longer worth sending (marked skipped with the reason), or lapsed (its timer found
    # nothing to say: a reminder for a cancelled session).
    skipped: int = 0
    retried: int = 0
    failed: int = 0
    released: int = 0  # claimed but given back unstarted: the pass ran out of lease
    lost: int = 0  # taken over by another replica mid-pass: left to it


@dataclass(frozen=True)
class Handled:
    """One claimed message's fate, for whoever watches the dispatcher (metrics)."""

    kind: str
    outcome: str  # sent, skipped, retry, failed or lost
    late_by: timedelta  # from its due time to this outcome: the dispatcher's lag


Watcher = Callable[[Handled], None]


def dispatch_due(
    services: Services,
    notifier: Notifier,
    *,
    limit: int = BATCH,
    watch: Watcher | None = None,
    registry: Registry | None = None,
    reach: Reach | None = None,
) -> DispatchReport:
    """One pass. `reach`: the channels this dispatcher delivers on, if not all; messages for
    people reached only elsewhere are not claimed (they stay due for one that can)."""
    door = CoachingBot(services, registry or assembled())
    store, now = services.store, services.clock.now()
    lease = services.settings.outbox_lease
    owner = secrets.token_hex(8)
    claimed = store.claim_due(
        now=now, limit=limit, lease_until=now + lease, owner=owner, reach=reach
    )
    if not claimed:
        return DispatchReport()
    counts = {"sent": 0, "skipped": 0, "retry": 0, "failed": 0, "lost": 0}
    unfinished = [m.id for m in claimed]  # what the heartbeat renews
    with _heartbeat(services, owner, unfinished, lease):
        for message in claimed:
            if services.clock.now() - now >= lease:
                break  # bounded by the lease: the rest go back for any replica to take
            outcome = _deliver(services, notifier, door, message, owner)
            counts[outcome] += 1
            unfinished.remove(message.id)
            if watch is not None:
                late_by = services.clock.now() - message.due_at
                watch(Handled(message.kind, outcome, late_by))
        released = store.release_claims(list(unfinished), owner=owner)
    return DispatchReport(
        claimed=len(claimed),
        sent=counts["sent"],
        skipped=counts["skipped"],
        retried=counts["retry"],
        failed=counts["failed"],
        released=released,
        lost=counts["lost"],
    )


def dispatch_all(
    services: Services,
    notifier: Notifier,
    *,
    max_passes: int = 1_000,
    watch: Watcher | None = None,
    registry: Registry | None = None,
    reach: Reach | None = None,
) -> DispatchReport:
    """Pass after pass until nothing due is left to claim (or `max_passes`, a bound for a
    queue that keeps refilling); the totals."""
    total = DispatchReport()
    for _ in range(max_passes):
        report = dispatch_due(services, notifier, watch=watch, registry=registry, reach=reach)
        total = DispatchReport(
            *(a + b for a, b in zip(astuple(total), astuple(report), strict=True))
        )
        if report.claimed == 0:
            break
    return total


@contextmanager
def _heartbeat(
    services: Services, owner: str, unfinished: Sequence[int], lease: timedelta
) -> Iterator[None]:
    """Renew the pass's claims every third of a lease while it works (a worker thread: a
    single slow send may outlast the lease)."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(lease.total_seconds() / 3):
            try:
                services.store.renew_claims(
                    list(unfinished), owner=owner, lease_until=services.clock.now() + lease
                )
            except Exception:  # the next beat tries again; the marks stay conditional
                log.exception("renewing outbox claims failed")

    worker = threading.Thread(target=beat, name="outbox-lease", daemon=True)
    worker.start()
    try:
        yield
    finally:
        stop.set()
        worker.join()


def parts_of(deliveries: Sequence[tuple[int, Sequence[Reply]]]) -> list[Part]:
    """Each file (an invite, a chart) is a part of its own; the replies between files are
    one part. Delivered in order, so `parts_sent` says where to resume."""
    parts: list[Part] = []
    for person_id, replies in deliveries:
        run: list[Reply] = []
        for reply in replies:
            if isinstance(reply, Attachment | Image):
                if run:
                    parts.append((person_id, tuple(run)))
                    run = []
                parts.append((person_id, (reply,)))
            else:
                run.append(reply)
        if run:
            parts.append((person_id, tuple(run)))
    return parts


def _deliver(
    services: Services, notifier: Notifier, door: CoachingBot, message: OutboxMessage, owner: str
) -> str:
    store, now = services.store, services.clock.now()
    try:
        deadline = door.registry.timer(message.kind).worth_until(services, message)
        if deadline is not None and now >= deadline.at:
            return _skipped(services, message, owner, deadline.reason)
        outcome = door.handle_due(message)  # committed: its state change and queued news
        parts = parts_of([(message.recipient_id, outcome.replies)])
        for index in range(message.parts_sent, len(parts)):
            person_id, replies = parts[index]
            notifier.send(person_id=person_id, replies=list(replies))
            last = index == len(parts) - 1
            if not last and not store.mark_part_sent(message.id, owner=owner, parts_sent=index + 1):
                return _lost(message)
    except (DeliveryError, TimerFailed) as error:  # the door logged a timer's failure
        return _failed(services, message, owner, error.reason, retryable=error.retryable)
    except Exception as error:  # one error path for every kind of message
        log.exception(
            "outbox message %s (%s) to person %s could not be handled",
            message.key,
            message.kind,
            message.recipient_id,
        )
        return _failed(
            services, message, owner, f"{type(error).__name__}: {error}", retryable=False
        )
    if not store.mark_sent(message.id, at=now, owner=owner):
        return _lost(message)
    return "sent" if parts else "skipped"


def _skipped(services: Services, message: OutboxMessage, owner: str, reason: str) -> str:
    if not services.store.mark_skipped(message.id, reason=reason, owner=owner):
        return _lost(message)
    log.info(
        "outbox message skipped as no longer worth sending: key=%s kind=%s recipient=%s reason=%s",
        message.key,
        message.kind,
        message.recipient_id,
        reason,
    )
    return "skipped"


def _lost(message: OutboxMessage) -> str:
    log.warning(
        "outbox message %s (%s) to person %s: the claim was taken over, left to its new holder",
        message.key,
        message.kind,
        message.recipient_id,
    )
    return "lost"


def _failed(
    services: Services, message: OutboxMessage, owner: str, reason: str, *, retryable: bool
) -> str:
    now, store = services.clock.now(), services.store
    if retryable and message.attempts < MAX_ATTEMPTS:
        retry_at = now + BACKOFF[min(message.attempts, len(BACKOFF)) - 1]
        if not store.mark_failed(message.id, error=reason, retry_at=retry_at, owner=owner):
            return _lost(message)
        log.info(
            "outbox message %s (%s) to person %s will be retried at %s: %s",
            message.key,
            message.kind,
            message.recipient_id,
            retry_at.isoformat(),
            reason,
        )
        return "retry"
    if not store.mark_failed(message.id, error=reason, retry_at=None, owner=owner):
        return _lost(message)
    # One line with everything needed at 3 a.m., in every mode (serve, dispatch, digest).
    log.warning(
        "outbox message failed for good: key=%s kind=%s recipient=%s reason=%s",
        message.key,
        message.kind,
        message.recipient_id,
        reason,
    )
    return "failed"
