"""No double booking through the core, whatever the concurrency: separate stores (as on
separate replicas) press "accept" for the same hour at the same moment."""

from __future__ import annotations

import threading

from bot.assembly import coaching_bot
from bot.domain import RequestState, SessionState
from bot.messages import Incoming
from bot.replies import Choices
from bot.services import Services
from handlers.channel_names import CONSOLE
from storage.store import SqlStore
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import Transcript, squeeze

RACERS = ("sam.patel@dudley.gov.uk", "jade.morris@sandwell.gov.uk")


def _accept_value(t: Transcript, coach_email: str, request_id: int) -> str:
    """The coach's accept button for the request's first offered slot."""
    coach = t.person(coach_email)
    for reply in t.bot.handle(Incoming(coach.id, CONSOLE, text="pending")).replies:
        if isinstance(reply, Choices):
            for choice in reply.options:
                if choice.value.startswith(f"act:accept:{request_id}:"):
                    return choice.value
    raise AssertionError(f"no accept button for request {request_id}")


def test_a_coach_accepting_two_requests_for_one_hour_books_once(
    t: Transcript, database_url: str
) -> None:
    shortlisted(t, RACERS[0])
    t.press(RACERS[0], ", ")
    coach = chosen_coach_email(t)
    shortlisted(t, RACERS[1])
    t.press(RACERS[1], t.person(coach).name)
    requests = t.store.list_requests(states=[RequestState.WAITING_COACH])
    assert len(requests) == 2
    first_slots = {r.offered_slots[0] for r in requests}
    assert len(first_slots) == 1, "both requests must offer the same first hour"
    values = [_accept_value(t, coach, r.id) for r in requests]
    coach_id = t.person(coach).id

    answers: list[str] = []
    barrier = threading.Barrier(len(values))

    def press(value: str) -> None:
        store = SqlStore.open(database_url)  # its own engine, like another replica
        try:
            bot = coaching_bot(Services(store=store, clock=t.clock))
            barrier.wait()
            incoming = Incoming(coach_id, CONSOLE, value=value)
            answers.append(squeeze(" ".join(str(r) for r in bot.handle(incoming).replies)))
        finally:
            store.close()

    threads = [threading.Thread(target=press, args=(value,)) for value in values]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(answers) == 2
    assert sum("Your session is booked" in a for a in answers) == 1
    assert sum("that time has just gone" in a for a in answers) == 1
    confirmed = [s for s in t.store.list_sessions() if s.state is SessionState.CONFIRMED]
    assert len(confirmed) == 1
    states = sorted(r.state.value for r in t.store.list_requests())
    assert states == ["matched", "waiting_coach"]
    assert len(t.store.list_engagements()) == 1  # the loser's engagement was rolled back
