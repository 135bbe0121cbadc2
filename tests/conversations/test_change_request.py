"""A submitted request can be changed and is matched again; the shortlist understands back,
cancel and help; the one-open-request rule comes before the questions."""

from __future__ import annotations

from bot.domain import CoachingRequest, Format, RequestState
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.test_booking import ONE_LINER, shortlisted
from tests.conversations.test_programme_rules import rapid_request
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
IN_PERSON = (
    "coaching on leading my team through a restructure, Tuesday or Thursday afternoons, "
    "in person in Dudley"
)


def only_request(t: Transcript) -> CoachingRequest:
    (request,) = t.store.list_requests()
    return request


def test_a_submitted_requests_times_are_changed_and_it_is_matched_again(t: Transcript) -> None:
    shortlisted(t)
    before = only_request(t)
    assert "Change it" in t.say(SAM, "my requests")
    summary = squeeze(t.press(SAM, "Change it"))
    assert "Your request as it stands" in summary
    assert "Coaching on leading my team through a restructure" in summary
    assert "When are you usually free" in t.press(SAM, "Change the times")
    assert "Monday 30 November, 09:00–12:00" in t.say(SAM, "Monday mornings")
    done = squeeze(t.press(SAM, "Save and find me a coach"))
    assert f"I've changed your request (reference {before.id})" in done
    assert "who could work with you" in done
    after = only_request(t)
    assert after.windows != before.windows
    assert after.windows[0].start.isoformat().startswith("2026-11-30T09:00")
    assert after.state is RequestState.SHORTLISTED


def test_a_change_in_words_at_the_summary_and_cancel_keeps_the_request(t: Transcript) -> None:
    shortlisted(t)
    t.say(SAM, "my requests")
    t.press(SAM, "Change it")
    summary = squeeze(t.say(SAM, "change the topic to handling conflict in my team"))
    assert "Coaching on handling conflict in my team" in summary
    assert "left your request as it was" in t.say(SAM, "cancel")
    assert only_request(t).topic == "leading my team through a restructure"


def test_the_online_suggestion_comes_with_a_button_that_does_it(t: Transcript) -> None:
    t.say(SAM, IN_PERSON)
    t.say(SAM, "Keep my team motivated")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    offered = squeeze(t.press(SAM, "Yes, find me a coach"))
    assert "online sessions would widen the choice" in offered
    assert only_request(t).format is Format.IN_PERSON
    widened = squeeze(t.press(SAM, "Include online sessions"))
    assert "I've changed your request" in widened
    assert "Here are 3 coaches who could work with you" in widened
    assert only_request(t).format is Format.EITHER


def test_help_back_and_cancel_at_the_shortlist(t: Transcript) -> None:
    shortlisted(t)
    helped = squeeze(t.say(SAM, "help"))
    assert "You're choosing a coach for your request" in helped
    assert "None of these suit me" in helped
    assert "Your request as it stands" in t.say(SAM, "back")
    assert "left your request as it was" in t.say(SAM, "cancel")
    assert "Would you like to withdraw your coaching request" in t.say(SAM, "cancel")
    assert "who could work with you" in t.press(SAM, "Keep it")
    assert only_request(t).state is RequestState.SHORTLISTED
    t.say(SAM, "cancel")
    assert "withdrawn" in t.press(SAM, "Withdraw my request")
    assert only_request(t).state is RequestState.WITHDRAWN


def test_a_request_a_coach_is_considering_is_not_changed(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    assert "Change it" not in t.say(SAM, "my requests")
    request = only_request(t)
    reply = t.press_raw(SAM, f"act:change:{request.id}", "")
    assert "A coach is considering this request as it stands" in reply
    assert only_request(t) == request


def test_the_one_open_request_rule_is_said_before_the_questions(t: Transcript) -> None:
    shortlisted(t)
    again = squeeze(t.say(SAM, ONE_LINER))
    assert "you already have one in Regional Coaching Pool" in again
    t.say(SAM, "Keep my team motivated")
    t.say(SAM, "skip")
    programmes = squeeze(t.say(SAM, "skip"))
    assert "Which programme is this for?" in programmes
    assert "Rapid Support" in programmes
    assert "Regional Coaching Pool" not in programmes
    t.say(SAM, "cancel")
    rapid_request(t, SAM)
    t.say(SAM, "coaching on chairing council meetings, Tuesday afternoons, online")
    t.say(SAM, "Chair meetings with confidence")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Yes, find me a coach")
    assert len(t.store.list_requests()) == 3
    refused = squeeze(t.say(SAM, ONE_LINER))
    assert "You already have a coaching request open" in refused
    assert "Change my request" in refused
    assert t.store.load_conversation(t.person(SAM).id, t.channel) is None


def test_a_waiting_in_person_request_is_offered_coaches_once_online(t: Transcript) -> None:
    t.say(SAM, IN_PERSON.replace("in Dudley", "in Ludlow"))
    t.say(SAM, "Keep my team motivated")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    waiting = squeeze(t.press(SAM, "Yes, find me a coach"))
    assert "I couldn't find a coach for you just now" in waiting
    assert "online sessions would widen the choice" in waiting
    assert only_request(t).state is RequestState.WAITLISTED
    widened = squeeze(t.press(SAM, "Include online sessions"))
    assert "who could work with you" in widened
    assert only_request(t).state is RequestState.SHORTLISTED
