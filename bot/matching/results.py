"""What matching returns: a ranked shortlist with reasons, and who was left out and why."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.timewindow import TimeWindow


class Rule(StrEnum):
    """The hard rules, in checking order: a coach is excluded by the first that applies."""

    SELF = "self"
    SAME_ORGANISATION = "same_organisation"
    LINE_MANAGEMENT = "line_management"
    PAUSED = "paused"
    AT_CAPACITY = "at_capacity"
    ACCREDITATION = "accreditation"
    ALREADY_SEEN = "already_seen"
    FORMAT = "format"
    NO_TIME = "no_time"


@dataclass(frozen=True, slots=True)
class Exclusion:
    coach_id: int
    rule: str  # a short sentence for coordinators: "paused (on leave until June)"
    code: Rule


@dataclass(frozen=True)
class RankedCoach:
    coach_id: int
    score: float  # 0-100, one decimal place
    reasons: tuple[str, ...]  # 2-4 sentences for the coachee
    slots_preview: tuple[TimeWindow, ...] = ()  # a few spread-out slots, for a quick pick


@dataclass(frozen=True)
class MatchResult:
    candidates: tuple[RankedCoach, ...]
    excluded: tuple[Exclusion, ...]
    shortfall_reason: str = ""  # "" when the shortlist is full
