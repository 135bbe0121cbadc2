"""Final evaluations in the digest: how far coachees got towards their goal and whether they
would recommend the pool, under the same rule as ratings (`bot/digest/privacy.py`).

The chat tests run the whole cycle: each coachee asks, chooses a coach who accepts, the
session is held, the coachee ends the coaching, the bot sends the evaluation form and the
coachee submits it; Monday's digest goes out through the dispatcher. The others use the
hand-built pool of `digest_testkit`, whose evaluations go through the same form."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from digest_testkit import (
    BETA_EVALUATIONS,
    GAMMA_EVALUATION,
    WEEK,
    DigestPool,
)

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.digest.export import digest_json
from bot.digest.figures import build_digest
from bot.digest.privacy import Figure
from bot.digest.render import digest_text
from bot.digest.schedule import queue_previous_week
from bot.services import Services
from handlers.pool.sample import DEMO_COORDINATOR_EMAIL, load_sample_pool
from storage.store import SqlStore
from tests.conversations.transcript import LONDON, START, RecordingNotifier, Transcript, squeeze
from tests.digest.test_digest_themes import book, coachee_emails

# (goal attainment, would recommend) each coachee gives: means 7.0 and 8.4, three of five
# said 9 or 10.
SCORES = ((8, 9), (7, 10), (6, 8), (9, 9), (5, 6))


@pytest.fixture
def t(store: SqlStore) -> Transcript:
    clock = SimulatedClock(START)
    load_sample_pool(store, now=clock.now())
    return Transcript(coaching_bot(Services(store=store, clock=clock)), clock, RecordingNotifier())


def held(t: Transcript, coaches: dict[str, str]) -> None:
    """Session by session, the coach records it as held."""
    for session in sorted(t.store.list_sessions(), key=lambda s: s.window.start):
        coachee = t.store.get_person(session.coachee_id)
        assert coachee is not None
        coach = coaches[coachee.email]
        t.clock.set(max(t.clock.now(), session.window.end + timedelta(minutes=15)))
        assert "How did your session with" in squeeze(t.inbox(coach))
        t.press(coach, "It was held")
        t.press(coach, "Done")


def end_and_evaluate(t: Transcript, coachee: str, goal: int, recommend: int) -> None:
    """The coachee ends the coaching; the bot's evaluation form follows and is answered."""
    t.say(coachee, "sessions")
    t.press(coachee, "End coaching with")
    assert "the coaching has ended" in t.press(coachee, "Yes, end the coaching")
    t.clock.set(t.clock.now() + timedelta(minutes=10))
    assert "Your coaching has finished" in squeeze(t.inbox(coachee))
    assert "Your coaching has finished" in t.press(coachee, "Give my evaluation")
    answers = {"goal_attainment": str(goal), "would_recommend": str(recommend)}
    assert "Thank you" in t.submit(coachee, answers)


def run_pool(t: Transcript, count: int) -> str:
    """`count` coachees through the whole cycle; the coordinators' next Monday digest."""
    coachees = coachee_emails(t, count)
    coaches = {coachee: book(t, coachee) for coachee in coachees}
    held(t, coaches)
    for coachee, (goal, recommend) in zip(coachees, SCORES, strict=False):
        end_and_evaluate(t, coachee, goal, recommend)
    assert len(t.store.list_evaluations()) == count
    now = t.clock.now().astimezone(LONDON)
    monday = (now + timedelta(days=7 - now.weekday())).date()
    t.clock.set(datetime(monday.year, monday.month, monday.day, 9, 0, tzinfo=LONDON))
    t.inbox(DEMO_COORDINATOR_EMAIL)  # whatever else is due by then
    assert queue_previous_week(t.bot.services) > 0
    return squeeze(t.inbox(DEMO_COORDINATOR_EMAIL))


def test_five_coachees_evaluations_are_reported(t: Transcript) -> None:
    digest = run_pool(t, 5)
    assert "Goal attained (0-10) this week 7.0 (from 5 people)" in digest
    assert "Would recommend this week 8.4 of 10, 60% said 9 or 10 (from 5 people)" in digest


def test_four_coachees_evaluations_are_withheld(t: Transcript) -> None:
    digest = run_pool(t, 4)
    withheld = "this week withheld (fewer than 5 people); this year none in the weeks shown"
    assert f"Goal attained (0-10) {withheld}" in digest
    assert f"Would recommend {withheld}" in digest
    # The four goal scores average 7.5, their recommendations 9.0: neither appears.
    assert "7.5" not in digest and "9.0" not in digest


def mean(values: list[int]) -> float:
    return sum(values) / len(values)


WEEK_47 = [*BETA_EVALUATIONS, GAMMA_EVALUATION]


def test_the_pool_prints_the_week_and_the_lead_sees_it_protected(pool: DigestPool) -> None:
    digest = build_digest(pool.services(), week=WEEK)
    week = digest.evaluations_week
    assert week.goal_attainment == Figure(pytest.approx(mean([g for g, _ in WEEK_47])), 7)
    assert week.would_recommend == Figure(pytest.approx(mean([r for _, r in WEEK_47])), 7)
    assert week.recommenders == Figure(pytest.approx(4 / 7), 7)
    text = squeeze(digest_text(digest))
    assert "Goal attained (0-10) this week 6.4 (from 7 people)" in text
    assert "Would recommend this week 7.9 of 10, 57% said 9 or 10 (from 7 people)" in text
    # Beta's six would be enough, but with the pool's seven they give away Gamma's one.
    beta = build_digest(pool.services(), week=WEEK, organisation_id=pool.orgs["beta"].id)
    assert beta.evaluations_week.goal_attainment == Figure(None, protecting=True)
    assert (
        "Goal attained (0-10) this week withheld (it would reveal a figure from fewer than "
        "5 people)" in squeeze(digest_text(beta))
    )
    gamma = build_digest(pool.services(), week=WEEK, organisation_id=pool.orgs["gamma"].id)
    exported = digest_json(gamma)["final_evaluations"]["week"]
    assert exported == {"goal_attainment": None, "would_recommend": None,
                        "would_recommend_share": None}  # fmt: skip


def test_this_year_adds_up_only_the_weeks_printed(pool: DigestPool) -> None:
    """A1's week 46 and C2's week 48 are withheld: week 48's "this year" is week 47's, so
    the change from one week to the next never shows C2's scores."""
    week_47 = build_digest(pool.services(), week=WEEK)
    week_48 = build_digest(pool.services(WEEK.end + timedelta(days=7)), week=WEEK.shifted(1))
    assert week_48.evaluations_week.goal_attainment == Figure(None)
    assert week_48.evaluations_year == week_47.evaluations_year
    assert week_47.evaluations_year.goal_attainment == week_47.evaluations_week.goal_attainment
    text = digest_text(week_48)
    assert "this week withheld (fewer than 5 people); this year 6.4 (from 7 people)" in text
