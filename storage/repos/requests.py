"""Coaching requests and their shortlists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select

from bot.domain import CoachingRequest, Format, RequestState, ShortlistEntry
from bot.domain.lifecycles.request import REQUEST
from bot.domain.timewindow import TimeWindow
from storage.models import RequestRow, ShortlistEntryRow
from storage.repos.rows import fresh, row_of, row_or_none
from storage.repos.transitions import locked_for_move
from storage.unit import UnitOfWork


def windows_to_json(windows: Sequence[TimeWindow]) -> list[Any]:
    return [[w.start.isoformat(), w.end.isoformat()] for w in windows]


def windows_from_json(value: Sequence[Any]) -> tuple[TimeWindow, ...]:
    return tuple(
        TimeWindow(datetime.fromisoformat(start), datetime.fromisoformat(end))
        for start, end in value
    )


def to_request(row: RequestRow) -> CoachingRequest:
    return CoachingRequest(
        id=row.id,
        coachee_id=row.coachee_id,
        programme_id=row.programme_id,
        state=RequestState(row.state),
        created_at=row.created_at,
        topic=row.topic,
        goal=row.goal,
        reality=row.reality,
        preferences=row.preferences,
        format=Format(row.format),
        location=row.location,
        windows=windows_from_json(row.windows),
        declined_coach_ids=frozenset(row.declined_coach_ids),
        chosen_coach_id=row.chosen_coach_id,
        offered_slots=windows_from_json(row.offered_slots),
        asked_at=row.asked_at,
        updated_at=row.updated_at,
    )


def _fill(row: RequestRow, request: CoachingRequest) -> None:
    row.coachee_id = request.coachee_id
    row.programme_id = request.programme_id
    row.state = request.state.value
    row.created_at = request.created_at
    row.topic = request.topic
    row.goal = request.goal
    row.reality = request.reality
    row.preferences = request.preferences
    row.format = request.format.value
    row.location = request.location
    row.windows = windows_to_json(request.windows)
    row.declined_coach_ids = sorted(request.declined_coach_ids)
    row.chosen_coach_id = request.chosen_coach_id
    row.offered_slots = windows_to_json(request.offered_slots)
    row.asked_at = request.asked_at
    row.updated_at = request.updated_at


def to_entry(row: ShortlistEntryRow) -> ShortlistEntry:
    return ShortlistEntry(
        request_id=row.request_id,
        coach_id=row.coach_id,
        rank=row.rank,
        score=row.score,
        reasons=tuple(row.reasons),
    )


class RequestRepo(UnitOfWork):
    def add_request(self, request: CoachingRequest) -> CoachingRequest:
        with self._write() as s:
            row = RequestRow()
            _fill(row, request)
            s.add(row)
            s.flush()
            return replace(request, id=row.id)

    def update_request(
        self, request: CoachingRequest, *, expected: RequestState | None = None
    ) -> None:
        """Compare-and-set on the state (see `Store.update_request`)."""
        with self._write() as s:
            row = locked_for_move(
                s,
                RequestRow,
                request.id,
                expected=expected or request.state,
                new=request.state,
                lifecycle=REQUEST,
            )
            _fill(row, request)

    def get_request(self, request_id: int) -> CoachingRequest | None:
        with self._read() as s:
            row = row_or_none(s, RequestRow, request_id)
            return None if row is None else to_request(row)

    def list_requests(
        self,
        *,
        coachee_id: int | None = None,
        programme_id: int | None = None,
        states: Sequence[RequestState] | None = None,
        chosen_coach_id: int | None = None,
    ) -> list[CoachingRequest]:
        """Ordered by creation time, oldest first."""
        query = select(RequestRow)
        if coachee_id is not None:
            query = query.where(RequestRow.coachee_id == coachee_id)
        if programme_id is not None:
            query = query.where(RequestRow.programme_id == programme_id)
        if states is not None:
            query = query.where(RequestRow.state.in_([state.value for state in states]))
        if chosen_coach_id is not None:
            query = query.where(RequestRow.chosen_coach_id == chosen_coach_id)
        with self._read() as s:
            rows = s.scalars(fresh(query.order_by(RequestRow.created_at, RequestRow.id)))
            return [to_request(row) for row in rows]

    def save_shortlist(self, request_id: int, entries: Sequence[ShortlistEntry]) -> None:
        """Replace the request's shortlist (entries are stored under `request_id`)."""
        with self._write() as s:
            row_of(s, RequestRow, request_id)
            s.execute(delete(ShortlistEntryRow).where(ShortlistEntryRow.request_id == request_id))
            if entries:
                s.execute(
                    insert(ShortlistEntryRow),
                    [
                        {
                            "request_id": request_id,
                            "coach_id": entry.coach_id,
                            "rank": entry.rank,
                            "score": entry.score,
                            "reasons": list(entry.reasons),
                        }
                        for entry in entries
                    ],
                )

    def get_shortlist(self, request_id: int) -> list[ShortlistEntry]:
        """Ordered by rank."""
        with self._read() as s:
            rows = s.scalars(
                fresh(
                    select(ShortlistEntryRow)
                    .where(ShortlistEntryRow.request_id == request_id)
                    .order_by(ShortlistEntryRow.rank)
                )
            )
            return [to_entry(row) for row in rows]
