"""The digest in words: a title, labelled facts and short lists, shared by the chat
rendering and the command line's plain text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from bot.digest.model import Activity, CoachAtCapacity, Counts, Digest, Ratings
from bot.digest.privacy import Figure
from bot.text_format import local_time, plural


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...]


def title(digest: Digest) -> str:
    return f"Weekly digest for {digest.scope.name}: {digest.week.label}"


def subtitle(digest: Digest) -> str:
    week = digest.week
    sunday = week.monday + timedelta(days=6)
    return (
        f"From {_day(week.monday)} to {_day(sunday)}. Waiting requests and capacity as of "
        f"{local_time(digest.as_of, week.tz, now=digest.as_of)}. "
        f"No figure about coaching comes from fewer than {digest.min_group} coachees, and "
        "none can be worked out from the others; coaches at capacity are named with their "
        "own limits only; this year's figures add up the weeks whose figures were shown."
    )


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def _withheld(digest: Digest, figure: Figure) -> str:
    if figure.protecting:
        return f"withheld (it would reveal a figure from fewer than {digest.min_group} people)"
    return f"withheld (fewer than {digest.min_group} people)"


def _count(figure: Figure, digest: Digest) -> str:
    return figure.text(withheld=_withheld(digest, figure))


def _hours(figure: Figure, digest: Digest) -> str:
    return figure.text(digits=1, unit=" h", withheld=_withheld(digest, figure))


def _left_out(weeks: int) -> str:
    return f" ({plural(weeks, 'week')} withheld, left out)" if weeks else ""


def summary(digest: Digest) -> tuple[tuple[str, str], ...]:
    """(label, value) pairs: the card's facts."""
    p, a, year = digest.pipeline, digest.activity, digest.year
    start = year.start.astimezone(digest.week.tz).date()
    facts = [
        ("New requests", _count(p.new, digest)),
        ("Matched", _count(p.matched, digest)),
        ("Waiting now", _count(p.waiting, digest)),
    ]
    if p.overdue is not None:
        facts.append(("Coach answers overdue", _count(p.overdue, digest)))
    facts += [
        ("Sessions held", _sessions(a, digest)),
        (
            f"Since {start.day} {start:%B} {start.year}",
            _hours(year.hours, digest) + _left_out(year.weeks_withheld),
        ),
    ]
    share = year.pool_hours / year.annual_target if year.annual_target else 0.0
    target = (
        f"{year.pool_hours:,.1f} of {year.annual_target:,.0f} h this year ({share:.1%})"
        f"{_left_out(year.pool_weeks_withheld)}; "
        f"pro rata to date {year.target_to_date:,.1f} h, a week {digest.weekly_target:,.1f} h"
    )
    facts.append(("Against target" if digest.scope.is_pool else "The pool against target", target))
    facts += [
        ("Cancellations", _cancellations(a, digest)),
        ("No-shows", _no_shows(a, digest)),
        ("Usefulness (1-5)", _ratings(digest, lambda r: r.usefulness)),
        ("Progress (0-10)", _ratings(digest, lambda r: r.progress)),
        # Final evaluations, given when coaching ends.
        (
            "Goal attained (0-10)",
            _week_and_year(
                digest,
                digest.evaluations_week.goal_attainment,
                digest.evaluations_year.goal_attainment,
            ),
        ),
        ("Would recommend", _recommend(digest)),
        ("Coaches at capacity", str(len(digest.capacity))),
    ]
    return tuple(facts)


def _sessions(a: Activity, digest: Digest) -> str:
    if a.sessions_held.withheld:
        return _withheld(digest, a.sessions_held)
    return f"{_count(a.sessions_held, digest)} ({_hours(a.hours_held, digest)})"


def _cancellations(a: Activity, digest: Digest) -> str:
    if a.cancellations.withheld or not a.cancellations.value or a.breakdown is None:
        return _count(a.cancellations, digest) if a.cancellations.value != 0 else "none"
    b = a.breakdown
    return (
        f"{_count(a.cancellations, digest)}: {_count(b.late_cancellations, digest)} late; "
        f"by the coach {_count(b.cancelled_by_coach, digest)}, "
        f"by the coachee {_count(b.cancelled_by_coachee, digest)}"
    )


def _no_shows(a: Activity, digest: Digest) -> str:
    if a.no_shows.withheld or not a.no_shows.value or a.breakdown is None:
        return _count(a.no_shows, digest) if a.no_shows.value != 0 else "none"
    b = a.breakdown
    return (
        f"{_count(a.no_shows, digest)}: coach absent {_count(b.coach_no_shows, digest)}, "
        f"coachee absent {_count(b.coachee_no_shows, digest)}"
    )


def _ratings(digest: Digest, score: Callable[[Ratings], Figure]) -> str:
    return _week_and_year(digest, score(digest.ratings_week), score(digest.ratings_year))


def _recommend(digest: Digest) -> str:
    week, year = digest.evaluations_week, digest.evaluations_year
    return _week_and_year(
        digest,
        week.would_recommend,
        year.would_recommend,
        shares=(week.recommenders, year.recommenders),
    )


def _week_and_year(
    digest: Digest,
    week: Figure,
    year: Figure,
    *,
    shares: tuple[Figure, Figure] | None = None,
) -> str:
    """A mean this week and this year, each with how many people it is from and, given
    `shares`, how many of them answered 9 or 10 (out of 10)."""

    def one(figure: Figure, share: Figure | None, nothing: str) -> str:
        if figure.people == 0:
            return nothing
        if figure.withheld:
            return _withheld(digest, figure)
        value = figure.text(digits=1)
        if share is not None:
            said = "withheld" if share.value is None else f"{share.value:.0%}"
            value += f" of 10, {said} said 9 or 10"
        return f"{value} (from {figure.people or 0:,} people)"

    # The year's figure adds up the weeks shown (privacy rule 4): it says so when empty.
    week_share, year_share = shares or (None, None)
    this_week = one(week, week_share, "no responses")
    return f"this week {this_week}; this year {one(year, year_share, 'none in the weeks shown')}"


def _limits(c: CoachAtCapacity) -> str:
    limits = [
        *([plural(c.max_coachees, "coachee")] if c.coachees_full else []),
        *([f"{c.max_hours_per_month:g} hours this month"] if c.hours_full else []),
    ]
    return f"at the limit{'s' if len(limits) > 1 else ''} of {' and '.join(limits)}"


DASHBOARD_POINTER = "say 'dashboard' for a link to the full table"
WITHHELD_MARK = "—"


def sections(digest: Digest, *, limit: int) -> tuple[Section, ...]:
    """The lists after the summary; empty ones are left out. Each is cut to `limit` lines
    with "and N more" and a pointer to the dashboard, where every row is shown."""
    capacity = [f"{c.name} ({c.organisation}): {_limits(c)}" for c in digest.capacity]
    themes = [
        f"{c.label}: {plural(c.count, 'session')} (to {c.to_week})"
        for c in digest.themes_year.shown
    ]
    if digest.themes_year.others_withheld:
        others = "others" if themes else "all"
        themes.append(f"{others} from fewer than {digest.min_group} people so far, not shown")
    found = (
        Section("Themes this year (with the coachee's consent)", _limited(themes, limit)),
        Section("Coaches at or over capacity", _limited(capacity, limit)),
        Section(
            "Waiting list by topic (no coach or place yet)",
            _limited(list(_counts(digest.gaps, digest, "request")), limit),
        ),
        organisation_table(digest, limit=limit),
    )
    return tuple(section for section in found if section.lines)


def organisation_table(digest: Digest, *, limit: int) -> Section:
    """One short row per organisation with any hours this year: given and received, this
    week then this year; the organisations with none are counted in one row."""
    rows, idle = [], 0
    for o in digest.organisations:
        figures = (o.given_week, o.received_week, o.given_year, o.received_year)
        if all(f.value == 0 for f in figures):
            idle += 1
            continue
        week, year = (_pair(a, b) for a, b in (figures[:2], figures[2:]))
        rows.append(f"{o.name}: week {week} · year {year}")
    lines = list(_limited(rows, limit))
    if idle:
        lines.append(f"{plural(idle, 'organisation')} with no hours this year")
    heading = (
        "Hours by organisation, given / received (this year: the weeks shown; "
        f"{WITHHELD_MARK} withheld, from fewer than {digest.min_group} people or revealing one)"
    )
    return Section(heading, tuple(lines) if rows else ())


def _pair(given: Figure, received: Figure) -> str:
    def one(figure: Figure) -> str:
        return figure.text(digits=1, withheld=WITHHELD_MARK)

    return f"{one(given)} / {one(received)} h"


def _limited(lines: list[str], limit: int) -> tuple[str, ...]:
    if len(lines) <= limit:
        return tuple(lines)
    return (*lines[:limit], f"and {len(lines) - limit} more: {DASHBOARD_POINTER}")


def _counts(counts: Counts, digest: Digest, noun: str) -> tuple[str, ...]:
    lines = [f"{c.label}: {plural(c.count, noun)}" for c in counts.shown]
    if counts.others_withheld:
        others = "others" if lines else "all"
        # Withheld by rule 1 or, to protect one of those, by rule 2 (`privacy.py`).
        lines.append(
            f"{others} not shown, to protect figures from fewer than {digest.min_group} people"
        )
    return tuple(lines)
