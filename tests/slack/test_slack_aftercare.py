"""After the booking, in Slack terms: the reminder DMs, the coach's attendance check and
the coachee's feedback, each delivered by the dispatcher and answered with buttons."""

from __future__ import annotations

from datetime import timedelta

from bot.domain import SessionState
from tests.slack import slack_payloads as payloads
from tests.slack.block_kit_rules import view_problems
from tests.slack.slack_harness import Harness, SlackUser, running_pool, words

SAM = "sam.patel@dudley.gov.uk"
ONE_LINER = (
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please"
)


def booked(h: Harness) -> tuple[SlackUser, SlackUser]:
    sam = h.user(SAM)
    sam.say(ONE_LINER)
    sam.say("Keep my team motivated")
    sam.say("skip")
    sam.say("skip")
    sam.press("Regional Coaching Pool")
    sam.press("Yes, find me a coach")
    store = h.application.store
    request = store.list_requests()[0]
    first = store.get_shortlist(request.id)[0]
    coach_person = store.get_person(first.coach_id)
    assert coach_person is not None
    sam.press(coach_person.name)
    coach = h.user(coach_person.email)
    accept = next(
        e["text"]["text"]
        for c in coach.messages()
        for b in c.params["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["text"]["text"].startswith("Accept")
    )
    assert "Your session is booked" in words(coach.press(accept))
    return sam, coach


def test_reminders_attendance_and_feedback_in_slack(database_url: str) -> None:
    with running_pool(database_url) as h:
        sam, coach = booked(h)
        store = h.application.store
        (session,) = store.list_sessions()

        h.clock.set(session.window.start - timedelta(hours=24))
        before = len(h.fake.calls)
        h.deliver()
        for person in (sam, coach):
            reminder = words(person.since(before))
            assert "Reminder: your coaching session is tomorrow" in reminder
            assert "Reschedule" in reminder and "Cancel" in reminder

        h.clock.set(session.window.start - timedelta(hours=1))
        before = len(h.fake.calls)
        h.deliver()
        assert "is in an hour" in words(sam.since(before))

        h.clock.set(session.window.end + timedelta(minutes=15))
        before = len(h.fake.calls)
        h.deliver()
        assert "How did your session with Sam go" in words(coach.since(before))
        assert "Which themes came up?" in words(coach.press("It was held"))
        coach.press("Managing change")
        assert "Thanks, themes saved" in words(coach.press("Done"))
        assert store.get_session(session.id).state is SessionState.HELD  # type: ignore[union-attr]

        h.clock.set(session.window.end + timedelta(minutes=30))
        before = len(h.fake.calls)
        h.deliver()
        assert "How was your session with" in words(sam.since(before))
        # The button opens the feedback form as a modal; submitting it saves the feedback.
        before = len(h.fake.calls)
        sam.press("Give feedback")
        (opened,) = [c for c in h.fake.calls[before:] if c.method == "views.open"]
        view = opened.params["view"]
        assert view_problems(view) == []
        labels = [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"]
        assert labels[0] == "How useful was it? (1 = not at all, 5 = very)"
        before = len(h.fake.calls)
        answers = {"usefulness": "4", "progress": "7", "comment": "Very helpful", "consent": "yes"}
        submission = payloads.view_submission(
            team_id=sam.me.team_id, user=sam.me.user_id, view=view, values=answers
        )
        assert h.send_interaction(submission).status_code == 200
        h.wait_turns()
        assert "Thank you" in words(sam.since(before))
        (given,) = [f for f in store.list_feedback() if f.person_id == session.coachee_id]
        assert (given.usefulness, given.progress, given.comment) == (4, 7, "Very helpful")
