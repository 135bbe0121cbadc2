"""Transcript tests of what the bot sends on its own around a session: reminders, the
attendance check, feedback, follow-ups, the no-show rule and the final evaluation."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.domain import EngagementState, Person, Session, SessionState
from bot.domain.outbox import OutboxState
from bot.ports.calendar import CalendarEntry
from bot.services import Services
from handlers.console.render import render
from handlers.pool.sample import DEMO_COACHEE_EMAIL, load_sample_pool
from storage.store import SqlStore
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import START, RecordingNotifier, Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
LONDON = ZoneInfo("Europe/London")


def booked(t: Transcript) -> str:
    """Sam's first session booked with the coach Sam chose; returns the coach's email."""
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Accept Thursday 26 November")
    t.inbox(SAM)
    return coach


def until(t: Transcript, instant: datetime) -> None:
    t.clock.set(instant)


def test_reminders_24_hours_and_1_hour_before_to_both(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.start - timedelta(hours=24, minutes=1))
    assert t.inbox(SAM) == ""
    until(t, session.window.start - timedelta(hours=24))
    day_before = squeeze(t.inbox(SAM))
    assert "Reminder: your coaching session is tomorrow" in day_before
    assert "Thursday 26 November" in day_before
    assert "Reschedule" in day_before and "Cancel" in day_before
    assert "Reminder: your coaching session is tomorrow" in t.inbox(coach)
    until(t, session.window.start - timedelta(hours=1))
    assert "is in an hour" in t.inbox(SAM)
    assert "is in an hour" in t.inbox(coach)


def test_a_reminder_that_could_only_go_after_the_start_is_not_sent(t: Transcript) -> None:
    """No dispatcher ran in time (the console between two chats, say): once the session
    has started, 'your session is in an hour' would mislead, so it lapses."""
    coach = booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.start + timedelta(minutes=1))
    assert "Reminder" not in t.inbox(SAM)
    assert "Reminder" not in t.inbox(coach)


def test_a_moved_session_moves_its_reminders(t: Transcript) -> None:
    booked(t)
    (session,) = t.store.list_sessions()
    t.say(SAM, "sessions")
    t.press(SAM, "Reschedule")
    t.say(SAM, "Thursday 3 December afternoon")
    assert "Your session has moved" in t.press(SAM, "Thursday 3 December")
    (moved,) = t.store.list_sessions()
    assert moved.window.start.date().isoformat() == "2026-12-03"
    until(t, session.window.start)  # the old time: nothing fires
    assert "Reminder" not in t.inbox(SAM)
    until(t, moved.window.start - timedelta(hours=24))
    assert "Reminder: your coaching session is tomorrow" in t.inbox(SAM)


def test_a_cancelled_session_sends_nothing_more(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    t.say(SAM, "sessions")
    t.press(SAM, "Cancel")
    t.press(SAM, "Yes, cancel it")
    t.inbox(coach)
    until(t, session.window.end + timedelta(days=5))
    assert t.inbox(SAM) == ""
    assert t.inbox(coach) == ""
    pending = [m for m in t.store.list_outbox() if m.key.startswith(f"session:{session.id}:")]
    assert all(m.state is OutboxState.CANCELLED for m in pending)


def test_after_the_session_attendance_themes_and_feedback(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.end + timedelta(minutes=15))
    check = squeeze(t.inbox(coach))
    assert "How did your session with Sam go" in check
    assert "Which themes came up?" in t.press(coach, "It was held")
    t.press(coach, "Leadership")
    t.press(coach, "Done")
    until(t, session.window.end + timedelta(minutes=30))
    prompt = squeeze(t.inbox(SAM))
    assert "How was your session with" in prompt
    assert "Your session with" in t.press(SAM, "Give feedback")
    labels = [field.label for field in t.form(SAM).fields]
    assert labels[0] == "How useful was it? (1 = not at all, 5 = very)"
    assert [field.name for field in t.form(SAM).fields] == [
        "usefulness", "progress", "comment", "consent"
    ]  # fmt: skip
    incomplete = {"usefulness": "4", "progress": "", "comment": "", "consent": "yes"}
    assert "nothing was saved yet" in t.submit(SAM, incomplete)
    answers = {"usefulness": "4", "progress": "6", "comment": "It helped me plan the first week",
               "consent": "yes"}  # fmt: skip
    assert "Thank you" in t.submit(SAM, answers)
    given = [f for f in t.store.list_feedback() if f.person_id == t.person(SAM).id]
    assert len(given) == 1
    assert (given[0].usefulness, given[0].progress, given[0].consent_to_share_themes) == (
        4,
        6,
        True,
    )
    assert t.store.get_session(session.id).state is SessionState.HELD  # type: ignore[union-attr]
    until(t, session.window.end + timedelta(days=3))
    assert t.inbox(SAM) == ""  # answered: no follow-up
    assert t.inbox(coach) == ""


def test_unanswered_prompts_get_one_gentle_follow_up(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.end + timedelta(hours=1))
    t.inbox(SAM)
    t.inbox(coach)
    until(t, session.window.end + timedelta(days=2, hours=1))
    assert "Just a gentle nudge" in t.inbox(SAM)
    assert "Your session with" in t.press(SAM, "Give feedback")
    assert "A gentle reminder: How did your session" in squeeze(t.inbox(coach))
    until(t, session.window.end + timedelta(days=20))
    assert t.inbox(SAM) == ""
    assert t.inbox(coach) == ""


def test_feedback_twice_is_refused_politely(t: Transcript) -> None:
    booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.end + timedelta(minutes=30))
    t.inbox(SAM)
    give, token = t.find(t.person(SAM).id, "Give feedback")
    t.press(SAM, "Give feedback")
    form_token = t.form(SAM).token
    answers = {"usefulness": "5", "progress": "8", "comment": "", "consent": "no"}
    assert "Thank you" in t.submit(SAM, answers)
    assert "already given feedback" in t.press_raw(SAM, give.value, token)
    assert "already given feedback" in t.submit(SAM, answers, token=form_token)
    (saved,) = [f for f in t.store.list_feedback() if f.person_id == t.person(SAM).id]
    assert (saved.usefulness, saved.progress, saved.consent_to_share_themes) == (5, 8, False)


def test_two_no_shows_end_the_engagement_and_both_are_told(t: Transcript) -> None:
    coach = booked(t)
    t.say(SAM, "sessions")
    t.press(SAM, "Book a session with")
    t.say(SAM, "Thursday 3 December afternoon")
    t.press(SAM, "Thursday 3 December")
    t.inbox(coach)
    until(t, datetime(2026, 12, 4, 9, 0, tzinfo=LONDON))
    t.inbox(coach)
    t.inbox(SAM)
    t.say(coach, "sessions")
    assert "recorded as a no-show" in t.press(coach, "Thursday 26 November: no-show")
    t.say(coach, "sessions")
    ended = squeeze(t.press(coach, "Thursday 3 December: no-show"))
    assert "2 sessions missed without notice" in ended
    (engagement,) = t.store.list_engagements()
    assert engagement.state is EngagementState.CLOSED
    assert "Your coaching engagement has closed (2 sessions missed without notice)" in squeeze(
        t.inbox(SAM)
    )


def test_the_final_evaluation_when_coaching_ends(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.end + timedelta(minutes=20))
    t.inbox(coach)
    t.press(coach, "It was held")
    t.press(coach, "Done")
    t.say(SAM, "sessions")
    t.press(SAM, "End coaching with")
    assert "the coaching has ended" in t.press(SAM, "Yes, end the coaching")
    assert "has closed" in t.inbox(coach)
    until(t, t.clock.now() + timedelta(minutes=10))
    inbox = squeeze(t.inbox(SAM))
    assert "Your coaching has finished" in inbox
    assert "Your coaching has finished" in t.press(SAM, "Give my evaluation")
    form = t.form(SAM)
    assert [f.name for f in form.fields] == ["goal_attainment", "would_recommend"]
    assert "nothing was saved yet" in t.submit(SAM, {"goal_attainment": "8"})
    assert "Thank you" in t.submit(SAM, {"goal_attainment": "8", "would_recommend": "9"})
    again = {"goal_attainment": "1", "would_recommend": "1"}
    assert "already sent your evaluation" in t.submit(SAM, again, token=form.token)
    (evaluation,) = t.store.list_evaluations()
    assert (evaluation.goal_attainment, evaluation.would_recommend) == (8, 9)


@dataclass
class RecordingCalendar:
    link: str | None = "https://teams.example/meet/123"
    events: list[int] = field(default_factory=list)
    works: bool = True

    def create_event(
        self, session: Session, *, coach: Person, coachee: Person
    ) -> CalendarEntry | None:
        self.events.append(session.id)
        return CalendarEntry(f"event-{session.id}", self.link) if self.works else None

    def update_event(self, session: Session, *, coach: Person, coachee: Person) -> bool:
        return self.works

    def delete_event(self, session: Session, *, coach: Person) -> bool:
        return self.works


def test_an_organisational_calendar_gets_the_session_and_both_get_the_link(
    store: SqlStore,
) -> None:
    calendar = RecordingCalendar()
    clock = SimulatedClock(START)
    load_sample_pool(store, now=clock.now())
    for profile in store.list_coaches():  # coaches without a room of their own
        store.save_coach(dataclasses.replace(profile, meeting_link=""))
    services = Services(store=store, clock=clock, calendar=calendar)
    t = Transcript(coaching_bot(services), clock, RecordingNotifier())
    coach = booked(t)
    (session,) = t.store.list_sessions()
    assert calendar.events == [session.id]
    assert "Your online meeting link" in t.inbox(coach)
    assert t.store.get_session(session.id).meeting_link == calendar.link  # type: ignore[union-attr]
    t.say(SAM, "sessions")
    assert f"Join {calendar.link}" in squeeze(render(t.last[t.person(SAM).id]).text)
    t.inbox(SAM)
    assert calendar.events == [session.id]  # once, not again on the next dispatch


def test_a_failing_calendar_never_blocks_a_booking(store: SqlStore) -> None:
    calendar = RecordingCalendar(link=None, works=False)
    clock = SimulatedClock(START)
    load_sample_pool(store, now=clock.now())
    t = Transcript(coaching_bot(Services(store=store, clock=clock, calendar=calendar)), clock,
                   RecordingNotifier())  # fmt: skip
    booked(t)
    (session,) = t.store.list_sessions()
    assert session.state is SessionState.CONFIRMED
    assert calendar.events == [session.id]
    profile = t.store.get_coach(session.coach_id)
    assert profile is not None
    assert session.meeting_link == profile.meeting_link  # the coach's own room, untouched


def test_online_sessions_meet_in_the_coachs_own_room(t: Transcript) -> None:
    coach = booked(t)
    profile = t.store.get_coach(t.person(coach).id)
    assert profile is not None
    assert profile.meeting_link.startswith("https://meet.example.org/")
    (session,) = t.store.list_sessions()
    assert (session.location, session.meeting_link) == ("Online", profile.meeting_link)
    shown = squeeze(t.say(SAM, "sessions"))
    assert f"Join {profile.meeting_link}" in shown


def test_a_coach_sets_their_meeting_link_in_chat(t: Transcript) -> None:
    coach = "catherine.ellis@shropshire.gov.uk"
    t.say(coach, "availability")
    assert "Your online meeting room is" in t.press(coach, "Set my online meeting link")
    assert "is not a web link starting https://" in t.say(coach, "zoom please")
    assert "Saved" in t.say(coach, "https://teams.example.org/l/meetup-join/abc")
    profile = t.store.get_coach(t.person(coach).id)
    assert profile is not None
    assert profile.meeting_link == "https://teams.example.org/l/meetup-join/abc"
