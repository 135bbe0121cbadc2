"""The hard rules: who may never be offered to this coachee, and why, in a short sentence.

Checked in order; an excluded coach gets the first rule that applies. `RuleBook` is built once
per request so that scanning the pool is only comparisons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.domain.coaches import Format
from bot.matching.index import IndexedCoach
from bot.matching.inputs import MatchContext
from bot.matching.places import places_match
from bot.matching.query import Query
from bot.matching.results import Rule
from bot.matching.wording import hours, plural, span, the

Verdict = tuple[Rule, str]  # the rule and its sentence for one coach


@dataclass(frozen=True)
class RuleBook:
    query: Query
    coachee_id: int
    organisation_id: int
    coachee_manager_id: int | None
    chain: Mapping[int, str]
    same_organisation_allowed: bool
    required_level: int
    session_hours: float
    skip_ids: frozenset[int]  # declined for this request
    allow_previous: bool
    same_organisation: str
    no_time: Verdict  # rule 9, checked by the caller once rules 1-8 pass

    @classmethod
    def of(cls, query: Query) -> RuleBook:
        context = query.context
        return cls(
            query=query,
            coachee_id=context.coachee.id,
            organisation_id=context.coachee.organisation_id,
            coachee_manager_id=context.coachee.manager_id,
            chain=context.management_chain,
            same_organisation_allowed=context.programme.same_organisation_allowed,
            required_level=context.programme.required_accreditation.level,
            session_hours=context.programme.session_minutes / 60,
            skip_ids=context.request.declined_coach_ids,
            allow_previous=context.allow_previous_coaches,
            same_organisation=(
                "same organisation as the coachee "
                f"({the(context.programme.name)} is cross-organisation only)"
            ),
            no_time=(Rule.NO_TIME, _no_time(context)),
        )

    def check(self, coach: IndexedCoach) -> Verdict | None:
        """Rules 1-8, which need no time arithmetic; `no_time` is rule 9."""
        candidate = coach.candidate
        profile = candidate.profile
        if coach.id == self.coachee_id:
            return Rule.SELF, "is the coachee themselves"
        if coach.organisation_id == self.organisation_id and not self.same_organisation_allowed:
            return Rule.SAME_ORGANISATION, self.same_organisation
        line = self._line_management(coach)
        if line:
            return Rule.LINE_MANAGEMENT, line
        if profile.paused:
            reason = profile.pause_reason.strip()
            return Rule.PAUSED, f"paused ({reason})" if reason else "paused"
        if candidate.active_coachees >= profile.max_coachees:
            used = (
                f"{candidate.active_coachees} of {plural(profile.max_coachees, 'coaching place')}"
            )
            return Rule.AT_CAPACITY, f"at capacity: {used} in use"
        if candidate.hours_this_month + self.session_hours > profile.max_hours_per_month:
            used = f"{hours(candidate.hours_this_month)} of {hours(profile.max_hours_per_month)}"
            return Rule.AT_CAPACITY, f"at capacity: {used} hours this month already used"
        if coach.accreditation_level < self.required_level:
            return Rule.ACCREDITATION, self._accreditation(coach)
        if coach.id in self.skip_ids:
            return Rule.ALREADY_SEEN, "already turned down or declined this request"
        if not self.allow_previous and self.coachee_id in candidate.past_coachee_ids:
            return Rule.ALREADY_SEEN, "has coached this person before"
        mismatch = self._format(coach)
        if mismatch:
            return Rule.FORMAT, mismatch
        return None

    def _line_management(self, coach: IndexedCoach) -> str:
        if coach.manager_id == self.coachee_id:
            return "is line managed by the coachee"
        if self.coachee_manager_id == coach.id:
            return "is the coachee's line manager"
        return self.chain.get(coach.id, "")

    def _accreditation(self, coach: IndexedCoach) -> str:
        programme = self.query.context.programme
        return (
            f"has {coach.candidate.profile.accreditation.label}; "
            f"{the(programme.name)} requires {programme.required_accreditation.label}"
        )

    def _format(self, coach: IndexedCoach) -> str:
        wanted = self.query.wants
        if wanted is Format.ONLINE and not coach.online:
            return "does not offer online sessions"
        if wanted is Format.IN_PERSON:
            if not coach.in_person:
                return "does not offer in-person sessions"
            if places_match(self.query.place, coach.places) is False:
                offered = ", ".join(coach.candidate.profile.locations)
                return (
                    f"meets in person only in {offered}, "
                    f"not {self.query.context.request.location.strip()}"
                )
        return ""


def _no_time(context: MatchContext) -> str:
    length = f"{context.programme.session_minutes}-minute"
    if context.request.windows:
        return f"no free {length} slot at the times the coachee gave"
    return f"no free {length} slot in the next {span(context.horizon_days)}"
