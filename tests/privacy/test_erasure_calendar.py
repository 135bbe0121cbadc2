"""Erasure cancels sessions as any cancellation does: the other person's calendar loses the
entry (a METHOD:CANCEL .ics of the same UID with a higher SEQUENCE, naming no one else) and
the Outlook event is deleted where the organisational calendar is on. Booked in Slack turns,
erased with `coachpool erase`, delivered by the dispatcher on the simulated clock; the
invites parsed with icalendar as Outlook and Google Calendar would read them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import icalendar
import pytest

from bot.domain import Person, Session, SessionState
from bot.ports.calendar import Calendar, CalendarEntry
from tests.privacy.privacy_rig import FIRST_ASK, SAM, cli, on_the_pool_clock, request_and_book
from tests.slack.slack_harness import Harness, SlackUser, running_pool, words


@dataclass
class RecordingCalendar:
    """The organisational calendar's port, recording what it was asked to do."""

    made: list[int] = field(default_factory=list)
    deleted: list[tuple[str, str]] = field(default_factory=list)  # (event id, coach's mailbox)

    def create_event(
        self, session: Session, *, coach: Person, coachee: Person
    ) -> CalendarEntry | None:
        self.made.append(session.id)
        return CalendarEntry(f"event-{session.id}")

    def update_event(self, session: Session, *, coach: Person, coachee: Person) -> bool:
        return True

    def delete_event(self, session: Session, *, coach: Person) -> bool:
        self.deleted.append((session.calendar_event_id, coach.email))
        return True


def invites_to(h: Harness, user: SlackUser, since: int) -> list[icalendar.Calendar]:
    """The .ics files uploaded into the person's DM from call `since` on."""
    calls = h.fake.calls[since:]
    ids = {
        f["id"]
        for c in calls
        if c.method == "files.completeUploadExternal" and c.params.get("channel_id") == user.dm
        for f in json.loads(c.params["files"])
    }
    return [
        icalendar.Calendar.from_ical(c.body)
        for c in calls
        if c.method == "upload" and c.params["file_id"] in ids
    ]


@pytest.mark.parametrize("erased", ["coach", "coachee"])
def test_erasure_sends_the_other_person_the_cancellation(
    erased: str,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calendar = RecordingCalendar()

    def with_calendar(store: object) -> Calendar:
        return calendar

    monkeypatch.setattr("handlers.bootstrap._calendar", with_calendar)
    with running_pool(database_url) as h:
        on_the_pool_clock(monkeypatch, h)
        store = h.application.store
        sam = h.user(SAM)
        start = len(h.fake.calls)
        coach = request_and_book(h, sam, FIRST_ASK)
        h.deliver()  # the Outlook event is made
        (session,) = store.list_sessions(states=[SessionState.CONFIRMED])
        assert calendar.made == [session.id]
        coach_person = store.find_person_by_email(coach.me.email)
        assert coach_person is not None
        (booked,) = invites_to(h, sam, start)
        assert invites_to(h, coach, start) == [booked]
        (first,) = booked.walk("VEVENT")

        gone, other = (coach, sam) if erased == "coach" else (sam, coach)
        before = len(h.fake.calls)
        code, out, _ = cli(capsys, "--database", database_url, "erase", gone.me.email, "--yes")
        assert code == 0 and "1 future session(s) cancelled" in out
        h.deliver()

        told = words(other.since(before))
        assert "the attached cancellation takes it out of your calendar" in told
        (removal,) = invites_to(h, other, before)
        assert invites_to(h, gone, before) == []
        (event,) = removal.walk("VEVENT")
        assert (str(removal["METHOD"]), str(event["STATUS"])) == ("CANCEL", "CANCELLED")
        assert str(event["UID"]) == str(first["UID"])
        assert int(event["SEQUENCE"]) > int(first["SEQUENCE"])
        assert event.decoded("DTSTART") == first.decoded("DTSTART") == session.window.start
        attendees = event.get("ATTENDEE", [])  # one is a value, more a list
        attendees = attendees if isinstance(attendees, list) else [attendees]
        assert [str(a) for a in attendees] == [f"mailto:{other.me.email}"]
        erased_name = (coach_person.name if erased == "coach" else "Sam Patel").split()
        assert not any(part in str(event["SUMMARY"]) for part in erased_name)

        # The coach's Outlook event goes too, from the coach's mailbox, once.
        assert calendar.deleted == [(f"event-{session.id}", coach.me.email)]
        h.deliver()
        assert calendar.deleted == [(f"event-{session.id}", coach.me.email)]
