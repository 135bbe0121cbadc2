"""Data-protection erasure of one person."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, update

from bot.domain.audit import AuditEntry
from bot.domain.outbox import OutboxState
from storage.models import (
    CoachRow,
    ConversationRow,
    FeedbackRow,
    IdentityRow,
    OutboxRow,
    PersonRow,
    RequestRow,
)
from storage.repos.audit import AuditRepo
from storage.repos.rows import row_of

UNSENT = (OutboxState.PENDING.value, OutboxState.CLAIMED.value)


def erased_email(person_id: int) -> str:
    """A placeholder that keeps the email column unique and can never reach anyone."""
    return f"erased-{person_id}@invalid"


class ErasureRepo(AuditRepo):
    def erase_person(self, person_id: int, *, at: datetime) -> None:
        """Remove what identifies the person or what they wrote, keep what counts.

        Blanked: name, email (a unique placeholder), job title, directorate, manager; the free
        text of their requests and feedback comments; a coach's bio, and the profile is paused
        so they are never offered again. Deleted: identities, conversation state, unsent
        messages to them. Kept: organisation, roles, sessions, engagements, ratings, themes,
        so hours and counts stay right. The erasure itself is audited. NotFound if no such id.
        """
        with self._write() as s:
            person = row_of(s, PersonRow, person_id)
            person.email = person.email_key = erased_email(person_id)
            person.name = ""
            person.job_title = person.directorate = ""
            person.manager_id = None
            person.erased = True
            for model, column in (
                (IdentityRow, IdentityRow.person_id),
                (ConversationRow, ConversationRow.person_id),
            ):
                s.execute(delete(model).where(column == person_id))
            s.execute(
                delete(OutboxRow).where(
                    OutboxRow.recipient_id == person_id, OutboxRow.state.in_(UNSENT)
                )
            )
            s.execute(
                update(FeedbackRow).where(FeedbackRow.person_id == person_id).values(comment="")
            )
            s.execute(
                update(RequestRow)
                .where(RequestRow.coachee_id == person_id)
                .values(topic="", goal="", reality="", preferences="", location="")
            )
            s.execute(
                update(CoachRow)
                .where(CoachRow.person_id == person_id)
                .values(bio="", paused=True, pause_reason="erased")
            )
            self.audit(
                AuditEntry(at=at, actor_id=None, action="erase", subject=f"person:{person_id}")
            )
