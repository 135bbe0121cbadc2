"""The roster's columns: their names, which are required, and how each cell is read."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from bot.domain.people import Organisation
from bot.pool import roster_fields as fields
from bot.pool.availability import AvailabilityError, parse_weekly

# What a column's reader raises for a bad cell; the message is shown to the coordinator as is.
CellError = (fields.FieldError, AvailabilityError)


@dataclass(frozen=True)
class Column:
    name: str
    # The RosterRow field the value goes to.
    field: str
    read: Callable[[str], object]
    required: bool = False


def normalise_header(cell: str) -> str:
    """'Max Coachees', 'max-coachees' and ' MAX_COACHEES ' all name the max_coachees column."""
    return re.sub(r"[\s\-]+", "_", cell.strip().casefold())


def roster_columns(organisations: Sequence[Organisation]) -> dict[str, Column]:
    """Every column a roster may have, by name, in the documented order."""
    columns = [
        Column("email", "email", fields.parse_email, required=True),
        Column("name", "name", _read_name, required=True),
        Column(
            "organisation",
            "organisation_slug",
            lambda text: fields.parse_organisation(text, organisations).slug,
            required=True,
        ),
        Column("accreditation", "accreditation", fields.parse_accreditation),
        Column("specialisms", "specialisms", fields.split_list),
        Column("bio", "bio", str),
        Column("formats", "formats", fields.parse_formats),
        Column("locations", "locations", fields.split_list),
        Column("max_coachees", "max_coachees", partial(fields.parse_whole_number, low=1, high=20)),
        Column(
            "max_hours_per_month",
            "max_hours_per_month",
            partial(fields.parse_hours, low=0.5, high=40),
        ),
        Column("availability", "weekly", parse_weekly),
        Column("timezone", "timezone", fields.parse_timezone),
        Column("paused", "paused", fields.parse_yes_no),
        Column("pause_reason", "pause_reason", str),
        Column("meeting_link", "meeting_link", fields.parse_meeting_link),
        Column("job_title", "job_title", str),
        Column("directorate", "directorate", str),
        Column("line_manager", "line_manager", fields.parse_email),
    ]
    return {column.name: column for column in columns}


def _read_name(text: str) -> str:
    # The most common spreadsheet slip: the email and name columns swapped.
    if "@" in text:
        raise fields.FieldError(f"'{text}' looks like an email address, not a name")
    return text
