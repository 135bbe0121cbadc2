"""The .ics invite that goes with every booking confirmation (RFC 5545, via icalendar)."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar, Event, vCalAddress, vText

from bot.domain import Person, Session
from bot.replies import Attachment


def session_invite(
    session: Session, *, coach: Person, coachee: Person, title: str, stamp: datetime, location: str
) -> Attachment:
    calendar = Calendar()
    calendar.add("prodid", "-//coachpool//coaching pool//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    # A stable UID lets a rescheduled session update the same calendar entry.
    event.add("uid", f"session-{session.id}@coachpool")
    event.add("sequence", int(stamp.timestamp()) // 60)
    event.add("dtstamp", stamp)
    event.add("dtstart", session.window.start)
    event.add("dtend", session.window.end)
    event.add("summary", title)
    event.add("location", location)
    if session.meeting_link:
        event.add("url", session.meeting_link)
    event.add(
        "description",
        "Coaching session arranged through the coaching pool. Coaching is confidential.",
    )
    for person, role in ((coach, "CHAIR"), (coachee, "REQ-PARTICIPANT")):
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(person.name)
        attendee.params["role"] = vText(role)
        event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    return Attachment(
        filename=f"coaching-session-{session.id}.ics",
        content=calendar.to_ical(),
        media_type="text/calendar",
        title="Add to your calendar",
    )
