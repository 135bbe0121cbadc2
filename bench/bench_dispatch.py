"""How long the dispatcher takes to deliver 10,000 messages due at the same minute.

Run: .venv/bin/python bench/bench_dispatch.py [--messages N] [--no-postgres]

Each message is a realistic notice (a card with facts and buttons, as a booking
confirmation is), queued in the store, claimed in batches, decoded, routed by the
recipient's identity through `ChannelNotifier` to a fake channel that renders it (the
console renderer) and discards the text, then marked sent. Measured with perf_counter
around the whole drain, on a temporary SQLite file and (if reachable) a throwaway
PostgreSQL database on 127.0.0.1. Target: under 20 s, i.e. under 2 ms a message.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text

from bot.clock import SimulatedClock
from bot.domain import Channel, Identity, Organisation, Person, Role
from bot.domain.outbox import OutboxMessage
from bot.outbox.dispatcher import dispatch_due
from bot.outbox.notices import NOTICE
from bot.replies import Card, Choice, Fact, Reply, Text
from bot.replies_codec import encode_replies
from bot.services import Services
from handlers.console.render import render
from handlers.delivery import ChannelNotifier
from storage.store import SqlStore

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
PEOPLE = 200
ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


class FakeChannel:
    def __init__(self) -> None:
        self.count = 0

    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        render(replies)
        self.count += 1


def _replies(n: int) -> list[Reply]:
    return [
        Text(f"Reminder {n}: your coaching session is tomorrow."),
        Card(
            "Your session",
            (Fact("With", "Olivia Grant"), Fact("When", "Thursday 26 November, 14:00–15:00"),
             Fact("Where", "Online")),
            actions=(Choice("Reschedule", f"act:reschedule:{n}"),
                     Choice("Cancel", f"act:cancel:{n}")),
        ),
    ]  # fmt: skip


def run(url: str, messages: int) -> None:
    store = SqlStore.open(url, migrate=True)
    with store.transaction():
        org = store.add_organisation(Organisation(0, "bench", "Bench Council"))
        people = [
            store.add_person(Person(0, f"p{n}@bench.gov.uk", f"Person {n}", org.id,
                                    frozenset({Role.COACHEE})))
            for n in range(PEOPLE)
        ]  # fmt: skip
        for person in people:
            store.link_identity(Identity(person.id, Channel.SLACK, "T1", f"U{person.id}"))
        for n in range(messages):
            store.schedule(OutboxMessage(
                key=f"bench:{n}", recipient_id=people[n % PEOPLE].id, kind=NOTICE, due_at=NOW,
                payload={"replies": encode_replies(_replies(n))}))  # fmt: skip
    channel = FakeChannel()
    services = Services(store=store, clock=SimulatedClock(NOW))
    notifier = ChannelNotifier(services, {Channel.SLACK: channel})
    started = time.perf_counter()
    while dispatch_due(services, notifier, limit=500).claimed:
        pass
    elapsed = time.perf_counter() - started
    store.close()
    assert channel.count == messages, (channel.count, messages)
    per_message = elapsed / messages * 1000
    print(f"  {messages} messages in {elapsed:.2f} s: {per_message:.2f} ms a message, "
          f"{messages / elapsed:.0f} a second")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print("SQLite (WAL, temporary file):")
        run(f"sqlite:///{folder}/bench.db", args.messages)
    if args.no_postgres:
        return
    name = f"coachpool_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        print(f"PostgreSQL not reachable ({type(error).__name__}); skipped")
        return
    try:
        print("PostgreSQL (127.0.0.1):")
        run(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", args.messages)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
