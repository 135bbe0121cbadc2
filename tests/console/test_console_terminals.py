"""The console is a real channel: each `coachpool chat --as EMAIL` run is that person's
DM. A message waits in its recipient's inbox until their next chat, prints in no one
else's terminal, and the options last put to someone stay answerable in a later run.

A newcomer plays the whole cycle across terminals: a coach declines, the next coach
proposes other times, the coachee picks one, the session is held, feedback, the coaching
ends, the final evaluation; and a coach who never answers passes the request on.
"""

from __future__ import annotations

from datetime import timedelta

from bot.domain import EngagementState, Person, Session, SessionState
from handlers.bootstrap import bootstrap
from tests.console.terminals import Terminals
from tests.conversations.transcript import squeeze

EMMA = "emma.roberts@coventry.gov.uk"
ONE_LINER = (
    "coaching on leading my team through a restructure, Tuesday or Thursday afternoons, online"
)
OFFER = "Emma would like you as their coach"


def asked_for_a_coach(t: Terminals) -> str:
    """Emma asks and picks the first coach of her shortlist, in her terminal."""
    said = squeeze(t.chat(EMMA, ONE_LINER, "Keep my team motivated", "skip", "skip", "1", "1"))
    assert "Here are 3 coaches who could work with you" in said
    return squeeze(t.chat(EMMA, "1"))  # a later run: the shortlist is still answerable


def chosen_coach(t: Terminals) -> Person:
    app = bootstrap(database_url=t.database_url, clock=t.clock, migrate=False)
    try:
        request = app.store.list_requests()[-1]
        assert request.chosen_coach_id is not None
        coach = app.store.get_person(request.chosen_coach_id)
        assert coach is not None
        return coach
    finally:
        app.store.close()


def test_two_terminals_decline_propose_pick_feedback_and_evaluation(t: Terminals) -> None:
    told = asked_for_a_coach(t)
    first = chosen_coach(t)
    assert f"I've asked {first.name}" in told
    assert OFFER not in told  # the coach's message is not printed in Emma's terminal

    # The first coach opens their terminal: the request waited for them; they decline.
    seen = squeeze(t.chat(first.email))
    assert "1 new message for you" in seen and OFFER in seen
    declined = squeeze(t.chat(first.email, "Decline", "I am full this term"))
    assert "I've offered them other coaches" in declined
    assert "looked again for you" not in declined  # Emma's news is hers

    # Emma sees the new shortlist in her next chat and picks from it.
    news = squeeze(t.chat(EMMA))
    assert f"{first.name} isn't able to take this on just now" in news
    assert first.name not in news.split("Choose one")[1]
    assert "I've asked" in squeeze(t.chat(EMMA, "1"))
    second = chosen_coach(t)
    assert second.id != first.id

    # The second coach proposes other times, across two runs of their terminal.
    assert OFFER in squeeze(t.chat(second.email))
    assert "Which times could you offer instead?" in squeeze(
        t.chat(second.email, "Propose other times")
    )
    proposed = squeeze(
        t.chat(second.email, "Wednesday 2 December at 10am or Friday 4 December at 2pm")
    )
    assert "I've offered Emma" in proposed
    assert "has suggested these times" not in proposed

    # Emma sees them in her terminal and picks the Friday in a later run.
    suggested = squeeze(t.chat(EMMA))
    assert f"{second.name} would be glad to coach you and has suggested these times" in suggested
    assert "2. Friday 4 December, 14:00 GMT" in suggested
    booked = squeeze(t.chat(EMMA, "2"))
    assert "Your session is booked" in booked and "Friday 4 December, 14:00–15:00 GMT" in booked
    assert "Your session is booked" in squeeze(t.chat(second.email))
    (session,) = _sessions(t)
    assert session.state is SessionState.CONFIRMED

    # After the session the coach records it held; Emma gives feedback in her terminal.
    t.clock.set(session.window.end + timedelta(minutes=20))
    asked = squeeze(t.chat(second.email))
    assert "How did your session with Emma go" in asked
    assert "Which themes came up?" in squeeze(t.chat(second.email, "It was held"))
    t.chat(second.email, "Managing change", "Done")
    t.clock.set(session.window.end + timedelta(minutes=40))
    prompt = squeeze(t.chat(EMMA))
    assert "How was your session with" in prompt, prompt
    thanked = squeeze(
        t.chat(EMMA, "Give feedback", "4", "6", "It helped me plan the first week", "Yes")
    )
    assert "Thank you" in thanked, prompt
    (session,) = _sessions(t)
    assert session.state is SessionState.HELD

    # Emma ends the coaching; the coach hears it in theirs; the final evaluation follows.
    ended = squeeze(
        t.chat(EMMA, "sessions", f"End coaching with {second.name}", "Yes, end the coaching")
    )
    assert "the coaching has ended" in ended
    assert "has closed" in squeeze(t.chat(second.email))
    t.clock.set(t.clock.now() + timedelta(minutes=10))
    assert "Your coaching has finished" in squeeze(t.chat(EMMA))
    evaluated = squeeze(t.chat(EMMA, "Give my evaluation", "8", "9"))
    assert "Thank you" in evaluated
    app = bootstrap(database_url=t.database_url, clock=t.clock, migrate=False)
    try:
        (evaluation,) = app.store.list_evaluations()
        assert (evaluation.goal_attainment, evaluation.would_recommend) == (8, 9)
        (engagement,) = app.store.list_engagements()
        assert engagement.state is EngagementState.CLOSED
    finally:
        app.store.close()
    # Everything was shown once, in its recipient's terminal: nothing is left waiting.
    for email in (EMMA, second.email, first.email):
        assert len(t.chat(email).splitlines()) == 1  # the greeting only
    assert t.chat(EMMA, "").splitlines()[1:] == ["bot> No new messages."]  # Enter looks again


def test_a_coach_who_never_answers_passes_emma_on(t: Terminals) -> None:
    asked_for_a_coach(t)
    silent = chosen_coach(t)
    t.clock.set(t.clock.now() + timedelta(days=10))
    news = squeeze(t.chat(EMMA))
    assert f"{silent.name} hasn't been able to answer in time" in news
    assert "Choose one" in news and silent.name not in news.split("Choose one")[1]
    assert "I've asked" in squeeze(t.chat(EMMA, "1"))
    assert chosen_coach(t).id != silent.id
    # The silent coach's offer waited in their inbox; accepting it now is refused kindly.
    late = squeeze(t.chat(silent.email, "1"))
    assert OFFER in late
    assert "gone to another coach, as the answer time passed" in late
    assert "gentle reminder" not in late  # its 'if I haven't heard by' day had passed
    assert "That request has moved on since this message" in late.split("you> 1")[1]
    assert _sessions(t) == []


def test_an_old_option_from_an_earlier_run_is_answered_politely(t: Terminals) -> None:
    asked_for_a_coach(t)
    # Her shortlist was answered; typing its number again in a later run presses an old
    # question, which the bot recognises.
    again = squeeze(t.chat(EMMA, "2"))
    assert "Traceback" not in again and "went wrong" not in again
    assert len(_requests_chosen(t)) == 1


def _sessions(t: Terminals) -> list[Session]:
    app = bootstrap(database_url=t.database_url, clock=t.clock, migrate=False)
    try:
        return app.store.list_sessions()
    finally:
        app.store.close()


def _requests_chosen(t: Terminals) -> list[int]:
    app = bootstrap(database_url=t.database_url, clock=t.clock, migrate=False)
    try:
        return [r.chosen_coach_id for r in app.store.list_requests() if r.chosen_coach_id]
    finally:
        app.store.close()
