"""Which dates a day atom means, seen from today.

A plan says how strict to be when its dates meet the clock:

* ``next``: the first of its candidate dates on which the time is still to come. A bare
  "Tuesday" on a Tuesday means today if the window hasn't passed, otherwise a week on.
* ``fixed``: exactly these dates; a window on one that has passed gets a question.
* ``soft``: these dates where still possible ("this week" on a Thursday keeps Thursday and
  Friday); a question only if none is left.
* ``every``: recurring, within the horizon; passed ones are quietly skipped.

"next Tuesday" (a UK usage that varies): the Tuesday of next calendar week, weeks starting on
Monday. When a Tuesday is still to come this week that reading isn't the only one people mean,
so the bot keeps the window and asks to confirm: said on Wednesday 25 November, "next Thursday"
is Thursday 3 December, with a question naming Thursday 26 November; "next Tuesday" is Tuesday
1 December and needs no question. "this Tuesday" is the Tuesday of this week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.when import questions as q
from bot.when.atoms import (
    DateSpan,
    DayAtom,
    DayOfMonth,
    ExplicitDate,
    Month,
    Relative,
    Week,
    Weekdays,
    WeekdaysWithin,
    WeekOf,
)
from bot.when.dates import calendar_date
from bot.when.vocabulary import MONDAY_TO_FRIDAY, MONTH_NAMES

_LONGEST_SPAN = 31
# Dates further ahead than two years are asked about, not planned: nobody books coaching
# that far ahead, and the calendar ends at 31/12/9999 (a day later overflows).
FURTHEST_AHEAD = timedelta(days=731)


@dataclass(frozen=True)
class Calendar:
    """Where the plans are made from: today in the person's zone and the recurrence horizon."""

    today: date
    until: date  # recurring days stop before this date
    zone: str


@dataclass(frozen=True)
class Plan:
    mode: str  # "next", "fixed", "soft" or "every"
    dates: tuple[date, ...]
    label: str
    questions: tuple[str, ...] = ()


def ask(question: str, label: str = "") -> Plan:
    return Plan("fixed", (), label, (question,))


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def upcoming(today: date, weekday: int) -> date:
    """The first ``weekday`` on or after ``today``."""
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def plan_days(atom: DayAtom, cal: Calendar, recurring: bool) -> list[Plan]:
    """The plans for ``atom``; ``recurring`` makes bare weekdays mean every such day."""
    if isinstance(atom, Weekdays):
        return _weekdays(atom, cal, recurring)
    if isinstance(atom, WeekdaysWithin):
        return [_within(atom, cal)]
    if isinstance(atom, Month):
        return [ask(q.which_days_in_month(MONTH_NAMES[atom.month - 1]))]
    return [_single(atom, cal)]


def _single(atom: DayAtom, cal: Calendar) -> Plan:
    if isinstance(atom, Relative):
        if atom.offset < 0:
            return ask(q.phrase_passed(atom.text))
        return Plan("fixed", (cal.today + timedelta(days=atom.offset),), atom.text)
    if isinstance(atom, Week):
        if atom.offset < 0:
            return ask(q.phrase_passed(atom.text))
        return _working_week(monday(cal.today) + timedelta(weeks=atom.offset), atom.text, cal)
    if isinstance(atom, WeekOf):
        day = _week_start(atom, cal)
        return day if isinstance(day, Plan) else _working_week(monday(day), atom.text, cal)
    if isinstance(atom, ExplicitDate):
        day = _date(atom, cal)
        return day if isinstance(day, Plan) else Plan("fixed", (day,), atom.text)
    if isinstance(atom, DateSpan):
        return _span(atom, cal)
    if isinstance(atom, DayOfMonth):
        return _day_of_month(atom, cal)
    return ask(q.nothing_found())


def _weekdays(atom: Weekdays, cal: Calendar, recurring: bool) -> list[Plan]:
    today, modifier = cal.today, atom.modifier
    if modifier == "last":
        return [ask(q.phrase_passed(atom.text))]
    # A run ("Tues-Thurs 2-4pm", "Mon-Fri 9-5") is when the person is usually free, as
    # "Tuesday afternoons" is: it recurs.
    if modifier == "every" or atom.plural or atom.run or (recurring and not modifier):
        plan = _every(atom.days, today, cal.until, atom.text)
        return [alternate_weeks(plan) if atom.fortnightly else plan]
    if not modifier:
        return [Plan("next", _candidates(today, d), atom.text) for d in atom.days]
    return [_named_week(atom.text, d, modifier, today) for d in atom.days]


def _candidates(today: date, weekday: int) -> tuple[date, date]:
    first = upcoming(today, weekday)
    return first, first + timedelta(weeks=1)


def _named_week(text: str, weekday: int, modifier: str, today: date) -> Plan:
    """ "next Tuesday", "this Tuesday" and the UK "Tuesday week"."""
    this_one = monday(today) + timedelta(days=weekday)
    if modifier == "week":
        return Plan("fixed", (upcoming(today, weekday) + timedelta(weeks=1),), text)
    if modifier == "this":
        if this_one < today:
            return ask(q.this_weekday_passed(weekday, this_one, this_one + timedelta(weeks=1)))
        return Plan("fixed", (this_one,), text)
    chosen = this_one + timedelta(weeks=1)
    doubt = (q.which_next(weekday, chosen, this_one),) if this_one > today else ()
    return Plan("fixed", (chosen,), text, doubt)


def _every(weekdays: tuple[int, ...], start: date, until: date, text: str) -> Plan:
    days = (start + timedelta(days=i) for i in range((until - start).days))
    return Plan("every", tuple(d for d in days if d.weekday() in weekdays), text)


def alternate_weeks(plan: Plan) -> Plan:
    """The plan's dates in the first week, the third, and so on ("fortnightly")."""
    if not plan.dates:
        return plan
    first = monday(plan.dates[0])
    dates = tuple(d for d in plan.dates if (d - first).days // 7 % 2 == 0)
    return Plan(plan.mode, dates, plan.label, plan.questions)


def _week_start(atom: WeekOf, cal: Calendar) -> date | Plan:
    """The date a "w/c" names; a week said to commence on a day that isn't a Monday is asked
    about ("w/c 15th" when the 15th is a Tuesday)."""
    if isinstance(atom.date, DayOfMonth):
        plan = _day_of_month(atom.date, cal, week=True)
        if not plan.dates:
            return plan
        day = plan.dates[0]
    else:
        found = _date(atom.date, cal, week=True)
        if isinstance(found, Plan):
            return found
        day = found
    if atom.commencing and day.weekday() != 0:
        return ask(q.week_not_monday(day))
    return day


def _working_week(first: date, text: str, cal: Calendar) -> Plan:
    days = tuple(first + timedelta(days=d) for d in MONDAY_TO_FRIDAY)
    left = tuple(d for d in days if d >= cal.today)
    return Plan("soft", left, text) if left else ask(q.phrase_passed(text))


def _within(atom: WeekdaysWithin, cal: Calendar) -> Plan:
    within = atom.within
    if isinstance(within, Month):
        year = cal.today.year + (within.month < cal.today.month)
        first = date(year, within.month, 1)
        last = date(year + within.month // 12, within.month % 12 + 1, 1)
        plan = _every(atom.days, max(first, cal.today), last, atom.text)
        return plan if plan.dates else ask(q.phrase_passed(atom.text))
    if isinstance(within, Week):
        if within.offset < 0:
            return ask(q.phrase_passed(atom.text))
        start = monday(cal.today) + timedelta(weeks=within.offset)
    else:
        day = _week_start(within, cal)
        if isinstance(day, Plan):
            return day
        start = monday(day)
    dates = tuple(start + timedelta(days=d) for d in atom.days)
    if any(d < cal.today for d in dates):
        return ask(q.phrase_passed(atom.text))
    return Plan("fixed", dates, atom.text)


def _date(atom: ExplicitDate, cal: Calendar, *, week: bool = False) -> date | Plan:
    """The calendar date of a written date, or a plan that only asks a question. With
    ``week``, a date earlier this week still counts ("w/c 30th" said on Wednesday 2nd)."""
    from_day = monday(cal.today) if week else cal.today
    day = calendar_date(atom.source, from_day, cal.zone)
    if day is None:
        return ask(q.not_in_calendar(atom.text))
    if atom.weekday is not None and day.weekday() != atom.weekday:
        return ask(q.wrong_weekday(day, atom.weekday))
    if day < from_day:
        return ask(q.date_passed(day))
    if day - cal.today > FURTHEST_AHEAD:
        return ask(q.too_far_ahead(day))
    return day


def _span(atom: DateSpan, cal: Calendar) -> Plan:
    first = calendar_date(atom.first.source, cal.today, cal.zone)
    last = calendar_date(atom.last.source, cal.today, cal.zone)
    if first is None or last is None:
        return ask(q.not_in_calendar(atom.text))
    if last < first:
        return ask(q.backwards(atom.text))
    if (last - first).days >= _LONGEST_SPAN:
        return ask(q.too_long(atom.text))
    if last < cal.today:
        return ask(q.date_passed(last))
    if last - cal.today > FURTHEST_AHEAD:
        return ask(q.too_far_ahead(last))
    days = tuple(first + timedelta(days=i) for i in range((last - first).days + 1))
    return Plan("soft", tuple(d for d in days if d >= cal.today), atom.text)


def _day_of_month(atom: DayOfMonth, cal: Calendar, *, week: bool = False) -> Plan:
    """ "the 3rd": the next 3rd on or after today (and the one after, if today's has passed).

    Said with its weekday ("Monday 30th"), it is that one date: said on Monday 30 November it
    is today, and a time today that has passed is asked about, never moved to 30 December.
    """
    found: list[date] = []
    start = monday(cal.today) if week else cal.today
    year, month = start.year, start.month
    while len(found) < 2:
        try:
            day = date(year, month, atom.day)
        except ValueError:
            day = start - timedelta(days=1)  # no such day this month
        if day >= start:
            found.append(day)
        year, month = year + month // 12, month % 12 + 1
        if year > start.year + 1:
            return ask(q.not_in_calendar(atom.text))
    if atom.weekday is not None and found[0].weekday() != atom.weekday:
        return ask(q.wrong_weekday(found[0], atom.weekday))
    if atom.weekday is not None:
        return Plan("fixed", (found[0],), atom.text)
    return Plan("next", tuple(found), atom.text)


def every_working_day(cal: Calendar) -> Plan:
    """Monday to Friday, every week of the horizon ("afternoons" with no day named)."""
    return _every(MONDAY_TO_FRIDAY, cal.today, cal.until, "")
