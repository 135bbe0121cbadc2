"""The store's compact reads for the digest, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, timedelta

from digest_testkit import WEEK, DigestPool, at

from bot.digest.facts import CoachCapacity, EvaluationFact, FeedbackFact, SessionFact
from bot.domain import HOLDING_A_PLACE, EngagementState, RequestState, SessionState
from storage.store import SqlStore


def test_session_facts_in_a_range_and_states(pool: DigestPool) -> None:
    facts = pool.store.session_facts(starting_from=WEEK.start, starting_before=WEEK.end)
    assert [f.start for f in facts] == sorted(f.start for f in facts)
    assert len(facts) == 10  # six held by Colin, his cancelled one, Carla's, Bea's two
    held = pool.store.session_facts(
        starting_from=WEEK.start, starting_before=WEEK.end, states=[SessionState.HELD]
    )
    assert len(held) == 7
    assert sum(f.hours for f in held) == 7.5
    late = next(f for f in facts if f.late_cancellation)
    people = pool.people
    assert late == SessionFact(
        id=late.id,
        coach_id=people["colin"].id,
        coachee_id=people["B3"].id,
        start=at(19, 10),
        end=at(19, 11),
        state=SessionState.CANCELLED,
        late_cancellation=True,
        cancelled_by=people["B3"].id,
    )
    assert late.start.tzinfo is not None and late.start.utcoffset() == timedelta(0)
    no_show = next(f for f in facts if f.state is SessionState.NO_SHOW)
    assert no_show.no_show_by == people["C2"].id


def test_session_facts_ranges_are_half_open(pool: DigestPool) -> None:
    start = at(17, 9)
    assert len(pool.store.session_facts(starting_from=start, starting_before=start)) == 0
    [first] = pool.store.session_facts(
        starting_from=start, starting_before=start + timedelta(minutes=1)
    )
    assert first.start == start


def test_feedback_facts_carry_the_sessions_people(pool: DigestPool) -> None:
    facts = pool.store.feedback_facts(submitted_from=WEEK.start, submitted_before=WEEK.end)
    assert len(facts) == 5  # B1..B5's scores; themes are in test_digest_themes.py
    people = pool.people
    rated = next(f for f in facts if f.person_id == people["B2"].id)
    assert rated == FeedbackFact(
        session_id=rated.session_id,
        person_id=people["B2"].id,
        coach_id=people["colin"].id,
        coachee_id=people["B2"].id,
        submitted_at=at(17, 13),  # two hours after the session at 10:00
        usefulness=4,
        progress=7,
    )
    assert not hasattr(rated, "comment")  # comments are never read for the digest


def test_request_facts_by_creation_and_state(pool: DigestPool) -> None:
    store = pool.store
    new = store.request_facts(created_from=WEEK.start, created_before=WEEK.end)
    assert [r.id for r in new] == [pool.requests[key].id for key in ("W4", "W5", "C3", "A1")]
    waiting = store.request_facts(states=[RequestState.WAITING_COACH])
    assert [(r.id, r.asked_at, r.chosen_coach_id) for r in waiting] == [
        (pool.requests["C4"].id, at(16), pool.people["colin"].id),
        (pool.requests["A1"].id, at(20), pool.people["carla"].id),
    ]
    assert store.request_facts(created_before=at(1, month=1)) == []
    assert len(store.request_facts()) == len(store.list_requests())


def test_engagement_facts_started_in_a_range(pool: DigestPool) -> None:
    facts = pool.store.engagement_facts(started_from=WEEK.start, started_before=WEEK.end)
    assert [(f.coachee_id, f.state) for f in facts] == [
        (pool.people["B1"].id, EngagementState.ACTIVE),
        (pool.people["B2"].id, EngagementState.ACTIVE),
    ]
    assert facts[0].started_at == at(16, 8)


def test_engagement_facts_holding_a_place(pool: DigestPool) -> None:
    """What the places taken count: open engagements, as `coach_loads` counts them."""
    facts = pool.store.engagement_facts(states=HOLDING_A_PLACE)
    assert {f.state for f in facts} == {EngagementState.ACTIVE}
    by_coach = {c: sum(f.coach_id == c for f in facts) for c in {f.coach_id for f in facts}}
    loads = pool.store.coach_loads(at(1), at(1, month=12))
    assert by_coach == {coach: count for coach, (count, _) in loads.items() if count}
    assert len(facts) == len(pool.store.engagement_facts()) - 2  # B3's and B4's closed ones


def test_evaluation_facts_submitted_in_a_range(pool: DigestPool) -> None:
    facts = pool.store.evaluation_facts(submitted_from=WEEK.start, submitted_before=WEEK.end)
    assert len(facts) == 7  # B1..B6 and C1; A1's week before and C2's week after are not
    assert facts[0] == EvaluationFact(pool.people["B1"].id, at(20, 10), 7, 9)
    assert [f.submitted_at for f in facts] == sorted(f.submitted_at for f in facts)


def test_coach_capacities_with_names_and_organisations(pool: DigestPool) -> None:
    capacities = pool.store.coach_capacities()
    assert [c.name for c in capacities] == ["Colin Coach", "Carla Coach", "Bea Coach", "Cody Coach"]
    assert capacities[3] == CoachCapacity(
        person_id=pool.people["cody"].id,
        name="Cody Coach",
        organisation_id=pool.orgs["gamma"].id,
        max_coachees=1,
        max_hours_per_month=6.0,
        paused=True,
    )


def test_organisation_of_people_covers_everyone_even_the_erased(pool: DigestPool) -> None:
    pool.store.erase_person(pool.people["B1"].id, at=at(20))
    mapping = pool.store.organisation_of_people()
    assert len(mapping) == len(pool.people)
    assert mapping[pool.people["B1"].id] == pool.orgs["beta"].id
    assert mapping[pool.people["C1"].id] == pool.orgs["gamma"].id


def test_an_empty_store_gives_empty_facts(store: SqlStore) -> None:
    assert store.session_facts(starting_from=WEEK.start, starting_before=WEEK.end) == []
    assert store.feedback_facts(submitted_from=WEEK.start, submitted_before=WEEK.end) == []
    assert store.request_facts() == []
    assert store.engagement_facts(started_from=WEEK.start, started_before=WEEK.end) == []
    assert store.evaluation_facts(submitted_from=WEEK.start, submitted_before=WEEK.end) == []
    assert store.coach_capacities() == []
    assert store.organisation_of_people() == {}


def test_bulk_facts_come_back_in_utc(pool: DigestPool) -> None:
    """Sessions, feedback and final evaluations are read with their instants as stored and
    converted once per distinct value: each comes back aware and in UTC, on either store."""
    start, end = WEEK.start - timedelta(weeks=2), WEEK.end
    store = pool.store
    sessions = store.session_facts(starting_from=start, starting_before=end)
    feedback = store.feedback_facts(submitted_from=start, submitted_before=end)
    evaluations = store.evaluation_facts(submitted_from=start, submitted_before=end)
    instants = [
        *(i for f in sessions for i in (f.start, f.end)),
        *(f.submitted_at for f in feedback),
        *(f.themes_at for f in feedback if f.themes_at is not None),
        *(e.submitted_at for e in evaluations),
    ]
    assert sessions and feedback and evaluations
    assert all(i.tzinfo is UTC for i in instants)
    assert all(f.end - f.start >= timedelta(minutes=30) for f in sessions)
