"""Safeguarding at every free-text input: whatever a person writes that signals risk gets
the kind reply (their EAP, Samaritans, 999), is never stored anywhere in the store and is
never passed to anyone; the person can carry on."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from bot.domain import RequestState
from bot.domain.feedback import Feedback
from handlers.channel_names import CONSOLE
from handlers.console.wiring import console_chat
from tests.conversations.test_aftercare import booked, until
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import Transcript, squeeze
from tests.store_dump import places_holding

pytestmark = pytest.mark.database(reason="`kept_nowhere` reads every table of the database")

SAM = "sam.patel@dudley.gov.uk"
NATALIE = "natalie.webb@solihull.gov.uk"
CONFLICT = "I'd like coaching on handling conflict in my team, Thursday afternoons, online"


def kind(reply: str, *, eap: str = "0800 000") -> str:
    """The reply, after checking it is the kind one."""
    said = squeeze(reply)
    assert "thank you for telling me" in said
    assert eap in said  # the organisation's employee assistance programme
    assert "Samaritans free on 116 123" in said
    assert "call 999" in said
    assert "I haven't told anyone about this message, and I haven't kept it." in said
    return said


def kept_nowhere(t: Transcript, *words: str) -> None:
    """Not in any table (conversation state, requests, audit, outbox payloads...), nor in
    anything anyone has been sent."""
    assert places_holding(t.store, words) == []
    for message in t.store.list_outbox():
        assert not any(w.lower() in str(message.payload).lower() for w in words)
    for email in (p.email for p in t.store.list_people()):
        received = t.inbox(email).lower()
        assert not any(w.lower() in received for w in words), email


def test_the_goal_question_reported_in_the_issue(t: Transcript) -> None:
    assert "What would you like to be different" in t.say(NATALIE, CONFLICT)
    reply = kind(t.say(NATALIE, "honestly I want to kill myself"))
    assert "Whenever you're ready, we can carry on where we were" in reply
    assert reply.endswith("What would you like to be different by the end of the coaching?")
    assert "where are things now" in t.say(NATALIE, "Feel calmer in team meetings")
    t.say(NATALIE, "skip")
    t.say(NATALIE, "skip")
    summary = squeeze(t.press(NATALIE, "Regional Coaching Pool"))
    assert "Goal Feel calmer in team meetings" in summary
    t.press(NATALIE, "Yes, find me a coach")
    t.press(NATALIE, ", ")
    card = squeeze(t.inbox(chosen_coach_email(t)))
    assert "Goal Feel calmer in team meetings" in card
    (request,) = t.store.list_requests()
    assert request.goal == "Feel calmer in team meetings"
    kept_nowhere(t, "kill myself")


def test_the_topic_question(t: Transcript) -> None:
    assert "What would you like coaching on?" in t.say(SAM, "I need a coach")
    reply = kind(t.say(SAM, "I can't go on like this"))
    assert reply.endswith("'leading my team through a restructure'.")
    assert "What would you like to be different" in t.say(SAM, "managing a difficult colleague")
    kept_nowhere(t, "go on like this")


def test_the_where_things_are_now_and_preferences_questions(t: Transcript) -> None:
    t.say(SAM, CONFLICT)
    t.say(SAM, "Feel calmer in team meetings")
    reply = kind(t.say(SAM, "there's no point in living any more"))
    assert "where are things now" in reply
    assert "Anything you'd like in a coach" in t.say(SAM, "The team argues a lot")
    reply = kind(t.say(SAM, "someone who gets it, everyone would be better off without me"))
    assert "Anything you'd like in a coach" in reply
    assert "Which programme" in t.say(SAM, "skip")
    kept_nowhere(t, "point in living", "better off without me")


def test_a_correction_from_the_summary(t: Transcript) -> None:
    t.say(SAM, CONFLICT)
    t.say(SAM, "Feel calmer in team meetings")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    assert "What would you like to be different" in t.press(SAM, "Change the goal")
    reply = kind(t.say(SAM, "I'm thinking of ending it"))
    assert reply.endswith("What would you like to be different by the end of the coaching?")
    assert "Goal Run a calm meeting" in squeeze(t.say(SAM, "Run a calm meeting"))
    kept_nowhere(t, "ending it")


def test_a_first_message_asking_for_coaching_starts_the_intake_without_its_words(
    t: Transcript,
) -> None:
    reply = kind(t.say(SAM, "I need coaching on quixotic budgeting because I want to kill myself"))
    assert "I've left out what you just wrote" in reply
    assert reply.endswith("'leading my team through a restructure'.")  # the topic question
    state = t.store.load_conversation(t.person(SAM).id, CONSOLE)
    assert state is not None and "topic" not in state.data and "goal" not in state.data
    kept_nowhere(t, "kill myself", "quixotic")


def test_a_first_message_without_a_request_starts_nothing(t: Transcript) -> None:
    reply = kind(t.say(SAM, "I took an overdose last week"))
    assert reply.endswith("say 'coaching' whenever you're ready.")
    assert t.store.load_conversation(t.person(SAM).id, CONSOLE) is None
    assert t.store.list_requests() == []
    kept_nowhere(t, "overdose")


def test_a_message_mid_conversation_elsewhere(t: Transcript) -> None:
    booked(t)
    t.say(SAM, "sessions")
    assert "When would suit you" in t.press(SAM, "Reschedule")
    reply = kind(t.say(SAM, "I'm falling apart and I'm not safe at home"))
    assert "Whenever you're ready, we can carry on where we were" in reply
    assert reply.endswith("When would suit you? For example 'next week' or 'Thursday afternoon'.")
    state = t.store.load_conversation(t.person(SAM).id, CONSOLE)
    assert state is not None and state.name == "schedule_session"
    kept_nowhere(t, "not safe at home")


def test_a_coachs_decline_reason(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    assert "If you'd like to say why" in t.press(coach, "Decline")
    reply = kind(t.say(coach, "honestly I just want to die"))
    assert "If you'd like to say why" in reply
    assert "Thank you." in t.say(coach, "skip")
    kept_nowhere(t, "want to die")


def test_a_coachs_proposed_times(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Propose other times")
    reply = kind(t.say(coach, "Monday 10am, if I haven't taken my own life by then"))
    assert reply.endswith("'Monday 10am or Wednesday afternoon'.")
    request = t.store.list_requests()[0]
    assert request.state is RequestState.WAITING_COACH
    assert t.inbox(SAM) == ""  # nothing offered on the strength of that message
    kept_nowhere(t, "my own life")


def _held_and_asked_for_feedback(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.end + timedelta(minutes=15))
    t.inbox(coach)
    t.press(coach, "It was held")
    t.press(coach, "Done")
    until(t, session.window.end + timedelta(minutes=30))


def _feedback_from(t: Transcript, email: str) -> list[Feedback]:
    return [f for f in t.store.list_feedback() if f.person_id == t.person(email).id]


def test_a_feedback_comment(t: Transcript) -> None:
    _held_and_asked_for_feedback(t)
    t.inbox(SAM)
    t.press(SAM, "Give feedback")
    answers = {"usefulness": "4", "progress": "6", "consent": "yes",
               "comment": "It was fine but I keep thinking about suicide"}  # fmt: skip
    reply = kind(t.submit(SAM, answers))
    assert "I haven't saved that form, so nothing you wrote in it was kept" in reply
    assert _feedback_from(t, SAM) == []
    assert "Your session with" in t.press(SAM, "Fill it in again")
    assert "Thank you" in t.submit(SAM, dict(answers, comment="It helped"))
    (saved,) = _feedback_from(t, SAM)
    assert saved.comment == "It helped"
    kept_nowhere(t, "suicide")


def test_the_console_form(t: Transcript) -> None:
    _held_and_asked_for_feedback(t)
    out = io.StringIO()
    sam = t.person(SAM)
    chat = console_chat(t.bot, sam, engine=t.store.engine, out=out)
    chat.run(["Give feedback", "4", "6", "I've been self-harming again", "1"], interactive=False)
    shown = squeeze(out.getvalue())
    assert "How was your session with" in shown
    kind(shown.split("you> 1", 1)[1])
    assert "I haven't saved that form" in shown
    assert _feedback_from(t, SAM) == []
    kept_nowhere(t, "self-harming")


def test_an_evaluation_form(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.end + timedelta(minutes=20))
    t.inbox(coach)
    t.press(coach, "It was held")
    t.press(coach, "Done")
    t.say(SAM, "sessions")
    t.press(SAM, "End coaching with")
    t.press(SAM, "Yes, end the coaching")
    until(t, t.clock.now() + timedelta(minutes=10))
    t.inbox(SAM)
    t.press(SAM, "Give my evaluation")
    # Whatever arrives in a field, as an edited card or a forged submission could send it.
    reply = kind(t.submit(SAM, {"goal_attainment": "8", "would_recommend": "I can't cope"}))
    assert "I haven't saved that form" in reply
    assert t.store.list_evaluations() == []
    t.press(SAM, "Fill it in again")
    assert "Thank you" in t.submit(SAM, {"goal_attainment": "8", "would_recommend": "9"})
    kept_nowhere(t, "can't cope")


def test_the_intake_form(t: Transcript) -> None:
    form = {
        "topic": "quixotic budgeting",
        "goal": "I want to end it all",
        "programme": "regional-pool",
        "format": "online",
        "when": "Tuesday or Thursday afternoons",
    }
    reply = kind(t.submit(SAM, form, token="form:intake"))
    assert "fill in the request form again" in reply
    assert t.store.load_conversation(t.person(SAM).id, CONSOLE) is None
    kept_nowhere(t, "end it all", "quixotic")
