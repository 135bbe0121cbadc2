"""Recognising days: weekdays and runs of them, "next week", "tomorrow", written dates.

Each rule looks at the reader's position and either emits one atom (returning True) or leaves
the position alone (returning False) so that the next rule can try.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.when.atoms import (
    DateSpan,
    DayOfMonth,
    ExplicitDate,
    Fortnightly,
    Month,
    Part,
    Relative,
    Week,
    Weekdays,
    WeekOf,
)
from bot.when.reader import Reader
from bot.when.vocabulary import MONDAY_TO_FRIDAY, PARTS_OF_DAY, WEEKEND

_RANGE_JOIN = frozenset({"dash", "to"})
_MODIFIERS = {
    "next": "next",
    "following": "next",
    "this": "this",
    "last": "last",
    "every": "every",
    "each": "every",
    "any": "every",
    "coming": "",
}
_DAY_AFTER = frozenset({"word", "unit"})  # an ordinal before these counts, it isn't a date


def day_rule(r: Reader) -> bool:
    """Recognise a day phrase at the reader's position; False when there is none."""
    rule = _RULES.get(r.kind())
    return rule(r) if rule else False


def run(first: int, last: int) -> tuple[int, ...]:
    """The weekdays from ``first`` to ``last`` inclusive, wrapping past Sunday."""
    return tuple((first + i) % 7 for i in range((last - first) % 7 + 1))


def _weekday(r: Reader, skip: int = 0, modifier: str = "") -> bool:
    first = r.token(skip)
    days: tuple[int, ...] = (first.n,)
    plural, used = first.plural, skip + 1
    if r.kind(used) in _RANGE_JOIN and r.kind(used + 1) == "weekday":
        last = r.token(used + 1)
        days, plural, used = run(first.n, last.n), plural or last.plural, used + 2
    elif not modifier and r.kind(used) == "unit" and r.key(used) == "week":
        modifier, used = "week", used + 1  # "Tuesday week"
    elif not modifier and not plural and _dated(r, skip, used):
        return True
    item = Weekdays(days, r.text(used), modifier, plural, run=len(days) > 1)
    return r.emit(item, used)


def _dated(r: Reader, skip: int, used: int) -> bool:
    """ "Thursday 3 December", "Thursday, the 3rd": a weekday said with its date."""
    at = r.skip(used, frozenset({"joint", "prep"}), frozenset({",", "the"}))
    weekday = r.token(skip).n
    if r.kind(at) == "date":
        date = r.token(at)
        return r.emit(ExplicitDate(date.key, r.text(at + 1), date.year, weekday), at + 1)
    if r.kind(at) == "ordinal" and r.kind(at + 1) not in _DAY_AFTER:
        return r.emit(DayOfMonth(r.token(at).n, r.text(at + 1), weekday), at + 1)
    return False


def _modified(r: Reader) -> bool:
    skip = 2 if r.kind(1) == "mod" and r.key(1) == "coming" else 1  # "this coming Tuesday"
    modifier = "" if skip == 2 else _MODIFIERS[r.key()]
    kind, key = r.kind(skip), r.key(skip)
    if kind == "weekday":
        return _weekday(r, skip, modifier)
    if kind == "part" and modifier in {"this", "every"}:
        return _modified_part(r, modifier)
    if modifier == "every" and r.is_word(1, frozenset({"other"})) and r.kind(2) == "part":
        part = r.token(2)  # "any other afternoon", said after the days that don't suit
        start, end = PARTS_OF_DAY[part.key]
        return r.emit(Part(part.key, start, end, r.text(3), plural=True), 3)
    if kind == "unit" and key in {"day", "days", "weekday", "weekdays"} and modifier == "every":
        return r.emit(Weekdays(MONDAY_TO_FRIDAY, r.text(2), "every", plural=True), 2)
    if kind == "unit" and key in {"weekend", "weekends"}:
        return r.emit(Weekdays(WEEKEND, r.text(skip + 1), modifier), skip + 1)
    return False


def _modified_part(r: Reader, modifier: str) -> bool:
    token = r.token(1)
    start, end = PARTS_OF_DAY[token.key]
    if modifier == "this":  # "this afternoon" is today's
        r.emit(Relative(0, r.text(2)), 0)
        return r.emit(Part(token.key, start, end, token.text), 2)
    return r.emit(Part(token.key, start, end, r.text(2), plural=True), 2)  # "any afternoon"


def _week_on(r: Reader) -> bool:
    """ "a week on Thursday": the UK "Thursday week"."""
    if r.kind(1) != "weekday":
        return False
    return r.emit(Weekdays((r.token(1).n,), r.text(2), "week"), 2)


def _fortnightly(r: Reader) -> bool:
    """ "every other Wednesday", "fortnightly on Tuesdays"; alone it qualifies its clause."""
    at = 2 if r.kind(1) == "prep" and r.key(1) == "on" else 1
    if r.kind(at) == "weekday":
        token = r.token(at)
        item = Weekdays((token.n,), r.text(at + 1), "every", True, fortnightly=True)
        return r.emit(item, at + 1)
    return r.emit(Fortnightly(r.text(1)), 1)


def _relative(r: Reader) -> bool:
    return r.emit(Relative(r.token().n, r.text(1)), 1)


def _week(r: Reader) -> bool:
    return r.emit(Week(r.token().n, r.text(1)), 1)


def _preposition(r: Reader) -> bool:
    if r.key() == "in":
        return _in_so_many(r)
    joined = r.key(2) == "and" or r.kind(2) in _RANGE_JOIN  # "between Monday and Wednesday"
    if r.key() == "between" and r.kind(1) == r.kind(3) == "weekday" and joined:
        days = run(r.token(1).n, r.token(3).n)
        return r.emit(Weekdays(days, r.text(4), run=True), 4)
    return False


def _in_so_many(r: Reader) -> bool:
    """ "in 2 weeks", "in two weeks' time", "in a fortnight", "in 3 days"."""
    count = r.at(1)
    if count is None or count.kind not in {"num", "numword", "filler"} or r.kind(2) != "unit":
        return False
    n = 1 if count.kind == "filler" and count.key in {"a", "an"} else count.n
    unit = r.key(2)
    if unit in {"week", "weeks", "fortnight"}:
        return r.emit(Week(n * (2 if unit == "fortnight" else 1), r.text(3)), 3)
    if unit in {"day", "days"}:
        return r.emit(Relative(n, r.text(3)), 3)
    return False


def _week_of(r: Reader) -> bool:
    """ "w/c 7 December", "week commencing 14th", "w/c 7/12"."""
    at = 2 if r.kind(1) == "prep" and r.key(1) == "the" else 1
    starts = not r.key().startswith("week of") and not r.key().startswith("the week of")
    if r.kind(at) == "date":
        date = r.token(at)
        day: ExplicitDate | DayOfMonth = ExplicitDate(date.key, date.text, date.year)
    elif r.kind(at) == "ordinal":
        day = DayOfMonth(r.token(at).n, r.token(at).text)
    else:
        return False
    return r.emit(WeekOf(day, r.text(at + 1), commencing=starts), at + 1)


def _date(r: Reader) -> bool:
    token = r.token()
    first = ExplicitDate(token.key, token.text, token.year)
    if r.kind(1) in _RANGE_JOIN and r.kind(2) == "date":  # "3/12 - 5/12"
        end = r.token(2)
        last = ExplicitDate(end.key, end.text, end.year)
        return r.emit(DateSpan(first, last, r.text(3)), 3)
    return r.emit(first, 1)


def _date_range(r: Reader) -> bool:
    token = r.token()
    first, last = (ExplicitDate(t, token.text, token.year) for t in token.texts)
    return r.emit(DateSpan(first, last, token.text), 1)


def _ordinal(r: Reader) -> bool:
    # Only "the 3rd"/"on the 3rd", and not "the 3rd session"; or "20th at half 11", an
    # ordinal opening a phrase with its time straight after.
    if r.kind(1) in _DAY_AFTER:
        return False
    after_the = r.kind(-1) == "prep" and r.key(-1) in {"the", "on"}
    opening = r.kind(-1) in {"", "joint", "stop"}
    timed = (r.kind(1) == "prep" and r.key(1) == "at") or r.kind(1) in _TIMES_AFTER
    if not (after_the or (opening and timed)):
        return False
    return r.emit(DayOfMonth(r.token().n, r.text(1)), 1)


_TIMES_AFTER = frozenset({"time", "clock", "dotclock", "part"})


def _month(r: Reader) -> bool:
    return r.emit(Month(r.token().n, r.text(1)), 1)


def _unit(r: Reader) -> bool:
    key = r.key()
    if key in {"weekday", "weekdays"}:
        return r.emit(Weekdays(MONDAY_TO_FRIDAY, r.text(1), plural=True), 1)
    if key in {"weekend", "weekends"}:
        return r.emit(Weekdays(WEEKEND, r.text(1), plural=key == "weekends"), 1)
    return False


_RULES: dict[str, Callable[[Reader], bool]] = {
    "weekday": _weekday,
    "weekon": _week_on,
    "freq": _fortnightly,
    "mod": _modified,
    "rel": _relative,
    "weekref": _week,
    "prep": _preposition,
    "wc": _week_of,
    "date": _date,
    "daterange": _date_range,
    "ordinal": _ordinal,
    "month": _month,
    "unit": _unit,
}
