"""One parser per roster cell type. Each takes the trimmed cell text and returns the value, or
raises `FieldError` with a message in plain words for the coordinator who typed it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.domain.coaches import Accreditation, Format
from bot.domain.people import Organisation
from bot.meeting_links import meeting_link


class FieldError(ValueError):
    """A cell's value is not acceptable; str(error) says why."""


# Deliberately loose: the mail system is the real check. This catches typos such as a missing
# "@", a space, or a name typed in the email column.
_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[A-Za-z]{2,}$")

_ACCREDITATIONS = {
    **dict.fromkeys(("ilm5", "ilm 5", "ilm level 5", "level 5", "5"), Accreditation.ILM5),
    **dict.fromkeys(("ilm7", "ilm 7", "ilm level 7", "level 7", "7"), Accreditation.ILM7),
    **dict.fromkeys(("none", "no", "n/a", "-"), Accreditation.NONE),
}

_FORMATS: dict[str, frozenset[Format]] = {
    "online": frozenset({Format.ONLINE}),
    "in person": frozenset({Format.IN_PERSON}),
    "face to face": frozenset({Format.IN_PERSON}),
    # A coach who offers both is stored as both formats; Format.EITHER is what a coachee asks for.
    "both": frozenset({Format.ONLINE, Format.IN_PERSON}),
    "either": frozenset({Format.ONLINE, Format.IN_PERSON}),
}

_YES = frozenset({"yes", "y", "true", "1"})
_NO = frozenset({"no", "n", "false", "0"})


def parse_email(text: str) -> str:
    if not _EMAIL.match(text):
        raise FieldError(f"'{text}' is not an email address")
    return text.lower()


def parse_organisation(text: str, organisations: Sequence[Organisation]) -> Organisation:
    """Match a slug or an exact name, ignoring case; suggest the closest slug when none matches."""
    wanted = text.casefold()
    for organisation in organisations:
        if wanted in (organisation.slug.casefold(), organisation.name.casefold()):
            return organisation
    by_spelling = {o.slug.casefold(): o.slug for o in organisations}
    by_spelling.update({o.name.casefold(): o.slug for o in organisations})
    close = difflib.get_close_matches(wanted, list(by_spelling), n=1, cutoff=0.6)
    hint = f" — did you mean '{by_spelling[close[0]]}'?" if close else ""
    raise FieldError(f"'{text}' is not a pool organisation{hint}")


def parse_accreditation(text: str) -> Accreditation:
    key = re.sub(r"[\s_]+", " ", text.casefold()).strip()
    if key not in _ACCREDITATIONS:
        raise FieldError(f"'{text}' is not an accreditation (use ILM5, ILM7 or none)")
    return _ACCREDITATIONS[key]


def parse_formats(text: str) -> frozenset[Format]:
    """'online', 'in person', 'both', or a ';' list of them."""
    formats: set[Format] = set()
    for item in split_list(text):
        key = re.sub(r"[\s_-]+", " ", item.casefold())
        if key not in _FORMATS:
            raise FieldError(f"'{item}' is not a format (use online, in person or both)")
        formats |= _FORMATS[key]
    return frozenset(formats)


def parse_whole_number(text: str, *, low: int, high: int) -> int:
    if not re.fullmatch(r"\d+", text) or not low <= int(text) <= high:
        raise FieldError(f"'{text}' is not a whole number between {low} and {high}")
    return int(text)


def parse_hours(text: str, *, low: float, high: float) -> float:
    if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", text) or not low <= float(text) <= high:
        raise FieldError(f"'{text}' is not a number of hours between {low:g} and {high:g}")
    return float(text)


def parse_yes_no(text: str) -> bool:
    if text.casefold() in _YES:
        return True
    if text.casefold() in _NO:
        return False
    raise FieldError(f"'{text}' is not yes or no")


def parse_timezone(text: str) -> str:
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        close = difflib.get_close_matches(text, _zone_names(), n=1, cutoff=0.6)
        hint = f" — did you mean '{close[0]}'?" if close else " (e.g. Europe/London)"
        raise FieldError(f"'{text}' is not a time zone{hint}") from None
    return text


def parse_meeting_link(text: str) -> str:
    try:
        return meeting_link(text)
    except ValueError as error:
        raise FieldError(str(error)) from error


def split_list(text: str) -> tuple[str, ...]:
    """Split on ';', trimming and dropping empty items and repeats (case-insensitively)."""
    seen: set[str] = set()
    items = []
    for item in (part.strip() for part in text.split(";")):
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            items.append(item)
    return tuple(items)


@cache
def _zone_names() -> list[str]:
    return sorted(available_timezones())
