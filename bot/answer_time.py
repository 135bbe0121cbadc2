"""How long a person has to answer: the programme's working days, then one more.

The same rhythm for a coach asked to take a request and a coachee asked to choose: at the
deadline a gentle nudge, a working day later the request moves on (or reaches a person)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain import Programme
from bot.scheduling import add_working_days
from bot.services import Services


@dataclass(frozen=True)
class AnswerTime:
    nudge_at: datetime  # the programme's deadline
    moves_on_at: datetime  # a working day later


def answer_time(
    services: Services, programme: Programme, *, asked_at: datetime | None = None
) -> AnswerTime:
    """From `asked_at` (default now)."""
    zone = services.settings.pool_timezone
    holidays = services.settings.bank_holidays
    deadline = add_working_days(
        asked_at or services.clock.now(),
        programme.response_deadline_working_days,
        zone,
        holidays=holidays,
    )
    return AnswerTime(deadline, add_working_days(deadline, 1, zone, holidays=holidays))
