"""One-time sign-in links to the coordinators' dashboard. The core decides who may have one
and says it in chat; the web edge signs, checks and spends the links."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

LINK_LIFETIME = timedelta(minutes=15)


class SignInLinks(Protocol):
    def link_for(self, person_id: int, *, now: datetime) -> str:
        """A link that signs this person in once, until `now + LINK_LIFETIME`."""
        ...
