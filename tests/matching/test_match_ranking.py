"""Ranking: topic fit first, then time, fair load and fair balance, ties by coach id."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from bot.domain import Accreditation
from bot.matching import CoachCandidate, CoachIndex, MatchContext, match

from .builders import HORIZON, coach, context


def order(
    request: MatchContext, pool: Sequence[CoachCandidate], *, shortlist_size: int = 3
) -> list[int]:
    result = match(request, pool, shortlist_size=shortlist_size)
    return [candidate.coach_id for candidate in result.candidates]


def test_a_restructure_request_ranks_the_change_specialist_first() -> None:
    pool = [
        coach(1, specialisms=("Career progression and promotion",)),
        coach(2, specialisms=("Resilience and wellbeing",)),
        coach(3, specialisms=("Managing change and restructures",)),
    ]
    request = context(
        topic="Leading my team through a restructure", goal="Feel in control of the change"
    )
    result = match(request, pool)
    assert [c.coach_id for c in result.candidates] == [3, 1, 2]
    assert result.candidates[0].reasons[0] == "Specialises in managing change and restructures"
    assert result.candidates[0].score > result.candidates[1].score


@pytest.mark.parametrize(
    ("topic", "specialism"),
    [
        ("Our service is going through a big transformation", "Managing change"),
        ("I keep feeling like an imposter", "Confidence and self-belief"),
        ("I'm a first-time manager", "Leading a team"),
        ("Burnout and stress at work", "Wellbeing"),
        ("I want a promotion", "Career progression"),
        ("Hard conversations with a colleague", "Managing conflict"),
        ("Commissioning and procurement", "Procurement and commissioning"),  # plain words
    ],
)
def test_synonyms_and_word_forms_find_the_specialist(topic: str, specialism: str) -> None:
    pool = [
        coach(1, specialisms=("Working with elected members",)),
        coach(2, specialisms=("Public speaking",)),
        coach(3, specialisms=(specialism,)),
    ]
    assert order(context(topic=topic), pool)[0] == 3


def test_specialisms_count_more_than_the_bio_and_the_bio_more_than_nothing() -> None:
    pool = [
        coach(1, bio="I enjoy walking and have worked in housing for years."),
        coach(2, bio="I led my own service through a restructure."),
        coach(3, specialisms=("Restructuring",)),
    ]
    result = match(context(topic="Coping with a restructure"), pool)
    assert [c.coach_id for c in result.candidates] == [3, 2, 1]
    assert (
        result.candidates[1].reasons[0] == "Their profile mentions managing change and restructures"
    )


def test_the_topic_field_weighs_more_than_the_rest_of_the_request() -> None:
    pool = [
        coach(1, specialisms=("Resilience and wellbeing",)),
        coach(2, specialisms=("Career progression",)),
    ]
    request = context(topic="Career progression", reality="A stressful year")
    assert order(request, pool) == [2, 1]


def test_less_of_their_capacity_in_use_ranks_higher() -> None:
    # Places and hours used count half each: 1 of 2 places (50% used) costs more than
    # 2 of 6 hours (33%), which costs more than 1 of 4 places (25%).
    pool = [
        coach(1, max_coachees=2, active=1),
        coach(2, max_coachees=2, active=0, hours=2.0, max_hours_per_month=6.0),
        coach(3, max_coachees=2, active=0),
        coach(4, max_coachees=4, active=1),
    ]
    assert order(context(), pool, shortlist_size=4) == [3, 4, 2, 1]


def test_coaches_from_organisations_that_owe_hours_rank_higher() -> None:
    pool = [
        coach(1, organisation_id=2, balance=20.0),  # gave 20 hours more than it received
        coach(2, organisation_id=3, balance=0.0),
        coach(3, organisation_id=4, balance=-20.0),  # received 20 more than it gave
    ]
    result = match(context(), pool)
    assert [c.coach_id for c in result.candidates] == [3, 2, 1]
    assert "Their council, Sandwell, has given fewer hours than it received" in (
        result.candidates[0].reasons
    )
    assert not any("hours than it received" in r for r in result.candidates[2].reasons)


def test_topic_outweighs_load_and_balance() -> None:
    pool = [
        coach(1, balance=-40.0, max_coachees=4),
        coach(2, specialisms=("Managing change",), active=1, max_coachees=2, balance=40.0),
    ]
    assert order(context(topic="A restructure"), pool) == [2, 1]


def test_ties_go_to_the_lower_id_whatever_the_input_order() -> None:
    pool = [coach(coach_id) for coach_id in (9, 3, 7, 5)]
    expected = match(context(), pool, shortlist_size=4)
    assert [c.coach_id for c in expected.candidates] == [3, 5, 7, 9]
    rng = random.Random(1)
    for _ in range(5):
        shuffled = pool[:]
        rng.shuffle(shuffled)
        assert match(context(), shuffled, shortlist_size=4) == expected


def test_an_index_reused_across_requests_gives_the_same_answers() -> None:
    pool = [
        coach(1, specialisms=("Managing change",)),
        coach(2, specialisms=("Career progression",), paused=True),
        coach(3, specialisms=("Confidence",), accreditation=Accreditation.ILM7),
        coach(4, organisation_id=1),
    ]
    index = CoachIndex.build(pool, horizon=HORIZON)
    for topic in ("restructure", "promotion", "imposter syndrome", "restructure"):
        request = context(topic=topic)
        assert match(request, index) == match(request, pool)


def test_scores_are_between_0_and_100_with_one_decimal() -> None:
    pool = [
        coach(1, specialisms=("Managing change and restructures",), balance=-100.0),
        coach(2, active=1, max_coachees=2, hours=5.0, balance=100.0),
    ]
    result = match(context(topic="restructure"), pool)
    for candidate in result.candidates:
        assert 0.0 <= candidate.score <= 100.0
        assert candidate.score == round(candidate.score, 1)


def test_shortlist_size_is_respected() -> None:
    pool = [coach(coach_id) for coach_id in range(1, 8)]
    assert order(context(), pool) == [1, 2, 3]
    assert order(context(), pool, shortlist_size=5) == [1, 2, 3, 4, 5]
