"""Feedback after a session, and the themes a coach logs (never content)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# The fixed list coaches choose themes from; free text about a session is never stored.
THEMES: tuple[str, ...] = (
    "leadership",
    "managing change",
    "career development",
    "confidence",
    "resilience and wellbeing",
    "relationships at work",
    "performance",
    "decision making",
    "work-life balance",
    "new role transition",
)


@dataclass(frozen=True)
class Feedback:
    session_id: int
    person_id: int
    submitted_at: datetime
    usefulness: int | None = None  # 1-5, coachee
    progress: int | None = None  # 0-10, coachee
    comment: str = ""  # coachee's optional comment: never shown tied to a person
    consent_to_share_themes: bool = False
    themes: tuple[str, ...] = ()  # coach's themes, from THEMES


@dataclass(frozen=True)
class FinalEvaluation:
    """The coachee's short evaluation when an engagement ends."""

    engagement_id: int
    person_id: int
    submitted_at: datetime
    goal_attainment: int  # 0-10: how far they got towards the goal they set
    would_recommend: int  # 0-10
