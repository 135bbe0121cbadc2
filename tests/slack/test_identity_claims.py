"""`claim_identity`, behind Slack's first contact: the first account linked for a person on
a channel keeps it, even when two first contacts race (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading

from bot.clock import SimulatedClock
from bot.domain import Identity
from handlers.channel_names import SLACK, TEAMS
from handlers.pool.sample import load_sample_pool
from storage.store import SqlStore
from tests.slack.slack_harness import START

SAM = "sam.patel@dudley.gov.uk"


def test_two_first_contacts_at_once_leave_one_identity(store: SqlStore) -> None:
    load_sample_pool(store, now=SimulatedClock(START).now())
    sam = store.find_person_by_email(SAM)
    assert sam is not None
    accounts = [Identity(sam.id, SLACK, f"T{n}", f"U{n}") for n in range(6)]
    held: list[Identity] = []
    start = threading.Barrier(len(accounts))

    def claim(account: Identity) -> None:
        start.wait()
        held.append(store.claim_identity(account))

    threads = [threading.Thread(target=claim, args=(a,)) for a in accounts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    linked = store.identities_of(sam.id)
    assert len(linked) == 1
    assert {(h.workspace, h.user_id) for h in held} == {(linked[0].workspace, linked[0].user_id)}


def test_claiming_again_keeps_the_first_account_and_its_dm(store: SqlStore) -> None:
    load_sample_pool(store, now=SimulatedClock(START).now())
    sam = store.find_person_by_email(SAM)
    assert sam is not None
    first = Identity(sam.id, SLACK, "T1", "U1", {"channel": "DU1"})
    assert store.claim_identity(first) == first
    assert store.claim_identity(Identity(sam.id, SLACK, "T1", "U1")) == first
    assert store.claim_identity(Identity(sam.id, SLACK, "T2", "U2")) == first
    # Another channel is another matter: one identity per channel.
    teams = Identity(sam.id, TEAMS, "tenant", "29:1")
    assert store.claim_identity(teams) == teams
    assert store.identities_of(sam.id) == [first, teams]
