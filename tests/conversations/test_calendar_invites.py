"""A session's life as the calendar sees it: every booked session sends an invite to both
people, a move sends an update of the same entry (same UID, higher SEQUENCE), a cancellation
sends METHOD:CANCEL; parsed with icalendar as Outlook and Google Calendar would read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import icalendar

from bot.replies import Attachment
from tests.conversations.test_booking import SAM, chosen_coach_email, shortlisted
from tests.conversations.transcript import Transcript, squeeze


@dataclass(frozen=True)
class Invite:
    method: str
    uid: str
    sequence: int
    start: datetime
    end: datetime
    status: str
    organizer: str
    attendees: frozenset[str]


def _invites(replies: list[object]) -> list[Invite]:
    found = []
    for reply in replies:
        if isinstance(reply, Attachment) and reply.media_type == "text/calendar":
            calendar = icalendar.Calendar.from_ical(reply.content)
            (event,) = calendar.walk("VEVENT")
            found.append(
                Invite(
                    method=str(calendar["METHOD"]),
                    uid=str(event["UID"]),
                    sequence=int(event["SEQUENCE"]),
                    start=event.decoded("DTSTART"),
                    end=event.decoded("DTEND"),
                    status=str(event["STATUS"]),
                    organizer=str(event["ORGANIZER"]),
                    attendees=frozenset(str(a) for a in event.get("ATTENDEE", [])),
                )
            )
    return found


def _last_invite(t: Transcript, email: str) -> Invite:
    (invite,) = _invites(list(t.last[t.person(email).id]))
    return invite


def _booked(t: Transcript) -> tuple[str, Invite]:
    """Sam's request accepted by the coach: the coach's email and the first invite, which
    the coach has and Sam's inbox has just delivered."""
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Accept Thursday 26 November")
    first = _last_invite(t, coach)
    t.inbox(SAM)
    return coach, first


def test_a_sessions_life_as_invites_for_both_people(t: Transcript) -> None:
    coach, first = _booked(t)
    assert _last_invite(t, SAM) == first
    assert (first.method, first.sequence, first.status) == ("REQUEST", 0, "CONFIRMED")
    assert first.organizer == "mailto:coaching-pool@coachpool.invalid"
    assert first.attendees == {f"mailto:{coach}", f"mailto:{SAM}"}
    chemistry = t.store.list_sessions()[0]
    assert (first.start, first.end) == (chemistry.window.start, chemistry.window.end)
    assert first.start.tzinfo is not None and first.start.utcoffset() == UTC.utcoffset(None)

    # The next session: an invite of its own, to both.
    t.say(SAM, "sessions")
    t.press(SAM, "Book a session with")
    t.say(SAM, "Thursday 3 December afternoon")
    t.press(SAM, "Thursday 3 December")
    booked = _last_invite(t, SAM)
    assert "booked a coaching session with you" in t.inbox(coach)
    assert _last_invite(t, coach) == booked
    assert booked.uid != first.uid and (booked.method, booked.sequence) == ("REQUEST", 0)
    second = max(t.store.list_sessions(), key=lambda s: s.id)
    assert booked.start == second.window.start

    # Moved: the same entry updated, with a higher SEQUENCE and the new time.
    t.say(SAM, "sessions")
    t.press_raw(SAM, f"act:reschedule:{second.id}", "")
    t.say(SAM, "Thursday 10 December afternoon")
    assert "Your session has moved" in squeeze(t.press(SAM, "Thursday 10 December"))
    moved = _last_invite(t, SAM)
    assert "moved a coaching session with you" in t.inbox(coach)
    assert _last_invite(t, coach) == moved
    assert (moved.uid, moved.method, moved.sequence) == (booked.uid, "REQUEST", 1)
    second = t.store.get_session(second.id)
    assert second is not None and moved.start == second.window.start
    assert moved.start.date().isoformat() == "2026-12-10"

    # Cancelled: METHOD:CANCEL for the same entry, higher again, to both.
    t.say(SAM, "sessions")
    reply = squeeze(t.press_raw(SAM, f"act:cancel_yes:{second.id}", ""))
    assert "takes it out of your calendar" in reply
    cancelled = _last_invite(t, SAM)
    assert "has cancelled your coaching session" in t.inbox(coach)
    assert _last_invite(t, coach) == cancelled
    assert (cancelled.uid, cancelled.method, cancelled.sequence) == (booked.uid, "CANCEL", 2)
    assert cancelled.status == "CANCELLED"


def test_ending_the_coaching_cancels_future_sessions_in_both_calendars(t: Transcript) -> None:
    coach, first = _booked(t)
    t.say(SAM, "sessions")
    t.press(SAM, "End coaching with")
    t.press(SAM, "Yes, end the coaching")
    ended = t.last[t.person(SAM).id]
    t.inbox(coach)
    for replies in (ended, t.last[t.person(coach).id]):
        (removal,) = _invites(list(replies))
        assert (removal.uid, removal.method, removal.sequence) == (first.uid, "CANCEL", 1)


def test_invites_of_two_pools_never_share_a_uid(t: Transcript) -> None:
    from dataclasses import replace

    from bot.calendar_invite import invite_uid

    coach, _ = _booked(t)
    (session,) = t.store.list_sessions()
    people = {"coach": t.person(coach), "coachee": t.person(SAM)}
    here = invite_uid(session, organizer="a@pool-one.example", **people)
    assert here != invite_uid(session, organizer="b@pool-two.example", **people)
    other_coachee = replace(people["coachee"], email="someone.else@example.org")
    assert here != invite_uid(
        session, organizer="a@pool-one.example", coach=people["coach"], coachee=other_coachee
    )
