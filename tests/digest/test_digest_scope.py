"""An organisation lead's digest: their organisation's requests, the sessions its coaches
gave and its staff received, its coaches' capacity; nothing of other organisations."""

from __future__ import annotations

import pytest
from digest_testkit import WEEK, DigestPool

from bot.digest.figures import build_digest
from bot.digest.model import Count, Counts, Digest, OrganisationHours, Scope
from bot.digest.privacy import Figure


@pytest.fixture
def beta(pool: DigestPool) -> Digest:
    return build_digest(pool.services(), week=WEEK, organisation_id=pool.orgs["beta"].id)


def test_the_scope_is_the_organisation(pool: DigestPool, beta: Digest) -> None:
    assert beta.scope == Scope("Beta Council", pool.orgs["beta"].id)


def test_only_requests_from_its_staff(pool: DigestPool, beta: Digest) -> None:
    assert (beta.pipeline.new, beta.pipeline.matched) == (2, 2)
    waiting = [w.request_id for w in beta.pipeline.waiting]
    assert waiting == [pool.requests[f"W{n}"].id for n in range(1, 6)]
    assert beta.pipeline.overdue == ()  # the overdue request is Gamma's


def test_sessions_its_coaches_gave_and_its_staff_received(beta: Digest) -> None:
    a = beta.activity
    # Colin's six with B1..B6 and Bea's with C1: seven coachees.
    assert (a.sessions_held, a.hours_held) == (Figure(7, 7), Figure(7.5, 7))
    # B3's late cancellation and C2's no-show: one person each, so withheld.
    assert a.cancellations == a.late_cancellations == a.no_shows == Figure(None)
    assert beta.year.hours == Figure(8.5, 7)  # with B3's hour in June
    assert beta.year.pool_hours == 9.5  # the pool's total, for the target, stays whole


def test_feedback_and_themes_of_its_sessions(beta: Digest) -> None:
    assert beta.ratings_week.usefulness == Figure(pytest.approx(4.2), 5)  # type: ignore[arg-type]
    assert beta.ratings_year.usefulness == Figure(pytest.approx(4.2), 5)  # type: ignore[arg-type]
    assert beta.themes_year == Counts((Count("leadership", 6),), others_withheld=True)


def test_its_coaches_capacity_and_its_staffs_waiting_topics(beta: Digest) -> None:
    assert beta.capacity == ()  # Bea has room; Colin and Carla are Alpha's
    assert beta.gaps == Counts((Count("resilience and wellbeing", 5),))


def test_only_its_own_hours_row_and_chart(beta: Digest) -> None:
    assert beta.organisations == (
        OrganisationHours("Beta Council", 1.5, Figure(6.0, 6), 1.5, Figure(7.0, 6)),
    )
    # The chart shows the hours its coaches gave: Bea's hour and a half.
    assert [w.hours for w in beta.weekly_hours][-2:] == [0.0, 1.5]


def test_another_organisation_sees_its_own_coaches_at_capacity(pool: DigestPool) -> None:
    alpha = build_digest(pool.services(), week=WEEK, organisation_id=pool.orgs["alpha"].id)
    assert [c.name for c in alpha.capacity] == ["Carla Coach", "Colin Coach"]
    # Overdue answers name the coach only in the coordinators' digest.
    gamma = build_digest(pool.services(), week=WEEK, organisation_id=pool.orgs["gamma"].id)
    assert [o.coach for o in gamma.pipeline.overdue] == [""]


def test_an_unknown_organisation_is_an_error(pool: DigestPool) -> None:
    with pytest.raises(ValueError, match="no organisation 999"):
        build_digest(pool.services(), week=WEEK, organisation_id=999)
