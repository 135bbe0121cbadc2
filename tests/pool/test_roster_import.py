"""import_roster against the real store (the `store` fixture: SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import (
    Accreditation,
    AvailabilityException,
    Organisation,
    Person,
    Role,
)
from bot.domain.timewindow import TimeWindow
from bot.pool.roster import ImportReport, RosterParse, import_roster
from bot.ports.store import Store
from handlers.pool.roster_csv import parse_roster

from .failing_store import FailingStore, InjectedError

NOW = datetime(2025, 11, 3, 9, 0, tzinfo=UTC)

ROSTER = (
    "email,name,organisation,accreditation,specialisms,max_coachees,availability,job_title\n"
    "amira.hussain@birmingham.gov.uk,Amira Hussain,birmingham,ILM7,leadership; confidence,3,"
    "Tue 13:00-17:00,Head of Service\n"
    "jo.harper@dudley.gov.uk,Jo Harper,Dudley Metropolitan Borough Council,ILM5,new managers,,"
    "Mon 10:00-12:00,\n"
)

WITH_ERRORS = """\
email,name,organisation,max_coachees
good.one@dudley.gov.uk,Good One,dudley,2
bad.one@dudley.gov.uk,Bad One,dudley,three
good.two@birmingham.gov.uk,Good Two,birmingham,
bad.two@nowhere.gov.uk,Bad Two,nowhere,1
"""


@pytest.fixture
def organisations(store: Store) -> list[Organisation]:
    for slug, name in (
        ("birmingham", "Birmingham City Council"),
        ("dudley", "Dudley Metropolitan Borough Council"),
    ):
        store.add_organisation(Organisation(id=0, slug=slug, name=name))
    return store.list_organisations()


def parse(text: str, organisations: list[Organisation]) -> RosterParse:
    return parse_roster(text, known_organisations=organisations)


def run(store: Store, parse_result: RosterParse, *, skip_invalid: bool = False) -> ImportReport:
    return import_roster(store, parse_result, skip_invalid=skip_invalid, now=NOW, actor_id=None)


def emails(store: Store) -> set[str]:
    return {person.email for person in store.list_people()}


def test_creates_coaches(store: Store, organisations: list[Organisation]) -> None:
    report = run(store, parse(ROSTER, organisations))

    assert (report.imported, report.created, report.updated, report.skipped) == (True, 2, 0, 0)
    assert report.summary() == "2 coach(es) added, 0 updated, 0 unchanged, 0 row(s) skipped."
    amira = store.find_person_by_email("amira.hussain@birmingham.gov.uk")
    assert amira is not None
    assert (amira.name, amira.roles, amira.job_title) == (
        "Amira Hussain",
        frozenset({Role.COACH}),
        "Head of Service",
    )
    assert amira.timezone == "Europe/London"
    profile = store.get_coach(amira.id)
    assert profile is not None
    assert profile.accreditation is Accreditation.ILM7
    assert profile.specialisms == ("leadership", "confidence")
    assert profile.max_coachees == 3
    jo = store.find_person_by_email("jo.harper@dudley.gov.uk")
    assert jo is not None
    jo_profile = store.get_coach(jo.id)
    assert jo_profile is not None
    # Blank cells take the defaults for a new coach.
    assert (jo_profile.max_coachees, jo_profile.max_hours_per_month) == (2, 6.0)


def test_audits_each_coach_and_the_import(store: Store, organisations: list[Organisation]) -> None:
    run(store, parse(ROSTER, organisations))
    amira = store.find_person_by_email("amira.hussain@birmingham.gov.uk")
    assert amira is not None
    [coach_entry] = store.list_audit(subject_prefix=f"person:{amira.id}")
    assert (coach_entry.action, coach_entry.detail, coach_entry.at) == (
        "coach.created",
        "roster line 2",
        NOW,
    )
    [import_entry] = store.list_audit(subject_prefix="roster")
    assert import_entry.action == "roster.import"
    assert import_entry.detail == "2 coach(es) added, 0 updated, 0 unchanged, 0 row(s) skipped."


def test_importing_the_same_file_again_changes_nothing(
    store: Store, organisations: list[Organisation]
) -> None:
    run(store, parse(ROSTER, organisations))
    people, coaches = store.list_people(), store.list_coaches()

    report = run(store, parse(ROSTER, organisations))

    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert store.list_people() == people
    assert store.list_coaches() == coaches


def test_an_existing_person_keeps_their_roles_and_gains_coach(
    store: Store, organisations: list[Organisation]
) -> None:
    dudley = store.find_organisation("dudley")
    assert dudley is not None
    store.add_person(
        Person(
            id=0,
            email="Jo.Harper@dudley.gov.uk",
            name="Joanne Harper",
            organisation_id=dudley.id,
            roles=frozenset({Role.COACHEE, Role.ORG_LEAD}),
            timezone="Europe/Dublin",
            job_title="Team Leader",
        )
    )

    report = run(store, parse(ROSTER, organisations))

    assert (report.created, report.updated) == (1, 1)
    jo = store.find_person_by_email("jo.harper@dudley.gov.uk")
    assert jo is not None
    assert jo.roles == {Role.COACHEE, Role.ORG_LEAD, Role.COACH}
    assert jo.name == "Jo Harper"
    # Blank or absent cells keep what the person already had.
    assert (jo.timezone, jo.job_title) == ("Europe/Dublin", "Team Leader")
    assert store.get_coach(jo.id) is not None
    assert len(store.list_people()) == 2


def test_an_existing_coach_is_updated_and_blank_cells_keep_their_values(
    store: Store, organisations: list[Organisation]
) -> None:
    run(store, parse(ROSTER, organisations))
    amira = store.find_person_by_email("amira.hussain@birmingham.gov.uk")
    assert amira is not None
    before = store.get_coach(amira.id)
    assert before is not None
    away = AvailabilityException(TimeWindow(NOW + timedelta(days=7), NOW + timedelta(days=8)))
    store.save_coach(replace(before, exceptions=(away,)))

    report = run(
        store,
        parse(
            "email,name,organisation,max_coachees,paused,pause_reason,specialisms\n"
            "amira.hussain@birmingham.gov.uk,Amira Hussain,birmingham,4,yes,"
            "on leave until January,\n",
            organisations,
        ),
    )

    assert (report.created, report.updated) == (0, 1)
    after = store.get_coach(amira.id)
    assert after is not None
    assert (after.max_coachees, after.paused, after.pause_reason) == (
        4,
        True,
        "on leave until January",
    )
    assert after.specialisms == before.specialisms
    assert after.weekly == before.weekly
    assert after.accreditation is Accreditation.ILM7
    assert after.exceptions == (away,)
    [_, updated] = store.list_audit(subject_prefix=f"person:{amira.id}")
    assert updated.action == "coach.updated"


def test_unpausing_clears_the_reason(store: Store, organisations: list[Organisation]) -> None:
    header = "email,name,organisation,paused,pause_reason\n"
    row = "jo.harper@dudley.gov.uk,Jo Harper,dudley,"
    run(store, parse(f"{header}{row}yes,supervision lapsed\n", organisations))
    run(store, parse(f"{header}{row}no,\n", organisations))
    jo = store.find_person_by_email("jo.harper@dudley.gov.uk")
    assert jo is not None
    profile = store.get_coach(jo.id)
    assert profile is not None
    assert (profile.paused, profile.pause_reason) == (False, "")


def test_errors_without_skip_invalid_import_nothing(
    store: Store, organisations: list[Organisation]
) -> None:
    parsed = parse(WITH_ERRORS, organisations)

    report = run(store, parsed)

    assert not report.imported
    assert (report.created, report.updated, report.skipped) == (0, 0, 0)
    assert [str(error) for error in report.errors] == [
        "line 3, max_coachees: 'three' is not a whole number between 1 and 20",
        "line 5, organisation: 'nowhere' is not a pool organisation",
    ]
    assert report.summary() == "Nothing imported: 2 problem(s) to fix first."
    assert store.list_people() == []
    assert store.list_audit() == []


def test_skip_invalid_imports_the_good_rows(
    store: Store, organisations: list[Organisation]
) -> None:
    report = run(store, parse(WITH_ERRORS, organisations), skip_invalid=True)

    assert (report.imported, report.created, report.skipped) == (True, 2, 2)
    assert len(report.errors) == 2
    assert emails(store) == {"good.one@dudley.gov.uk", "good.two@birmingham.gov.uk"}


def test_a_file_level_problem_imports_nothing_even_with_skip_invalid(
    store: Store, organisations: list[Organisation]
) -> None:
    parsed = parse("email;name;organisation\na@dudley.gov.uk;A;dudley\n", organisations)

    report = run(store, parsed, skip_invalid=True)

    assert not report.imported
    assert store.list_people() == []


def test_an_organisation_missing_from_the_store_is_an_error_found_before_any_write(
    store: Store, organisations: list[Organisation]
) -> None:
    elsewhere = [*organisations, Organisation(id=99, slug="coventry", name="Coventry City Council")]
    parsed = parse(
        "email,name,organisation\n"
        "a.one@dudley.gov.uk,A One,dudley\n"
        "b.two@coventry.gov.uk,B Two,coventry\n",
        elsewhere,
    )
    assert parsed.ok

    refused = run(store, parsed)
    assert not refused.imported
    assert [str(e) for e in refused.errors] == [
        "line 3, organisation: 'coventry' is no longer a pool organisation"
    ]
    assert store.list_people() == []

    skipped = run(store, parsed, skip_invalid=True)
    assert (skipped.created, skipped.skipped) == (1, 1)
    assert emails(store) == {"a.one@dudley.gov.uk"}


@pytest.mark.parametrize(("method", "on_call"), [("save_coach", 2), ("audit", 3)])
def test_a_failure_part_way_rolls_everything_back(
    store: Store, organisations: list[Organisation], method: str, on_call: int
) -> None:
    failing = FailingStore(store, method=method, on_call=on_call)

    with pytest.raises(InjectedError):
        run(failing, parse(ROSTER, organisations))

    assert store.list_people() == []
    assert store.list_coaches() == []
    assert store.list_audit() == []


def test_needs_an_aware_now(store: Store, organisations: list[Organisation]) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        import_roster(
            store,
            parse(ROSTER, organisations),
            skip_invalid=False,
            now=datetime(2025, 11, 3),  # noqa: DTZ001
            actor_id=None,
        )
