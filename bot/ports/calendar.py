"""An optional organisational calendar (Outlook through Microsoft Graph, say)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.domain import Person, Session


@dataclass(frozen=True)
class CalendarEntry:
    """An event made in the coach's calendar: its id there, and its online meeting link
    if one was made."""

    event_id: str
    join_url: str | None = None


class Calendar(Protocol):
    """None of these raises: a calendar is a nicety, and its failure must not disturb a
    booking (the .ics invites stand)."""

    def create_event(
        self, session: Session, *, coach: Person, coachee: Person
    ) -> CalendarEntry | None:
        """Put the session in the coach's calendar, inviting the coachee."""
        ...

    def update_event(self, session: Session, *, coach: Person, coachee: Person) -> bool:
        """Move `session.calendar_event_id` to the session's time; whether it worked."""
        ...

    def delete_event(self, session: Session, *, coach: Person) -> bool:
        """Take `session.calendar_event_id` out of the coach's calendar (attendees are
        sent the cancellation); whether it worked."""
        ...
