"""The digest in words: a title, labelled facts and short lists, shared by the chat
rendering and the command line's plain text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from bot.digest.model import Activity, Counts, Digest, Ratings
from bot.digest.privacy import Figure
from bot.domain import RequestState
from bot.text_format import local_date, local_time, plural

_STATES = {
    RequestState.OPEN: "looking for coaches",
    RequestState.SHORTLISTED: "coachee choosing",
    RequestState.WAITING_COACH: "waiting for the coach",
    RequestState.WAITLISTED: "on the waiting list",
}


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
        f"{local_time(digest.as_of, week.tz)}. "
        f"No figure comes from fewer than {digest.min_group} people."
    )


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def _withheld(digest: Digest, noun: str = "people") -> str:
    return f"withheld (fewer than {digest.min_group} {noun})"


def _count(figure: Figure, digest: Digest) -> str:
    return figure.text(withheld=_withheld(digest))


def _hours(figure: Figure, digest: Digest) -> str:
    return figure.text(digits=1, unit=" h", withheld=_withheld(digest))


def summary(digest: Digest) -> tuple[tuple[str, str], ...]:
    """(label, value) pairs: the card's facts."""
    p, a, year = digest.pipeline, digest.activity, digest.year
    oldest = f", the longest {plural(p.waiting[0].days, 'day')}" if p.waiting else ""
    start = year.start.astimezone(digest.week.tz).date()
    facts = [
        ("New requests", str(p.new)),
        ("Matched", str(p.matched)),
        ("Waiting now", f"{len(p.waiting)}{oldest}"),
        ("Coach answers overdue", str(len(p.overdue))),
        ("Sessions held", _sessions(a, digest)),
        (f"Since {start.day} {start:%B} {start.year}", _hours(year.hours, digest)),
    ]
    share = year.pool_hours / year.annual_target if year.annual_target else 0.0
    target = (
        f"{year.pool_hours:,.1f} of {year.annual_target:,.0f} h this year ({share:.1%}); "
        f"pro rata to date {year.target_to_date:,.1f} h, a week {digest.weekly_target:,.1f} h"
    )
    facts.append(("Against target" if digest.scope.is_pool else "The pool against target", target))
    facts += [
        ("Cancellations", _cancellations(a, digest)),
        ("No-shows", _no_shows(a, digest)),
        ("Usefulness (1-5)", _ratings(digest, lambda r: r.usefulness)),
        ("Progress (0-10)", _ratings(digest, lambda r: r.progress)),
        ("Coaches at capacity", str(len(digest.capacity))),
    ]
    return tuple(facts)


def _sessions(a: Activity, digest: Digest) -> str:
    if a.sessions_held.withheld:
        return _withheld(digest)
    return f"{_count(a.sessions_held, digest)} ({_hours(a.hours_held, digest)})"


def _cancellations(a: Activity, digest: Digest) -> str:
    if a.cancellations.withheld:
        return _withheld(digest)
    if not a.cancellations.value:
        return "none"
    return (
        f"{_count(a.cancellations, digest)}: {_count(a.late_cancellations, digest)} late; "
        f"by the coach {_count(a.cancelled_by_coach, digest)}, "
        f"by the coachee {_count(a.cancelled_by_coachee, digest)}"
    )


def _no_shows(a: Activity, digest: Digest) -> str:
    if a.no_shows.withheld:
        return _withheld(digest)
    if not a.no_shows.value:
        return "none"
    return (
        f"{_count(a.no_shows, digest)}: coach absent {_count(a.coach_no_shows, digest)}, "
        f"coachee absent {_count(a.coachee_no_shows, digest)}"
    )


def _ratings(digest: Digest, score: Callable[[Ratings], Figure]) -> str:
    def one(ratings: Ratings) -> str:
        figure = score(ratings)
        if figure.people == 0:
            return "no responses"
        if figure.withheld:
            return _withheld(digest, "responses")
        return f"{figure.text(digits=1)} (from {figure.people or 0:,} people)"

    return f"this week {one(digest.ratings_week)}; this year {one(digest.ratings_year)}"


def sections(digest: Digest, *, limit: int) -> tuple[Section, ...]:
    """The lists after the summary; empty ones are left out."""
    p, zone = digest.pipeline, digest.week.tz
    waiting = [
        f"request {w.request_id}, {plural(w.days, 'day')} ({_STATES[w.state]})" for w in p.waiting
    ]
    overdue = [
        f"request {o.request_id}{f' ({o.coach})' if o.coach else ''}, due "
        f"{local_date(o.due, zone)}, {plural(o.days_overdue, 'day')} overdue"
        for o in p.overdue
    ]
    capacity = [
        f"{c.name} ({c.organisation}): {c.coachees} of {c.max_coachees} coachees, "
        f"{round(c.hours_this_month, 1):g} of {c.max_hours_per_month:g} hours this month"
        for c in digest.capacity
    ]
    organisations = [
        f"{o.name}: this week gave {o.given_week:,.1f} h, received "
        f"{_hours(o.received_week, digest)}; this year gave {o.given_year:,.1f} h, "
        f"received {_hours(o.received_year, digest)}"
        for o in digest.organisations
    ]
    found = (
        Section("Waiting now, longest first", _limited(waiting, limit)),
        Section("Coach answers overdue", _limited(overdue, limit)),
        Section("Themes this year (with consent)", _counts(digest.themes_year, digest, "session")),
        Section("Coaches at or over capacity", _limited(capacity, limit)),
        Section(
            "Waiting list by topic (no coach or place yet)", _counts(digest.gaps, digest, "request")
        ),
        Section("Hours given and received by organisation", tuple(organisations)),
    )
    return tuple(section for section in found if section.lines)


def _limited(lines: list[str], limit: int) -> tuple[str, ...]:
    if len(lines) <= limit:
        return tuple(lines)
    return (*lines[:limit], f"and {len(lines) - limit} more")


def _counts(counts: Counts, digest: Digest, noun: str) -> tuple[str, ...]:
    lines = [f"{c.label}: {plural(c.count, noun)}" for c in counts.shown]
    if counts.others_withheld:
        others = "others" if lines else "all"
        lines.append(f"{others} from fewer than {digest.min_group} people each, not shown")
    return tuple(lines)
