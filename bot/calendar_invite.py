"""The .ics invite for a session (RFC 5545 and the iTIP methods of RFC 5546, via icalendar).

Every booked session sends one to both people (METHOD:REQUEST); a move sends an update with
the same UID and a higher SEQUENCE; a cancellation sends METHOD:CANCEL. That is what Outlook
and Google Calendar need to change or remove the entry they already hold. The UID is globally
unique: derived from the pool's organiser address, the session and its two people, so two
pools never share one, and it stays the same for the whole life of the session. Times are UTC.

icalendar escapes text values, but every value is also made one line here (a person's words
may reach the title or the place), and a link with spaces or control characters (one saved
before links were checked) is left out rather than break the invite.

`invite_for` is a session's invite as it stands, for whoever sends one: booking with a
confirmation, engagements when a session moves, is cancelled or changes room, and erasure.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from datetime import datetime

from icalendar import Calendar, Event, vCalAddress, vText

from bot.domain import Person, Session
from bot.replies import Attachment
from bot.services import Services

_NOT_IN_A_LINK = re.compile(r"[\s\x00-\x1f\x7f-\x9f\"<>]")
_UID_NAMESPACE = uuid.UUID("5b0e2a8c-7d1e-4c1b-9a53-8f3c1d2e6a71")


def invite_uid(session: Session, *, coach: Person, coachee: Person, organizer: str) -> str:
    seed = f"{organizer}|{session.id}|{session.engagement_id}|{coach.email}|{coachee.email}"
    return f"{uuid.uuid5(_UID_NAMESPACE, seed)}@coachpool"


def session_invite(
    session: Session,
    *,
    coach: Person,
    coachee: Person,
    title: str,
    stamp: datetime,
    location: str,
    organizer: str,
    organizer_name: str,
    cancelled: bool = False,
    left_out: Person | None = None,
) -> Attachment:
    """`left_out` (one of the two, erased from the pool) is not named as an attendee: the
    UID, which Outlook and Google Calendar match on, is the same either way."""
    calendar = Calendar()
    calendar.add("prodid", "-//coachpool//coaching pool//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", invite_uid(session, coach=coach, coachee=coachee, organizer=organizer))
    event.add("sequence", session.calendar_sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", session.window.start)
    event.add("dtend", session.window.end)
    event.add("summary", one_line(title))
    event.add("location", one_line(location))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if session.meeting_link and not _NOT_IN_A_LINK.search(session.meeting_link):
        event.add("url", session.meeting_link)
    event.add(
        "description",
        "Coaching session arranged through the coaching pool. Coaching is confidential.",
    )
    host = vCalAddress(f"mailto:{organizer}")
    host.params["cn"] = vText(one_line(organizer_name).replace('"', "'"))
    event.add("organizer", host, encode=False)
    for person, role in ((coach, "CHAIR"), (coachee, "REQ-PARTICIPANT")):
        if left_out is not None and person.id == left_out.id:
            continue
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(one_line(person.name).replace('"', "'"))
        attendee.params["role"] = vText(role)
        event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    return Attachment(
        filename=f"coaching-session-{session.id}{'-cancelled' if cancelled else ''}.ics",
        content=calendar.to_ical(),
        media_type="text/calendar",
        title="Remove from your calendar" if cancelled else "Add to your calendar",
    )


def one_line(text: str) -> str:
    """`text` on one line: line breaks and other control characters become spaces."""
    return " ".join("".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in text).split())


LEFT_POOL = "a pool member"


def invite_for(
    services: Services,
    session: Session,
    *,
    cancelled: bool = False,
    without: Person | None = None,
) -> Attachment:
    """The session's calendar invite as it stands (an update after a move, a CANCEL once
    cancelled): the same for both people. `without`, a person being erased, is neither
    named in the title nor an attendee, so the invite kept for the other holds nothing of
    them (its UID, a hash, still matches the entry in their calendar), nor the place or
    link, which erasure blanks too."""
    store = services.store
    if without is not None:
        session = dataclasses.replace(session, location="", meeting_link="")
    coach, coachee = store.get_person(session.coach_id), store.get_person(session.coachee_id)
    assert coach is not None and coachee is not None
    gone = without.id if without is not None else None
    names = [LEFT_POOL if p.id == gone else p.name for p in (coach, coachee)]
    return session_invite(
        session,
        coach=coach,
        coachee=coachee,
        stamp=services.clock.now(),
        title=f"Coaching: {names[0]} and {names[1]}",
        location=session.location or "Online",
        organizer=services.settings.invite_organizer,
        organizer_name=services.settings.pool_name,
        cancelled=cancelled,
        left_out=without,
    )
