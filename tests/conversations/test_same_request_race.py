"""One request, its "Accept" pressed many times at once from separate processes (a double
click, the same click delivered to two replicas, a coach on Slack and Teams at once): the
hour is booked once, and no losing press undoes the booking or tells anything but the truth,
whenever the winner's booking lands between the loser's reads."""

from __future__ import annotations

import multiprocessing
import threading
from datetime import datetime
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from typing import cast

import pytest

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.domain import RequestState, SessionState
from bot.messages import Incoming
from bot.ports.store import Store
from bot.services import Services
from handlers.channel_names import CONSOLE
from storage.store import SqlStore
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.test_booking_race import _accept_value
from tests.conversations.test_stale_turn import BookedBehindItsBack
from tests.conversations.transcript import Transcript, squeeze

PRESSES = 6
SAM = "sam.patel@dudley.gov.uk"
# Six fresh interpreters import the whole bot at once, on a machine that may be running other
# test sessions: waits this generous only ever end a run that hangs, never a slow one.
WAIT = 300


def _press(
    database_url: str,
    *,
    now: datetime,
    coach_id: int,
    value: str,
    barrier: Barrier,
    answers: Queue[str],
) -> None:
    """One replica: its own process, store and bot."""
    store = SqlStore.open(database_url)
    try:
        bot = coaching_bot(Services(store=store, clock=SimulatedClock(now)))
        barrier.wait(timeout=WAIT)
        outcome = bot.handle(Incoming(coach_id, CONSOLE, value=value))
        answers.put(squeeze(" ".join(str(r) for r in outcome.replies)))
    finally:
        store.close()


def test_the_same_accept_pressed_from_many_processes_books_once(
    t: Transcript, database_url: str
) -> None:
    shortlisted(t, SAM)
    t.press(SAM, ", ")
    coach_email = chosen_coach_email(t)
    coach = t.person(coach_email)
    request = t.store.list_requests()[-1]
    value = _accept_value(t, coach_email, request.id)

    context = multiprocessing.get_context("spawn")  # no database connection crosses a fork
    barrier, queue = context.Barrier(PRESSES), context.Queue()
    press = {
        "now": t.clock.now(),
        "coach_id": coach.id,
        "value": value,
        "barrier": barrier,
        "answers": queue,
    }
    replicas = [
        context.Process(target=_press, args=(database_url,), kwargs=press) for _ in range(PRESSES)
    ]
    for replica in replicas:
        replica.start()
    answers = [queue.get(timeout=WAIT) for _ in replicas]
    for replica in replicas:
        replica.join(timeout=WAIT)
        assert replica.exitcode == 0

    assert sum("Your session is booked" in a for a in answers) == 1, answers
    losers = [a for a in answers if "Your session is booked" not in a]
    # The truth, in the coach's zone with the zone named, not "that time has just gone".
    assert all("already booked for" in a and "(Europe/London time)" in a for a in losers), losers
    (booked,) = [s for s in t.store.list_sessions() if s.state is SessionState.CONFIRMED]
    assert f"already booked for {_when(booked.window.start)}" in losers[0]
    assert len(t.store.list_sessions()) == 1
    assert len(t.store.list_engagements()) == 1
    assert [r.state for r in t.store.list_requests()] == [RequestState.MATCHED]
    assert t.store.list_requests()[0].offered_slots == ()
    # The coach's pending no longer offers it, and a later press still tells the truth.
    assert f"act:accept:{request.id}:" not in t.say(coach_email, "pending")
    again = t.bot.handle(Incoming(coach.id, CONSOLE, value=value))
    assert again.refused and "already booked for" in squeeze(str(again.replies[0]))


def test_an_accept_booked_elsewhere_between_its_reads_tells_the_truth(
    t: Transcript, database_url: str
) -> None:
    """On PostgreSQL a turn reads what is committed at each read: the first read of the
    request sees it waiting, another replica's press books it, later reads see it booked."""
    if not database_url.startswith("postgresql"):
        pytest.skip("on SQLite a turn holds the write lock from its start: no race to lose")
    shortlisted(t, SAM)
    t.press(SAM, ", ")
    coach_email = chosen_coach_email(t)
    coach = t.person(coach_email)
    request = t.store.list_requests()[-1]
    value = _accept_value(t, coach_email, request.id)
    won: list[str] = []

    def other_replica() -> None:
        store = SqlStore.open(database_url)
        try:
            bot = coaching_bot(Services(store=store, clock=t.clock))
            outcome = bot.handle(Incoming(coach.id, CONSOLE, value=value))
            won.append(squeeze(" ".join(str(r) for r in outcome.replies)))
        finally:
            store.close()

    proxy = cast("Store", BookedBehindItsBack(t.store, threading.Thread(target=other_replica)))
    racing = coaching_bot(Services(store=proxy, clock=t.clock))
    outcome = racing.handle(Incoming(coach.id, CONSOLE, value=value))
    told = squeeze(" ".join(str(r) for r in outcome.replies))
    assert len(won) == 1 and "Your session is booked" in won[0], won
    assert outcome.refused and "already booked for" in told, told
    assert "(Europe/London time)" in told, told
    assert [r.state for r in t.store.list_requests()] == [RequestState.MATCHED]
    assert [s.state for s in t.store.list_sessions()] == [SessionState.CONFIRMED]


def _when(start: datetime) -> str:
    from zoneinfo import ZoneInfo

    from bot.text_format import local_time

    return local_time(start, ZoneInfo("Europe/London"), now=start)
