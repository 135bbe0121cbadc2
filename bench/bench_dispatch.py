"""How long the dispatcher takes to deliver 10,000 messages due at the same minute, and
how delivery on PostgreSQL scales with dispatcher replicas.

Run: .venv/bin/python bench/bench_dispatch.py [--messages N] [--no-postgres]
     .venv/bin/python bench/bench_dispatch.py --replicas 1 3 [--latency-ms 20]

Each message is a realistic notice (a card with facts and buttons, as a booking
confirmation is), queued in the store, claimed in batches, decoded, routed by the
recipient's identity through `ChannelNotifier` to a fake channel that renders it (the
console renderer) and discards the text, then marked sent. Measured with perf_counter
around the whole drain, on a temporary SQLite file and (if reachable) a throwaway
PostgreSQL database on 127.0.0.1. Target: under 20 s, i.e. under 2 ms a message.

With --replicas, on PostgreSQL only: the same number of due messages is drained once by
each count of dispatcher processes (separate interpreters, as replicas are, each claiming
batches with its own owned lease), and the throughput of each is printed. A real platform
answers in tens of milliseconds, which is what replicas overlap, so here every send is an
HTTP POST to a fake platform on 127.0.0.1 that answers after --latency-ms (default 20).
Timed from the moment every replica is connected and ready to the last one's exit.
Target: 3 replicas at least twice as fast as 1.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from sqlalchemy import create_engine, text

from bot.clock import SimulatedClock
from bot.domain import Identity, Organisation, Person, Role
from bot.domain.outbox import OutboxMessage
from bot.notices import NoticeKind
from bot.outbox.dispatcher import dispatch_due
from bot.replies import Card, Choice, Fact, Reply, Text
from bot.replies.codec import encode_replies
from bot.services import Services
from handlers.channel_names import SLACK
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


class PlatformChannel:
    """Posts each rendered message to the fake platform, as a real channel's client would."""

    def __init__(self, url: str) -> None:
        self.client = httpx.Client(base_url=url, timeout=30)
        self.count = 0

    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        self.client.post("/send", content=render(replies).text.encode()).raise_for_status()
        self.count += 1


def _people(store: SqlStore) -> list[Person]:
    with store.transaction():
        org = store.add_organisation(Organisation(0, "bench", "Bench Council"))
        people = [
            store.add_person(Person(0, f"p{n}@bench.gov.uk", f"Person {n}", org.id,
                                    frozenset({Role.COACHEE})))
            for n in range(PEOPLE)
        ]  # fmt: skip
        for person in people:
            store.link_identity(Identity(person.id, SLACK, "T1", f"U{person.id}"))
    return people


def _queue(store: SqlStore, people: list[Person], messages: int, *, prefix: str) -> None:
    with store.transaction():
        for n in range(messages):
            store.schedule(OutboxMessage(
                key=f"{prefix}:{n}", recipient_id=people[n % PEOPLE].id, kind=NoticeKind.NOTICE,
                due_at=NOW, payload={"replies": encode_replies(_replies(n))}))  # fmt: skip


def run(url: str, messages: int) -> None:
    store = SqlStore.open(url, migrate=True)
    _queue(store, _people(store), messages, prefix="bench")
    channel = FakeChannel()
    services = Services(store=store, clock=SimulatedClock(NOW))
    notifier = ChannelNotifier(services, {SLACK: channel})
    started = time.perf_counter()
    while dispatch_due(services, notifier, limit=500).claimed:
        pass
    elapsed = time.perf_counter() - started
    store.close()
    assert channel.count == messages, (channel.count, messages)
    per_message = elapsed / messages * 1000
    print(f"  {messages} messages in {elapsed:.2f} s: {per_message:.2f} ms a message, "
          f"{messages / elapsed:.0f} a second")  # fmt: skip


def worker(url: str, platform: str) -> None:
    """One dispatcher replica: connect, say ready, wait for go, drain, report."""
    store = SqlStore.open(url)
    channel = PlatformChannel(platform)
    services = Services(store=store, clock=SimulatedClock(NOW))
    notifier = ChannelNotifier(services, {SLACK: channel})
    store.ping()
    print("ready", flush=True)
    sys.stdin.readline()
    while dispatch_due(services, notifier).claimed:
        pass
    print(channel.count, flush=True)


@contextmanager
def fake_platform(latency: float) -> Iterator[str]:
    class Slow(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            time.sleep(latency)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def replicas(url: str, counts: list[int], messages: int, latency: float) -> None:
    store = SqlStore.open(url, migrate=True)
    people = _people(store)
    with fake_platform(latency) as platform:
        for count in counts:
            _queue(store, people, messages, prefix=f"replicas{count}")
            workers = [
                subprocess.Popen(
                    [sys.executable, __file__, "--worker", url, "--platform", platform],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                )
                for _ in range(count)
            ]  # fmt: skip
            for process in workers:
                assert process.stdout is not None and process.stdout.readline().strip() == "ready"
            started = time.perf_counter()
            for process in workers:
                assert process.stdin is not None
                process.stdin.write("go\n")
                process.stdin.flush()
            sent = [int(process.communicate(timeout=3600)[0].strip()) for process in workers]
            elapsed = time.perf_counter() - started
            assert sum(sent) == messages, (sent, messages)
            label = f"{count} dispatcher{'s' * (count > 1)}"
            print(f"  {label}: {messages} messages in {elapsed:.1f} s, "
                  f"{messages / elapsed:.0f} a second (each sent {sent})")  # fmt: skip
    store.close()


@contextmanager
def postgres_database() -> Iterator[str | None]:
    name = f"coachpool_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        print(f"PostgreSQL not reachable ({type(error).__name__}); skipped")
        yield None
        return
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--replicas", type=int, nargs="+", help="e.g. 1 3 (PostgreSQL)")
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--worker", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--platform", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.platform)
        return
    if args.replicas:
        with postgres_database() as url:
            if url is not None:
                print(f"PostgreSQL (127.0.0.1), platform answering in {args.latency_ms:.0f} ms:")
                replicas(url, args.replicas, args.messages, args.latency_ms / 1000)
        return
    with tempfile.TemporaryDirectory() as folder:
        print("SQLite (WAL, temporary file):")
        run(f"sqlite:///{folder}/bench.db", args.messages)
    if args.no_postgres:
        return
    with postgres_database() as url:
        if url is not None:
            print("PostgreSQL (127.0.0.1):")
            run(url, args.messages)


if __name__ == "__main__":
    main()
