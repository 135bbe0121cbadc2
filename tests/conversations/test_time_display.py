"""Times said to a person carry their zone, and a date in another year carries its year."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.conversations.test_aftercare import SAM, until
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import LONDON, Transcript, squeeze


def test_a_coach_in_dublin_sees_the_zone_on_every_time(t: Transcript) -> None:
    t.say(
        SAM, "coaching on working well with elected members, Tuesday or Thursday afternoons, online"
    )
    t.say(SAM, "Build trust with the cabinet member for housing")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    t.press(SAM, "Yes, find me a coach")
    t.press(SAM, "Siobhan")
    coach = chosen_coach_email(t)
    assert t.person(coach).timezone == "Europe/Dublin"
    assert "Accept Thursday 26 November, 13:30 GMT" in squeeze(t.inbox(coach))
    booked = squeeze(t.press(coach, "Accept Thursday 26 November"))
    assert "Thursday 26 November, 13:30–14:30 GMT" in booked
    (session,) = t.store.list_sessions()
    until(t, session.window.end + timedelta(minutes=15))
    asked = squeeze(t.inbox(coach))
    assert "How did your session with Sam go (Thursday 26 November, 13:30–14:30 GMT)?" in asked


def test_a_time_in_the_new_year_names_the_year(t: Transcript) -> None:
    t.clock.set(datetime(2026, 12, 21, 9, 30, tzinfo=LONDON))
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Propose other times")
    offered = squeeze(t.say(coach, "Tuesday 5 January at 2pm"))
    assert "I've offered Sam Tuesday 5 January 2027, 14:00 GMT" in offered
    assert "Tuesday 5 January 2027, 14:00 GMT" in squeeze(t.inbox(SAM))
