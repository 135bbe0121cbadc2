"""Each figure of the pool's digest for 2026-W47, on the hand-built pool of
`digest_testkit` (see its docstring for who is who), on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from digest_testkit import SETTINGS, WEEK, DigestPool, at

from bot.digest.figures import build_digest
from bot.digest.model import (
    CoachAtCapacity,
    Count,
    Counts,
    Digest,
    OrganisationHours,
    OverdueResponse,
    WaitingRequest,
)
from bot.digest.privacy import Figure
from bot.digest.week import Week
from bot.domain import RequestState
from storage.store import SqlStore

WITHHELD = Figure(None)


@pytest.fixture
def digest(pool: DigestPool) -> Digest:
    return build_digest(pool.services(), week=WEEK)


def test_requests_new_and_matched(digest: Digest) -> None:
    assert digest.pipeline.new == 4  # W4, W5, C3 and A1's second request
    assert digest.pipeline.matched == 2  # Colin took on B1 and B2 on Monday


def test_waiting_requests_by_reference_and_age_longest_first(
    pool: DigestPool, digest: Digest
) -> None:
    ids = {key: r.id for key, r in pool.requests.items()}
    listed = RequestState.WAITLISTED
    assert digest.pipeline.waiting == (
        WaitingRequest(ids["W1"], 21, listed),
        WaitingRequest(ids["W2"], 21, listed),
        WaitingRequest(ids["W3"], 21, listed),
        WaitingRequest(ids["C4"], 11, RequestState.WAITING_COACH),
        WaitingRequest(ids["W4"], 6, listed),
        WaitingRequest(ids["W5"], 6, listed),
        WaitingRequest(ids["C3"], 5, listed),
        WaitingRequest(ids["A1"], 4, RequestState.WAITING_COACH),
    )


def test_coach_answers_overdue_after_the_programmes_working_days(
    pool: DigestPool, digest: Digest
) -> None:
    # Asked Monday 16 November 09:00, three working days: due Thursday 19th 09:00.
    assert digest.pipeline.overdue == (
        OverdueResponse(pool.requests["C4"].id, at(19), 4, "Colin Coach"),
    )


def test_overdue_counts_working_days_over_bank_holidays(pool: DigestPool) -> None:
    # Asked Wednesday 23 December 2026 at 09:00: Thursday 24th is one working day, then
    # Christmas and Boxing Day (moved to Monday 28th) are holidays: due Wednesday 30th.
    request = pool.requests["A1"]
    pool.store.update_request(replace(request, asked_at=at(23, month=12)))
    on_tuesday = build_digest(pool.services(at(29, 10, month=12)), week=WEEK)
    assert [o.request_id for o in on_tuesday.pipeline.overdue] == [pool.requests["C4"].id]
    on_wednesday = build_digest(pool.services(at(30, 10, month=12)), week=WEEK)
    assert on_wednesday.pipeline.overdue[-1] == OverdueResponse(
        request.id, at(30, month=12), 0, "Carla Coach"
    )


def test_sessions_held_hours_cancellations_and_no_shows(digest: Digest) -> None:
    a = digest.activity
    assert (a.sessions_held.value, a.hours_held.value) == (7, 7.5)
    assert (a.cancellations.value, a.late_cancellations.value) == (2, 1)
    assert (a.cancelled_by_coach.value, a.cancelled_by_coachee.value) == (1, 1)
    assert (a.no_shows.value, a.coach_no_shows.value, a.coachee_no_shows.value) == (1, 0, 1)


def test_year_to_date_from_1_april_against_the_target(digest: Digest) -> None:
    year = digest.year
    assert year.start.isoformat() == "2026-04-01T00:00:00+01:00"
    # The week, 1.0 h the week before, 1.0 h in June; not the 1.0 h in March.
    assert year.hours.value == year.pool_hours == 9.5
    assert year.annual_target == SETTINGS.annual_hours_target == 4140
    assert year.target_to_date == pytest.approx(4140 * 236 / 365)  # 1 April to 23 November
    assert digest.weekly_target == pytest.approx(4140 / 52)


def test_feedback_averages_this_week_and_this_year(digest: Digest) -> None:
    week, year = digest.ratings_week, digest.ratings_year
    assert week.usefulness == Figure(pytest.approx(4.2), 5)  # type: ignore[arg-type]
    assert week.progress == Figure(7.0, 5)
    # A1's 1 and 2, the week before, count in the year.
    assert year.usefulness == Figure(pytest.approx(22 / 6), 6)  # type: ignore[arg-type]
    assert year.progress == Figure(pytest.approx(37 / 6), 6)  # type: ignore[arg-type]


def test_themes_only_with_consent_from_the_list_and_five_people(digest: Digest) -> None:
    # leadership: six coachees. confidence: two (withheld). SECRET-THEME: not a theme.
    # Bea's "resilience and wellbeing": no consent.
    assert digest.themes_year == Counts((Count("leadership", 6),), others_withheld=True)


def test_coaches_at_or_over_capacity_but_not_the_paused(digest: Digest) -> None:
    assert digest.capacity == (
        CoachAtCapacity("Carla Coach", "Alpha Council", 2, 3, 1.0, 1.0),  # hours
        CoachAtCapacity("Colin Coach", "Alpha Council", 6, 2, 6.0, 6.0),  # coachees
    )


def test_capacity_gaps_by_topic(digest: Digest) -> None:
    # Five waiting-list requests about stress; C3's restructure is one person: withheld.
    assert digest.gaps == Counts((Count("resilience and wellbeing", 5),), others_withheld=True)


def test_hours_given_and_received_per_organisation(digest: Digest) -> None:
    assert digest.organisations == (
        OrganisationHours("Alpha Council", 6.0, Figure(0.0, 0), 8.0, WITHHELD),
        OrganisationHours("Beta Council", 1.5, Figure(6.0, 6), 1.5, Figure(7.0, 6)),
        OrganisationHours("Gamma Council", 0.0, WITHHELD, 0.0, WITHHELD),
    )


def test_weekly_hours_for_the_chart(digest: Digest) -> None:
    labels = [w.label for w in digest.weekly_hours]
    assert labels == [f"2026-W{n}" for n in range(36, 48)]
    assert [w.hours for w in digest.weekly_hours][-3:] == [0.0, 1.0, 7.5]


def test_a_session_belongs_to_the_week_of_its_local_start(pool: DigestPool) -> None:
    # Sunday 28 June 2026, 23:30 UTC is Monday 00:30 in London: week 27, not week 26.
    [engagement] = pool.store.list_engagements(coach_id=pool.people["bea"].id)[:1]
    pool.session(engagement, datetime(2026, 6, 28, 23, 30, tzinfo=UTC))
    services = pool.services(at(1, month=7))
    week_26 = build_digest(services, week=Week(2026, 26, WEEK.tz))
    week_27 = build_digest(services, week=Week(2026, 27, WEEK.tz))
    assert (week_26.activity.hours_held, week_27.activity.hours_held) == (Figure(0), Figure(1.0))
    assert [w.hours for w in week_27.weekly_hours][-2:] == [0.0, 1.0]


def test_an_empty_pool_has_an_empty_digest(store: SqlStore) -> None:
    digest = build_digest(DigestPool(store).services(), week=WEEK)
    assert digest.pipeline.waiting == () and digest.capacity == ()
    assert digest.activity.sessions_held == Figure(0)
    assert digest.ratings_week.usefulness == Figure(None, 0)
    assert digest.organisations == ()
    assert [w.hours for w in digest.weekly_hours] == [0.0] * 12
