"""At the intake's summary a correction in the person's own words is understood, and every
part of the request, 'where things are now' and preferences included, can be changed."""

from __future__ import annotations

from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.test_intake import _through_to_summary
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL


def test_every_part_has_its_button(t: Transcript) -> None:
    summary = _through_to_summary(t)
    for label in (
        "Change the topic",
        "Change the goal",
        "Change where things are now",
        "Change preferences",
        "Change the programme",
        "Change online / in person",
        "Change the times",
    ):
        assert label in summary
    assert "Change the place" not in summary  # online: there is no place to change
    assert "And where are things now?" in t.press(SAM, "Change where things are now")
    summary = squeeze(t.say(SAM, "New in post, inheriting an anxious team"))
    assert "Where things are now New in post, inheriting an anxious team" in summary
    assert "Anything you'd like in a coach" in t.press(SAM, "Change preferences")
    summary = squeeze(t.say(SAM, "someone who has led a team through change"))
    assert "Preferences someone who has led a team through change" in summary


def test_corrections_in_words_change_the_part_they_name(t: Transcript) -> None:
    _through_to_summary(t)
    summary = squeeze(t.say(SAM, "change the goal to feel confident leading change"))
    assert "Goal feel confident leading change" in summary
    summary = squeeze(t.say(SAM, "where things are now: new in post"))
    assert "Where things are now new in post" in summary
    summary = squeeze(t.say(SAM, "my preferences should be someone senior"))
    assert "Preferences someone senior" in summary
    summary = squeeze(t.say(SAM, "actually Monday mornings"))
    assert "Monday 30 November, 09:00–12:00" in summary
    assert "13:00–17:00" not in summary
    summary = squeeze(t.say(SAM, "in person in Dudley please"))
    assert "Meeting In person (Dudley)" in summary
    t.press(SAM, "Yes, find me a coach")
    (request,) = t.store.list_requests()
    assert (request.goal, request.reality, request.preferences, request.location) == (
        "feel confident leading change",
        "new in post",
        "someone senior",
        "Dudley",
    )


def test_a_correction_is_checked_as_an_answer_would_be(t: Transcript) -> None:
    _through_to_summary(t)
    asked = squeeze(t.say(SAM, "change the topic to x"))
    assert "Could you say a little more?" in asked
    assert "What would you like coaching on?" in asked
    summary = squeeze(t.say(SAM, "handling conflict in my team"))
    assert "Coaching on handling conflict in my team" in summary
    assert "Is that right?" in summary
    assert t.store.list_requests() == []


def test_words_naming_no_part_are_asked_about(t: Transcript) -> None:
    _through_to_summary(t)
    unclear = squeeze(t.say(SAM, "hmm not quite"))
    assert "I didn't catch which part to change" in unclear
    assert "Is that right?" in unclear
    just_named = t.say(SAM, "change the goal")
    assert "What would you like to be different" in just_named
