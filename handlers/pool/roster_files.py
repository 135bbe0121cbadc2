"""A coach roster file as the coordinator saved it: CSV text or an Excel workbook (.xlsx)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from bot.domain.people import Organisation
from bot.pool.roster import RosterParse
from handlers.pool.roster_csv import RosterDecodeError, decode_roster, parse_roster, parse_rows

ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx workbook is a zip archive
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and other OLE files


class RosterFileError(ValueError):
    """The file cannot be read as a roster at all; the message says what to do instead."""


@dataclass(frozen=True)
class RosterFile:
    """A roster read from its file, not yet checked: CSV text, or a workbook's rows."""

    text: str = ""
    rows: tuple[tuple[int, list[str]], ...] | None = None

    def parse(self, *, known_organisations: Sequence[Organisation]) -> RosterParse:
        """Check every row, CSV or workbook alike."""
        if self.rows is not None:
            return parse_rows(self.rows, known_organisations=known_organisations)
        return parse_roster(self.text, known_organisations=known_organisations)


def read_roster_file(path: Path, data: bytes) -> RosterFile:
    """The roster in `data`, read from `path`; RosterFileError if it is neither CSV text
    nor an .xlsx workbook."""
    if data.startswith(ZIP_MAGIC):
        return RosterFile(rows=tuple(read_workbook(data)))
    if data.startswith(OLE_MAGIC):
        raise RosterFileError(
            f"{path.name} is an Excel 97-2003 workbook (.xls): save it as an Excel workbook "
            "(.xlsx) or as 'CSV UTF-8 (comma delimited)'"
        )
    try:
        return RosterFile(text=decode_roster(data))
    except RosterDecodeError as error:
        raise RosterFileError(str(error)) from error


def read_workbook(data: bytes) -> list[tuple[int, list[str]]]:
    """The first sheet's non-blank rows with the row numbers Excel shows, cells as text."""
    from openpyxl import load_workbook  # only an import of a workbook needs it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise RosterFileError(
            "the file looks like an Excel workbook but cannot be opened as one "
            f"({error}): save it again from Excel as .xlsx, or as 'CSV UTF-8 (comma delimited)'"
        ) from error
    try:
        sheet = workbook.worksheets[0]
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(value) for value in values]
            if any(cell.strip() for cell in cells):
                rows.append((number, cells))
        return rows
    finally:
        workbook.close()


def cell_text(value: object) -> str:
    """A cell as the coordinator sees it: 3 not 3.0, yes/no for a tick box, 13:00 for a time."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
