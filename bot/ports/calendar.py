"""An optional organisational calendar (Outlook through Microsoft Graph, say)."""

from __future__ import annotations

from typing import Protocol

from bot.domain import Person, Session


class Calendar(Protocol):
    def create_event(self, session: Session, *, coach: Person, coachee: Person) -> str | None:
        """Put the session in the coach's calendar, inviting the coachee; return its online
        meeting link if one was made. Never raises: a calendar is a nicety, and its
        failure must not disturb a booking."""
        ...
