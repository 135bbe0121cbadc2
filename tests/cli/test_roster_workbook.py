"""`coachpool import coaches` reads Excel workbooks as well as CSV, and never prints a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from handlers.cli.main import main
from storage.store import SqlStore

HEADER = ["Email", "Name", "Organisation", "Max Coachees", "Max Hours Per Month", "Paused"]


@pytest.fixture
def pool(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    assert main(["--database", url, "seed", "--demo"]) == 0
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _workbook(path: Path, *rows: list[object]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Coaches"
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("Notes").append(["not a roster: only the first sheet is read"])
    workbook.save(path)
    return path


def _coaches(pool: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    code, out, _ = run(capsys, "--database", pool, "people", "--role", "coach", "--json")
    assert code == 0
    return {person["email"]: person for person in json.loads(out)}


def test_an_xlsx_roster_is_imported_with_numbers_and_ticks_read_as_written(
    pool: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = _workbook(
        tmp_path / "roster.xlsx",
        HEADER,
        ["new.coach@coventry.gov.uk", "New Coach", "coventry", 3, 4.5, False],
        [],  # a blank row is skipped, and the rows below keep Excel's numbers
        ["other.coach@dudley.gov.uk", "Other Coach", "Dudley Metropolitan Borough Council", 2.0,
         6, True],
    )  # fmt: skip
    capsys.readouterr()
    code, out, err = run(capsys, "--database", pool, "import", "coaches", str(roster))
    assert (code, out, err) == (
        0,
        "2 coach(es) added, 0 updated, 0 unchanged, 0 row(s) skipped.\n",
        "",
    )
    coaches = _coaches(pool, capsys)
    assert coaches["new.coach@coventry.gov.uk"]["name"] == "New Coach"
    assert coaches["other.coach@dudley.gov.uk"]["organisation"] == (
        "Dudley Metropolitan Borough Council"
    )
    store = SqlStore.open(pool)
    try:
        profiles = {profile.person_id: profile for profile in store.list_coaches()}
        new = store.find_person_by_email("new.coach@coventry.gov.uk")
        other = store.find_person_by_email("other.coach@dudley.gov.uk")
        assert new is not None and other is not None
        assert (profiles[new.id].max_coachees, profiles[new.id].max_hours_per_month) == (3, 4.5)
        assert not profiles[new.id].paused
        assert (profiles[other.id].max_coachees, profiles[other.id].paused) == (2, True)
    finally:
        store.close()
    code, out, _ = run(capsys, "--database", pool, "import", "coaches", str(roster))
    assert (code, out) == (0, "0 coach(es) added, 0 updated, 2 unchanged, 0 row(s) skipped.\n")


def test_a_workbook_with_a_bad_row_names_the_row_excel_shows_and_imports_nothing(
    pool: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = _workbook(
        tmp_path / "roster.xlsx",
        HEADER,
        ["good.coach@coventry.gov.uk", "Good Coach", "coventry", 3, 6, None],
        [None, None, None],
        ["bad.coach@coventry.gov.uk", "Bad Coach", "Dudly", "three", 6, None],
    )
    capsys.readouterr()
    code, out, err = run(capsys, "--database", pool, "import", "coaches", str(roster))
    assert (code, err) == (1, "")
    assert f"{roster}: line 4, organisation: 'Dudly' is not a pool organisation" in out
    assert f"{roster}: line 4, max_coachees: 'three' is not a whole number" in out
    assert "Nothing imported" in out
    assert "good.coach@coventry.gov.uk" not in _coaches(pool, capsys)


def test_a_workbook_pasted_into_one_column_is_refused_like_a_csv_with_semicolons(
    pool: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The delimiter is diagnosed by the edge for workbooks and CSV alike (handlers/pool/)."""
    roster = _workbook(
        tmp_path / "roster.xlsx",
        ["email;name;organisation"],
        ["pasted.coach@coventry.gov.uk;Pasted Coach;coventry"],
    )
    capsys.readouterr()
    code, out, err = run(capsys, "--database", pool, "import", "coaches", str(roster))
    assert (code, err) == (1, "")
    assert out.splitlines()[0] == (
        f"{roster}: line 1: the columns are separated by semicolons (;), not commas: save the "
        "sheet as 'CSV UTF-8 (comma delimited)' and try again"
    )
    assert "pasted.coach@coventry.gov.uk" not in _coaches(pool, capsys)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (
            b"PK\x03\x04 a zip file cut short",
            "the file looks like an Excel workbook but cannot be opened as one",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "roster.xls is an Excel 97-2003 workbook (.xls): save it as an Excel workbook (.xlsx) "
            "or as 'CSV UTF-8 (comma delimited)'",
        ),
        (
            b"email,name\x00\x01\x02\xff\xfe",
            "the file is not text in a known encoding",
        ),
    ],
)
def test_a_file_that_is_no_roster_is_one_clear_line(
    pool: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, said: str
) -> None:
    roster = tmp_path / "roster.xls"
    roster.write_bytes(content)
    capsys.readouterr()
    code, out, err = run(capsys, "--database", pool, "import", "coaches", str(roster))
    assert code == 2
    assert out == ""
    assert err.startswith(f"coachpool: {roster}: {said}")
    assert len(err.splitlines()) == 1


def test_a_bad_roster_does_not_create_a_pool(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.xlsx"
    roster.write_bytes(b"PK\x03\x04 broken")
    database = tmp_path / "new.db"
    code, _, _ = run(capsys, "--database", str(database), "import", "coaches", str(roster))
    assert code == 2
    assert not database.exists()
