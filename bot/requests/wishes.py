"""What a coachee asks of their coach, honoured where the pool's records can.

Their words already count towards topic fit (bot/matching/query.py). Beyond that: a coach
asked for by name is offered first if the hard rules allow them; 'someone senior' brings the
best-ranked coach in a senior role (by job title) onto the shortlist; and what the records
cannot weigh (a woman coach, say) the coachee is told plainly goes to the coach they choose,
who sees it on the request card. Why a named coach can't be offered is not said: it may be
the coach's own business (leave, capacity).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from bot.domain import CoachingRequest, Person, Role
from bot.matching import MatchResult
from bot.matching.results import RankedCoach
from bot.requests.candidates import match_request
from bot.services import Services

_SENIOR_ASK = re.compile(r"\b(senior|director|head of|chief|executive)\b", re.I)
_SENIOR_TITLE = re.compile(r"\b(director|head|chief|executive|senior)\b", re.I)
_CANNOT_WEIGH = re.compile(
    r"\b(woman|women|female|man|men|male|gender|lady|gentleman|older|younger|age)\b", re.I
)


def named_coach(wishes: str, coaches: Iterable[Person]) -> Person | None:
    """A coach whose full name the coachee wrote ("could I have Olivia Grant")."""
    for coach in coaches:
        if re.search(rf"\b{re.escape(coach.name)}\b", wishes, re.I):
            return coach
    return None


def honour_wishes(
    services: Services, request: CoachingRequest, result: MatchResult
) -> tuple[MatchResult, str]:
    """The shortlist with what could be honoured, and a sentence for the coachee about the
    rest ("" when there is nothing to say)."""
    wishes = request.preferences.strip()
    if not wishes or not result.candidates:
        return result, ""
    coaches = {p.id: p for p in services.store.list_people(Role.COACH)}
    named = named_coach(wishes, coaches.values())
    notes: list[str] = []
    if named is not None or _SENIOR_ASK.search(wishes):
        ranked = match_request(services, request, everyone=True).candidates
        if named is not None:
            pick = next((c for c in ranked if c.coach_id == named.id), None)
            if pick is None:
                notes.append(
                    f"{named.name} can't be offered for this request just now, so I've shown "
                    "you others."
                )
            else:
                result = _first(result, pick, f"You asked for {named.first_name} by name.")
        else:
            senior = next(
                (c for c in ranked if _SENIOR_TITLE.search(_title(coaches, c.coach_id))), None
            )
            if senior is None:
                notes.append("None of the coaches free for you is in a senior role just now.")
            else:
                title = _title(coaches, senior.coach_id)
                result = _first(result, senior, f"A senior leader ({title}), as you asked.")
    if _CANNOT_WEIGH.search(wishes):
        notes.append(
            f"I can't choose coaches by '{wishes}', so I'll pass it on to the coach you choose; "
            "they see it with your request."
        )
    return result, " ".join(notes)


def _title(coaches: dict[int, Person], coach_id: int) -> str:
    coach = coaches.get(coach_id)
    return coach.job_title if coach else ""


def _first(result: MatchResult, pick: RankedCoach, reason: str) -> MatchResult:
    """`pick` at the top with `reason`, the others after it, the shortlist no longer."""
    chosen = dataclasses.replace(pick, reasons=(reason, *pick.reasons))
    others = [c for c in result.candidates if c.coach_id != pick.coach_id]
    size = len(result.candidates)
    return dataclasses.replace(result, candidates=(chosen, *others)[:size])
