"""Each hard rule excludes with its own sentence; the first rule that applies wins."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from bot.domain import Accreditation, Format, WeeklySlot
from bot.domain.timewindow import TimeWindow
from bot.matching import MatchResult, Rule, match

from .builders import (
    COACHEE_ID,
    COACHEE_ORG,
    LEADERS,
    MENTORING,
    NOW,
    afternoons,
    coach,
    coachee,
    context,
    free,
    local,
)

TUESDAY, THURSDAY = date(2026, 3, 10), date(2026, 3, 12)


def rules_of(result: MatchResult) -> dict[int, str]:
    return {exclusion.coach_id: exclusion.rule for exclusion in result.excluded}


def shortlisted(result: MatchResult) -> list[int]:
    return [candidate.coach_id for candidate in result.candidates]


def test_1_the_coachee_is_never_their_own_coach() -> None:
    result = match(context(), [coach(COACHEE_ID, organisation_id=COACHEE_ORG)])
    assert rules_of(result) == {COACHEE_ID: "is the coachee themselves"}
    assert result.excluded[0].code is Rule.SELF


def test_2_same_organisation_only_where_the_programme_allows_it() -> None:
    pool = [coach(10, organisation_id=COACHEE_ORG), coach(11)]
    result = match(context(), pool)
    assert rules_of(result) == {
        10: "same organisation as the coachee "
        "(the Regional Coaching Pool is cross-organisation only)"
    }
    assert shortlisted(result) == [11]
    assert shortlisted(match(context(programme=MENTORING), pool)) == [10, 11]


def test_3_line_management_either_way_even_where_same_organisation_is_allowed() -> None:
    pool = [
        coach(20, organisation_id=COACHEE_ORG, manager_id=COACHEE_ID),
        coach(21, organisation_id=COACHEE_ORG),
        coach(22, organisation_id=COACHEE_ORG),
        coach(23, organisation_id=COACHEE_ORG),
    ]
    managed = context(programme=MENTORING, person=coachee(manager_id=21))
    two_up = "is above the coachee in their management chain (2 levels up)"
    managed = replace(managed, management_chain={22: two_up})
    result = match(managed, pool)
    assert rules_of(result) == {
        20: "is line managed by the coachee",
        21: "is the coachee's line manager",
        22: two_up,
    }
    assert {e.code for e in result.excluded} == {Rule.LINE_MANAGEMENT}
    assert shortlisted(result) == [23]


def test_4_paused_with_the_reason() -> None:
    pool = [coach(30, paused=True, pause_reason="on leave until June"), coach(31, paused=True)]
    assert rules_of(match(context(), pool)) == {30: "paused (on leave until June)", 31: "paused"}


def test_5_at_capacity_by_coachees_or_by_hours_this_month() -> None:
    pool = [
        coach(40, max_coachees=2, active=2),
        coach(41, max_coachees=1, active=1),
        coach(42, hours=5.5, max_hours_per_month=6.0),
        coach(43, hours=5.0, max_hours_per_month=6.0),  # one more hour fits exactly
    ]
    result = match(context(), pool)
    assert rules_of(result) == {
        40: "at capacity: 2 of 2 coaching places in use",
        41: "at capacity: 1 of 1 coaching place in use",
        42: "at capacity: 5.5 of 6 hours this month already used",
    }
    assert shortlisted(result) == [43]


def test_6_accreditation_below_what_the_programme_requires() -> None:
    pool = [
        coach(50, accreditation=Accreditation.ILM5),
        coach(51),
        coach(52, accreditation=Accreditation.ILM7),
    ]
    result = match(context(programme=LEADERS), pool)
    assert rules_of(result) == {
        50: "has ILM level 5; the Senior Leaders Programme requires ILM level 7",
        51: "has no accreditation; the Senior Leaders Programme requires ILM level 7",
    }
    assert shortlisted(result) == [52]


def test_7_declined_and_previous_coaches_unless_previous_are_allowed() -> None:
    pool = [coach(60), coach(61, past=frozenset({COACHEE_ID})), coach(62, past=frozenset({7}))]
    asked = context(declined_coach_ids=frozenset({60}))
    assert rules_of(match(asked, pool)) == {
        60: "already turned down or declined this request",
        61: "has coached this person before",
    }
    allowed = replace(asked, allow_previous_coaches=True)
    assert rules_of(match(allowed, pool)) == {60: "already turned down or declined this request"}


def test_8_format_and_place_for_in_person_requests() -> None:
    pool = [
        coach(70),  # online only
        coach(71, formats=frozenset({Format.IN_PERSON}), locations=("Walsall", "Wolverhampton")),
        coach(72, formats=frozenset({Format.EITHER}), locations=("Dudley Council House",)),
        coach(73, formats=frozenset({Format.IN_PERSON})),  # no place given: not a mismatch
    ]
    result = match(context(format=Format.IN_PERSON, location="Dudley"), pool)
    assert rules_of(result) == {
        70: "does not offer in-person sessions",
        71: "meets in person only in Walsall, Wolverhampton, not Dudley",
    }
    assert {e.code for e in result.excluded} == {Rule.FORMAT}
    assert shortlisted(result) == [72, 73]


def test_8_format_for_online_requests() -> None:
    pool = [coach(74, formats=frozenset({Format.IN_PERSON})), coach(75)]
    result = match(context(format=Format.ONLINE), pool)
    assert rules_of(result) == {74: "does not offer online sessions"}


def test_9_no_free_time_of_a_full_session_at_the_wanted_times() -> None:
    half_hour = TimeWindow(local(TUESDAY, 13), local(TUESDAY, 13, 30))
    pool = [
        coach(80, free_time=free(WeeklySlot(0, time(9), time(12)))),  # Monday mornings
        coach(81, free_time=(half_hour,)),  # too short for 60 minutes
        coach(82, free_time=free(WeeklySlot(1, time(14), time(15)))),  # exactly one hour
    ]
    result = match(context(windows=afternoons(TUESDAY, THURSDAY)), pool)
    sentence = "no free 60-minute slot at the times the coachee gave"
    assert rules_of(result) == {80: sentence, 81: sentence}
    assert {e.code for e in result.excluded} == {Rule.NO_TIME}
    assert shortlisted(result) == [82]


def test_9_without_windows_any_time_in_the_horizon_after_the_notice_period() -> None:
    today = TimeWindow(local(NOW.date(), 13), local(NOW.date(), 17))  # within 24 hours' notice
    pool = [coach(83, free_time=()), coach(84, free_time=(today,)), coach(85)]
    result = match(context(), pool)
    sentence = "no free 60-minute slot in the next 4 weeks"
    assert rules_of(result) == {83: sentence, 84: sentence}


def test_the_first_rule_that_applies_is_the_only_one_given() -> None:
    hopeless = coach(
        90,
        organisation_id=COACHEE_ORG,
        paused=True,
        max_coachees=1,
        active=1,
        free_time=(),
    )
    result = match(context(), [hopeless])
    assert len(result.excluded) == 1
    assert result.excluded[0].code is Rule.SAME_ORGANISATION


def test_every_coach_is_either_shortlisted_or_excluded_once_in_id_order() -> None:
    pool = [
        coach(9, paused=True),
        coach(3),
        coach(7, organisation_id=COACHEE_ORG),
        coach(5, free_time=()),
        coach(1),
    ]
    result = match(context(), pool, shortlist_size=5)
    excluded_ids = [e.coach_id for e in result.excluded]
    assert excluded_ids == [5, 7, 9]
    assert sorted(shortlisted(result) + excluded_ids) == [1, 3, 5, 7, 9]
