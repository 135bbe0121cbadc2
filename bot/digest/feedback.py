"""Feedback averages and session themes, never from fewer than the minimum group.

Only ratings and the fixed list of themes are read; comments never reach the digest. A
theme counts only where consent to share themes was given, and only themes from
`bot.domain.feedback.THEMES` are shown, so nothing typed freely can slip through.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from bot.digest.facts import FeedbackFact
from bot.digest.model import Count, Counts, Ratings
from bot.digest.privacy import Figure, guarded
from bot.digest.scoping import Scoping
from bot.digest.sources import utc
from bot.domain.feedback import THEMES


def _mean(rows: list[tuple[int, int]], min_group: int) -> Figure:
    """rows: (person id, score). Withheld unless `min_group` distinct people answered."""
    if not rows:
        return Figure(None, people=0)  # no responses: nothing to average
    mean = sum(score for _, score in rows) / len(rows)
    return guarded(mean, people=len({person for person, _ in rows}), min_group=min_group)


def ratings(
    feedback: list[FeedbackFact], scoping: Scoping, *, start: datetime, end: datetime
) -> Ratings:
    start, end = utc(start), utc(end)
    rows = [f for f in feedback if start <= f.submitted_at < end and scoping.session(f)]
    return Ratings(
        usefulness=_mean(
            [(f.person_id, f.usefulness) for f in rows if f.usefulness is not None],
            scoping.min_group,
        ),
        progress=_mean(
            [(f.person_id, f.progress) for f in rows if f.progress is not None],
            scoping.min_group,
        ),
    )


def themes(
    feedback: list[FeedbackFact], scoping: Scoping, *, start: datetime, end: datetime
) -> Counts:
    """Sessions per theme, each shown only when it concerns at least `min_group` coachees."""
    sessions: defaultdict[str, set[int]] = defaultdict(set)
    coachees: defaultdict[str, set[int]] = defaultdict(set)
    known = set(THEMES)
    start, end = utc(start), utc(end)
    for f in feedback:
        if not (f.consent_to_share_themes and start <= f.submitted_at < end):
            continue
        if not scoping.session(f):
            continue
        for theme in set(f.themes) & known:
            sessions[theme].add(f.session_id)
            coachees[theme].add(f.coachee_id)
    shown = [
        Count(theme, len(sessions[theme]))
        for theme in sessions
        if len(coachees[theme]) >= scoping.min_group
    ]
    shown.sort(key=lambda c: (-c.count, c.label))
    return Counts(tuple(shown), others_withheld=len(shown) < len(sessions))
