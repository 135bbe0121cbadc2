"""Programme rules in conversation: places per organisation, three-way contracting, and
answers to questions the bot never asked."""

from __future__ import annotations

import dataclasses

from bot.domain import EngagementState, Person, RequestState, Role
from bot.messages import Incoming
from handlers.channel_names import CONSOLE
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.test_booking import chosen_coach_email
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
RAPID = "coaching on handling a grievance at work quickly, Tuesday or Thursday afternoons, online"


def rapid_request(t: Transcript, email: str) -> str:
    t.say(email, RAPID)
    t.say(email, "Feel calm and prepared for the hearing")
    t.say(email, "skip")
    t.say(email, "skip")
    return t.press(email, "Yes, find me a coach")


def test_rapid_support_takes_at_most_three_people_per_organisation(t: Transcript) -> None:
    dudley = t.person(SAM).organisation_id
    colleagues = [
        t.store.add_person(Person(0, f"colleague{n}@dudley.gov.uk", f"Colleague {n}", dudley,
                                  frozenset({Role.COACHEE})))
        for n in range(3)
    ]  # fmt: skip
    for colleague in colleagues:
        assert "who could work with you" in rapid_request(t, colleague.email)
    reply = squeeze(rapid_request(t, SAM))
    assert "Rapid Support takes at most 3 people from each organisation at a time" in reply
    assert "I've put your request on the waiting list" in reply
    states = [r.state for r in t.store.list_requests() if r.coachee_id == t.person(SAM).id]
    assert states == [RequestState.WAITLISTED]


def test_sponsor_approval_for_three_way_contracting(t: Transcript) -> None:
    programme = t.store.find_programme("regional-pool")
    assert programme is not None
    t.store.update_programme(dataclasses.replace(programme, sponsor_approval=True))
    t.say(SAM, "coaching on leading my team through a restructure, Tuesday afternoons, online")
    t.say(SAM, "Keep my team motivated")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    t.press(SAM, "Yes, find me a coach")
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Accept")
    (engagement,) = t.store.list_engagements()
    assert engagement.state is EngagementState.AWAITING_SPONSOR
    sponsor = "karen.lloyd@dudley.gov.uk"
    ask = squeeze(t.inbox(sponsor))
    assert "As their line manager, do you support this coaching?" in ask
    assert "stays confidential" in ask
    approve = t.find(t.person(sponsor).id, "Approve")[0].value
    assert "isn't yours to give" in t.press_raw(coach, approve, "")
    assert "approved" in t.press(sponsor, "Approve")
    (engagement,) = t.store.list_engagements()
    assert engagement.state is EngagementState.ACTIVE
    assert "has approved the coaching" in t.inbox(SAM)
    assert "You've already answered" in t.press_raw(sponsor, approve, "")


def test_an_answer_to_a_question_never_asked_changes_nothing(t: Transcript) -> None:
    assert "I'm not sure what you mean" in t.say(SAM, "3")
    assert "I'm not sure what you mean" in t.say(SAM, "yes")
    assert "that button is from an older version" in t.press_raw(SAM, "act:frobnicate:1", "")
    assert "couldn't read that button" in t.press_raw(SAM, "act:choose:x:y", "")
    assert t.store.list_requests() == []


def test_a_button_from_a_finished_conversation_starts_nothing(t: Transcript) -> None:
    t.say(SAM, "coaching on leading my team through a restructure, Tuesday afternoons, online")
    t.say(SAM, "Keep my team motivated")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    confirm, token = t.find(t.person(SAM).id, "Yes, find me a coach")
    t.say(SAM, "cancel")
    reply = t.press_raw(SAM, confirm.value, token)
    assert "belongs to a conversation that has finished" in reply
    assert t.store.list_requests() == []
    assert t.store.load_conversation(t.person(SAM).id, t.channel) is None


def test_answers_that_change_nothing_are_marked_refused(t: Transcript) -> None:
    sam = t.person(SAM)
    for value in ("act:choose:999:1", "act:frobnicate:1", "act:cancel:999", "act:approve:999"):
        outcome = t.bot.handle(Incoming(sam.id, CONSOLE, value=value))
        assert outcome.refused, value
    help_outcome = t.bot.handle(Incoming(sam.id, CONSOLE, text="help"))
    assert not help_outcome.refused
    t.say(SAM, "coaching on leading my team through a restructure, Tuesday afternoons, online")
    stale = t.bot.handle(Incoming(sam.id, CONSOLE, value="skip", token="intake.goal.0"))
    assert stale.refused
    assert "belongs to an earlier question" in str(stale.replies[0])
