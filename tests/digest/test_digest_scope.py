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


PROTECTING = Figure(None, protecting=True)


def test_only_requests_from_its_staff_as_parts_of_the_pools(beta: Digest) -> None:
    p = beta.pipeline
    # New: W4 and W5 of four across the pool: withheld, as in the coordinators' digest.
    assert p.new == p.matched == Figure(None)
    # Waiting: W1..W5 are five, but Alpha's and Gamma's three would be 8 - 5: withheld.
    assert p.waiting == PROTECTING
    assert p.overdue is None  # the coordinators' digest only


def test_the_coaching_its_staff_received(beta: Digest) -> None:
    a = beta.activity
    # Colin's six with B1..B6: printing them would give away Gamma's C1 as 7 - 6.
    assert a.sessions_held == a.hours_held == PROTECTING
    assert a.cancellations == Figure(None)  # B3's, one of two people in the pool
    assert a.no_shows == Figure(0.0, 0)  # C2 is Gamma's
    assert a.breakdown is None
    assert (beta.year.hours, beta.year.weeks_withheld) == (Figure(0.0), 2)
    assert beta.year.pool_hours == 7.5  # the pool's total, for the target, is the pool's


def test_feedback_of_its_staff_and_no_themes(beta: Digest) -> None:
    assert beta.ratings_week.usefulness == Figure(pytest.approx(4.2), 5)  # type: ignore[arg-type]
    assert beta.ratings_year == beta.ratings_week
    assert beta.themes_year == Counts(())


def test_its_coaches_capacity_and_its_staffs_waiting_topics(beta: Digest) -> None:
    assert beta.capacity == ()  # Bea has room; Colin and Carla are Alpha's
    assert beta.gaps == Counts((Count("resilience and wellbeing", 5),))


def test_only_its_own_hours_row_and_chart(beta: Digest) -> None:
    assert beta.organisations == (
        OrganisationHours("Beta Council", Figure(None), PROTECTING, Figure(0.0), Figure(0.0)),
    )
    # The chart shows the hours its coaches gave: Bea's hour and a half, with one person.
    assert [w.hours for w in beta.weekly_hours][-2:] == [0.0, None]


def test_another_organisation_sees_its_own_coaches_at_capacity(pool: DigestPool) -> None:
    alpha = build_digest(pool.services(), week=WEEK, organisation_id=pool.orgs["alpha"].id)
    assert [c.name for c in alpha.capacity] == ["Carla Coach", "Colin Coach"]


def test_an_unknown_organisation_is_an_error(pool: DigestPool) -> None:
    with pytest.raises(ValueError, match="no organisation 999"):
        build_digest(pool.services(), week=WEEK, organisation_id=999)
