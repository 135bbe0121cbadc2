"""Where a session happens: a place agreed for in-person coaching, or the coach's own
online meeting room.

In the kernel because booking places the first session and engagements the next ones, and
a new room moves the booked online sessions: all must agree on what "online" is."""

from __future__ import annotations

from bot.domain import CoachingRequest, Engagement, Format
from bot.services import Services

ONLINE = "Online"


def first_session_place(
    services: Services, request: CoachingRequest, coach_id: int
) -> tuple[str, str]:
    """(location, meeting link) for the first session of a request."""
    if request.format is Format.IN_PERSON:
        return request.location or "In person: place to be agreed with your coach", ""
    profile = services.store.get_coach(coach_id)
    return ONLINE, profile.meeting_link if profile else ""


def next_session_place(services: Services, engagement: Engagement) -> tuple[str, str]:
    """Later sessions meet where the last one did, unless the coach's room has changed."""
    store = services.store
    earlier = store.list_sessions(engagement_id=engagement.id)
    location = earlier[-1].location if earlier else ONLINE
    if location != ONLINE:
        return location, ""
    profile = store.get_coach(engagement.coach_id)
    return ONLINE, profile.meeting_link if profile else ""
