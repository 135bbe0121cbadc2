"""The digest as JSON-compatible data, for `coachpool digest --json`.

A withheld figure is null: the value itself never leaves the core.
"""

from __future__ import annotations

from typing import Any

from bot.digest.model import Counts, Digest, Evaluations, Ratings
from bot.digest.privacy import Figure


def _value(figure: Figure) -> float | None:
    return figure.value


def _ratings(ratings: Ratings) -> dict[str, Any]:
    return {"usefulness": _value(ratings.usefulness), "progress": _value(ratings.progress)}


def _evaluations(evaluations: Evaluations) -> dict[str, Any]:
    return {
        "goal_attainment": _value(evaluations.goal_attainment),
        "would_recommend": _value(evaluations.would_recommend),
        "would_recommend_share": _value(evaluations.recommenders),  # 0 to 1: said 9 or 10
    }


def _counts(counts: Counts, key: str, noun: str) -> dict[str, Any]:
    return {
        "shown": [{key: c.label, noun: c.count} for c in counts.shown],
        "others_withheld": counts.others_withheld,
    }


def _breakdown(digest: Digest) -> dict[str, Any]:
    b = digest.activity.breakdown
    if b is None:
        return {}
    return {
        "late_cancellations": _value(b.late_cancellations),
        "cancelled_by_coach": _value(b.cancelled_by_coach),
        "cancelled_by_coachee": _value(b.cancelled_by_coachee),
        "coach_no_shows": _value(b.coach_no_shows),
        "coachee_no_shows": _value(b.coachee_no_shows),
    }


def digest_json(digest: Digest) -> dict[str, Any]:
    p, a, year = digest.pipeline, digest.activity, digest.year
    requests = {"new": _value(p.new), "matched": _value(p.matched), "waiting": _value(p.waiting)}
    if p.overdue is not None:
        requests["overdue"] = _value(p.overdue)
    return {
        "scope": {"name": digest.scope.name, "organisation_id": digest.scope.organisation_id},
        "week": digest.week.label,
        "start": digest.week.start.isoformat(),
        "end": digest.week.end.isoformat(),
        "as_of": digest.as_of.astimezone(digest.week.tz).isoformat(),
        "min_group": digest.min_group,
        "requests": requests,
        "sessions": {
            "held": _value(a.sessions_held),
            "hours": _value(a.hours_held),
            "cancellations": _value(a.cancellations),
            "no_shows": _value(a.no_shows),
            **_breakdown(digest),
        },
        "year_to_date": {
            "start": year.start.isoformat(),
            "hours": _value(year.hours),
            "weeks_withheld": year.weeks_withheld,
            "pool_hours": year.pool_hours,
            "pool_weeks_withheld": year.pool_weeks_withheld,
            "annual_target": year.annual_target,
            "target_to_date": round(year.target_to_date, 1),
        },
        "weekly_target": round(digest.weekly_target, 2),
        "feedback": {"week": _ratings(digest.ratings_week), "year": _ratings(digest.ratings_year)},
        "final_evaluations": {
            "week": _evaluations(digest.evaluations_week),
            "year": _evaluations(digest.evaluations_year),
        },
        "themes_year": {
            "shown": [
                {"theme": c.label, "sessions": c.count, "to_week": c.to_week}
                for c in digest.themes_year.shown
            ],
            "others_withheld": digest.themes_year.others_withheld,
        },
        "capacity": [
            {
                "coach": c.name,
                "organisation": c.organisation,
                "max_coachees": c.max_coachees,
                "max_hours_per_month": c.max_hours_per_month,
                "at_coachee_limit": c.coachees_full,
                "at_hours_limit": c.hours_full,
            }
            for c in digest.capacity
        ],
        "capacity_gaps": _counts(digest.gaps, "topic", "requests"),
        "organisations": [
            {
                "name": o.name,
                "given_week": _value(o.given_week),
                "received_week": _value(o.received_week),
                "given_year": _value(o.given_year),
                "received_year": _value(o.received_year),
            }
            for o in digest.organisations
        ],
        "weekly_hours": [{"week": w.label, "hours": w.hours} for w in digest.weekly_hours],
    }
