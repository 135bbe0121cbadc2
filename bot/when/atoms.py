"""What the grammar understood, before any calendar is consulted.

Atoms are symbolic ("next Tuesday", "2-4pm"): turning them into dates needs ``now`` and a zone,
which is the resolver's job. Keeping the two apart lets the grammar be tested on text alone.
Times are minutes after local midnight.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- days -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Weekdays:
    """Named weekdays: one ("Tuesday"), a list member, a run ("Tues-Thurs") or "weekdays".

    ``modifier`` is "" (the next one), "next" (in next calendar week), "this" (in this week),
    "last", "every", or "week" (the UK "Tuesday week": a week after the next Tuesday).
    """

    days: tuple[int, ...]
    text: str
    modifier: str = ""
    plural: bool = False
    run: bool = False  # a range such as "Tues-Thurs": consecutive days from the first
    fortnightly: bool = False  # "every other Wednesday": alternate weeks from the first


@dataclass(frozen=True)
class Relative:
    """A day counted from today: "today" 0, "tomorrow" 1, "yesterday" -1, "in 3 days" 3."""

    offset: int
    text: str


@dataclass(frozen=True)
class Week:
    """The working days of a calendar week counted from this one ("next week" is 1)."""

    offset: int
    text: str


@dataclass(frozen=True)
class ExplicitDate:
    """A written date ("3/12", "3rd Dec 2026"); ``source`` is what dateparser is given."""

    source: str
    text: str
    year_given: bool
    weekday: int | None = None  # said alongside it, as in "Thursday 3 December"


@dataclass(frozen=True)
class DateSpan:
    """Every day from one written date to another ("1-3 December")."""

    first: ExplicitDate
    last: ExplicitDate
    text: str


@dataclass(frozen=True)
class WeekOf:
    """The working days of the week containing a date ("w/c 7 December", "w/c 14th").

    ``commencing`` when the person said the week starts on that date, so it should be a Monday.
    """

    date: ExplicitDate | DayOfMonth
    text: str
    commencing: bool = False


@dataclass(frozen=True)
class DayOfMonth:
    """A day number on its own ("on the 3rd"): the next time that day comes round."""

    day: int
    text: str
    weekday: int | None = None


@dataclass(frozen=True)
class Month:
    """A month named on its own ("in December"): only useful to narrow named weekdays."""

    month: int
    text: str


@dataclass(frozen=True)
class WeekdaysWithin:
    """Named weekdays narrowed to one week or month ("Tuesday next week", "Tuesdays in May")."""

    days: tuple[int, ...]
    within: Week | WeekOf | Month
    text: str


DayAtom = (
    Weekdays
    | Relative
    | Week
    | ExplicitDate
    | DateSpan
    | WeekOf
    | DayOfMonth
    | Month
    | WeekdaysWithin
)

# --- times ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A part of the day ("afternoon"), plural when it recurs ("afternoons")."""

    name: str
    start: int
    end: int
    text: str
    plural: bool = False


@dataclass(frozen=True)
class Clock:
    """A clock reading as written; the hour is interpreted later (see ``bot.when.clock``)."""

    hour: int
    minute: int
    text: str
    meridiem: str = ""  # "am", "pm" or "" when not written
    literal: bool = False  # a 24-hour reading such as "14:30" or "09:00"


@dataclass(frozen=True)
class At:
    """A meeting starting at a time ("at 2pm"); it lasts the default length."""

    clock: Clock
    text: str
    context: Part | None = None  # "evening" in "Tuesday evening at 7"


@dataclass(frozen=True)
class Between:
    """A range of clock times ("2-4pm", "between 2 and 4")."""

    start: Clock
    end: Clock
    text: str
    context: Part | None = None


@dataclass(frozen=True)
class Open:
    """A half-open range: "after 2pm"/"from 2" (``after``) or "before 11"/"until 11"."""

    clock: Clock
    after: bool
    text: str
    context: Part | None = None


TimeAtom = Part | At | Between | Open

# --- punctuation of the item stream -----------------------------------------------------------


@dataclass(frozen=True)
class Joint:
    """A list connector: "or", "and", a comma."""

    comma: bool = False


@dataclass(frozen=True)
class Break:
    """The edge of a phrase: an unrelated word (``sentence`` False) or a full stop (True)."""

    sentence: bool
    cancels_negation: bool = False  # "but" ends the reach of a "not"


@dataclass(frozen=True)
class Fortnightly:
    """ "fortnightly" said apart from its days ("Tuesday afternoons, fortnightly")."""

    text: str


@dataclass(frozen=True)
class Negation:
    """A negation; ``bound`` when it clearly applies to the next day or time."""

    bound: bool


Item = DayAtom | TimeAtom | Joint | Break | Negation | Fortnightly
