"""Adversarial: every digest of the year printed for every recipient (the coordinators' and
each organisation lead's, week after week, as `--json` prints them) in the hands of one
reader who tries every combination of sums and differences (`attacker.py`). No withheld
figure comes back: not within a digest, not across consecutive weeks, not between an
organisation lead's digest and the coordinators'."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from attacker import Reader
from digest_testkit import SETTINGS, WEEK, DigestPool

from bot.digest.export import digest_json
from bot.digest.figures import compute_digest
from bot.digest.model import Scope
from bot.digest.rules import RULES
from bot.digest.sources import gather, year_bounds
from bot.digest.week import Week, week_containing
from bot.services import Settings
from handlers.demo import run_demo
from storage.store import SqlStore


def year_weeks(last: Week) -> list[Week]:
    """Every week of the year `last` is in, up to `last`."""
    first = week_containing(year_bounds(last, RULES)[0], last.tz)
    weeks = [first]
    while weeks[-1] != last:
        weeks.append(weeks[-1].shifted(1))
    return weeks


def every_digest(store: SqlStore, settings: Settings, last: Week) -> list[dict[str, Any]]:
    """Each week's digests as sent on the Monday after it, for the pool and every
    organisation (what its leads get, whether or not it has any)."""
    organisations = store.list_organisations()
    scopes = [Scope(settings.pool_name), *(Scope(o.name, o.id) for o in organisations)]
    printed = []
    for week in year_weeks(last):
        data = gather(store, week=week, as_of=week.end + timedelta(hours=9), rules=RULES)
        for scope in scopes:
            digest = compute_digest(data, scope=scope, annual_target=settings.annual_hours_target)
            printed.append(digest_json(digest))
    return printed


def reader_of(store: SqlStore, digests: list[dict[str, Any]], last: Week) -> Reader:
    reader = Reader({o.name: o.id for o in store.list_organisations()})
    for digest in digests:
        reader.read(digest)
    labels = [w.label for w in year_weeks(last)]
    for digest in digests:
        reader.read_year(digest, labels)
    return reader


NEXT_WEEK = WEEK.shifted(1)


@pytest.fixture
def digests(pool: DigestPool) -> list[dict[str, Any]]:
    return every_digest(pool.store, SETTINGS, NEXT_WEEK)


def test_nothing_withheld_comes_back_from_every_digest_of_the_year(
    pool: DigestPool, digests: list[dict[str, Any]]
) -> None:
    reader = reader_of(pool.store, digests, NEXT_WEEK)
    withheld = {name for name, _ in reader.withheld}
    # The small pool has plenty to protect: C1's hours in week 47 among them, and the
    # final evaluations of Beta's six, which would give away Gamma's one.
    assert "2026-W47 Gamma Council received" in withheld
    beta = pool.orgs["beta"].id
    assert {f"2026-W47 {beta} goal_attainment", f"2026-W47 {beta} would_recommend"} <= withheld
    assert len(withheld) > 50
    assert reader.recovered() == []


def test_the_reader_finds_a_figure_that_should_have_been_withheld(
    pool: DigestPool, digests: list[dict[str, Any]]
) -> None:
    """The reader is not blind: give it Beta's received hours of week 47 (withheld only
    to protect Gamma's) and it works out Gamma's, as the issue saw with the demo."""
    reader = reader_of(pool.store, digests, NEXT_WEEK)
    beta = pool.orgs["beta"].id
    reader.printed.append(("leak", reader.hours(WEEK.label, coachee=beta), 6.0))
    assert "2026-W47 Gamma Council received" in reader.recovered()


def test_the_reader_finds_an_evaluation_that_should_have_been_withheld(
    pool: DigestPool, digests: list[dict[str, Any]]
) -> None:
    """Give the reader Beta's goal attainment of week 47 and it has Gamma's one coachee's."""
    reader = reader_of(pool.store, digests, NEXT_WEEK)
    alpha, beta, gamma = (pool.orgs[slug].id for slug in ("alpha", "beta", "gamma"))
    # Alpha's digest says "no responses" (null in JSON, like a withheld mean): nothing.
    reader.printed.append(("none", reader.per_org("goal_attainment", WEEK.label, alpha), 0.0))
    reader.printed.append(("leak", reader.per_org("goal_attainment", WEEK.label, beta), 43.0))
    assert f"{WEEK.label} {gamma} goal_attainment" in reader.recovered()


def test_a_withheld_week_never_shows_in_the_change_of_this_year(
    digests: list[dict[str, Any]],
) -> None:
    """What the issue saw: the year's figure moved by exactly a withheld week's. Now it
    moves by the week's own printed figure, or not at all, in every recipient's digest."""
    scopes = {d["scope"]["organisation_id"] for d in digests}
    for scope in scopes:
        series = [d for d in digests if d["scope"]["organisation_id"] == scope]
        for before, after in itertools.pairwise(series):
            change = after["year_to_date"]["hours"] - before["year_to_date"]["hours"]
            assert change == pytest.approx(after["sessions"]["hours"] or 0.0)


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[SqlStore]:
    """The pool `coachpool demo` leaves behind, after its whole cycle."""
    assert run_demo(io.StringIO(), workdir=tmp_path) == 0
    store = SqlStore.open(f"sqlite:///{tmp_path / 'coachpool-demo.db'}")
    yield store
    store.close()


def test_the_demo_pool_gives_nothing_away(demo_store: SqlStore) -> None:
    settings = Settings()
    last = Week(2026, 48, settings.pool_timezone)
    digests = every_digest(demo_store, settings, last)
    pool_week = next(
        d for d in digests if d["week"] == last.label and d["scope"]["name"] == settings.pool_name
    )
    # The demo's one hour from one coach to one coachee: withheld everywhere it would show.
    assert pool_week["sessions"]["hours"] is None
    rows = {row["name"]: row for row in pool_week["organisations"]}
    assert rows["Dudley Metropolitan Borough Council"]["received_week"] is None
    assert rows["Shropshire Council"]["given_week"] is None
    reader = reader_of(demo_store, digests, last)
    assert reader.withheld and reader.recovered() == []
