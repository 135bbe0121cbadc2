"""A coach's changes after booking: a new meeting room reaches the sessions already booked
(their reminders carry it), and the attendance check's 'I couldn't make it' and 'it didn't
happen', which neither count hours nor use up one of the coachee's sessions."""

from __future__ import annotations

from datetime import timedelta

from bot.domain import SessionState
from bot.engagements.engagement_actions import sessions_left
from bot.replies import Attachment
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.test_aftercare import booked, until
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
NEW_ROOM = "https://teams.example.org/l/meetup-join/new-room"


def test_a_new_meeting_link_reaches_the_reminders_of_booked_sessions(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    old_room = session.meeting_link
    assert old_room.startswith("https://meet.example.org/")
    t.say(coach, "availability")
    t.press(coach, "Set my online meeting link")
    saved = squeeze(t.say(coach, NEW_ROOM))
    assert "Your 1 booked online session in your old room now use it too" in saved
    assert any(isinstance(r, Attachment) for r in t.last[t.person(coach).id])
    told = squeeze(t.inbox(SAM))
    assert "has a new online meeting room" in told and f"Join {NEW_ROOM}" in told
    invite = next(r for r in t.last[t.person(SAM).id] if isinstance(r, Attachment))
    assert NEW_ROOM.encode() in invite.content

    until(t, session.window.start - timedelta(hours=24))
    reminder = squeeze(t.inbox(SAM))
    assert "Reminder: your coaching session is tomorrow" in reminder
    assert f"Join {NEW_ROOM}" in reminder and old_room not in reminder
    until(t, session.window.start - timedelta(hours=1))
    assert f"Join {NEW_ROOM}" in squeeze(t.inbox(coach))


def test_i_couldnt_make_it_tells_the_coachee_and_uses_no_session(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.end + timedelta(minutes=20))
    t.inbox(SAM)
    assert "I couldn't make it" in t.inbox(coach)
    recorded = squeeze(t.press(coach, "I couldn't make it"))
    assert "recorded that you couldn't make it" in recorded
    (session,) = t.store.list_sessions()
    assert session.state is SessionState.NO_SHOW
    assert session.no_show_by == t.person(coach).id
    (engagement,) = t.store.list_engagements()
    assert sessions_left(t.bot.services, engagement) == engagement.sessions_allowed
    told = squeeze(t.inbox(SAM))
    assert "has let me know they couldn't make your session" in told
    assert "It doesn't use up one of your sessions" in told
    until(t, t.clock.now() + timedelta(days=3))
    assert "How was your session" not in t.inbox(SAM)  # no feedback asked for a missed session
    assert "When would suit you?" in t.press(SAM, "Book another session")


def test_it_didnt_happen_records_it_cancelled(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.end + timedelta(minutes=20))
    t.inbox(coach)
    held = t.find(t.person(coach).id, "It was held")[0].value
    t.press(coach, "It didn't happen")
    (session,) = t.store.list_sessions()
    assert session.state is SessionState.CANCELLED
    (engagement,) = t.store.list_engagements()
    assert sessions_left(t.bot.services, engagement) == engagement.sessions_allowed
    assert "recorded that your session" in t.inbox(SAM)
    assert "already recorded as cancelled" in t.press_raw(coach, held, "")  # a later press
