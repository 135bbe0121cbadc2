"""The sample pool's data, checked without a store: the demo depends on these properties."""

from __future__ import annotations

from collections import Counter

from bot.domain import Accreditation, Role
from bot.pool.availability import parse_weekly
from handlers.pool.sample import DEMO_COACHEE_EMAIL, DEMO_COORDINATOR_EMAIL, sample_email
from handlers.pool.sample_coaches import CHANGE, COACHES, SPECIALISMS
from handlers.pool.sample_data import HOST, MEMBER_ORGANISATIONS, OTHER_PEOPLE, PROGRAMMES

TUESDAY, THURSDAY = 1, 3


def test_twelve_member_organisations_with_distinct_slugs_domains_and_eap_lines() -> None:
    assert len(MEMBER_ORGANISATIONS) == 12
    everyone = (HOST, *MEMBER_ORGANISATIONS)
    for attribute in ("slug", "name", "domain", "eap_line"):
        assert len({getattr(org, attribute) for org in everyone}) == 13, attribute
    assert MEMBER_ORGANISATIONS[2].eap_contact == (
        "Employee Assistance Programme: 0800 000 103 (24 hours, free and confidential), "
        "or your HR advisor"
    )


def test_forty_coaches_over_every_member_organisation() -> None:
    assert len(COACHES) == 40
    per_organisation = Counter(coach.organisation for coach in COACHES)
    assert set(per_organisation) == {org.slug for org in MEMBER_ORGANISATIONS}
    assert min(per_organisation.values()) >= 3


def test_emails_are_first_dot_last_at_the_organisation_domain_and_all_distinct() -> None:
    emails = [sample_email(c.name, c.organisation) for c in COACHES]
    emails += [p.email or sample_email(p.name, p.organisation) for p in OTHER_PEOPLE]
    assert len(set(emails)) == len(emails) == 58
    assert sample_email("Liam O'Connor", "wolverhampton") == "liam.oconnor@wolverhampton.gov.uk"
    assert DEMO_COACHEE_EMAIL in emails
    assert DEMO_COORDINATOR_EMAIL in emails


def test_coach_profiles_are_varied_and_within_the_documented_ranges() -> None:
    for coach in COACHES:
        assert 2 <= len(coach.specialisms) <= 4, coach.name
        assert set(coach.specialisms) <= set(SPECIALISMS), coach.name
        assert 1 <= coach.max_coachees <= 4, coach.name
        assert 3 <= coach.max_hours_per_month <= 8, coach.name
        assert 2 <= len(parse_weekly(coach.availability)) <= 5, coach.name
        assert coach.bio.endswith("."), coach.name
    accreditation = Counter(coach.accreditation for coach in COACHES)
    assert accreditation[Accreditation.ILM5] > accreditation[Accreditation.ILM7] >= 5
    assert 2 <= sum(bool(coach.pause_reason) for coach in COACHES) <= 3
    assert len({coach.formats for coach in COACHES}) == 3
    assert {coach.timezone for coach in COACHES} == {"Europe/London", "Europe/Dublin"}


def test_the_demo_coachee_has_a_good_shortlist_outside_dudley() -> None:
    def free_tue_or_thu_afternoon(availability: str) -> bool:
        return any(
            slot.weekday in (TUESDAY, THURSDAY) and slot.start.hour >= 12
            for slot in parse_weekly(availability)
        )

    fits = [
        coach.name
        for coach in COACHES
        if coach.organisation != "dudley"
        and CHANGE in coach.specialisms
        and coach.accreditation is not Accreditation.NONE
        and not coach.pause_reason
        and free_tue_or_thu_afternoon(coach.availability)
    ]
    assert len(fits) >= 6


def test_people_who_are_not_coaches() -> None:
    roles = Counter(person.role for person in OTHER_PEOPLE)
    assert roles == {Role.COORDINATOR: 3, Role.ORG_LEAD: 4, Role.SPONSOR: 1, Role.COACHEE: 10}
    assert {p.organisation for p in OTHER_PEOPLE if p.role is Role.COORDINATOR} == {HOST.slug}


def test_programmes() -> None:
    by_slug = {programme.slug: programme for programme in PROGRAMMES}
    assert set(by_slug) == {"regional-pool", "rapid-support", "member-mentoring"}
    regional, rapid = by_slug["regional-pool"], by_slug["rapid-support"]
    assert (regional.max_sessions, regional.session_minutes) == (6, 60)
    assert not regional.same_organisation_allowed
    assert regional.required_accreditation is Accreditation.ILM5
    assert regional.chemistry_session
    assert regional.feedback_required
    assert (rapid.max_sessions, rapid.session_minutes, rapid.max_per_organisation) == (3, 60, 3)
    assert not rapid.same_organisation_allowed
    assert not rapid.chemistry_session
    assert by_slug["member-mentoring"].same_organisation_allowed
