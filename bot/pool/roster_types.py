"""What parsing a roster produces: valid rows, and errors that point at a line and a column."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.coaches import Accreditation, Format, WeeklySlot


@dataclass(frozen=True)
class RowError:
    """A problem found in the file. `line` is the row number a spreadsheet shows (the header is
    line 1); `column` is "" when the problem is the whole line or the whole file."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}, {self.column}" if self.column else f"line {self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class RosterRow:
    """One valid coach row. `None` means the cell was blank (or the column absent): a new coach
    gets the default and an existing coach keeps their current value, so a blank never wipes data.
    Field names follow `CoachProfile` and `Person`."""

    line: int
    email: str
    name: str
    organisation_slug: str
    accreditation: Accreditation | None = None
    specialisms: tuple[str, ...] | None = None
    bio: str | None = None
    formats: frozenset[Format] | None = None
    locations: tuple[str, ...] | None = None
    max_coachees: int | None = None
    max_hours_per_month: float | None = None
    weekly: tuple[WeeklySlot, ...] | None = None
    paused: bool | None = None
    pause_reason: str | None = None
    meeting_link: str | None = None
    timezone: str | None = None
    job_title: str | None = None
    directorate: str | None = None
    # The email of the person's line manager, who must be in the pool or in the same file.
    line_manager: str | None = None


@dataclass(frozen=True)
class RosterParse:
    rows: tuple[RosterRow, ...]
    errors: tuple[RowError, ...]
    # Things worth telling the coordinator that do not stop an import (e.g. an ignored column).
    warnings: tuple[RowError, ...] = ()
    # A problem with the file as a whole (encoding, delimiter, header): no row can be trusted,
    # so nothing is imported even with skip_invalid.
    file_error: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors
