"""A coach keeps their whole profile in chat: bio, specialisms, capacity, formats, places."""

from __future__ import annotations

from bot.domain import Format
from tests.conversations.transcript import Transcript, squeeze

COACH = "catherine.ellis@shropshire.gov.uk"


def test_a_coach_sees_and_changes_each_part_of_their_profile(t: Transcript) -> None:
    card = squeeze(t.say(COACH, "profile"))
    assert "Your coach profile" in card
    for label in ("Bio", "Specialisms", "Coachees at once", "Hours a month", "Formats"):
        assert label in card
    t.press(COACH, "Change my profile")
    assert "Coachees at once now: " in t.press(COACH, "Coachees at once")
    assert "not a whole number between 1 and 20" in t.say(COACH, "lots")
    assert "Saved: coachees at once 4" in t.say(COACH, "4")
    t.say(COACH, "profile")
    t.press(COACH, "Change my profile")
    t.press(COACH, "Specialisms")
    assert "Saved" in t.say(COACH, "resilience; working with elected members")
    t.say(COACH, "profile")
    t.press(COACH, "Change my profile")
    t.press(COACH, "Formats")
    assert "not a format" in t.say(COACH, "by carrier pigeon")
    assert "say 'online', 'in person' or 'both'" in t.say(COACH, ";")
    t.say(COACH, "both")
    t.say(COACH, "profile")
    t.press(COACH, "Change my profile")
    t.press(COACH, "Places in person")
    t.say(COACH, "Shrewsbury; Telford")
    t.say(COACH, "profile")
    t.press(COACH, "Change my profile")
    t.press(COACH, "Bio")
    assert "10 to 600 characters" in t.say(COACH, "Hi")
    t.say(COACH, "I coach new managers and people returning from leave.")
    t.say(COACH, "profile")
    t.press(COACH, "Change my profile")
    t.press(COACH, "Hours a month")
    assert "Okay, your profile is unchanged" in t.say(COACH, "cancel")

    profile = t.store.get_coach(t.person(COACH).id)
    assert profile is not None
    assert profile.max_coachees == 4
    assert profile.specialisms == ("resilience", "working with elected members")
    assert profile.formats == frozenset({Format.ONLINE, Format.IN_PERSON})
    assert profile.locations == ("Shrewsbury", "Telford")
    assert profile.bio == "I coach new managers and people returning from leave."
    assert "Shrewsbury; Telford" in squeeze(t.say(COACH, "profile"))


def test_someone_who_isnt_a_coach_has_no_profile(t: Transcript) -> None:
    sam = "sam.patel@dudley.gov.uk"
    assert "Sorry, I'm not sure what you mean" in t.say(sam, "profile")
    assert "you don't have one" in t.press_raw(sam, "act:profile_edit", "")
