"""Data-protection erasure of one person: remove or scrub every trace, keep what counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from bot.domain import Channel, Identity, Person
from bot.domain.audit import AuditEntry
from bot.domain.outbox import OutboxState
from bot.privacy.traces import PersonTraces, traces_of
from storage.models import (
    AuditRow,
    AvailabilityExceptionRow,
    CoachRow,
    ConsoleMessageRow,
    ConsoleOfferRow,
    ConversationRow,
    EngagementRow,
    FeedbackRow,
    IdentityRow,
    OutboxRow,
    PersonRow,
    ProcessedEventRow,
    RequestRow,
    SessionRow,
    ShortlistEntryRow,
    SlackWorkspaceRow,
    WeeklySlotRow,
)
from storage.repos.audit import AuditRepo
from storage.repos.rows import row_of

UNSENT = (OutboxState.PENDING.value, OutboxState.CLAIMED.value)
# Keys must stay unique and free of spaces: a scrubbed mention in a key reads as this.
KEY_STAND_IN = "erased"


def erased_email(person_id: int) -> str:
    """A placeholder that keeps the email column unique and can never reach anyone."""
    return f"erased-{person_id}@invalid"


class ErasureRepo(AuditRepo):
    def erase_person(self, person_id: int, *, at: datetime, by: str = "") -> None:
        """Remove what identifies the person or what they wrote; keep what counts.

        Deleted: identities, conversation state, every outbox message to them, their
        console inbox and last console question, finished messages (and console messages
        waiting for others) and processed platform events that mention them. Scrubbed (their name,
        email and platform ids replaced): still-queued messages to others, other people's
        conversations, audit details, engagement close reasons, shortlist reasons, the
        comments of others on sessions with them. Blanked: name, email (a unique
        placeholder), job title, directorate, manager; the free text of their requests and
        feedback; their sessions' meeting links and places; a coach's bio, meeting link,
        pause reason and availability, the profile paused so they are never offered again.
        Kept: organisation, roles, sessions, engagements, ratings, themes, so hours and
        counts stay right. One audit entry records that a person was erased (by `by`),
        naming no one. NotFound if no such id.
        """
        with self._write() as s:
            person = row_of(s, PersonRow, person_id)
            traces = _traces(s, person)
            _forget_messages(s, person_id, traces)
            _forget_conversations(s, person_id, traces)
            _scrub_history(s, person_id, traces)
            _blank_own_text(s, person_id)
            person.email = person.email_key = erased_email(person_id)
            person.name = ""
            person.job_title = person.directorate = ""
            person.manager_id = None
            person.erased = True
            s.execute(
                update(PersonRow).where(PersonRow.manager_id == person_id).values(manager_id=None)
            )
            s.execute(delete(IdentityRow).where(IdentityRow.person_id == person_id))
            self.audit(AuditEntry(at, None, "person.erased", f"person:{person_id}", by))


def _traces(s: Session, person: PersonRow) -> PersonTraces:
    identities = [
        Identity(
            row.person_id, Channel(row.channel), row.workspace, row.user_id, row.conversation_ref
        )
        for row in s.scalars(select(IdentityRow).where(IdentityRow.person_id == person.id))
    ]
    who = Person(id=person.id, email=person.email, name=person.name, organisation_id=0)
    return traces_of(who, identities)


def _forget_messages(s: Session, person_id: int, traces: PersonTraces) -> None:
    s.execute(delete(OutboxRow).where(OutboxRow.recipient_id == person_id))
    for row in s.scalars(select(OutboxRow)).all():
        if not (traces.found_in(row.key) or traces.found_in_json(row.payload)):
            continue
        if row.state in UNSENT:  # still to go to someone else: keep it, without them
            row.key = traces.scrub(row.key, KEY_STAND_IN)
            row.payload = traces.scrub_json(row.payload)
        else:
            s.delete(row)
    _forget_console(s, person_id, traces)
    for event in s.scalars(select(ProcessedEventRow)).all():
        if traces.found_in(event.event_id):
            s.delete(event)
    for workspace in s.scalars(select(SlackWorkspaceRow)).all():
        if traces.found_in(workspace.installer_user_id):
            workspace.installer_user_id = ""


def _forget_console(s: Session, person_id: int, traces: PersonTraces) -> None:
    """A console message is already delivered (it waits only to be printed): one that
    mentions them goes, like a finished message."""
    s.execute(delete(ConsoleMessageRow).where(ConsoleMessageRow.person_id == person_id))
    s.execute(delete(ConsoleOfferRow).where(ConsoleOfferRow.person_id == person_id))
    for row in s.scalars(select(ConsoleMessageRow)).all():
        if traces.found_in_json(row.replies):
            s.delete(row)
    for offer in s.scalars(select(ConsoleOfferRow)).all():
        if traces.found_in_json(offer.replies):
            s.delete(offer)


def _forget_conversations(s: Session, person_id: int, traces: PersonTraces) -> None:
    s.execute(delete(ConversationRow).where(ConversationRow.person_id == person_id))
    for row in s.scalars(select(ConversationRow)).all():
        if traces.found_in_json(row.data) or traces.found_in_json(row.history):
            s.delete(row)  # someone else's half-finished question about them: start afresh


def _scrub_history(s: Session, person_id: int, traces: PersonTraces) -> None:
    for entry in s.scalars(select(AuditRow)).all():
        if entry.actor_id == person_id or entry.subject == f"person:{person_id}":
            entry.detail = ""  # their own words (a pause reason) or about them
        elif traces.found_in(entry.detail):
            entry.detail = traces.scrub(entry.detail)
    for engagement in s.scalars(select(EngagementRow).where(EngagementRow.close_reason != "")):
        if traces.found_in(engagement.close_reason):
            engagement.close_reason = traces.scrub(engagement.close_reason)
    for offered in s.scalars(select(ShortlistEntryRow)).all():
        if traces.found_in_json(offered.reasons):
            offered.reasons = traces.scrub_json(offered.reasons)
    theirs = select(SessionRow.id).where(
        or_(SessionRow.coach_id == person_id, SessionRow.coachee_id == person_id)
    )
    for feedback in s.scalars(select(FeedbackRow).where(FeedbackRow.session_id.in_(theirs))):
        if traces.found_in(feedback.comment):
            feedback.comment = traces.scrub(feedback.comment)


def _blank_own_text(s: Session, person_id: int) -> None:
    s.execute(update(FeedbackRow).where(FeedbackRow.person_id == person_id).values(comment=""))
    s.execute(
        update(RequestRow)
        .where(RequestRow.coachee_id == person_id)
        .values(topic="", goal="", reality="", preferences="", location="")
    )
    s.execute(
        update(SessionRow)
        .where(or_(SessionRow.coach_id == person_id, SessionRow.coachee_id == person_id))
        .values(meeting_link="", location="")
    )
    s.execute(delete(WeeklySlotRow).where(WeeklySlotRow.coach_id == person_id))
    s.execute(
        delete(AvailabilityExceptionRow).where(AvailabilityExceptionRow.coach_id == person_id)
    )
    s.execute(
        update(CoachRow)
        .where(CoachRow.person_id == person_id)
        .values(bio="", meeting_link="", paused=True, pause_reason="", locations=[])
    )
