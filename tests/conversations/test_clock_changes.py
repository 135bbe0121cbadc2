"""A time typed for a clock-change night is asked about, never silently moved: in London
the last Sunday of March has no 01:00-02:00, and the last Sunday of October has it twice."""

from __future__ import annotations

from datetime import datetime

from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import LONDON, Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
WEEK_BEFORE_SPRING = datetime(2027, 3, 22, 9, 30, tzinfo=LONDON)  # Monday; clocks go forward 28th
WEEK_BEFORE_AUTUMN = datetime(2027, 10, 25, 9, 30, tzinfo=LONDON)  # Monday; clocks go back 31st


def _asked_when_free(t: Transcript) -> None:
    t.say(SAM, "coaching on confidence in meetings, online")
    t.say(SAM, "speak up in meetings")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    assert "When are you usually free" in t.press(SAM, "Regional Coaching Pool")


def test_a_time_the_clocks_skip_is_asked_about_in_the_intake(t: Transcript) -> None:
    t.clock.set(WEEK_BEFORE_SPRING)
    _asked_when_free(t)
    asked = squeeze(t.say(SAM, "Sunday 28 March at 1:30am"))
    assert (
        "There's no 01:30 on Sunday 28 March 2027: the clocks go forward an hour that night — "
        "could you pick another time?"
    ) in asked
    assert "Is that right?" not in asked  # no summary: nothing was taken
    summary = squeeze(t.say(SAM, "Monday 29 March at 10am"))
    assert "Monday 29 March, 10:00–11:00 BST" in summary
    assert "Is that right?" in summary


def test_a_time_that_happens_twice_is_asked_back_before_it_is_taken(t: Transcript) -> None:
    t.clock.set(WEEK_BEFORE_AUTUMN)
    _asked_when_free(t)
    asked = squeeze(t.say(SAM, "Sunday 31 October at 1:30am"))
    assert (
        "01:30 happens twice on Sunday 31 October 2027, as the clocks go back an hour that "
        "night: I've taken the first, 01:30 BST, not the second, 01:30 GMT an hour later — "
        "is that right?"
    ) in asked
    assert t.store.list_requests() == []
    summary = squeeze(t.press(SAM, "Yes, that's right"))
    assert "Sunday 31 October, 01:30 BST–01:30 GMT" in summary
    assert "Is that right?" in summary


def test_a_coach_proposing_a_time_the_clocks_skip_is_asked_for_another(t: Transcript) -> None:
    t.clock.set(WEEK_BEFORE_SPRING)
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Propose other times")
    (before,) = t.store.list_requests()
    asked = squeeze(t.say(coach, "Sunday 28 March at 1:30am"))
    assert "There's no 01:30 on Sunday 28 March 2027" in asked
    assert t.inbox(SAM) == ""  # nothing offered to the coachee
    (after,) = t.store.list_requests()
    assert after.offered_slots == before.offered_slots
    offered = squeeze(t.say(coach, "Monday 29 March at 10am"))
    assert "I've offered Sam Monday 29 March, 10:00 BST" in offered
