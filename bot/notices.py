"""Messages for other people produced during a turn go out through the outbox, so they
are committed with the turn and delivered even if the process stops right after."""

from __future__ import annotations

import hashlib
from datetime import datetime
from enum import StrEnum

from bot.domain.outbox import OutboxMessage
from bot.keys import notice_key
from bot.lapse import within
from bot.messages import Outcome
from bot.ports.store import Store
from bot.registry import Door, Registry, Timer
from bot.replies import Outgoing
from bot.replies.codec import decode_replies, encode_replies


class NoticeKind(StrEnum):
    """The kernel's one outbox kind, news from someone's turn (stored: never change it)."""

    NOTICE = "notice"


def queue_outgoing(
    store: Store, outgoing: tuple[Outgoing, ...], *, now: datetime, origin: str
) -> None:
    """`origin` names the turn (e.g. "turn:<person>:<channel>:<seq>") so the keys are unique
    per message but the same if that very turn were replayed."""
    for index, message in enumerate(outgoing):
        payload = {"replies": encode_replies(message.replies)}
        digest = hashlib.sha256(repr(payload).encode()).hexdigest()[:12]
        store.schedule(
            OutboxMessage(
                key=notice_key(NoticeKind.NOTICE, origin, index, message.person_id, digest),
                recipient_id=message.person_id,
                kind=NoticeKind.NOTICE,
                due_at=now,
                payload=payload,
            )
        )


def register(registry: Registry) -> None:
    # News from someone's turn ("your coach has accepted"): stale after a week.
    registry.add_timer(NoticeKind.NOTICE, Timer(_notice, within(7, "news")))


def _notice(bot: Door, message: OutboxMessage) -> Outcome:
    return Outcome(decode_replies(message.payload["replies"]))
