"""Explained matching: which coaches may be offered to a coachee, in what order, and why.

    index = CoachIndex.build(candidates, horizon=horizon)   # once per pool snapshot
    result = match(context, index)                           # per request, milliseconds

Pure: no storage, no clock (`MatchContext.now` is given), stdlib and `bot.domain` only.
"""

from bot.matching.index import CoachIndex
from bot.matching.inputs import CoachCandidate, MatchContext
from bot.matching.match import match
from bot.matching.results import Exclusion, MatchResult, RankedCoach, Rule
from bot.matching.scoring import WEIGHTS, Weights

__all__ = [
    "WEIGHTS",
    "CoachCandidate",
    "CoachIndex",
    "Exclusion",
    "MatchContext",
    "MatchResult",
    "RankedCoach",
    "Rule",
    "Weights",
    "match",
]
