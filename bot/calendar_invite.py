"""The .ics invite that goes with every booking confirmation (RFC 5545, via icalendar).

icalendar escapes text values, but every value is also made one line here (a person's words
may reach the title or the place), and a link with spaces or control characters (one saved
before links were checked) is left out rather than break the invite.
"""

from __future__ import annotations

import re
from datetime import datetime

from icalendar import Calendar, Event, vCalAddress, vText

from bot.domain import Person, Session
from bot.replies import Attachment

_NOT_IN_A_LINK = re.compile(r"[\s\x00-\x1f\x7f-\x9f\"<>]")


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
    event.add("summary", one_line(title))
    event.add("location", one_line(location))
    if session.meeting_link and not _NOT_IN_A_LINK.search(session.meeting_link):
        event.add("url", session.meeting_link)
    event.add(
        "description",
        "Coaching session arranged through the coaching pool. Coaching is confidential.",
    )
    for person, role in ((coach, "CHAIR"), (coachee, "REQ-PARTICIPANT")):
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(one_line(person.name).replace('"', "'"))
        attendee.params["role"] = vText(role)
        event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    return Attachment(
        filename=f"coaching-session-{session.id}.ics",
        content=calendar.to_ical(),
        media_type="text/calendar",
        title="Add to your calendar",
    )


def one_line(text: str) -> str:
    """`text` on one line: line breaks and other control characters become spaces."""
    return " ".join("".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in text).split())
