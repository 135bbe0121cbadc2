"""When a coach is at a limit they set, as matching counts it (`store.coach_loads`): open
engagements at or over `max_coachees`, or confirmed and held hours this calendar month at
or over `max_hours_per_month`. One decision for the digest's list of coaches at capacity
and for the places figures that must not contradict it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.digest.facts import CoachCapacity


@dataclass(frozen=True)
class Reached:
    coachees: bool
    hours: bool

    @property
    def any(self) -> bool:
        return self.coachees or self.hours


def reached(coach: CoachCapacity, loads: dict[int, tuple[int, float]]) -> Reached:
    coachees, hours = loads.get(coach.person_id, (0, 0.0))
    return Reached(coachees >= coach.max_coachees, hours >= coach.max_hours_per_month)
