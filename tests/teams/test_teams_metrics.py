"""Teams on /metrics: a turn counted by outcome and timed, a tenant outside the pool and a
forged token counted as refusals."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families
from teams_rig import DUDLEY_TENANT, SAM, TeamsRig, message


def _samples(teams: TeamsRig) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    answer = httpx.get(f"{teams.url}/metrics", timeout=10)
    assert answer.status_code == 200
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(answer.text)
        for s in family.samples
    }


def test_teams_turns_and_refusals_are_counted(teams: TeamsRig) -> None:
    answered = ("coachpool_turns_total", frozenset({("channel", "teams"), ("outcome", "answered")}))
    timed = ("coachpool_turn_duration_seconds_count", frozenset({("channel", "teams")}))
    tenant = ("coachpool_refusals_total", frozenset({("channel", "teams"), ("reason", "tenant")}))
    forged = (
        "coachpool_refusals_total",
        frozenset({("channel", "teams"), ("reason", "signature")}),
    )
    before = _samples(teams)
    assert (before[answered], before[tenant], before[forged]) == (0, 0, 0)

    assert teams.post(message(teams, SAM, "hello", tenant=DUDLEY_TENANT)).status_code == 200
    outsider = message(teams, SAM, "hello", tenant="tenant-of-a-private-firm")
    assert teams.post(outsider).status_code == 200
    bad = message(teams, SAM, "hello", tenant=DUDLEY_TENANT)
    assert teams.post(bad, token="not-a-token").status_code == 401

    after = _samples(teams)
    assert (after[answered], after[timed]) == (1, 1)
    assert (after[tenant], after[forged]) == (1, 1)
