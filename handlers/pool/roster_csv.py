"""A roster saved as CSV: its bytes decoded to text, whichever way the spreadsheet saved it, and
the text split into the rows the core's roster rules check (`bot.pool.roster.parse_roster_rows`).

Comma-separated, UTF-8 or Windows "ANSI"; a byte-order mark is ignored; blank lines and rows
whose cells are all blank are left out; line numbers are the row numbers a spreadsheet shows.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence

from bot.domain.people import Organisation
from bot.pool.roster import RosterParse, RowError, parse_roster_rows


class RosterDecodeError(ValueError):
    """The bytes are not a CSV file we can read; the message says what to do instead."""


_SAVE_AS = "in the spreadsheet choose Save As > 'CSV UTF-8 (comma delimited)'"


def decode_roster(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark) first, then Excel's UTF-16 "Unicode text", then
    Windows-1252, which is what Excel's plain "CSV" saves on a UK Windows machine."""
    if data.startswith(b"PK\x03\x04"):
        raise RosterDecodeError(f"this is an Excel workbook (.xlsx), not a CSV file: {_SAVE_AS}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise RosterDecodeError(f"the file is not text in a known encoding: {_SAVE_AS}")


def parse_roster(text: str, *, known_organisations: Sequence[Organisation]) -> RosterParse:
    """Check every row and cell of a CSV roster; return the valid rows and every problem found."""
    if "\x00" in text:
        # Binary data (or UTF-16 read as UTF-8); no database would store it either.
        return _file_problem(RowError(1, "", "the file contains NUL bytes, so it is not CSV text"))
    records = _records(text.removeprefix("\ufeff"))
    if isinstance(records, RowError):
        return _file_problem(records)
    return parse_rows(records, known_organisations=known_organisations)


def parse_rows(
    records: Sequence[tuple[int, Sequence[str]]], *, known_organisations: Sequence[Organisation]
) -> RosterParse:
    """The core's `parse_roster_rows`, after refusing a header that is one cell holding
    semicolons or tabs: a CSV saved with another delimiter, or one pasted into a single column
    of a workbook. Both readers (CSV here, workbooks in roster_files.py) come through here."""
    header = records[0][1] if records else ()
    if len(header) == 1 and (delimiter := _other_delimiter(header[0])):
        message = (
            f"the columns are separated by {delimiter}, not commas: save the sheet as "
            "'CSV UTF-8 (comma delimited)' and try again"
        )
        return _file_problem(RowError(records[0][0], "", message))
    return parse_roster_rows(records, known_organisations=known_organisations)


def _other_delimiter(cell: str) -> str | None:
    for delimiter, label in ((";", "semicolons (;)"), ("\t", "tabs")):
        if delimiter in cell:
            return label
    return None


def _records(text: str) -> list[tuple[int, list[str]]] | RowError:
    """Non-blank records with their spreadsheet row numbers. Counting records, not physical
    lines, keeps the numbers right when a quoted cell holds a line break."""
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            if any(cell.strip() for cell in cells):
                records.append((line, cells))
    except csv.Error as error:
        return RowError(line + 1, "", f"the file is not readable as CSV ({error})")
    return records


def _file_problem(error: RowError) -> RosterParse:
    return RosterParse((), (error,), file_error=True)
