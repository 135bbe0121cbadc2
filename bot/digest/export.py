"""The digest as JSON-compatible data, for `coachpool digest --json`.

A withheld figure is null: the value itself never leaves the core.
"""

from __future__ import annotations

from typing import Any

from bot.digest.model import Counts, Digest, Ratings
from bot.digest.privacy import Figure


def _value(figure: Figure) -> float | None:
    return figure.value


def _ratings(ratings: Ratings) -> dict[str, Any]:
    return {"usefulness": _value(ratings.usefulness), "progress": _value(ratings.progress)}


def _counts(counts: Counts, key: str, noun: str) -> dict[str, Any]:
    return {
        "shown": [{key: c.label, noun: c.count} for c in counts.shown],
        "others_withheld": counts.others_withheld,
    }


def digest_json(digest: Digest) -> dict[str, Any]:
    p, a, year = digest.pipeline, digest.activity, digest.year
    return {
        "scope": {"name": digest.scope.name, "organisation_id": digest.scope.organisation_id},
        "week": digest.week.label,
        "start": digest.week.start.isoformat(),
        "end": digest.week.end.isoformat(),
        "as_of": digest.as_of.astimezone(digest.week.tz).isoformat(),
        "min_group": digest.min_group,
        "requests": {
            "new": p.new,
            "matched": p.matched,
            "waiting": [
                {"request": w.request_id, "days": w.days, "state": w.state.value} for w in p.waiting
            ],
            "overdue": [
                {
                    "request": o.request_id,
                    "due": o.due.astimezone(digest.week.tz).isoformat(),
                    "days_overdue": o.days_overdue,
                    "coach": o.coach or None,
                }
                for o in p.overdue
            ],
        },
        "sessions": {
            "held": _value(a.sessions_held),
            "hours": _value(a.hours_held),
            "cancellations": _value(a.cancellations),
            "late_cancellations": _value(a.late_cancellations),
            "cancelled_by_coach": _value(a.cancelled_by_coach),
            "cancelled_by_coachee": _value(a.cancelled_by_coachee),
            "no_shows": _value(a.no_shows),
            "coach_no_shows": _value(a.coach_no_shows),
            "coachee_no_shows": _value(a.coachee_no_shows),
        },
        "year_to_date": {
            "start": year.start.isoformat(),
            "hours": _value(year.hours),
            "pool_hours": year.pool_hours,
            "annual_target": year.annual_target,
            "target_to_date": round(year.target_to_date, 1),
        },
        "weekly_target": round(digest.weekly_target, 2),
        "feedback": {"week": _ratings(digest.ratings_week), "year": _ratings(digest.ratings_year)},
        "themes_year": _counts(digest.themes_year, "theme", "sessions"),
        "capacity": [
            {
                "coach": c.name,
                "organisation": c.organisation,
                "coachees": c.coachees,
                "max_coachees": c.max_coachees,
                "hours_this_month": c.hours_this_month,
                "max_hours_per_month": c.max_hours_per_month,
            }
            for c in digest.capacity
        ],
        "capacity_gaps": _counts(digest.gaps, "topic", "requests"),
        "organisations": [
            {
                "name": o.name,
                "given_week": o.given_week,
                "received_week": _value(o.received_week),
                "given_year": o.given_year,
                "received_year": _value(o.received_year),
            }
            for o in digest.organisations
        ],
        "weekly_hours": [{"week": w.label, "hours": w.hours} for w in digest.weekly_hours],
    }
