"""The project proves exactly-once itself: the short soak, on PostgreSQL (CI runs it).
`bench/bench_soak.py` runs the long one."""

from __future__ import annotations

import pytest

from tests.soak.soak_rig import SoakPlan, run_soak

pytestmark = [pytest.mark.soak, pytest.mark.postgres]


def test_soak_loses_nothing_and_repeats_only_in_kill_windows(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the soak runs dispatcher processes side by side: a PostgreSQL deployment")
    result = run_soak(database_url, SoakPlan(messages=400, dispatchers=3, kill_every=(2.0, 4.0)))
    with capsys.disabled():
        print("\n" + "\n".join(result.lines()))
    assert not result.lost, result.lost
    assert not result.unexcused, result.unexcused
    assert result.kills > 0
    # Each way of failing happened, the slow answers outliving the dispatchers' lease too.
    assert set(result.injected) == {"server_error", "rate_limited", "timeout", "slow"}
    # Every message to the doomed channel (one person in 40) ended as failed with Slack's
    # reason; any other failure (retries used up, a kill counting as an attempt) says why.
    assert result.failed["Slack chat_postMessage: channel_not_found"] == 400 // 40
    assert all(reason for reason in result.failed)
