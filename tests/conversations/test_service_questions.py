"""Questions about the service get answers, without starting a request; asked in the
middle of a conversation they are answered as an aside and the question comes back."""

from __future__ import annotations

import dataclasses

from handlers.channel_names import CONSOLE
from tests.conversations.transcript import Transcript, squeeze

NATALIE = "natalie.webb@solihull.gov.uk"
CONFLICT = "I'd like coaching on handling conflict in my team, Thursday afternoons, online"


def ask(t: Transcript, text: str) -> str:
    """The answer, after checking that asking started nothing."""
    answer = squeeze(t.say(NATALIE, text))
    assert "I'm not sure what you mean" not in answer
    assert t.store.load_conversation(t.person(NATALIE).id, CONSOLE) is None
    assert t.store.list_requests() == []
    return answer


def test_is_coaching_confidential(t: Transcript) -> None:
    answer = ask(t, "Is coaching confidential?")
    assert answer.startswith("Yes, coaching here is confidential.")
    assert "stays between you and your coach" in answer
    assert "only the one you choose is shown what you wrote in your request" in answer
    assert "never come from fewer than 5 people" in answer
    assert "feedback comments are never shown to anyone with your name" in answer
    assert "none of the pool's programmes asks for a sponsor's approval" in answer


def test_can_my_manager_see_this(t: Transcript) -> None:
    answer = ask(t, "can my manager see this?")
    assert answer.startswith("Your line manager isn't told about your coaching")
    assert "The pool coordinators can see who has asked for coaching" in answer


def test_a_sponsor_sees_only_what_three_way_contracting_gives_them(t: Transcript) -> None:
    pool = t.store.find_programme("rapid-support")
    assert pool is not None
    t.store.update_programme(dataclasses.replace(pool, sponsor_approval=True))
    answer = ask(t, "will my boss find out?")
    assert answer.startswith("Your line manager isn't told about your coaching, except in Rapid")
    assert "sees only your name, the programme and how many sessions it allows" in answer
    assert "In Rapid Support, your line manager is also asked to approve" in ask(
        t, "how does it work?"
    )


def test_how_does_this_work(t: Transcript) -> None:
    answer = ask(t, "how does this work")
    assert "I find about three coaches who fit, each with the reasons" in answer
    assert "offering up to three times when you're both free" in answer
    assert "calendar invite" in answer and "reminders before each session" in answer
    assert "In Regional Coaching Pool and Member Mentoring, the first meeting is a chemistry" in (
        answer
    )
    assert "After a session I ask you for short feedback" in answer


def test_what_is_a_chemistry_session(t: Transcript) -> None:
    answer = ask(t, "what is a chemistry session?")
    assert "a first conversation with your coach to check you work well together" in answer
    assert "It doesn't use up one of your sessions" in answer
    assert "Regional Coaching Pool and Member Mentoring start with one." in answer


def test_what_does_it_cost(t: Transcript) -> None:
    answer = ask(t, "how much does it cost?")
    assert "free at the point of access" in answer
    assert "run by its member organisations" in answer


def test_how_long_it_takes_comes_from_the_programmes(t: Transcript) -> None:
    answer = ask(t, "how long does it take?")
    assert "Regional Coaching Pool: up to 6 sessions of 60 minutes" in answer
    assert "Rapid Support: up to 3 sessions of 60 minutes." in answer
    assert "your coach has 3 working days to answer" in answer
    rapid = t.store.find_programme("rapid-support")
    assert rapid is not None
    t.store.update_programme(dataclasses.replace(rapid, max_sessions=4, session_minutes=90))
    assert "Rapid Support: up to 4 sessions of 90 minutes." in ask(t, "how many sessions?")


def test_who_are_the_coaches(t: Transcript) -> None:
    answer = ask(t, "who are the coaches?")
    assert "trained coaches from the pool's member organisations" in answer
    assert "every coach holds at least ILM level 5 accreditation" in answer
    assert "from another organisation (except in Member Mentoring" in answer
    assert "never your line manager or someone you manage" in answer


def test_how_to_complain_or_stop(t: Transcript) -> None:
    answer = ask(t, "how do I complain?")
    assert "say 'cancel'" in answer and "'my requests' to withdraw" in answer
    assert "'sessions' to cancel a session or end your coaching" in answer
    assert "contact your pool coordinator" in answer
    assert "erase it" in answer
    assert "contact your pool coordinator" in ask(t, "I want to stop my coaching")
    # A button's words typed by someone with no coaching to end start no request about them.
    for said in ("end my coaching", "End coaching with Catherine Ellis"):
        assert "'sessions' to cancel a session or end your coaching" in ask(t, said)


def test_thank_you(t: Transcript) -> None:
    assert ask(t, "thank you") == (
        "You're welcome, Natalie! Say 'help' whenever you'd like to see what I can do."
    )


def test_asked_mid_conversation_it_is_an_aside_and_the_question_comes_back(
    t: Transcript,
) -> None:
    assert "What would you like to be different" in t.say(NATALIE, CONFLICT)
    aside = squeeze(t.say(NATALIE, "sorry, can my manager see this?"))
    assert aside.startswith("Your line manager isn't told about your coaching")
    assert aside.endswith("What would you like to be different by the end of the coaching?")
    assert "where are things now" in t.say(NATALIE, "Feel calmer in team meetings")
    thanked = squeeze(t.say(NATALIE, "thank you"))  # an aside, not the answer
    assert thanked.startswith("You're welcome, Natalie!")
    assert "where are things now" in thanked
    state = t.store.load_conversation(t.person(NATALIE).id, CONSOLE)
    assert state is not None and state.step == "reality" and "reality" not in state.data


def test_ordinary_answers_are_still_answers(t: Transcript) -> None:
    t.say(NATALIE, "I need a coach")
    assert "What would you like to be different" in t.say(NATALIE, "handling confidential casework")
    assert "where are things now" in t.say(NATALIE, "How do I get better at delegating?")
    state = t.store.load_conversation(t.person(NATALIE).id, CONSOLE)
    assert state is not None
    assert state.data["topic"] == "handling confidential casework"
    assert state.data["goal"] == "How do I get better at delegating?"
