"""What retention needs to say: the periods, the instants they give, and what was
forgotten. Plain values, so the store's port can name them."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timedelta


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


@dataclass(frozen=True)
class RetentionCutoffs:
    """Everything older than these instants is due to be forgotten."""

    free_text_before: datetime
    conversations_before: datetime
    messages_before: datetime


@dataclass(frozen=True)
class RetentionReport:
    requests: int = 0
    engagements: int = 0
    feedback: int = 0
    audit_details: int = 0
    conversations: int = 0
    messages: int = 0
    platform_events: int = 0

    @property
    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))

    def summary(self) -> str:
        return (
            f"free text removed from {self.requests} request(s), {self.engagements} "
            f"engagement(s), {self.feedback} feedback comment(s) and {self.audit_details} "
            f"audit detail(s); {self.conversations} abandoned conversation(s) and "
            f"{self.platform_events} platform event id(s) deleted; {self.messages} sent "
            "message(s) emptied"
        )


def cutoffs(now: datetime, periods: RetentionPeriods) -> RetentionCutoffs:
    return RetentionCutoffs(
        free_text_before=now - periods.free_text,
        conversations_before=now - periods.conversations,
        messages_before=now - periods.sent_messages,
    )
