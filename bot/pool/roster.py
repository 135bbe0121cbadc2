"""Importing a coordinator's coach roster: the rules for its rows, already split into cells.

A roster is a spreadsheet, one coach a row, with a header row naming the columns. The edges read
the file (handlers/pool/: CSV decoded and split by roster_csv.py, the first sheet of an Excel
workbook read by roster_files.py) and hand its rows to `parse_roster_rows`; the core checks them
and `import_roster` writes them. ROSTER.md beside this module is the coordinator's guide.

Columns (header names ignore case, spaces and hyphens; order is free):

==================== ========= ===================================================================
column               required  value
==================== ========= ===================================================================
email                yes       the coach's work email; identifies the coach (unique in the file)
name                 yes       full name
organisation         yes       an existing organisation's slug or exact name (any case)
accreditation                  ILM5, ILM7 or none ("ILM level 7", "ilm 7", "7" work); default none
specialisms                    topics separated by semicolons
bio                            one or two sentences shown to coachees
formats                        online, in person or both (or "online; in person"); default online
locations                      places for in-person coaching, separated by semicolons
max_coachees                   whole number 1–20; default 2
max_hours_per_month            number 0.5–40; default 6
availability                   weekly blocks, e.g. "Mon 09:00-12:00; Thu 13:00-17:00" (24-hour)
timezone                       IANA zone; default Europe/London
paused                         yes or no; default no
pause_reason                   why the coach is paused, e.g. "on leave until January"
meeting_link                   the coach's online meeting room, a link starting https://
job_title                      shown to coachees
directorate                    shown to coachees
line_manager                   the coach's line manager's email (in the pool or in the file)
==================== ========= ===================================================================

Rules:
- A blank cell means "not given": a new coach gets the default, an existing coach keeps the
  current value. A blank cell never wipes data.
- A column not in the list is ignored with a warning, unless it looks like a misspelling of a
  missing column (e.g. "specialism"), which is an error.
- Blank lines and rows whose cells are all blank are left out by the reader of the file.
- Error line numbers are the row numbers a spreadsheet shows (the header is line 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.domain.people import Organisation
from bot.pool.roster_columns import CellError, roster_columns
from bot.pool.roster_header import Header, read_header
from bot.pool.roster_import import ImportReport, import_roster
from bot.pool.roster_types import RosterParse, RosterRow, RowError

__all__ = [
    "ImportReport",
    "RosterParse",
    "RosterRow",
    "RowError",
    "import_roster",
    "parse_roster_rows",
]


def parse_roster_rows(
    records: Sequence[tuple[int, Sequence[str]]], *, known_organisations: Sequence[Organisation]
) -> RosterParse:
    """Check every row and cell; return the valid rows and every problem found. Each record is
    its row number as the spreadsheet shows it, and its cells as text; blank rows left out."""
    if not records:
        return _file_problem(RowError(1, "", "the file is empty"))
    (header_line, header_cells), *data = records
    header = read_header(header_line, header_cells, roster_columns(known_organisations))
    if header.errors:
        return RosterParse((), header.errors, header.warnings, file_error=True)

    rows: list[RosterRow] = []
    errors: list[RowError] = []
    first_line_of_email: dict[str, int] = {}
    for line, cells in data:
        values, row_errors = _read_row(line, cells, header)
        email = values.get("email")
        if isinstance(email, str):
            if email in first_line_of_email:
                message = f"'{email}' is already on line {first_line_of_email[email]}"
                row_errors.append(RowError(line, "email", message))
            first_line_of_email.setdefault(email, line)
        if row_errors:
            errors.extend(row_errors)
        else:
            rows.append(RosterRow(line=line, **values))
    warnings = header.warnings
    if not data:
        warnings += (RowError(header_line, "", "the file has a header but no coaches"),)
    return RosterParse(tuple(rows), tuple(errors), warnings)


def _read_row(
    line: int, cells: Sequence[str], header: Header
) -> tuple[dict[str, Any], list[RowError]]:
    values: dict[str, Any] = {}
    errors: list[RowError] = []
    if any(cell.strip() for cell in cells[len(header.columns) :]):
        message = (
            f"has {len(cells)} values but the header has {len(header.columns)} columns "
            "(a value with a comma in it needs quotes around it)"
        )
        return values, [RowError(line, "", message)]
    # Spreadsheets drop trailing empty cells: a short row is padded with blanks.
    padded = [*cells, *[""] * (len(header.columns) - len(cells))]
    for column, cell in zip(header.columns, padded, strict=False):
        text = cell.strip()
        if column is None:
            continue
        if not text:
            if column.required:
                errors.append(RowError(line, column.name, "is empty, and every coach needs one"))
            continue
        try:
            values[column.field] = column.read(text)
        except CellError as error:
            errors.append(RowError(line, column.name, str(error)))
    return values, errors


def _file_problem(error: RowError) -> RosterParse:
    return RosterParse((), (error,), file_error=True)
