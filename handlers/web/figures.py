"""What a dashboard page shows: the digest's own figures (`bot/digest`, the same disclosure
rule, decided once for the pool) laid out as tables, each also a CSV download.

Nothing here computes a figure about coachees: every number comes from a `Digest` built
by `compute_digest`, or is a constant times one (value for money), or is about coaches
(pool staff: how many there are, paused, at a limit, the limits they set).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TypeVar, cast

from bot.digest.chart import week_label
from bot.digest.figures import compute_digest, scope_of
from bot.digest.model import Digest
from bot.digest.privacy import Figure
from bot.digest.release import PoolRelease, release
from bot.digest.render import chart_alt_text, chart_spec
from bot.digest.rules import RULES, DigestRules
from bot.digest.source import digest_source
from bot.digest.sources import DigestData, gather
from bot.digest.week import Week
from bot.digest.wording import summary
from bot.services import Services
from bot.text_format import plural
from handlers.web.settings import DashboardSettings

WITHHELD = "withheld"
CACHE_SECONDS = 60.0
T = TypeVar("T")  # a page reloaded within a minute reuses the store's read


@dataclass(frozen=True)
class Table:
    key: str  # its CSV's name
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


@dataclass(frozen=True)
class Page:
    digest: Digest
    headline: tuple[tuple[str, str], ...]
    tables: tuple[Table, ...]
    chart_alt: str
    value_note: str
    coach_counts: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)


@dataclass(frozen=True)
class WeekData:
    """The store's read for a week and range, and the groups the pool releases from it
    (decided once for every scope, `bot/digest/release.py`)."""

    data: DigestData
    pool: PoolRelease
    rules: DigestRules


class DataCache:
    """What a week and range cost to read and decide, kept a minute, with each scope's page
    and chart: a coordinator moving between organisations or downloading CSVs does not read
    and decide a year of sessions each time. Figures are at most a minute old."""

    def __init__(self, seconds: float = CACHE_SECONDS, now: Callable[[], float] = time.monotonic):
        self._seconds, self._now = seconds, now
        self._lock = threading.Lock()
        self._kept: dict[tuple[object, ...], tuple[float, object]] = {}

    def _get(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None and self._now() - kept[0] < self._seconds:
                return cast("T", kept[1])
        value = make()
        with self._lock:
            now = self._now()
            self._kept = {k: v for k, v in self._kept.items() if now - v[0] < self._seconds}
            self._kept[key] = (now, value)
        return value

    def week(self, services: Services, week: Week, weeks: int) -> WeekData:
        def read() -> WeekData:
            rules = replace(RULES, chart_weeks=weeks)
            with collector_paused():
                data = gather(
                    digest_source(services.store),
                    week=week,
                    as_of=services.clock.now(),
                    rules=rules,
                )
                pool = release(data, chart_weeks=rules.chart_weeks, min_group=rules.min_group)
                return WeekData(data.decided(), pool, rules)

        return self._get(("week", week.label, weeks), read)

    def page(
        self,
        services: Services,
        settings: DashboardSettings,
        week: Week,
        weeks: int,
        organisation_id: int | None,
    ) -> Page:
        def make() -> Page:
            found = self.week(services, week, weeks)
            return build_page(services, settings, found, organisation_id=organisation_id)

        return self._get(("page", week.label, weeks, organisation_id), make)

    def chart(self, page: Page, key: tuple[object, ...]) -> bytes:
        return self._get(("chart", *key), lambda: chart_of(page))


_pauses = 0
_was_enabled = False
_pause_lock = threading.Lock()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a year is read and decided: it makes tens of
    thousands of objects without cycles (refcounting frees them), and each full
    collection they would set off scans the whole heap again. Nested and
    concurrent pauses restore the collector once the last one ends."""
    global _pauses, _was_enabled  # noqa: PLW0603
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


def build_page(
    services: Services,
    settings: DashboardSettings,
    found: WeekData,
    *,
    organisation_id: int | None,
) -> Page:
    data = found.data
    digest = compute_digest(
        data,
        scope=scope_of(services, organisation_id),
        annual_target=services.settings.annual_hours_target,
        rules=found.rules,
        pool=found.pool,
    )
    slugs = {o.name: o.slug for o in data.organisations}
    tables = [
        _pipeline(digest),
        _weekly(digest),
        _organisations(digest),
        _value(digest, settings, slugs),
        _feedback(digest),
        _evaluations(digest),
        _load(digest),
        _capacity(digest),
        _gaps(digest),
    ]
    if digest.scope.is_pool:
        tables.append(_themes(digest))
    scope = digest.load[0]
    counts = (
        ("Coaches", f"{scope.coaches + scope.paused:,}"),
        ("Paused", f"{scope.paused:,}"),
        ("At a limit they set", f"{scope.at_a_limit:,}"),
        ("Places taken", f"{_text(scope.places_taken)} of {scope.places_offered:,} offered"),
    )
    return Page(
        digest=digest,
        headline=summary(digest),
        tables=tuple(tables),
        chart_alt=chart_alt_text(digest),
        value_note=_value_note(settings),
        coach_counts=counts,
    )


def _text(figure: Figure, *, digits: int = 0) -> str:
    return figure.text(digits=digits, withheld=WITHHELD)


def _pipeline(digest: Digest) -> Table:
    p = digest.pipeline
    rows = [
        ("New requests this week", _text(p.new)),
        ("Matched this week", _text(p.matched)),
        ("Waiting now", _text(p.waiting)),
    ]
    if p.overdue is not None:
        rows.append(("Coach answers overdue", _text(p.overdue)))
    a = digest.activity
    rows += [
        ("Sessions held this week", _text(a.sessions_held)),
        ("Hours held this week", _text(a.hours_held, digits=1)),
        ("Cancellations this week", _text(a.cancellations)),
        ("No-shows this week", _text(a.no_shows)),
    ]
    return Table("pipeline", "Pipeline and the week's sessions", ("Measure", "Count"), tuple(rows))


def _weekly(digest: Digest) -> Table:
    pool = digest.scope.is_pool
    target = f"{digest.weekly_target:,.1f}" if pool else "—"
    rows = []
    totals: dict[str, float] = {}
    running = 0.0
    for week in digest.year_hours:
        running += week.hours or 0.0
        totals[week.label] = running
    for week in digest.weekly_hours:
        hours = WITHHELD if week.hours is None else f"{week.hours:,.1f}"
        since = f"{totals[week.label]:,.1f}" if week.label in totals else "before the year"
        rows.append((week_label(week.label), week.label, hours, target, since))
    what = "held" if pool else "given by its coaches"
    return Table(
        "hours",
        f"Hours {what}, week by week",
        ("Week commencing", "ISO week", "Hours", "Weekly target (h)", "Hours since the year began"),
        tuple(rows),
        note="Since the year began adds up the weeks whose figures were shown.",
    )


def _organisations(digest: Digest) -> Table:
    rows = tuple(
        (
            o.name,
            _text(o.given_week, digits=1),
            _text(o.received_week, digits=1),
            _text(o.given_year, digits=1),
            _text(o.received_year, digits=1),
        )
        for o in digest.organisations
    )
    return Table(
        "organisations",
        "Hours given and received by organisation",
        (
            "Organisation",
            "Given this week (h)",
            "Received this week (h)",
            "Given this year (h)",
            "Received this year (h)",
        ),
        rows,
        note="Given: by the organisation's coaches. Received: by its staff. This year: the "
        "weeks whose figures were shown.",
    )


def _value(digest: Digest, settings: DashboardSettings, slugs: dict[str, str]) -> Table:
    rate = settings.rate
    rows = []
    for o in digest.organisations:
        hours = o.received_year.value or 0.0
        subscription = settings.subscriptions.get(slugs.get(o.name, ""))
        rows.append((o.name, f"{hours:,.1f}", *_money_row(hours * rate, subscription)))
    if digest.scope.is_pool:
        hours = digest.year.pool_hours
        paid = sum(settings.subscriptions.values()) or None
        rows.append(("The whole pool", f"{hours:,.1f}", *_money_row(hours * rate, paid)))
    return Table(
        "value",
        "Value for money this year",
        (
            "Organisation",
            "Hours received",
            f"Value at £{rate:,.0f} an hour",
            "Subscription",
            "Return",
        ),
        tuple(rows),
    )


def _money_row(value: float, subscription: float | None) -> tuple[str, str, str]:
    if subscription is None:
        return f"£{value:,.0f}", "not set", "—"
    share = f"{value / subscription:.0%}" if subscription else "—"
    return f"£{value:,.0f}", f"£{subscription:,.0f}", share


def _value_note(settings: DashboardSettings) -> str:
    return (
        f"Value is the hours of coaching the organisation's staff received this year times "
        f"£{settings.rate:,.0f}, what an hour of external coaching would cost "
        "(COACHPOOL_COACHING_RATE). Return is that value as a share of the organisation's "
        "yearly subscription (COACHPOOL_SUBSCRIPTIONS): 150% means the coaching would have "
        "cost one and a half times the subscription bought in. The pool's row uses every "
        "hour held and every subscription."
    )


YEAR_EMPTY = "none in the weeks shown"  # the year adds up the weeks shown (privacy rule 4)


def _mean(figure: Figure, *, share: bool = False, nothing: str = "no responses") -> str:
    """A mean of scores (or a share) with how many people it comes from."""
    if figure.people == 0:
        return nothing
    if figure.value is None:
        return WITHHELD
    value = f"{figure.value:.0%}" if share else figure.text(digits=1)
    return f"{value} (from {figure.people or 0:,} people)"


def _year(figure: Figure, *, share: bool = False) -> str:
    return _mean(figure, share=share, nothing=YEAR_EMPTY)


def _feedback(digest: Digest) -> Table:
    week, year = digest.ratings_week, digest.ratings_year
    return Table(
        "feedback",
        "Feedback from coachees",
        ("Measure", "This week", "This year"),
        (
            ("Usefulness (1 to 5)", _mean(week.usefulness), _year(year.usefulness)),
            ("Progress towards goals (0 to 10)", _mean(week.progress), _year(year.progress)),
        ),
    )


def _evaluations(digest: Digest) -> Table:
    week, year = digest.evaluations_week, digest.evaluations_year
    return Table(
        "evaluations",
        "Final evaluations when coaching ended",
        ("Measure", "This week", "This year"),
        (
            (
                "Goal attainment (0 to 10)",
                _mean(week.goal_attainment),
                _year(year.goal_attainment),
            ),
            ("Would recommend (0 to 10)", _mean(week.would_recommend), _year(year.would_recommend)),
            (
                "Would recommend: answered 9 or 10",
                _mean(week.recommenders, share=True),
                _year(year.recommenders, share=True),
            ),
        ),
        note="Given by coachees when their coaching ended, counted in the week they gave it. "
        "This year: the weeks whose figures were shown.",
    )


def _load(digest: Digest) -> Table:
    def at_limits(coaches: int, at: int) -> str:
        return f"{at:,} ({at / coaches:.0%})" if coaches else "0"

    rows = tuple(
        (
            row.name,
            f"{row.coaches:,}",
            f"{row.paused:,}",
            f"{row.places_offered:,}",
            _text(row.places_taken),
            f"{row.hours_offered:,.0f}",
            at_limits(row.coaches, row.at_a_limit),
            f"{row.at_coachee_limit:,}",
            f"{row.at_hours_limit:,}",
        )
        for row in digest.load
    )
    return Table(
        "load",
        "Coach capacity and load",
        (
            "Coaches of",
            "Coaches taking coachees",
            "Paused",
            "Places offered",
            "Places taken now",
            "Hours offered a month",
            "At a limit",
            "At their coachee limit",
            "At their hours limit this month",
        ),
        rows,
        note="Places and hours offered are the limits coaches who are not paused set "
        "themselves. Places taken counts coachees in open engagements with those coaches, "
        f"withheld like every figure about coachees (from fewer than {digest.min_group}, or "
        "revealing one together with the list of coaches at a limit). Hours booked are not "
        "shown here: a month's hours against the weekly figures would reveal a withheld week.",
    )


def _capacity(digest: Digest) -> Table:
    rows = tuple(
        (
            c.name,
            c.organisation,
            plural(c.max_coachees, "coachee") if c.coachees_full else "",
            f"{c.max_hours_per_month:g} h this month" if c.hours_full else "",
        )
        for c in digest.capacity
    )
    return Table(
        "capacity",
        "Coaches at a limit they set",
        ("Coach", "Organisation", "Coachee limit reached", "Hours limit reached"),
        rows,
        note="Coaches are named with their own limits only, never with how many coachees "
        "or hours they have.",
    )


def _gaps(digest: Digest) -> Table:
    rows = tuple((c.label, f"{c.count:,}") for c in digest.gaps.shown)
    note = (
        f"Others not shown, to protect figures from fewer than {digest.min_group} people."
        if digest.gaps.others_withheld
        else ""
    )
    return Table("waiting-topics", "Waiting list by topic", ("Topic", "Requests"), rows, note=note)


def _themes(digest: Digest) -> Table:
    rows = tuple((c.label, f"{c.count:,}", c.to_week) for c in digest.themes_year.shown)
    note = (
        f"Themes from fewer than {digest.min_group} people so far are not shown."
        if digest.themes_year.others_withheld
        else ""
    )
    return Table(
        "themes",
        "Themes this year (with the coachee's consent)",
        ("Theme", "Sessions", "Counted to week"),
        rows,
        note=note,
    )


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_rows(table: Table) -> Sequence[Sequence[str]]:
    """The table's rows; a cell a spreadsheet would run as a formula is quoted with '."""
    return [[_cell(c) for c in row] for row in (table.headers, *table.rows)]


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def chart_of(page: Page) -> bytes:
    from bot.digest.drawing import draw

    return draw(chart_spec(page.digest), file_format="svg")
