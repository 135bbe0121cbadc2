"""The soak: N dispatcher processes on PostgreSQL drain thousands of due messages through a
fake Slack that fails a bounded fraction of calls, while dispatchers are killed with SIGKILL
at random and restarted. Used by `tests/soak/test_soak.py` (short, in CI) and
`bench/bench_soak.py` (long).

What it counts, per part of each message (the text, and for every fourth message an .ics
invite uploaded after it):
- delivered once: every part of a SENT message delivered exactly once;
- duplicated: a part delivered more than once. A duplicate is excused only when every
  delivery but one came from a dispatcher that was then killed (a kill between a send and
  its mark; its send may land after the survivor's, as the platform finishes a request in
  flight): those are the kill windows, counted and printed; any other duplicate fails;
- lost: a message not in a final state when the queue drained, or SENT with a part never
  delivered; any loss fails the soak;
- failed with reason: FAILED messages by their recorded reason (the doomed channel's).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from bot.domain import Identity, Membership, Organisation, Person, Role
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.notices import NoticeKind
from bot.replies import Attachment, Reply, Text
from bot.replies.codec import encode_replies
from handlers.channel_names import SLACK
from storage.models import OutboxRow
from storage.store import SqlStore
from tests.soak.faulty_slack import Faults, FaultySlack

ROOT = Path(__file__).resolve().parents[2]
TEAM = "T0SOAK"
INVITE_EVERY = 4
FINAL = (OutboxState.SENT.value, OutboxState.FAILED.value)


@dataclass(frozen=True)
class SoakPlan:
    messages: int = 600
    dispatchers: int = 3
    people: int = 40
    kill_every: tuple[float, float] = (1.0, 3.0)  # seconds between SIGKILLs, at random
    lease_seconds: int = 2  # shorter than a slow answer: the heartbeat must carry it
    slack_timeout: int = 4
    batch: int = 20
    deadline_seconds: float = 240.0
    faults: Faults = field(
        default_factory=lambda: Faults(
            slow_seconds=2.5, timeout_seconds=5.0, doomed_channels=frozenset({"DU1"})
        )
    )
    seed: int = 7


@dataclass
class SoakResult:
    messages: int
    parts: int
    delivered_once: int = 0
    duplicated: int = 0
    kill_windows: list[str] = field(default_factory=list)
    unexcused: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    failed: Counter[str] = field(default_factory=Counter)
    kills: int = 0
    drain_seconds: float = 0.0
    injected: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        failed = sum(self.failed.values())
        return [
            f"soak: {self.messages} messages ({self.parts} parts) through the faulty Slack, "
            f"{self.kills} dispatchers killed with SIGKILL",
            f"faults injected: {dict(sorted(self.injected.items())) or 'none'}",
            f"delivered once: {self.delivered_once} parts",
            f"duplicated: {self.duplicated} parts, of which {len(self.kill_windows)} in kill "
            f"windows (a kill between a send and its mark) and {len(self.unexcused)} not",
            f"kill windows: {', '.join(self.kill_windows) or 'none'}",
            f"lost: {len(self.lost)}" + (f" ({', '.join(self.lost[:10])})" if self.lost else ""),
            f"failed with reason: {failed} messages"
            + "".join(f"; {count} x {reason}" for reason, count in self.failed.most_common()),
            f"time to drain: {self.drain_seconds:.1f} s",
        ]

    @property
    def ok(self) -> bool:
        return not self.lost and not self.unexcused


def prepare(store: SqlStore, plan: SoakPlan, *, now: datetime) -> None:
    """The pool's people on Slack (DM channels known) and the due messages, through the
    store's own operations."""
    slack = (Membership(SLACK, TEAM),)
    org = store.add_organisation(Organisation(0, "soak", "Soak Council", memberships=slack))
    ids = []
    for n in range(plan.people):
        person = Person(0, f"p{n}@soak.gov.uk", f"Person {n}", org.id, frozenset({Role.COACHEE}))
        ids.append(store.add_person(person).id)
        user = f"U{ids[-1]}"
        store.link_identity(Identity(ids[-1], SLACK, TEAM, user, {"channel": f"D{user}"}))
    with store.transaction():
        for n in range(plan.messages):
            store.schedule(
                OutboxMessage(
                    key=f"soak:{n}",
                    recipient_id=ids[n % len(ids)],
                    kind=NoticeKind.NOTICE,
                    due_at=now,
                    payload={"replies": encode_replies(_replies(n))},
                )
            )


def _replies(n: int) -> list[Reply]:
    text: list[Reply] = [Text(f"Reminder soak-{n}: your coaching session is tomorrow.")]
    if n % INVITE_EVERY:
        return text
    invite = Attachment(f"soak-{n}.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    return [*text, Attachment(invite.filename, invite.content, invite.media_type, f"soak-{n}")]


class Dispatchers:
    """The dispatcher processes, each started with its own bot token (its generation)."""

    def __init__(self, plan: SoakPlan, database_url: str, fake: FaultySlack, logs: Path) -> None:
        self._plan, self._url, self._fake, self._logs = plan, database_url, fake, logs
        self._generation = 0
        self.running: list[tuple[str, subprocess.Popen[bytes]]] = []
        self.killed: set[str] = set()

    def start(self) -> None:
        self._generation += 1
        token = f"xoxb-soak-{self._generation}"
        self._fake.tokens[token] = TEAM
        env = {
            **os.environ,
            "DATABASE_URL": self._url,
            "SLACK_API_URL": self._fake.api_url,
            "SLACK_BOT_TOKEN": token,
            "COACHPOOL_OUTBOX_LEASE_SECONDS": str(self._plan.lease_seconds),
            "SOAK_SLACK_TIMEOUT": str(self._plan.slack_timeout),
            "SOAK_BATCH": str(self._plan.batch),
        }
        log = (self._logs / f"dispatcher-{self._generation}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.soak.soak_worker"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        self.running.append((token, process))

    def kill_one(self, rng: random.Random) -> None:
        token, process = self.running.pop(rng.randrange(len(self.running)))
        process.send_signal(signal.SIGKILL)
        process.wait()
        self.killed.add(token)
        self.start()

    def stop_all(self) -> None:
        for _, process in self.running:
            process.send_signal(signal.SIGKILL)
            process.wait()
        self.running.clear()


def _unfinished(store: SqlStore) -> int:
    with store.engine.connect() as connection:
        query = select(func.count()).select_from(OutboxRow).where(OutboxRow.state.not_in(FINAL))
        return int(connection.execute(query).scalar_one())


def run_soak(database_url: str, plan: SoakPlan) -> SoakResult:
    store = SqlStore.open(database_url)
    rng = random.Random(plan.seed)
    result = SoakResult(plan.messages, plan.messages + len(range(0, plan.messages, INVITE_EVERY)))
    try:
        prepare(store, plan, now=datetime.now(UTC))
        with (
            FaultySlack(faults=plan.faults) as fake,
            tempfile.TemporaryDirectory(prefix="soak-") as logs,
        ):
            dispatchers = Dispatchers(plan, database_url, fake, Path(logs))
            started = time.monotonic()
            for _ in range(plan.dispatchers):
                dispatchers.start()
            next_kill = started + rng.uniform(*plan.kill_every)
            try:
                while _unfinished(store) and time.monotonic() - started < plan.deadline_seconds:
                    if time.monotonic() >= next_kill:
                        dispatchers.kill_one(rng)
                        result.kills += 1
                        next_kill = time.monotonic() + rng.uniform(*plan.kill_every)
                    time.sleep(0.1)
                result.drain_seconds = time.monotonic() - started
            finally:
                dispatchers.stop_all()
            _account(store, fake, dispatchers.killed, result)
    finally:
        store.close()
    return result


def _account(store: SqlStore, fake: FaultySlack, killed: set[str], result: SoakResult) -> None:
    delivered = fake.delivered()
    result.injected = Counter(fake.injected)
    for message in store.list_outbox():
        n = int(message.key.removeprefix("soak:"))
        parts = ["text"] + (["invite"] if n % INVITE_EVERY == 0 else [])
        if message.state is OutboxState.FAILED:
            result.failed[message.last_error] += 1
        elif message.state is not OutboxState.SENT:
            result.lost.append(f"{message.key} left {message.state.value}")
            continue
        for part in parts:
            count = delivered[(n, part)]
            if count == 0 and message.state is OutboxState.SENT:
                result.lost.append(f"{message.key} {part} never delivered")
            elif count == 1:
                result.delivered_once += 1
            elif count > 1:
                result.duplicated += 1
                # The ledger is in order of completion: a killed dispatcher's send may still
                # land after the survivor's (the platform finishes a request in flight). So a
                # duplicate is a kill window when at most one delivery came from a survivor.
                deliveries = fake.deliveries_of(n, part)
                where = f"{message.key} {part}"
                if sum(d.token not in killed for d in deliveries) <= 1:
                    result.kill_windows.append(where)
                else:
                    result.unexcused.append(where)
