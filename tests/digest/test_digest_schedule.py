"""Monday's digests through the outbox: one per recipient per week, whatever the replicas."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from datetime import timedelta

from digest_testkit import AS_OF, SETTINGS, WEEK, DigestPool

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.digest.kinds import DigestKind
from bot.digest.schedule import queue_previous_week, queue_weekly_digests
from bot.domain import Role
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.keys import digest_key
from bot.messages import Outcome
from bot.outbox.dispatcher import dispatch_due
from bot.replies import Card, Image, Reply
from bot.services import Services
from storage.store import SqlStore


@dataclass
class RecordingNotifier:
    sent: list[tuple[int, list[Reply]]] = field(default_factory=list)

    def send(self, *, person_id: int, replies: list[Reply]) -> None:
        self.sent.append((person_id, replies))


def digests(store: SqlStore) -> list[OutboxMessage]:
    return [m for m in store.list_outbox() if m.kind == DigestKind.DIGEST]


def test_one_row_per_coordinator_and_lead_with_its_scope(pool: DigestPool) -> None:
    assert queue_weekly_digests(pool.services(), week_start=WEEK.start) == 2
    cora, lena = pool.people["cora"], pool.people["lena"]
    rows = {m.recipient_id: m for m in digests(pool.store)}
    assert rows.keys() == {cora.id, lena.id}
    assert rows[cora.id].key == f"digest:2026-W47:person:{cora.id}"
    assert rows[cora.id].payload == {"week": "2026-W47", "organisation_id": None}
    assert rows[lena.id].payload == {"week": "2026-W47", "organisation_id": pool.orgs["beta"].id}
    assert all(m.due_at == AS_OF for m in rows.values())


def test_queueing_twice_changes_nothing(pool: DigestPool) -> None:
    services = pool.services()
    assert queue_weekly_digests(services, week_start=WEEK.start) == 2
    # Any instant of the week names the same week.
    assert queue_weekly_digests(services, week_start=WEEK.start + timedelta(days=3)) == 0
    assert len(digests(pool.store)) == 2


def test_replicas_queueing_at_once_make_one_row_per_person(
    pool: DigestPool, database_url: str
) -> None:
    stores = [SqlStore.open(database_url) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    added: list[int] = []

    def replica(store: SqlStore) -> None:
        services = Services(store=store, clock=SimulatedClock(AS_OF), settings=SETTINGS)
        barrier.wait()
        added.append(queue_weekly_digests(services, week_start=WEEK.start))

    threads = [threading.Thread(target=replica, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert sum(added) == 2
    assert sorted(m.recipient_id for m in digests(pool.store)) == sorted(
        [pool.people["cora"].id, pool.people["lena"].id]
    )


def test_a_coordinator_who_is_also_a_lead_gets_the_pools_digest(pool: DigestPool) -> None:
    lena = pool.people["lena"]
    pool.store.update_person(replace(lena, roles=lena.roles | {Role.COORDINATOR}))
    queue_weekly_digests(pool.services(), week_start=WEEK.start)
    [message] = [m for m in digests(pool.store) if m.recipient_id == lena.id]
    assert message.payload["organisation_id"] is None


def test_the_monday_job_queues_last_week(pool: DigestPool) -> None:
    assert queue_previous_week(pool.services()) == 2
    assert {m.key.split(":")[1] for m in digests(pool.store)} == {"2026-W47"}
    assert digest_key(DigestKind.DIGEST, WEEK.label, 7) == "digest:2026-W47:person:7"


def test_rendering_follows_the_recipients_roles_at_send_time(pool: DigestPool) -> None:
    services = pool.services()
    door = coaching_bot(services)  # the door's entrance for time, as the dispatcher uses it
    queue_weekly_digests(services, week_start=WEEK.start)
    by_person = {m.recipient_id: m for m in digests(pool.store)}
    cora, lena = pool.people["cora"], pool.people["lena"]
    replies = door.handle_due(by_person[cora.id]).replies
    card = replies[0]
    assert isinstance(card, Card)
    assert card.title == "Weekly digest for the West Midlands pool: 2026-W47"
    assert isinstance(replies[-1], Image) and replies[-1].content.startswith(b"\x89PNG")
    lena_replies = door.handle_due(by_person[lena.id]).replies
    assert isinstance(lena_replies[0], Card) and "Beta Council" in lena_replies[0].title
    # Lena stops being a lead before it is sent: her message lapses.
    pool.store.update_person(replace(lena, roles=frozenset()))
    assert door.handle_due(by_person[lena.id]) == Outcome()
    pool.store.erase_person(cora.id, at=AS_OF)
    assert door.handle_due(by_person[cora.id]) == Outcome()


def test_the_dispatcher_delivers_each_digest_once(pool: DigestPool) -> None:
    services = pool.services()
    queue_weekly_digests(services, week_start=WEEK.start)
    notifier = RecordingNotifier()
    report = dispatch_due(services, notifier)
    assert (report.claimed, report.sent, report.failed) == (2, 2, 0)
    # Each gets the text and then the chart, a part each (so a failed chart upload is
    # retried without sending the text again).
    cora, lena = pool.people["cora"].id, pool.people["lena"].id
    assert sorted(person for person, _ in notifier.sent) == sorted([cora, cora, lena, lena])
    for person in (cora, lena):
        parts = [replies for who, replies in notifier.sent if who == person]
        assert isinstance(parts[0][0], Card) and [type(r) for r in parts[1]] == [Image]
    assert all(m.state is OutboxState.SENT for m in digests(pool.store))
    # Another replica's Monday job, after the send: nothing new, nothing sent again.
    assert queue_weekly_digests(services, week_start=WEEK.start) == 0
    assert dispatch_due(services, notifier).claimed == 0
    assert len(notifier.sent) == 4
