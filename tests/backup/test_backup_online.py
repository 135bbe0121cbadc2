"""An online backup of SQLite while another connection keeps writing (as `serve` does):
each backup is one consistent moment of the pool, never a torn copy of the WAL."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.domain.outbox import OutboxMessage
from bot.notices import NoticeKind
from bot.replies import Text
from bot.replies.codec import encode_replies
from handlers.pool.sample import load_sample_pool
from storage.store import SqlStore
from tests.backup.backup_rig import backup


def _notice(key: str, recipient: int) -> OutboxMessage:
    return OutboxMessage(
        key=key,
        recipient_id=recipient,
        kind=NoticeKind.NOTICE,
        due_at=datetime.now(UTC),
        payload={"replies": encode_replies([Text(key)])},
    )


def _pairs_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as file:
        (count,) = file.execute("SELECT count(*) FROM outbox WHERE key LIKE 'pair:%'").fetchone()
    return int(count)


def test_a_backup_taken_while_another_connection_writes_is_one_consistent_moment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    serving = SqlStore.open(url, migrate=True)  # the server's own store, writing throughout
    load_sample_pool(serving, now=datetime.now(UTC))
    recipient = serving.list_people()[0].id
    stop = threading.Event()
    written = [0]

    def write_pairs() -> None:
        # Each transaction schedules two messages: a backup that tore one would hold an odd count.
        while not stop.is_set():
            n = written[0]
            with serving.transaction():
                serving.schedule(_notice(f"pair:{n}:a", recipient))
                serving.schedule(_notice(f"pair:{n}:b", recipient))
            written[0] = n + 1

    writer = threading.Thread(target=write_pairs)
    writer.start()
    try:
        with closing(sqlite3.connect(tmp_path / "pool.db")) as probe:
            assert probe.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        counts = []
        for n in range(3):
            while written[0] < 20 * (n + 1):  # let the writer get ahead between backups
                stop.wait(0.01)
            before = written[0]
            backup(capsys, url, tmp_path / f"pool-{n}.backup")
            after = written[0]
            pairs = _pairs_in(tmp_path / f"pool-{n}.backup")
            assert pairs % 2 == 0, f"backup {n} holds half a transaction"
            assert 2 * before <= pairs <= 2 * (after + 1)
            counts.append(pairs)
    finally:
        stop.set()
        writer.join()
        serving.close()
    assert counts == sorted(counts) and counts[0] < counts[-1]
    assert not list(tmp_path.glob("*.backup-wal")), "a backup is one file, with no WAL beside it"
    assert not list(tmp_path.glob(".*.partial")), "nothing half-written is left behind"
    assert (tmp_path / "pool-0.backup").stat().st_mode & 0o777 == 0o600  # personal data
