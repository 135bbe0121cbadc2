"""What retention needs to say: the periods and the instants they give. The instants and
the report of what was forgotten are the store's port's own values (`bot.ports.aggregates.
records`), named here too, so the port imports nothing from this package."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.ports.aggregates.records import RetentionCutoffs, RetentionReport

__all__ = ["RetentionCutoffs", "RetentionPeriods", "RetentionReport", "cutoffs"]


@dataclass(frozen=True)
class RetentionPeriods:
    # What people wrote (topics, goals, situations, preferences, comments, close and pause
    # reasons) once their request or engagement has closed.
    free_text: timedelta = timedelta(days=365)
    # A conversation left half-way (nothing said for this long) is forgotten.
    conversations: timedelta = timedelta(days=30)
    # The text of messages already sent, skipped or failed (the row stays, so a message is
    # never sent twice).
    sent_messages: timedelta = timedelta(days=90)


def cutoffs(now: datetime, periods: RetentionPeriods) -> RetentionCutoffs:
    return RetentionCutoffs(
        free_text_before=now - periods.free_text,
        conversations_before=now - periods.conversations,
        messages_before=now - periods.sent_messages,
    )
