"""A week's digest for a scope: gathered from the store once, computed purely.

`build_digest` is what callers use; `compute_digest` turns already gathered data into a
digest for any scope, so several scopes can share one read of the store.
"""

from __future__ import annotations

from bot.digest.activity import (
    activity,
    organisation_hours,
    weekly_hours,
    year_hours,
    year_to_date,
)
from bot.digest.capacity import capacity_gaps, coach_load, coaches_at_capacity
from bot.digest.feedback import (
    evaluations_week,
    evaluations_year,
    ratings_week,
    ratings_year,
)
from bot.digest.model import Counts, Digest, Pipeline, Scope
from bot.digest.release import PoolRelease, release
from bot.digest.rules import RULES, DigestRules
from bot.digest.source import digest_source
from bot.digest.sources import DigestData, gather
from bot.digest.week import Week
from bot.services import Services

WEEKS_PER_YEAR = 52


def build_digest(
    services: Services,
    *,
    week: Week,
    organisation_id: int | None = None,
    rules: DigestRules = RULES,
) -> Digest:
    """The digest of `week` for the pool, or for one organisation; lists that are a
    snapshot (waiting requests, capacity) are as of the clock's now."""
    data = gather(digest_source(services.store), week=week, as_of=services.clock.now(), rules=rules)
    return compute_digest(
        data,
        scope=scope_of(services, organisation_id),
        annual_target=services.settings.annual_hours_target,
        rules=rules,
    )


def scope_of(services: Services, organisation_id: int | None) -> Scope:
    if organisation_id is None:
        return Scope(services.settings.pool_name)
    organisation = services.store.get_organisation(organisation_id)
    if organisation is None:
        raise ValueError(f"there is no organisation {organisation_id}")
    return Scope(organisation.name, organisation.id)


def compute_digest(
    data: DigestData,
    *,
    scope: Scope,
    annual_target: float,
    rules: DigestRules = RULES,
    pool: PoolRelease | None = None,
) -> Digest:
    """Every figure comes from the groups the pool releases for the week (`release.py`):
    the pool's digest prints their totals, an organisation's digest its parts. `pool` is
    that release when the caller already has it (`release(data, ...)` with the same rules):
    it is decided once for every scope, so it can be shared."""
    if pool is None:
        pool = release(data, chart_weeks=rules.chart_weeks, min_group=rules.min_group)
    org = scope.organisation_id
    return Digest(
        scope=scope,
        week=data.week,
        as_of=data.as_of,
        min_group=rules.min_group,
        pipeline=pipeline(pool, org),
        activity=activity(pool, org),
        year=year_to_date(pool, data, org, annual_target=annual_target),
        weekly_target=annual_target / WEEKS_PER_YEAR,
        ratings_week=ratings_week(pool, org),
        ratings_year=ratings_year(pool, org),
        evaluations_week=evaluations_week(pool, org),
        evaluations_year=evaluations_year(pool, org),
        themes_year=pool.themes if org is None else Counts(()),
        capacity=coaches_at_capacity(data, org),
        load=coach_load(pool, data, org, scope_name=scope.name),
        gaps=capacity_gaps(pool, org),
        organisations=organisation_hours(pool, data, org),
        weekly_hours=weekly_hours(pool, org, weeks=rules.chart_weeks),
        year_hours=year_hours(pool, org),
    )


def pipeline(pool: PoolRelease, organisation_id: int | None) -> Pipeline:
    if organisation_id is None:
        return Pipeline(
            new=pool.new.total,
            matched=pool.matched.total,
            waiting=pool.waiting.total,
            overdue=pool.overdue.part("overdue"),
        )
    return Pipeline(
        new=pool.new.part(organisation_id),
        matched=pool.matched.part(organisation_id),
        waiting=pool.waiting.part(organisation_id),
        overdue=None,
    )
