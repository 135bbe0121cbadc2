"""A restored pool's organisation hours are the backed-up pool's: the per-person totals
are not copied but written afresh by the triggers as the sessions are restored, and a
restore over a pool takes the replaced pool's totals away with its sessions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from bot.domain import SessionState
from storage.store import SqlStore
from tests.backup.backup_rig import backup, booked_pool, coachpool
from tests.held_hours import hours_from_scratch


def test_a_restored_pool_has_the_hours_of_the_pool_backed_up(
    capsys: pytest.CaptureFixture[str],
    store: SqlStore,
    database_url: str,
    fresh_database_url: Callable[[], str],
    tmp_path: Path,
) -> None:
    t, coach = booked_pool(store)
    (session,) = store.list_sessions()
    t.clock.set(session.window.end + timedelta(minutes=15))
    assert "How did your session with Sam go" in t.inbox(coach)
    t.press(coach, "It was held")
    assert store.list_sessions(states=[SessionState.HELD]) != []
    hours = store.organisation_hours()
    assert len(hours) == 2 and sorted(hours.values()) == pytest.approx([-1.0, 1.0])
    assert hours == pytest.approx(hours_from_scratch(store))
    backup(capsys, database_url, tmp_path / "pool.backup")

    target_url = fresh_database_url()
    assert coachpool(capsys, target_url, "restore", str(tmp_path / "pool.backup"))[0] == 0
    restored = SqlStore.open(target_url)
    try:
        assert restored.organisation_hours() == pytest.approx(hours)
        # Again over itself: the replaced sessions' minutes go, the restored ones come back.
        status, _, err = coachpool(
            capsys, target_url, "restore", "--replace", str(tmp_path / "pool.backup")
        )
        assert (status, err) == (0, "")
        assert restored.organisation_hours() == pytest.approx(hours)
        assert hours_from_scratch(restored) == pytest.approx(hours)
    finally:
        restored.close()
