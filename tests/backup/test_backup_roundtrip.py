"""`coachpool backup` then `coachpool restore` into an empty store gives back the same pool,
table for table, and its scheduled messages are then sent when they fall due."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.domain import Role, organisations_of
from bot.domain.outbox import OutboxState
from handlers.channel_names import SLACK
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from storage.migrate import head_revision
from storage.store import SqlStore
from tests.backup.backup_rig import backup, booked_pool, coachpool, talk_to
from tests.conftest import create_postgres_database, drop_postgres_database
from tests.conversations.test_booking import shortlisted
from tests.store_dump import table_rows

SAM = DEMO_COACHEE_EMAIL


def test_a_restored_pool_is_the_pool_backed_up_and_sends_its_reminders(
    capsys: pytest.CaptureFixture[str],
    store: SqlStore,
    database_url: str,
    fresh_database_url: Callable[[], str],
    tmp_path: Path,
) -> None:
    t, coach = booked_pool(store)
    pending = [m for m in store.list_outbox() if m.state is OutboxState.PENDING]
    assert any(m.kind == "reminder" for m in pending), [m.kind for m in pending]
    # Councils' workspaces and tenants, one workspace shared by two councils.
    for link in (
        ("dudley", "--slack-team", "T0SHARED", "--teams-tenant", "tenant-dudley"),
        ("walsall", "--slack-team", "T0SHARED"),
    ):
        assert coachpool(capsys, database_url, "organisation", "link", *link)[0] == 0
    linked = store.find_organisation("dudley")
    assert linked is not None and len(linked.memberships) == 2
    backup(capsys, database_url, tmp_path / "pool.backup")

    target_url = fresh_database_url()
    status, out, err = coachpool(capsys, target_url, "restore", str(tmp_path / "pool.backup"))
    assert (status, err) == (0, "")
    assert out.startswith("Restored ") and f"(schema {head_revision()})." in out

    restored = SqlStore.open(target_url)
    try:
        assert table_rows(restored) == table_rows(store)
        assert restored.find_organisation("dudley") == linked
        shared = organisations_of(restored.list_organisations(), SLACK, "T0SHARED")
        assert sorted(o.slug for o in shared) == ["dudley", "walsall"]
        again = talk_to(restored, t.clock)
        (session,) = restored.list_sessions()
        again.clock.set(session.window.start - timedelta(hours=24))
        assert "Reminder: your coaching session is tomorrow" in again.inbox(SAM)
        assert "Reminder: your coaching session is tomorrow" in again.inbox(coach)
        # The restored pool takes new records: on PostgreSQL, ids continue after the restored
        # ones (the sequences were moved on), or this insert would collide with request 1.
        other = next(p for p in restored.list_people(Role.COACHEE) if p.email != SAM)
        shortlisted(again, other.email)
        assert [r.coachee_id for r in restored.list_requests()][-1] == other.id
        assert len(restored.list_requests()) == len(store.list_requests()) + 1
    finally:
        restored.close()


@pytest.mark.postgres
def test_a_sqlite_backup_moves_the_pool_to_postgresql(
    capsys: pytest.CaptureFixture[str], postgres_admin: Engine, tmp_path: Path
) -> None:
    """The backup format is the same for both stores: how a pool moves off SQLite."""
    source_url = f"sqlite:///{tmp_path / 'pool.db'}"
    source = SqlStore.open(source_url, migrate=True)
    name = f"coachpool_test_{secrets.token_hex(4)}"
    target_url = create_postgres_database(postgres_admin, name)
    try:
        booked_pool(source)
        backup(capsys, source_url, tmp_path / "pool.backup")
        status, _, err = coachpool(capsys, target_url, "restore", str(tmp_path / "pool.backup"))
        assert (status, err) == (0, "")
        target = SqlStore.open(target_url)
        try:
            assert table_rows(target) == table_rows(source)
        finally:
            target.close()
    finally:
        source.close()
        drop_postgres_database(postgres_admin, name)
