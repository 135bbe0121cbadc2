"""parse_roster on whole-file problems: delimiter, header, empty file. None of them yields rows."""

from __future__ import annotations

import pytest

from .roster_helpers import HEADER, messages, parse


@pytest.mark.parametrize(("delimiter", "named"), [(";", "semicolons (;)"), ("\t", "tabs")])
def test_a_file_with_another_delimiter_is_refused_clearly(delimiter: str, named: str) -> None:
    text = f"email{delimiter}name{delimiter}organisation\na@x.gov.uk{delimiter}A{delimiter}dudley\n"
    result = parse(text)
    assert result.file_error
    assert result.rows == ()
    assert messages(result) == [
        f"line 1: the columns are separated by {named}, not commas: save the sheet as "
        "'CSV UTF-8 (comma delimited)' and try again"
    ]


def test_a_missing_required_column() -> None:
    result = parse("email,organisation\na@x.gov.uk,dudley\n")
    assert result.file_error
    assert messages(result) == ["line 1: there is no 'name' column, and every roster needs one"]


def test_an_unknown_column_is_ignored_with_a_warning() -> None:
    result = parse("email,name,organisation,Notes\na@x.gov.uk,A One,dudley,met at training\n")
    assert result.ok
    assert len(result.rows) == 1
    assert [str(w) for w in result.warnings] == [
        "line 1: the column 'Notes' is not a roster column and is ignored"
    ]


@pytest.mark.parametrize(
    ("column", "meant"),
    [
        ("specialism", "specialisms"),
        ("Max Coaches", "max_coachees"),
        ("availabilty", "availability"),
    ],
)
def test_a_misspelt_column_is_an_error_so_its_data_is_not_lost(column: str, meant: str) -> None:
    result = parse(f"email,name,organisation,{column}\na@x.gov.uk,A One,dudley,x\n")
    assert result.file_error
    assert messages(result) == [
        f"line 1: '{column}' is not a roster column — did you mean '{meant}'?"
    ]


def test_a_column_twice() -> None:
    result = parse("email,name,organisation,Email\na@x.gov.uk,A One,dudley,b@x.gov.uk\n")
    assert messages(result) == ["line 1, email: the column appears twice"]


@pytest.mark.parametrize("text", ["", "\ufeff", "\n\n", " , \n"])
def test_an_empty_file(text: str) -> None:
    result = parse(text)
    assert result.file_error
    assert messages(result) == ["line 1: the file is empty"]


def test_a_header_without_coaches_is_a_warning() -> None:
    result = parse(HEADER + "\n")
    assert result.ok
    assert result.rows == ()
    assert [str(w) for w in result.warnings] == ["line 1: the file has a header but no coaches"]


def test_the_header_may_follow_blank_lines() -> None:
    result = parse("\nemail,name,organisation\nbad,A One,dudley\n")
    assert messages(result) == ["line 3, email: 'bad' is not an email address"]


def test_a_nul_byte_means_the_file_is_not_text() -> None:
    result = parse("email,name,organisation\na@x.gov.uk,A\x00,dudley\n")
    assert result.file_error
    assert messages(result) == ["line 1: the file contains NUL bytes, so it is not CSV text"]


def test_a_cell_beyond_the_csv_field_limit_is_reported_as_unreadable() -> None:
    result = parse('email,name,organisation,bio\na@x.gov.uk,A,dudley,"' + "x" * 200_000 + '"\n')
    assert result.file_error
    assert messages(result)[0].startswith(
        "line 2: the file is not readable as CSV (field larger than field limit"
    )
