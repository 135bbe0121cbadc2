"""Each figure of the pool's digest for 2026-W47, on the hand-built pool of
`digest_testkit` (see its docstring for who is who), on SQLite and PostgreSQL. The pool is
small, so the rules of `bot/digest/privacy.py` withhold much of it: each test says why."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from digest_testkit import SETTINGS, WEEK, DigestPool, at

from bot.digest.figures import build_digest
from bot.digest.model import CoachAtCapacity, Count, Counts, Digest, OrganisationHours
from bot.digest.pipeline import overdue_requests
from bot.digest.privacy import Figure
from bot.digest.rules import RULES
from bot.digest.sources import gather
from bot.digest.week import Week
from bot.domain import EngagementState
from storage.store import SqlStore

WITHHELD = Figure(None)


@pytest.fixture
def digest(pool: DigestPool) -> Digest:
    return build_digest(pool.services(), week=WEEK)


def test_requests_new_matched_and_waiting(digest: Digest) -> None:
    p = digest.pipeline
    # New: W4, W5, C3 and A1's second request; matched: B1 and B2. Too few people.
    assert p.new == p.matched == WITHHELD
    # Waiting: W1..W5, C3, C4 and A1: eight people. C4's answer is overdue: one person.
    assert p.waiting == Figure(8, 8)
    assert p.overdue == WITHHELD


def test_overdue_answers_count_working_days_over_bank_holidays(pool: DigestPool) -> None:
    # Asked Wednesday 23 December 2026 at 09:00: Thursday 24th is one working day, then
    # Christmas and Boxing Day (moved to Monday 28th) are holidays: due Wednesday 30th.
    request = pool.requests["A1"]
    pool.store.update_request(replace(request, asked_at=at(23, month=12)))

    def overdue(now: datetime) -> list[int]:
        data = gather(pool.store, week=WEEK, as_of=now, rules=RULES)
        return [r.id for r in overdue_requests(data, data.open_requests)]

    assert overdue(at(29, 10, month=12)) == [pool.requests["C4"].id]
    assert overdue(at(30, 10, month=12)) == [pool.requests["C4"].id, request.id]


def test_sessions_held_hours_cancellations_and_no_shows(digest: Digest) -> None:
    a = digest.activity
    assert (a.sessions_held, a.hours_held) == (Figure(7, 7), Figure(7.5, 7))
    # B3's late cancellation, Carla's on C1, C2's no-show: two people and one.
    assert a.cancellations == a.no_shows == WITHHELD
    assert a.breakdown is not None and a.breakdown.late_cancellations == WITHHELD


def test_year_to_date_adds_up_the_weeks_shown(digest: Digest) -> None:
    year = digest.year
    # Whole weeks from the one holding 1 April (Wednesday): from Monday 30 March.
    assert year.start.isoformat() == "2026-03-30T00:00:00+01:00"
    # The week's 7.5 h; the 1.0 h the week before and in June came from one person each,
    # so those weeks were withheld and are left out. The 1.0 h in March is last year's.
    assert (year.hours, year.weeks_withheld) == (Figure(7.5), 2)
    assert (year.pool_hours, year.pool_weeks_withheld) == (7.5, 2)
    assert year.annual_target == SETTINGS.annual_hours_target == 4140
    assert year.target_to_date == pytest.approx(4140 * 236 / 365)  # 1 April to 23 November
    assert digest.weekly_target == pytest.approx(4140 / 52)


def test_feedback_averages_this_week_and_this_year(digest: Digest) -> None:
    week, year = digest.ratings_week, digest.ratings_year
    assert week.usefulness == Figure(pytest.approx(4.2), 5)  # type: ignore[arg-type]
    assert week.progress == Figure(7.0, 5)
    # A1's 1 and 2, the week before, were one person's: that week is left out of the year.
    assert year == week


def test_no_themes_without_the_coachees_consent(digest: Digest) -> None:
    assert digest.themes_year == Counts(())


def test_coaches_at_or_over_capacity_but_not_the_paused(digest: Digest) -> None:
    assert digest.capacity == (
        CoachAtCapacity("Carla Coach", "Alpha Council", 3, 1.0, False, True),  # hours
        CoachAtCapacity("Colin Coach", "Alpha Council", 2, 6.0, True, True),
    )


def test_capacity_gaps_by_topic(digest: Digest) -> None:
    # Five waiting-list requests about stress; C3's restructure is one person: withheld.
    assert digest.gaps == Counts((Count("resilience and wellbeing", 5),), others_withheld=True)


def test_hours_given_and_received_per_organisation(digest: Digest) -> None:
    # Received: Beta's six people would give away Gamma's one (C1) as 7.5 - 6.0, so Beta's
    # is withheld too. Given: likewise Alpha's (Colin's six) beside Beta's (Bea's one).
    protecting = Figure(None, protecting=True)
    zero = Figure(0.0, 0)
    assert digest.organisations == (
        OrganisationHours("Alpha Council", protecting, zero, Figure(0.0), Figure(0.0)),
        OrganisationHours("Beta Council", WITHHELD, protecting, Figure(0.0), Figure(0.0)),
        OrganisationHours("Gamma Council", zero, WITHHELD, Figure(0.0), Figure(0.0)),
    )


def test_weekly_hours_for_the_chart(digest: Digest) -> None:
    labels = [w.label for w in digest.weekly_hours]
    assert labels == [f"2026-W{n}" for n in range(36, 48)]
    assert [w.hours for w in digest.weekly_hours][-3:] == [0.0, None, 7.5]


def test_a_session_belongs_to_the_week_of_its_local_start(pool: DigestPool) -> None:
    # Sunday 28 June 2026, 23:00 UTC is Monday 00:00 in London: week 27, not week 26.
    colin = pool.store.list_engagements(coach_id=pool.people["colin"].id)
    five = [e for e in colin if e.state is EngagementState.ACTIVE][:5]
    for n, engagement in enumerate(five):  # five of Beta's people: the week is shown
        start = datetime(2026, 6, 28, 23, 12 * n, tzinfo=UTC)
        pool.session(engagement, start, minutes=12)
    services = pool.services(at(1, month=7))
    week_26 = build_digest(services, week=Week(2026, 26, WEEK.tz))
    week_27 = build_digest(services, week=Week(2026, 27, WEEK.tz))
    assert (week_26.activity.hours_held, week_27.activity.hours_held) == (
        Figure(0.0, 0),
        Figure(pytest.approx(1.0), 5),  # type: ignore[arg-type]
    )
    assert [w.hours for w in week_27.weekly_hours][-2:] == [0.0, pytest.approx(1.0)]


def test_an_empty_pool_has_an_empty_digest(store: SqlStore) -> None:
    digest = build_digest(DigestPool(store).services(), week=WEEK)
    assert digest.pipeline.waiting == Figure(0.0, 0) and digest.capacity == ()
    assert digest.activity.sessions_held == Figure(0.0, 0)
    assert digest.ratings_week.usefulness == Figure(None, 0)
    assert digest.organisations == ()
    assert [w.hours for w in digest.weekly_hours] == [0.0] * 12
