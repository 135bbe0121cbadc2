"""Until when a scheduled message is worth sending.

Every kind declares it (its `Timer`, bot/registry.py): a reminder "your session is in an
hour" means nothing once the session has started, so after a dispatcher outage it is
skipped with the reason, never sent late. A kind that changes state rather than tells news
(a coach's answer time running out) declares `always`: it must happen however late."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.domain.outbox import OutboxMessage
from bot.services import Services


@dataclass(frozen=True)
class Deadline:
    """The message is worth sending before `at`; from then on it is skipped, and `reason`
    (shown in `coachpool outbox`) says why it lost its meaning."""

    at: datetime
    reason: str


WorthUntil = Callable[[Services, OutboxMessage], Deadline | None]


def always(services: Services, message: OutboxMessage) -> Deadline | None:
    return None


def within(days: int, what: str) -> WorthUntil:
    """Worth sending for `days` days after it fell due (`what` names it in the reason)."""

    def worth_until(services: Services, message: OutboxMessage) -> Deadline | None:
        return Deadline(
            message.due_at + timedelta(days=days),
            f"{what} more than {days} days late (due {stamp(message.due_at)})",
        )

    return worth_until


def stamp(instant: datetime) -> str:
    """An instant in a skip reason: UTC to the minute, as operators compare it with logs."""
    return f"{instant.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
