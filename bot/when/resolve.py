"""Clauses to windows: each day plan meets each time of its clause on the person's calendar.

Negative clauses ("except Fridays") are resolved the same way, with bare weekdays recurring, and
taken away from the rest. A day without a time means the working day, 09:00-17:00; a time
without a day is only understood when it recurs ("afternoons": every working day's afternoon).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.timewindow import TimeWindow
from bot.when import questions as q
from bot.when.atoms import At, Between, Part, TimeAtom, Weekdays
from bot.when.clauses import Clause, Clauses
from bot.when.clock import read_point, read_range
from bot.when.describe import describe_window
from bot.when.plans import Calendar, Plan, alternate_weeks, every_working_day, plan_days
from bot.when.vocabulary import WORKING_DAY
from bot.when.windows import Span, place, subtract, wall_time, wall_time_doubt


@dataclass(frozen=True)
class Context:
    now: datetime  # UTC
    tz: ZoneInfo
    minutes: int  # how long a meeting at a bare time lasts
    calendar: Calendar


@dataclass
class Outcome:
    windows: list[TimeWindow] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)

    def extend(self, other: Outcome) -> None:
        self.windows.extend(other.windows)
        self.questions.extend(other.questions)


def resolve_all(clauses: Clauses, ctx: Context) -> tuple[list[TimeWindow], list[str]]:
    """The windows and questions of a whole message."""
    free, busy = Outcome(), Outcome()
    for clause in (c for c in clauses.clauses if not c.negative):
        free.extend(resolve_clause(clause, ctx, clauses.fortnightly))
    if clauses.fortnightly and not any(_recurring_days(c) for c in clauses.clauses):
        free.questions.append(q.how_often_which_day(clauses.fortnightly))
    # Exclusions must reach as far as the furthest free window, beyond the horizon if need be.
    furthest = max((w.end.astimezone(ctx.tz).date() for w in free.windows), default=None)
    if furthest is not None and furthest >= ctx.calendar.until:
        ctx = replace(ctx, calendar=replace(ctx.calendar, until=furthest + timedelta(days=1)))
    for clause in (c for c in clauses.clauses if c.negative):
        busy.extend(resolve_clause(clause, ctx))
    windows = subtract(free.windows, busy.windows)
    questions = free.questions + busy.questions
    if clauses.doubtful:
        questions.append(q.unclear_negation())
    if not windows and not questions:
        questions.append(q.which_times_free() if busy.windows else q.nothing_found())
    return windows, list(dict.fromkeys(questions))


def _recurring_days(clause: Clause) -> bool:
    recurring = any(_recurs(t) for t in clause.times)
    return any(isinstance(d, Weekdays) and (d.plural or recurring) for d in clause.days)


def resolve_clause(clause: Clause, ctx: Context, fortnightly: str = "") -> Outcome:
    out = Outcome()
    spans: list[Span] = []
    for atom in clause.times:
        span = span_of(atom, ctx.minutes)
        if isinstance(span, str):
            out.questions.append(span)
        else:
            spans.append(span)
    if not clause.times:
        spans.append(Span(*WORKING_DAY))
    if not clause.days:
        return _without_day(clause, spans, ctx, out)
    recurring = clause.negative or any(_recurs(t) for t in clause.times)
    for day in clause.days:
        for found in plan_days(day, ctx.calendar, recurring):
            # "Tuesday afternoons, fortnightly": alternate weeks of what recurs.
            plan = alternate_weeks(found) if fortnightly and found.mode == "every" else found
            out.questions.extend(plan.questions)
            _lay(plan, spans, ctx, out)
    return out


def span_of(atom: TimeAtom, minutes: int) -> Span | str:
    """The wall-clock span of a time atom, or a question when it can't be read."""
    if isinstance(atom, Part):
        return Span(atom.start, atom.end)
    if isinstance(atom, Between):
        pair = read_range(atom.start, atom.end, atom.context, atom.text)
        return pair if isinstance(pair, str) else Span(*pair)
    at = read_point(atom.clock, atom.context, atom.text)
    if isinstance(at, str) or isinstance(atom, At):
        return at if isinstance(at, str) else Span(at)
    # "after 2pm" runs to the end of the working day; "before 11" from its start.
    if atom.after:
        return Span(at, max(WORKING_DAY[1], at + minutes))
    return Span(max(0, min(WORKING_DAY[0], at - minutes)), at)


def _recurs(atom: TimeAtom) -> bool:
    part = atom if isinstance(atom, Part) else atom.context
    return part is not None and part.plural


def _any_time(atom: TimeAtom) -> bool:
    """ "any time" with no day: every working day, as "mornings" is every morning."""
    return isinstance(atom, Part) and atom.name == "any time"


def _without_day(clause: Clause, spans: list[Span], ctx: Context, out: Outcome) -> Outcome:
    if clause.negative or all(_recurs(t) or _any_time(t) for t in clause.times):
        _lay(every_working_day(ctx.calendar), spans, ctx, out)
    else:
        out.questions.append(q.which_day(" or ".join(t.text for t in clause.times)))
    return out


def _lay(plan: Plan, spans: list[Span], ctx: Context, out: Outcome) -> None:
    """Put each span on the plan's dates, as strictly as the plan's mode says."""
    if plan.mode == "next":
        for span in spans:
            _lay_next(plan, span, ctx, out)
        return
    laid = 0
    for day in plan.dates:
        for span in spans:
            if not _clear_of_clock_changes(day, span, ctx, out):
                continue
            placed = place(day, span, ctx.tz, ctx.now, ctx.minutes)
            if placed.window is not None:
                out.windows.append(placed.window)
                laid += 1
            elif placed.whole is None:
                out.questions.append(q.clocks_change(day))
            elif plan.mode == "fixed" and placed.whole.end > ctx.now:
                out.questions.append(
                    q.too_little_left(describe_window(placed.whole, ctx.tz, now=ctx.now))
                )
            elif plan.mode == "fixed":
                out.questions.append(
                    q.window_passed(describe_window(placed.whole, ctx.tz, now=ctx.now))
                )
    if plan.mode == "soft" and plan.dates and not laid:
        out.questions.append(q.phrase_passed(plan.label))


def _lay_next(plan: Plan, span: Span, ctx: Context, out: Outcome) -> None:
    for day in plan.dates:
        if not _clear_of_clock_changes(day, span, ctx, out):
            return
        placed = place(day, span, ctx.tz, ctx.now, ctx.minutes)
        if placed.window is not None:
            out.windows.append(placed.window)
            return
        if placed.whole is None:
            out.questions.append(q.clocks_change(day))
            return
    out.questions.append(q.phrase_passed(plan.label))


def _clear_of_clock_changes(day: date, span: Span, ctx: Context, out: Outcome) -> bool:
    """Ask about a typed time the clocks skip or repeat that day, rather than move it: a
    skipped one is not placed; a repeated one is placed at its first occurrence, and asked
    back. False when the span is not to be placed."""
    for minutes in (span.start, span.end):
        if minutes is None:
            continue
        doubt = wall_time_doubt(day, minutes, ctx.tz)
        local = wall_time(day, minutes, ctx.tz)
        clock = f"{local:%H:%M}"
        if doubt == "missing":
            out.questions.append(q.time_skipped(local.date(), clock))
            return False
        if doubt == "repeated":
            first, second = local.tzname() or "", local.replace(fold=1).tzname() or ""
            out.questions.append(q.time_repeated(local.date(), clock, first, second))
    return True
