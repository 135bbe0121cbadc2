"""Transcript tests of a coach keeping their availability: weekly times and pausing."""

from __future__ import annotations

from datetime import time

from bot.domain.coaches import WeeklySlot
from tests.conversations.transcript import Transcript, squeeze

COACH = "catherine.ellis@shropshire.gov.uk"


def test_weekly_times_in_a_coordinators_format(t: Transcript) -> None:
    shown = squeeze(t.say(COACH, "availability"))
    assert "Your availability" in shown
    assert "Times are in your time zone (Europe/London)" in shown
    asked = t.press(COACH, "Change my weekly times")
    assert "Your weekly availability is now:" in asked
    assert f"in your time zone ({t.person(COACH).timezone})" in " ".join(asked.split())
    confirm = squeeze(t.say(COACH, "Mon 09:00-12:00; Thu 13:00-17:00"))
    assert "From now on: Mon 09:00-12:00; Thu 13:00-17:00 (Europe/London). Save?" in confirm
    assert "Saved." in t.press(COACH, "Save")
    profile = t.store.get_coach(t.person(COACH).id)
    assert profile is not None
    assert profile.weekly == (
        WeeklySlot(0, time(9), time(12)),
        WeeklySlot(3, time(13), time(17)),
    )


def test_weekly_times_in_plain_words(t: Transcript) -> None:
    t.say(COACH, "availability")
    t.press(COACH, "Change my weekly times")
    confirm = squeeze(t.say(COACH, "Tuesday and Thursday afternoons"))
    assert "From now on: Tue 13:00-17:00; Thu 13:00-17:00" in confirm
    assert "Your weekly availability is now:" in t.press(COACH, "Change them")
    assert "couldn't read that as weekly times" in t.say(COACH, "whenever really")
    t.say(COACH, "Mondays 10am to 12")
    t.press(COACH, "Save")
    profile = t.store.get_coach(t.person(COACH).id)
    assert profile is not None
    assert profile.weekly == (WeeklySlot(0, time(10), time(12)),)


def test_cancel_leaves_availability_unchanged(t: Transcript) -> None:
    before = t.store.get_coach(t.person(COACH).id)
    t.say(COACH, "availability")
    t.press(COACH, "Change my weekly times")
    t.say(COACH, "Mon 09:00-10:00")
    assert "your availability is unchanged" in t.say(COACH, "cancel")
    assert t.store.get_coach(t.person(COACH).id) == before


def test_a_paused_coach_is_not_offered_then_resumes(t: Transcript) -> None:
    t.say(COACH, "availability")
    assert "What's the reason?" in t.press(COACH, "Pause")
    assert "Paused." in t.say(COACH, "on leave until January")
    profile = t.store.get_coach(t.person(COACH).id)
    assert profile is not None
    assert (profile.paused, profile.pause_reason) == (True, "on leave until January")
    assert "Resume taking coachees" in t.say(COACH, "availability")
    assert "Welcome back" in t.press(COACH, "Resume taking coachees")
    profile = t.store.get_coach(t.person(COACH).id)
    assert profile is not None
    assert (profile.paused, profile.pause_reason) == (False, "")


def test_someone_without_a_coach_profile_cannot_edit_availability(t: Transcript) -> None:
    sam = "sam.patel@dudley.gov.uk"
    assert "you don't have a coach profile" in t.say(sam, "availability")
    assert "you don't have a coach profile" in t.press_raw(sam, "act:availability", "")
