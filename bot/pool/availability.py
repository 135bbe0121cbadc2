"""Weekly availability written the way a coordinator types it: ``Mon 09:00-12:00; Thu 13:00-17:00``.

Shared by the roster import and the sample pool so that both accept exactly the same text.
"""

from __future__ import annotations

import re
from datetime import time
from itertools import pairwise

from bot.domain.coaches import WeeklySlot

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# Every spelling people use in spreadsheets, lower-cased, to the weekday number (0 = Monday).
_WEEKDAYS: dict[str, int] = {
    spelling: number
    for number, spellings in enumerate(
        (
            ("mon", "monday", "mo"),
            ("tue", "tues", "tuesday", "tu"),
            ("wed", "weds", "wednesday", "we"),
            ("thu", "thur", "thurs", "thursday", "th"),
            ("fri", "friday", "fr"),
            ("sat", "saturday", "sa"),
            ("sun", "sunday", "su"),
        )
    )
    for spelling in spellings
}

# "Tue 13:00-17:00", "tuesday 1.30pm"-style times are not accepted: 24-hour H:MM or HH:MM only,
# with "-", an en dash or "to" between the two times.
_BLOCK = re.compile(
    r"^(?P<day>[A-Za-z]+)\.?\s+(?P<start>\d{1,2}[:.]\d{2})\s*(?:-|–|—|to)\s*(?P<end>\d{1,2}[:.]\d{2})$",
    re.IGNORECASE,
)
_EXAMPLE = "Mon 09:00-12:00; Thu 13:00-17:00"


class AvailabilityError(ValueError):
    """The text is not a list of weekly blocks; the message is meant for the person who typed it."""


def parse_weekly(text: str) -> tuple[WeeklySlot, ...]:
    """Parse blocks separated by ';' into slots, sorted by day and time. Blank text: no slots.

    Overlapping blocks on one day are refused: they are almost always a typing mistake.
    """
    slots = [_parse_block(block.strip()) for block in text.split(";") if block.strip()]
    slots.sort()
    for before, after in pairwise(slots):
        if before.weekday == after.weekday and after.start < before.end:
            raise AvailabilityError(f"'{format_slot(before)}' and '{format_slot(after)}' overlap")
    return tuple(slots)


def format_slot(slot: WeeklySlot) -> str:
    return f"{_DAY_NAMES[slot.weekday]} {slot.start:%H:%M}-{slot.end:%H:%M}"


def format_weekly(slots: tuple[WeeklySlot, ...]) -> str:
    """The inverse of `parse_weekly`."""
    return "; ".join(format_slot(slot) for slot in slots)


def _parse_block(block: str) -> WeeklySlot:
    match = _BLOCK.match(block)
    if match is None:
        raise AvailabilityError(
            f"'{block}' is not a day and times like 'Tue 13:00-17:00' (write them as {_EXAMPLE})"
        )
    day = match["day"].lower()
    if day not in _WEEKDAYS:
        raise AvailabilityError(
            f"'{match['day']}' in '{block}' is not a day of the week "
            "(use Mon, Tue, Wed, Thu, Fri, Sat, Sun)"
        )
    start, end = _parse_time(match["start"], block), _parse_time(match["end"], block)
    if end <= start:
        raise AvailabilityError(f"'{block}' ends before it starts")
    return WeeklySlot(weekday=_WEEKDAYS[day], start=start, end=end)


def _parse_time(text: str, block: str) -> time:
    hours, minutes = (int(part) for part in re.split(r"[:.]", text))
    if hours > 23 or minutes > 59:
        raise AvailabilityError(f"'{text}' in '{block}' is not a time of day (use 24-hour HH:MM)")
    return time(hours, minutes)
