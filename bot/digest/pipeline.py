"""Requests: new, matched, waiting and coach answers overdue, as figures (`release.py`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.digest.facts import RequestFact
from bot.digest.sources import DigestData
from bot.domain import Programme, RequestState
from bot.scheduling import add_working_days

# For a request whose programme has gone: the programmes' own default.
DEFAULT_DEADLINE = Programme.response_deadline_working_days


def overdue_requests(data: DigestData, waiting: Iterable[RequestFact]) -> list[RequestFact]:
    """Requests whose chosen coach has not answered within the programme's deadline (in
    working days of the pool's zone, as `outbox.deadlines` counts them), as of `as_of`."""
    deadline_days = {p.id: p.response_deadline_working_days for p in data.programmes}
    tz: ZoneInfo = data.week.tz
    overdue = []
    for request in waiting:
        if request.state is not RequestState.WAITING_COACH or request.asked_at is None:
            continue
        due: datetime = add_working_days(
            request.asked_at, deadline_days.get(request.programme_id, DEFAULT_DEADLINE), tz
        )
        if due <= data.as_of:
            overdue.append(request)
    return overdue
