"""parse_roster: pure, no store. Each mistake a coordinator can make, and its message."""

from __future__ import annotations

from datetime import time

import pytest

from bot.domain import Accreditation, Format, WeeklySlot
from bot.pool.roster import RowError

from .roster_helpers import HEADER, messages, parse


def test_a_full_row_is_read_into_typed_values() -> None:
    result = parse(
        f"{HEADER}\n"
        "Amira.Hussain@Birmingham.gov.uk,Amira Hussain,birmingham,ILM level 7,"
        '"leadership; managing change and restructures",Twenty years in children\'s services.,'
        "both,Birmingham; Solihull,3,6.5,Tue 13:00-17:00; Thu 13:00-16:30,Europe/London,no,,"
        "Head of Service,Children's Social Care\n"
    )
    assert result.ok
    assert result.warnings == ()
    [row] = result.rows
    assert row.line == 2
    assert row.email == "amira.hussain@birmingham.gov.uk"
    assert row.name == "Amira Hussain"
    assert row.organisation_slug == "birmingham"
    assert row.accreditation is Accreditation.ILM7
    assert row.specialisms == ("leadership", "managing change and restructures")
    assert row.bio == "Twenty years in children's services."
    assert row.formats == frozenset({Format.ONLINE, Format.IN_PERSON})
    assert row.locations == ("Birmingham", "Solihull")
    assert row.max_coachees == 3
    assert row.max_hours_per_month == 6.5
    assert row.weekly == (
        WeeklySlot(1, time(13), time(17)),
        WeeklySlot(3, time(13), time(16, 30)),
    )
    assert row.timezone == "Europe/London"
    assert row.paused is False
    assert row.pause_reason is None
    assert row.job_title == "Head of Service"
    assert row.directorate == "Children's Social Care"


def test_only_the_required_columns_are_needed_and_blanks_mean_not_given() -> None:
    result = parse("email,name,organisation\njo.harper@dudley.gov.uk,Jo Harper,dudley\n")
    [row] = result.rows
    assert (row.accreditation, row.max_coachees, row.weekly, row.timezone) == (None,) * 4


def test_header_names_ignore_case_spaces_and_hyphens_and_order_is_free() -> None:
    result = parse(
        "Organisation, EMAIL ,Name,Max Coachees,max-hours-per-month\n"
        "Dudley,jo.harper@dudley.gov.uk,Jo Harper,4,8\n"
    )
    [row] = result.rows
    assert (row.organisation_slug, row.max_coachees, row.max_hours_per_month) == ("dudley", 4, 8)


def test_byte_order_mark_blank_lines_and_blank_rows_are_ignored_but_counted() -> None:
    result = parse(
        "\ufeffemail,name,organisation\n"
        "\n"
        "a.one@dudley.gov.uk,A One,dudley\n"
        ",,\n"
        "\n"
        "bad-email,B Two,dudley\n"
    )
    assert [row.line for row in result.rows] == [3]
    assert messages(result) == ["line 6, email: 'bad-email' is not an email address"]


def test_line_numbers_count_spreadsheet_rows_when_a_cell_holds_a_line_break() -> None:
    result = parse(
        "email,name,organisation,bio\n"
        'a.one@dudley.gov.uk,A One,dudley,"First line\nsecond line"\n'
        "b.two@dudley.gov.uk,B Two,nowhere,\n"
    )
    assert result.rows[0].bio == "First line\nsecond line"
    assert messages(result) == ["line 3, organisation: 'nowhere' is not a pool organisation"]


def test_crlf_line_endings() -> None:
    result = parse("email,name,organisation\r\na.one@dudley.gov.uk,A One,dudley\r\n")
    assert [row.email for row in result.rows] == ["a.one@dudley.gov.uk"]


@pytest.mark.parametrize(
    ("cell", "slug"),
    [
        ("dudley", "dudley"),
        ("DUDLEY", "dudley"),
        ("Dudley Metropolitan Borough Council", "dudley"),
        ("telford & wrekin council", "telford-wrekin"),
    ],
)
def test_organisation_by_slug_or_exact_name_in_any_case(cell: str, slug: str) -> None:
    result = parse(f'email,name,organisation\na.one@x.gov.uk,A One,"{cell}"\n')
    assert result.rows[0].organisation_slug == slug


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("Dudly", "'Dudly' is not a pool organisation — did you mean 'dudley'?"),
        ("Telford and Wrekin Council", "did you mean 'telford-wrekin'?"),
        ("Birmingam City Council", "did you mean 'birmingham'?"),
        ("Coventry", "'Coventry' is not a pool organisation"),
    ],
)
def test_unknown_organisation_suggests_the_closest_slug(cell: str, message: str) -> None:
    result = parse(f"email,name,organisation\na.one@x.gov.uk,A One,{cell}\n")
    [error] = result.errors
    assert (error.line, error.column) == (2, "organisation")
    assert message in error.message


def test_unknown_organisation_without_a_close_one_has_no_suggestion() -> None:
    result = parse("email,name,organisation\na.one@x.gov.uk,A One,Coventry\n")
    assert messages(result) == ["line 2, organisation: 'Coventry' is not a pool organisation"]


@pytest.mark.parametrize(
    ("cell", "accreditation"),
    [
        ("ILM5", Accreditation.ILM5),
        ("ilm 5", Accreditation.ILM5),
        ("ILM level 5", Accreditation.ILM5),
        ("5", Accreditation.ILM5),
        ("ILM7", Accreditation.ILM7),
        ("ILM level 7", Accreditation.ILM7),
        ("ilm 7", Accreditation.ILM7),
        ("7", Accreditation.ILM7),
        ("Level 7", Accreditation.ILM7),
        ("none", Accreditation.NONE),
    ],
)
def test_accreditation_spellings(cell: str, accreditation: Accreditation) -> None:
    result = parse(f"email,name,organisation,accreditation\na@x.gov.uk,A One,dudley,{cell}\n")
    assert result.rows[0].accreditation is accreditation


def test_unknown_accreditation() -> None:
    result = parse("email,name,organisation,accreditation\na@x.gov.uk,A One,dudley,ILM 6\n")
    assert messages(result) == [
        "line 2, accreditation: 'ILM 6' is not an accreditation (use ILM5, ILM7 or none)"
    ]


def test_specialisms_and_locations_are_trimmed_without_blanks_or_repeats() -> None:
    result = parse(
        "email,name,organisation,specialisms,locations\n"
        'a@x.gov.uk,A One,dudley," confidence ;; Confidence; new managers;",Dudley;\n'
    )
    row = result.rows[0]
    assert row.specialisms == ("confidence", "new managers")
    assert row.locations == ("Dudley",)


@pytest.mark.parametrize(
    ("cell", "formats"),
    [
        ("online", {Format.ONLINE}),
        ("In Person", {Format.IN_PERSON}),
        ("in-person", {Format.IN_PERSON}),
        ("face to face", {Format.IN_PERSON}),
        ("both", {Format.ONLINE, Format.IN_PERSON}),
        ("online; in person", {Format.ONLINE, Format.IN_PERSON}),
    ],
)
def test_formats(cell: str, formats: set[Format]) -> None:
    result = parse(f"email,name,organisation,formats\na@x.gov.uk,A One,dudley,{cell}\n")
    assert result.rows[0].formats == frozenset(formats)


def test_unknown_format() -> None:
    result = parse("email,name,organisation,formats\na@x.gov.uk,A One,dudley,video\n")
    assert messages(result) == [
        "line 2, formats: 'video' is not a format (use online, in person or both)"
    ]


@pytest.mark.parametrize("cell", ["three", "0", "21", "2.5", "-1"])
def test_max_coachees_must_be_a_whole_number_from_1_to_20(cell: str) -> None:
    result = parse(f"email,name,organisation,max_coachees\na@x.gov.uk,A One,dudley,{cell}\n")
    assert messages(result) == [
        f"line 2, max_coachees: '{cell}' is not a whole number between 1 and 20"
    ]


@pytest.mark.parametrize(("cell", "hours"), [("0.5", 0.5), ("40", 40.0), ("6.5", 6.5), (".5", 0.5)])
def test_max_hours_accepts_numbers_in_range(cell: str, hours: float) -> None:
    result = parse(f"email,name,organisation,max_hours_per_month\na@x.gov.uk,A,dudley,{cell}\n")
    assert result.rows[0].max_hours_per_month == hours


@pytest.mark.parametrize("cell", ["0.25", "41", "six", "6 hours", "1e1"])
def test_max_hours_out_of_range_or_not_a_number(cell: str) -> None:
    result = parse(f"email,name,organisation,max_hours_per_month\na@x.gov.uk,A,dudley,{cell}\n")
    assert messages(result) == [
        f"line 2, max_hours_per_month: '{cell}' is not a number of hours between 0.5 and 40"
    ]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("Tusday 09:00-12:00", "'Tusday' in 'Tusday 09:00-12:00' is not a day of the week"),
        ("Thu 17:00-13:00", "'Thu 17:00-13:00' ends before it starts"),
        ("Mon 9am-12pm", "'Mon 9am-12pm' is not a day and times like 'Tue 13:00-17:00'"),
        ("Mon 24:00-25:00", "'24:00' in 'Mon 24:00-25:00' is not a time of day"),
    ],
)
def test_bad_availability(cell: str, message: str) -> None:
    result = parse(f'email,name,organisation,availability\na@x.gov.uk,A,dudley,"{cell}"\n')
    [error] = result.errors
    assert (error.line, error.column) == (2, "availability")
    assert message in error.message


def test_availability_weekday_names_in_any_spelling() -> None:
    result = parse(
        "email,name,organisation,availability\n"
        'a@x.gov.uk,A,dudley,"Monday 09:00-12:00; Tues 13:00-15:00; thurs 10:00-11:00"\n'
    )
    assert [slot.weekday for slot in result.rows[0].weekly or ()] == [0, 1, 3]


@pytest.mark.parametrize("cell", ["Europe/London", "Europe/Dublin", "UTC"])
def test_timezone_accepts_iana_names(cell: str) -> None:
    result = parse(f"email,name,organisation,timezone\na@x.gov.uk,A,dudley,{cell}\n")
    assert result.rows[0].timezone == cell


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("Europe/Londn", "'Europe/Londn' is not a time zone — did you mean 'Europe/London'?"),
        ("BST", "'BST' is not a time zone"),
        ("../etc/passwd", "'../etc/passwd' is not a time zone"),
    ],
)
def test_bad_timezone(cell: str, message: str) -> None:
    result = parse(f"email,name,organisation,timezone\na@x.gov.uk,A,dudley,{cell}\n")
    [error] = result.errors
    assert error.column == "timezone"
    assert message in error.message


@pytest.mark.parametrize(("cell", "paused"), [("yes", True), ("Y", True), ("No", False)])
def test_paused_yes_or_no(cell: str, paused: bool) -> None:
    result = parse(f"email,name,organisation,paused\na@x.gov.uk,A,dudley,{cell}\n")
    assert result.rows[0].paused is paused


def test_paused_must_be_yes_or_no() -> None:
    result = parse("email,name,organisation,paused\na@x.gov.uk,A,dudley,maybe\n")
    assert messages(result) == ["line 2, paused: 'maybe' is not yes or no"]


@pytest.mark.parametrize("cell", ["amira", "amira@", "@dudley.gov.uk", "a b@dudley.gov.uk", "a@b"])
def test_bad_email(cell: str) -> None:
    result = parse(f"email,name,organisation\n{cell},A One,dudley\n")
    assert messages(result) == [f"line 2, email: '{cell}' is not an email address"]


def test_required_values_missing() -> None:
    result = parse("email,name,organisation\n,A One,dudley\na@x.gov.uk,,\n")
    assert messages(result) == [
        "line 2, email: is empty, and every coach needs one",
        "line 3, name: is empty, and every coach needs one",
        "line 3, organisation: is empty, and every coach needs one",
    ]


def test_short_rows_are_padded_so_missing_trailing_cells_are_blank() -> None:
    result = parse("email,name,organisation,bio\na@x.gov.uk,A One,dudley\na2@x.gov.uk,A Two\n")
    assert [row.bio for row in result.rows] == [None]
    assert messages(result) == ["line 3, organisation: is empty, and every coach needs one"]


def test_duplicate_email_in_the_file_names_the_first_line() -> None:
    result = parse(
        "email,name,organisation\n"
        "jo.harper@dudley.gov.uk,Jo Harper,dudley\n"
        "a@x.gov.uk,A One,dudley\n"
        "Jo.Harper@Dudley.gov.uk,Jo Harper,dudley\n"
    )
    assert [row.line for row in result.rows] == [2, 3]
    assert messages(result) == ["line 4, email: 'jo.harper@dudley.gov.uk' is already on line 2"]


def test_name_and_email_swapped() -> None:
    result = parse("email,name,organisation\nJo Harper,jo.harper@dudley.gov.uk,dudley\n")
    assert messages(result) == [
        "line 2, email: 'Jo Harper' is not an email address",
        "line 2, name: 'jo.harper@dudley.gov.uk' looks like an email address, not a name",
    ]


def test_every_problem_in_a_row_is_reported_and_later_rows_still_read() -> None:
    result = parse(
        "email,name,organisation,max_coachees,paused\n"
        "a@x.gov.uk,A One,nowhere,three,perhaps\n"
        "b@x.gov.uk,B Two,dudley,2,no\n"
    )
    assert [(e.line, e.column) for e in result.errors] == [
        (2, "organisation"),
        (2, "max_coachees"),
        (2, "paused"),
    ]
    assert [row.email for row in result.rows] == ["b@x.gov.uk"]


def test_too_many_values_usually_means_an_unquoted_comma() -> None:
    result = parse("email,name,organisation,bio\na@x.gov.uk,A One,dudley,Calm, kind\n")
    assert messages(result) == [
        "line 2: has 5 values but the header has 4 columns "
        "(a value with a comma in it needs quotes around it)"
    ]


def test_trailing_empty_cells_beyond_the_header_are_harmless() -> None:
    assert parse("email,name,organisation\na@x.gov.uk,A One,dudley,,\n").ok


def test_row_error_reads_as_a_sentence() -> None:
    assert (
        str(RowError(7, "max_coachees", "'three' is bad")) == "line 7, max_coachees: 'three' is bad"
    )
    assert str(RowError(1, "", "the file is empty")) == "line 1: the file is empty"


def test_a_meeting_link_must_be_an_https_web_link() -> None:
    good = parse(
        "email,name,organisation,meeting_link\n"
        "a.b@dudley.gov.uk,A B,dudley,https://teams.example.org/l/meetup-join/1\n"
    )
    assert good.errors == ()
    assert good.rows[0].meeting_link == "https://teams.example.org/l/meetup-join/1"
    bad = parse("email,name,organisation,meeting_link\na.b@dudley.gov.uk,A B,dudley,zoom room 4\n")
    assert messages(bad) == [
        "line 2, meeting_link: 'zoom room 4' is not a web link starting https://"
    ]
