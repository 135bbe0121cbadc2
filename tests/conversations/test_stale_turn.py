"""A turn that loses a race between its read and its write changes nothing and says so:
the coach presses Decline while, elsewhere, the same coach's Accept books the request."""

from __future__ import annotations

import threading
from typing import Any, cast

import pytest

from bot.assembly import coaching_bot
from bot.domain import RequestState, SessionState
from bot.messages import Incoming
from bot.ports.store import Store
from bot.services import Services
from handlers.channel_names import CONSOLE
from storage.store import SqlStore
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.test_booking_race import _accept_value
from tests.conversations.transcript import Transcript, squeeze


class BookedBehindItsBack:
    """The store, except that the first read of the request lets another replica book it."""

    def __init__(self, store: SqlStore, book: threading.Thread) -> None:
        self._store, self._book = store, book

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def get_request(self, request_id: int) -> Any:
        request = self._store.get_request(request_id)
        if not self._book.is_alive() and self._book.ident is None:
            self._book.start()
            self._book.join(timeout=60)
        return request


def test_a_decline_that_lost_the_race_changes_nothing(t: Transcript, database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("on SQLite a turn holds the write lock from its start: no race to lose")
    shortlisted(t)
    t.press("sam.patel@dudley.gov.uk", ", ")
    coach_email = chosen_coach_email(t)
    coach = t.person(coach_email)
    request = t.store.list_requests()[-1]
    accept = _accept_value(t, coach_email, request.id)

    def other_replica() -> None:
        store = SqlStore.open(database_url)
        try:
            bot = coaching_bot(Services(store=store, clock=t.clock))
            bot.handle(Incoming(coach.id, CONSOLE, value=accept))
        finally:
            store.close()

    proxy = cast("Store", BookedBehindItsBack(t.store, threading.Thread(target=other_replica)))
    racing = coaching_bot(Services(store=proxy, clock=t.clock))
    outcome = racing.handle(Incoming(coach.id, CONSOLE, value=f"act:decline:{request.id}"))
    told = squeeze(" ".join(str(r) for r in outcome.replies))
    assert outcome.refused and "changed at the same moment from elsewhere" in told
    assert [r.state for r in t.store.list_requests()] == [RequestState.MATCHED]
    assert [s.state for s in t.store.list_sessions()] == [SessionState.CONFIRMED]
