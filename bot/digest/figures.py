"""A week's digest for a scope: gathered from the store once, computed purely.

`build_digest` is what callers use; `compute_digest` turns already gathered data into a
digest for any scope, so several scopes can share one read of the store.
"""

from __future__ import annotations

from bot.digest.activity import activity, organisation_hours, weekly_hours, year_to_date
from bot.digest.capacity import capacity_gaps, coaches_at_capacity
from bot.digest.feedback import ratings, themes
from bot.digest.model import Digest, Scope
from bot.digest.pipeline import pipeline
from bot.digest.rules import RULES, DigestRules
from bot.digest.scoping import Scoping
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
    data = gather(services.store, week=week, as_of=services.clock.now(), rules=rules)
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
    data: DigestData, *, scope: Scope, annual_target: float, rules: DigestRules = RULES
) -> Digest:
    scoping = Scoping(scope.organisation_id, data.organisation_of, rules.min_group)
    week = data.week
    coach_names = {c.person_id: c.name for c in data.coaches}
    return Digest(
        scope=scope,
        week=week,
        as_of=data.as_of,
        min_group=rules.min_group,
        pipeline=pipeline(data, scoping, coach_names),
        activity=activity(data, scoping),
        year=year_to_date(data, scoping, annual_target=annual_target),
        weekly_target=annual_target / WEEKS_PER_YEAR,
        ratings_week=ratings(data.feedback, scoping, start=week.start, end=week.end),
        ratings_year=ratings(data.feedback, scoping, start=data.year_start, end=week.end),
        themes_year=themes(data.feedback, scoping, start=data.year_start, end=week.end),
        capacity=coaches_at_capacity(data, scoping),
        gaps=capacity_gaps(data, scoping),
        organisations=organisation_hours(data, scoping),
        weekly_hours=weekly_hours(data, scoping, weeks=rules.chart_weeks),
    )
