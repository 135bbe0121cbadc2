"""Programmes and their rules."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from bot.domain import Accreditation, Programme
from storage.models import ProgrammeRow
from storage.repos.rows import fresh, row_of, row_or_none
from storage.unit import UnitOfWork


def to_programme(row: ProgrammeRow) -> Programme:
    return Programme(
        id=row.id,
        slug=row.slug,
        name=row.name,
        description=row.description,
        session_minutes=row.session_minutes,
        max_sessions=row.max_sessions,
        max_per_organisation=row.max_per_organisation,
        same_organisation_allowed=row.same_organisation_allowed,
        required_accreditation=Accreditation(row.required_accreditation),
        chemistry_session=row.chemistry_session,
        sponsor_approval=row.sponsor_approval,
        feedback_required=row.feedback_required,
        response_deadline_working_days=row.response_deadline_working_days,
        reminder_hours_before=tuple(row.reminder_hours_before),
        no_show_limit=row.no_show_limit,
        late_cancellation_hours=row.late_cancellation_hours,
        active=row.active,
        open_to=tuple(row.open_to),
    )


def _fill(row: ProgrammeRow, programme: Programme) -> None:
    row.slug = programme.slug
    row.name = programme.name
    row.description = programme.description
    row.session_minutes = programme.session_minutes
    row.max_sessions = programme.max_sessions
    row.max_per_organisation = programme.max_per_organisation
    row.same_organisation_allowed = programme.same_organisation_allowed
    row.required_accreditation = programme.required_accreditation.value
    row.chemistry_session = programme.chemistry_session
    row.sponsor_approval = programme.sponsor_approval
    row.feedback_required = programme.feedback_required
    row.response_deadline_working_days = programme.response_deadline_working_days
    row.reminder_hours_before = list(programme.reminder_hours_before)
    row.no_show_limit = programme.no_show_limit
    row.late_cancellation_hours = programme.late_cancellation_hours
    row.active = programme.active
    row.open_to = list(programme.open_to)


class ProgrammeRepo(UnitOfWork):
    def add_programme(self, programme: Programme) -> Programme:
        with self._write() as s:
            row = ProgrammeRow()
            _fill(row, programme)
            s.add(row)
            s.flush()
            return replace(programme, id=row.id)

    def update_programme(self, programme: Programme) -> None:
        with self._write() as s:
            _fill(row_of(s, ProgrammeRow, programme.id), programme)

    def get_programme(self, programme_id: int) -> Programme | None:
        with self._read() as s:
            row = row_or_none(s, ProgrammeRow, programme_id)
            return None if row is None else to_programme(row)

    def find_programme(self, slug: str) -> Programme | None:
        with self._read() as s:
            row = s.scalar(fresh(select(ProgrammeRow).where(ProgrammeRow.slug == slug)))
            return None if row is None else to_programme(row)

    def list_programmes(self) -> list[Programme]:
        with self._read() as s:
            rows = s.scalars(fresh(select(ProgrammeRow).order_by(ProgrammeRow.id)))
            return [to_programme(row) for row in rows]
