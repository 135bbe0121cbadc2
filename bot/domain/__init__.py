"""The vocabulary of a coaching pool: people, coaches, programmes, requests, engagements
and sessions."""

from bot.domain.coaches import (
    Accreditation,
    AvailabilityException,
    CoachProfile,
    Format,
    WeeklySlot,
)
from bot.domain.engagements import HOLDING_A_PLACE, Engagement, EngagementState
from bot.domain.people import (
    Channel,
    Identity,
    Membership,
    Organisation,
    Person,
    Role,
    organisations_of,
)
from bot.domain.programmes import Programme
from bot.domain.requests import CoachingRequest, RequestState, ShortlistEntry
from bot.domain.sessions import Session, SessionKind, SessionState

__all__ = [
    "HOLDING_A_PLACE",
    "Accreditation",
    "AvailabilityException",
    "Channel",
    "CoachProfile",
    "CoachingRequest",
    "Engagement",
    "EngagementState",
    "Format",
    "Identity",
    "Membership",
    "Organisation",
    "Person",
    "Programme",
    "RequestState",
    "Role",
    "Session",
    "SessionKind",
    "SessionState",
    "ShortlistEntry",
    "WeeklySlot",
    "organisations_of",
]
