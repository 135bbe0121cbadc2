"""Retention: blank or delete what has outlived the pool's retention periods."""

from __future__ import annotations

from sqlalchemy import delete, func, or_, select, update

from bot.domain import EngagementState, RequestState
from bot.domain.outbox import OutboxState
from bot.domain.retention import RetentionCutoffs, RetentionReport
from storage.models import (
    AuditRow,
    ConsoleMessageRow,
    ConversationRow,
    EngagementRow,
    FeedbackRow,
    OutboxRow,
    ProcessedEventRow,
    RequestRow,
)
from storage.repos.rows import rows_changed
from storage.unit import UnitOfWork

CLOSED_REQUESTS = (RequestState.WITHDRAWN.value, RequestState.CLOSED.value)
FINISHED_MESSAGES = (
    OutboxState.SENT.value,
    OutboxState.FAILED.value,
    OutboxState.CANCELLED.value,
    OutboxState.SKIPPED.value,
)
# Audit entries whose detail is someone's own words.
WORDY_ACTIONS = ("coach.paused", "engagement.closed")
REQUEST_TEXT = ("topic", "goal", "reality", "preferences", "location")


class RetentionRepo(UnitOfWork):
    def forget_expired(self, cutoffs: RetentionCutoffs) -> RetentionReport:
        """Blank free text of closed requests and engagements, feedback comments and wordy
        audit details older than `free_text_before`; delete conversations idle since before
        `conversations_before` and platform event ids seen before it; empty the payloads
        of finished messages due before `messages_before` and delete console messages
        that arrived before it unread. Idempotent: a second run
        changes and counts nothing."""
        text_cutoff = cutoffs.free_text_before
        with self._write() as s:
            requests = rows_changed(
                s,
                update(RequestRow)
                .where(
                    RequestRow.state.in_(CLOSED_REQUESTS),
                    func.coalesce(RequestRow.updated_at, RequestRow.created_at) < text_cutoff,
                    or_(*(getattr(RequestRow, c) != "" for c in REQUEST_TEXT)),
                )
                .values(dict.fromkeys(REQUEST_TEXT, ""))
                .execution_options(synchronize_session=False),
            )
            engagements = rows_changed(
                s,
                update(EngagementRow)
                .where(
                    EngagementRow.state == EngagementState.CLOSED.value,
                    EngagementRow.closed_at < text_cutoff,
                    EngagementRow.close_reason != "",
                )
                .values(close_reason="")
                .execution_options(synchronize_session=False),
            )
            feedback = rows_changed(
                s,
                update(FeedbackRow)
                .where(FeedbackRow.submitted_at < text_cutoff, FeedbackRow.comment != "")
                .values(comment="")
                .execution_options(synchronize_session=False),
            )
            audit_details = rows_changed(
                s,
                update(AuditRow)
                .where(
                    AuditRow.action.in_(WORDY_ACTIONS),
                    AuditRow.at < text_cutoff,
                    AuditRow.detail != "",
                )
                .values(detail="")
                .execution_options(synchronize_session=False),
            )
            conversations = rows_changed(
                s,
                delete(ConversationRow)
                .where(
                    or_(
                        ConversationRow.updated_at < cutoffs.conversations_before,
                        ConversationRow.updated_at.is_(None),
                    )
                )
                .execution_options(synchronize_session=False),
            )
            events = rows_changed(
                s,
                delete(ProcessedEventRow)
                .where(ProcessedEventRow.seen_at < cutoffs.conversations_before)
                .execution_options(synchronize_session=False),
            )
            # Console messages never shown: as old as a sent message's text may be kept.
            unread = rows_changed(
                s,
                delete(ConsoleMessageRow)
                .where(ConsoleMessageRow.arrived_at < cutoffs.messages_before)
                .execution_options(synchronize_session=False),
            )
            # JSON has no equality on PostgreSQL: find the non-empty payloads here.
            finished = s.execute(
                select(OutboxRow.id, OutboxRow.payload).where(
                    OutboxRow.state.in_(FINISHED_MESSAGES),
                    func.coalesce(OutboxRow.sent_at, OutboxRow.due_at) < cutoffs.messages_before,
                )
            ).all()
            emptied = [row_id for row_id, payload in finished if payload]
            if emptied:
                s.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id.in_(emptied))
                    .values(payload={})
                    .execution_options(synchronize_session=False)
                )
        return RetentionReport(
            requests=requests,
            engagements=engagements,
            feedback=feedback,
            audit_details=audit_details,
            conversations=conversations,
            messages=len(emptied) + unread,
            platform_events=events,
        )
