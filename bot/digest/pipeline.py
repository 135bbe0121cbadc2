"""Requests: new, matched, waiting (by reference and age) and coach answers overdue."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.digest.facts import RequestFact
from bot.digest.model import OverdueResponse, Pipeline, WaitingRequest
from bot.digest.scoping import Scoping
from bot.digest.sources import DigestData
from bot.domain import Programme, RequestState
from bot.scheduling import add_working_days

# For a request whose programme has gone: the programmes' own default.
DEFAULT_DEADLINE = Programme.response_deadline_working_days


def pipeline(data: DigestData, scoping: Scoping, coach_names: Mapping[int, str]) -> Pipeline:
    as_of = data.as_of
    open_requests = [r for r in data.open_requests if scoping.request(r) and r.created_at < as_of]
    waiting = sorted(
        (WaitingRequest(r.id, (as_of - r.created_at).days, r.state) for r in open_requests),
        key=lambda w: (-w.days, w.request_id),
    )
    return Pipeline(
        new=sum(1 for r in data.new_requests if scoping.request(r)),
        matched=sum(1 for e in data.engagements if scoping.member(e.coachee_id)),
        waiting=tuple(waiting),
        overdue=_overdue(
            data,
            [r for r in open_requests if r.state is RequestState.WAITING_COACH],
            coach_names if scoping.organisation_id is None else {},
        ),
    )


def _overdue(
    data: DigestData, asked: list[RequestFact], coach_names: Mapping[int, str]
) -> tuple[OverdueResponse, ...]:
    """Requests whose chosen coach has not answered within the programme's deadline (in
    working days of the pool's zone, as `outbox.deadlines` counts them)."""
    deadline_days = {p.id: p.response_deadline_working_days for p in data.programmes}
    tz: ZoneInfo = data.week.tz
    overdue = []
    for request in asked:
        if request.asked_at is None:
            continue
        due: datetime = add_working_days(
            request.asked_at, deadline_days.get(request.programme_id, DEFAULT_DEADLINE), tz
        )
        if due <= data.as_of:
            coach = coach_names.get(request.chosen_coach_id or 0, "")
            overdue.append(OverdueResponse(request.id, due, (data.as_of - due).days, coach))
    return tuple(sorted(overdue, key=lambda o: (o.due, o.request_id)))
