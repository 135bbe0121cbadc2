"""Matching keeps its index of the pool between requests; a coach's change made after it
was built is in the very next shortlist, never an old picture of them."""

from __future__ import annotations

from bot.domain import CoachingRequest, Person
from bot.matching import Rule
from bot.requests.candidates import match_request
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.transcript import Transcript

SAM = DEMO_COACHEE_EMAIL
ONE_LINER = (
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please"
)


def _shortlisted(t: Transcript) -> CoachingRequest:
    assert "What would you like to be different" in t.say(SAM, ONE_LINER)
    t.say(SAM, "Keep my team motivated through the changes")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    assert "Here are 3 coaches" in t.press(SAM, "Yes, find me a coach")
    (request,) = t.store.list_requests()
    return request


def _next_in_line(t: Transcript, request: CoachingRequest) -> Person:
    """The coach who would lead the shortlist after 'none of these suit me', as things are."""
    ranked = match_request(t.bot.services, request, everyone=True).candidates
    shown = [entry.coach_id for entry in t.store.get_shortlist(request.id)]
    assert [c.coach_id for c in ranked[:3]] == shown
    coach = t.store.get_person(ranked[3].coach_id)
    assert coach is not None
    return coach


def _offered(t: Transcript, request_id: int) -> list[int]:
    return [entry.coach_id for entry in t.store.get_shortlist(request_id)]


def _excluded_by(t: Transcript, request_id: int, coach: Person) -> Rule:
    request = t.store.get_request(request_id)
    assert request is not None
    result = match_request(t.bot.services, request, everyone=True)
    (exclusion,) = [e for e in result.excluded if e.coach_id == coach.id]
    return exclusion.code


def test_a_coach_who_pauses_after_the_index_was_built_is_not_offered_then_is_again(
    t: Transcript,
) -> None:
    request = _shortlisted(t)
    coach = _next_in_line(t, request)
    t.say(coach.email, "availability")
    t.press(coach.email, "Pause")
    assert "Paused." in t.say(coach.email, "on leave until January")

    others = t.press(SAM, "None of these suit me")
    assert "Let me look for others" in others
    assert coach.name not in others
    assert coach.id not in _offered(t, request.id)
    assert _excluded_by(t, request.id, coach) is Rule.PAUSED

    t.say(coach.email, "availability")
    assert "Welcome back" in t.press(coach.email, "Resume taking coachees")
    again = t.press(SAM, "None of these suit me")
    assert coach.name in again
    assert _offered(t, request.id)[0] == coach.id


def test_new_weekly_times_after_the_index_was_built_are_matched_at_once(t: Transcript) -> None:
    request = _shortlisted(t)
    coach = _next_in_line(t, request)
    t.say(coach.email, "availability")
    t.press(coach.email, "Change my weekly times")
    t.say(coach.email, "Mon 09:00-10:00")
    assert "Saved." in t.press(coach.email, "Save")

    others = t.press(SAM, "None of these suit me")
    assert coach.name not in others
    assert coach.id not in _offered(t, request.id)
    assert _excluded_by(t, request.id, coach) is Rule.NO_TIME
