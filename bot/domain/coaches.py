"""Coach profiles, accreditation and weekly availability."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from bot.domain.timewindow import TimeWindow


class Accreditation(StrEnum):
    """Coaching qualifications a programme may require, lowest first."""

    NONE = "none"
    ILM5 = "ilm5"
    ILM7 = "ilm7"

    @property
    def level(self) -> int:
        return {"none": 0, "ilm5": 5, "ilm7": 7}[self.value]

    @property
    def label(self) -> str:
        return {"none": "no accreditation", "ilm5": "ILM level 5", "ilm7": "ILM level 7"}[
            self.value
        ]


class Format(StrEnum):
    ONLINE = "online"
    IN_PERSON = "in_person"
    EITHER = "either"

    @property
    def label(self) -> str:
        return {"online": "online", "in_person": "in person", "either": "online or in person"}[
            self.value
        ]


@dataclass(frozen=True, order=True)
class WeeklySlot:
    """A recurring free period, in the coach's own time zone (weekday 0 = Monday)."""

    weekday: int
    start: time
    end: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {self.weekday}")
        if self.end <= self.start:
            raise ValueError(f"a weekly slot must end after it starts: {self.start}-{self.end}")


@dataclass(frozen=True)
class AvailabilityException:
    """A one-off change to the weekly pattern: away (leave, training) or extra time free."""

    window: TimeWindow
    available: bool = False
    note: str = ""


@dataclass(frozen=True)
class CoachProfile:
    """What the pool knows about a coach. `person_id` is the coach's Person id."""

    person_id: int
    accreditation: Accreditation = Accreditation.NONE
    specialisms: tuple[str, ...] = ()
    bio: str = ""
    formats: frozenset[Format] = frozenset({Format.ONLINE})
    locations: tuple[str, ...] = ()
    max_coachees: int = 2
    max_hours_per_month: float = 6.0
    paused: bool = False
    pause_reason: str = ""
    # The coach's standing online meeting room (Teams, Zoom), given to online sessions.
    meeting_link: str = ""
    weekly: tuple[WeeklySlot, ...] = ()
    exceptions: tuple[AvailabilityException, ...] = ()

    def offers(self, wanted: Format) -> bool:
        if wanted is Format.EITHER or Format.EITHER in self.formats:
            return True
        return wanted in self.formats
