"""What the coachee writes reaches the coach, and their wishes shape the shortlist where the
pool's records can: a coach asked for by name, someone senior; the rest is said plainly to
go to the coach."""

from __future__ import annotations

from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.test_booking import ONE_LINER, chosen_coach_email
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL


def shortlist_for(t: Transcript, *, wishes: str, reality: str = "skip") -> str:
    t.say(SAM, ONE_LINER)
    t.say(SAM, "Keep my team motivated through the changes")
    t.say(SAM, reality)
    t.say(SAM, wishes)
    t.press(SAM, "Regional Coaching Pool")
    return squeeze(t.press(SAM, "Yes, find me a coach"))


def test_a_coach_asked_for_by_name_is_offered_first(t: Transcript) -> None:
    # Siobhan Kelly is eligible but ranks below the first three for this request.
    offered = shortlist_for(t, wishes="could I have Siobhan Kelly?")
    assert "1. Siobhan Kelly, Coventry City Council - You asked for Siobhan by name." in offered
    assert offered.count("Siobhan Kelly") == 1
    assert "Here are 3 coaches" in offered


def test_a_named_coach_who_cant_be_offered_is_said_so_without_the_reason(
    t: Transcript,
) -> None:
    offered = shortlist_for(t, wishes="Grace Adeyemi please")  # paused, on leave
    assert "Grace Adeyemi can't be offered for this request just now" in offered
    assert "leave" not in offered and "paused" not in offered
    assert "Here are 3 coaches" in offered


def test_someone_senior_brings_a_senior_leader_onto_the_shortlist(t: Transcript) -> None:
    offered = shortlist_for(t, wishes="someone senior")
    assert "1. Catherine Ellis, Shropshire Council - A senior leader (Head of Customer " in (
        offered
    )


def test_a_wish_the_records_cant_weigh_is_passed_to_the_coach_with_where_things_are(
    t: Transcript,
) -> None:
    offered = shortlist_for(
        t, wishes="a woman coach", reality="Two teams merge in January and morale is low"
    )
    assert "I can't choose coaches by 'a woman coach', so I'll pass it on to the coach" in offered
    t.press(SAM, ", ")
    card = squeeze(t.inbox(chosen_coach_email(t)))
    assert "Preferences a woman coach" in card
    assert "Where things are now Two teams merge in January and morale is low" in card
