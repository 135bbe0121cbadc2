"""Every question the bot asks about a time phrase, worded in one place.

The bot asks instead of guessing, so these are what a coachee sees when a phrase was ambiguous,
in the past or not a time at all.
"""

from __future__ import annotations

from datetime import date

from bot.when.vocabulary import MONTH_NAMES, WEEKDAY_NAMES


def day_month(day: date) -> str:
    """ "3 December" """
    return f"{day.day} {MONTH_NAMES[day.month - 1]}"


def full_date(day: date) -> str:
    """ "Thursday 3 December" """
    return f"{WEEKDAY_NAMES[day.weekday()]} {day_month(day)}"


def nothing_found() -> str:
    return (
        "I couldn't find a day or time in that. When are you free? For example: "
        '"Tuesday or Thursday afternoon" or "3 December, 2-4pm".'
    )


def which_day(text: str) -> str:
    return f'Which day do you mean for "{text}"? For example: "Tuesday {text}".'


def am_or_pm(text: str, hour: int) -> str:
    return f'Did you mean {hour}am or {hour}pm by "{text}"?'


def not_a_time(text: str) -> str:
    return f'"{text}" isn\'t a time I understand — could you write it like "2pm" or "14:00"?'


def outside_part(text: str, part: str) -> str:
    return f'"{text}" isn\'t in the {part} — which did you mean?'


def backwards(text: str) -> str:
    return f'"{text}" seems to end before it starts — could you check it?'


def too_long(text: str) -> str:
    return f'"{text}" is more than a month — could you narrow it down to the days you\'re free?'


def not_in_calendar(text: str) -> str:
    return f'I couldn\'t find "{text}" in the calendar — could you check the date?'


def wrong_weekday(day: date, said: int) -> str:
    return (
        f"{day_month(day)} {day.year} is a {WEEKDAY_NAMES[day.weekday()]}, "
        f"not a {WEEKDAY_NAMES[said]} — which did you mean?"
    )


def date_passed(day: date) -> str:
    return f"{day_month(day)} {day.year} has already passed — did you mean a date in the future?"


def too_far_ahead(day: date) -> str:
    return (
        f"{day_month(day)} {day.year} is too far ahead for me to plan — could you give "
        "days in the coming weeks or months?"
    )


def phrase_passed(text: str) -> str:
    return f'"{text}" has already passed — did you mean a day in the future?'


def window_passed(described: str) -> str:
    return f"{described} has already passed — did you mean a time in the future?"


def too_little_left(described: str) -> str:
    return f"There isn't enough of {described} left for a session — did you mean another day?"


def this_weekday_passed(weekday: int, passed: date, coming: date) -> str:
    name = WEEKDAY_NAMES[weekday]
    return (
        f"This {name} ({day_month(passed)}) has already passed — did you mean {full_date(coming)}?"
    )


def which_next(weekday: int, chosen: date, nearer: date) -> str:
    name = WEEKDAY_NAMES[weekday]
    return (
        f'By "next {name}" do you mean {full_date(chosen)}, '
        f"rather than this {name} ({day_month(nearer)})?"
    )


def which_days_in_month(month: str) -> str:
    return f'Which days in {month} would suit you? For example: "Tuesdays in {month}".'


def clocks_change(day: date) -> str:
    return (
        f"That time doesn't exist on {full_date(day)} because the clocks change — "
        "could you pick another time?"
    )


def time_skipped(day: date, clock: str) -> str:
    return (
        f"There's no {clock} on {full_date(day)} {day.year}: the clocks go forward an hour "
        "that night — could you pick another time?"
    )


def time_repeated(day: date, clock: str, first: str, second: str) -> str:
    return (
        f"{clock} happens twice on {full_date(day)} {day.year}, as the clocks go back an hour "
        f"that night: I've taken the first, {clock} {first}, not the second, {clock} {second} "
        "an hour later — is that right?"
    )


def unclear_negation() -> str:
    return (
        "I'm not sure which of those times don't suit you — "
        "could you tell me just the times you're free?"
    )


def which_times_free() -> str:
    return "Thanks — which days and times are you free, then?"


def week_not_monday(day: date) -> str:
    return (
        f"{full_date(day)} isn't a Monday — which week do you mean? For example: "
        '"w/c 14 December".'
    )


def how_often_which_day(text: str) -> str:
    return f'Which day would suit, {text}? For example: "Tuesday afternoons, {text}".'


def unread_words(words: str, understood: str) -> str:
    if not understood:
        return f'I couldn\'t place "{words}" — could you put the times another way?'
    return (
        f'I understood {understood}, but not "{words}" — is that right, or could you put the '
        "times another way?"
    )
