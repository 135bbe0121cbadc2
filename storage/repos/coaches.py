"""Coach profiles and their availability."""

from __future__ import annotations

from sqlalchemy import select

from bot.domain import Accreditation, AvailabilityException, CoachProfile, Format, WeeklySlot
from bot.domain.timewindow import TimeWindow
from storage.models import AvailabilityExceptionRow, CoachRow, WeeklySlotRow
from storage.repos.rows import fresh, row_or_none
from storage.unit import UnitOfWork


def to_coach(row: CoachRow) -> CoachProfile:
    return CoachProfile(
        person_id=row.person_id,
        accreditation=Accreditation(row.accreditation),
        specialisms=tuple(row.specialisms),
        bio=row.bio,
        formats=frozenset(Format(f) for f in row.formats),
        locations=tuple(row.locations),
        max_coachees=row.max_coachees,
        max_hours_per_month=row.max_hours_per_month,
        paused=row.paused,
        pause_reason=row.pause_reason,
        meeting_link=row.meeting_link,
        weekly=tuple(WeeklySlot(s.weekday, s.starts, s.ends) for s in row.weekly),
        exceptions=tuple(
            AvailabilityException(
                window=TimeWindow(e.starts_at, e.ends_at), available=e.available, note=e.note
            )
            for e in row.exceptions
        ),
    )


def _fill(row: CoachRow, profile: CoachProfile) -> None:
    row.accreditation = profile.accreditation.value
    row.specialisms = list(profile.specialisms)
    row.bio = profile.bio
    row.formats = sorted(f.value for f in profile.formats)
    row.locations = list(profile.locations)
    row.max_coachees = profile.max_coachees
    row.max_hours_per_month = profile.max_hours_per_month
    row.paused = profile.paused
    row.pause_reason = profile.pause_reason
    row.meeting_link = profile.meeting_link
    row.weekly = [
        WeeklySlotRow(weekday=w.weekday, starts=w.start, ends=w.end) for w in profile.weekly
    ]
    row.exceptions = [
        AvailabilityExceptionRow(
            starts_at=e.window.start, ends_at=e.window.end, available=e.available, note=e.note
        )
        for e in profile.exceptions
    ]


class CoachRepo(UnitOfWork):
    def save_coach(self, profile: CoachProfile) -> None:
        """Insert or replace the profile, its weekly slots and its exceptions.
        NotFound if the person does not exist."""
        with self._write() as s:
            row = row_or_none(s, CoachRow, profile.person_id, lock=True)
            if row is None:
                row = CoachRow(person_id=profile.person_id, weekly=[], exceptions=[])
                s.add(row)
            _fill(row, profile)

    def get_coach(self, person_id: int) -> CoachProfile | None:
        with self._read() as s:
            row = row_or_none(s, CoachRow, person_id)
            return None if row is None else to_coach(row)

    def list_coaches(self) -> list[CoachProfile]:
        """Every coach profile (paused ones too), with availability, in person-id order."""
        with self._read() as s:
            rows = s.scalars(fresh(select(CoachRow).order_by(CoachRow.person_id)))
            return [to_coach(row) for row in rows]
