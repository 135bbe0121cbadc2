"""Writing a parsed roster to the store: all rows or none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from bot.domain.audit import AuditEntry
from bot.domain.coaches import CoachProfile
from bot.domain.people import Person, Role
from bot.pool.roster_managers import link_managers, manager_problems
from bot.pool.roster_types import RosterParse, RosterRow, RowError
from bot.ports.store import Store

_PERSON_FIELDS = ("timezone", "job_title", "directorate")
_PROFILE_FIELDS = (
    "accreditation",
    "specialisms",
    "bio",
    "formats",
    "locations",
    "max_coachees",
    "max_hours_per_month",
    "weekly",
    "paused",
    "pause_reason",
    "meeting_link",
)


@dataclass(frozen=True)
class ImportReport:
    """`imported` is False when nothing was written (errors without skip_invalid, or a file
    that could not be read); the counts are then all zero."""

    imported: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: tuple[RowError, ...] = ()
    warnings: tuple[RowError, ...] = ()

    def summary(self) -> str:
        if not self.imported:
            return f"Nothing imported: {len(self.errors)} problem(s) to fix first."
        return (
            f"{self.created} coach(es) added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped} row(s) skipped."
        )


def import_roster(
    store: Store, parse: RosterParse, *, skip_invalid: bool, now: datetime, actor_id: int | None
) -> ImportReport:
    """Create or update a coach for every valid row in one transaction.

    An email that already belongs to someone updates that person (name, organisation, and any
    given time zone, job title, directorate) and adds the coach role to the roles they have.
    With errors and not `skip_invalid`, nothing is written. Any exception rolls everything back.
    """
    if now.tzinfo is None:
        raise ValueError("import_roster needs a timezone-aware `now`")
    if parse.file_error or (parse.errors and not skip_invalid):
        return ImportReport(imported=False, errors=parse.errors, warnings=parse.warnings)
    with store.transaction():
        organisation_ids, missing = _resolve_organisations(store, parse.rows)
        missing += manager_problems(store, parse.rows)
        if missing and not skip_invalid:
            return ImportReport(
                imported=False, errors=parse.errors + missing, warnings=parse.warnings
            )
        bad_lines = {error.line for error in missing}
        written = [
            row
            for row in parse.rows
            if row.organisation_slug in organisation_ids and row.line not in bad_lines
        ]
        outcomes = {
            row.line: _import_row(store, row, organisation_ids[row.organisation_slug])
            for row in written
        }
        for line in link_managers(store, written):
            if outcomes[line][0] == "unchanged":
                outcomes[line] = ("updated", outcomes[line][1])
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        at = now.astimezone(UTC)
        for line, (outcome, person_id) in outcomes.items():
            counts[outcome] += 1
            if outcome != "unchanged":
                detail = f"roster line {line}"
                store.audit(
                    AuditEntry(at, actor_id, f"coach.{outcome}", f"person:{person_id}", detail)
                )
        errors = parse.errors + missing
        skipped = len({error.line for error in errors})
        report = ImportReport(
            True, **counts, skipped=skipped, errors=errors, warnings=parse.warnings
        )
        store.audit(AuditEntry(at, actor_id, "roster.import", "roster", report.summary()))
    return report


def _resolve_organisations(
    store: Store, rows: Sequence[RosterRow]
) -> tuple[dict[str, int], tuple[RowError, ...]]:
    """Organisation ids by slug, read before any write; an organisation removed since the file
    was parsed makes its rows errors."""
    slugs = sorted({row.organisation_slug for row in rows})
    found = {slug: org.id for slug in slugs if (org := store.find_organisation(slug)) is not None}
    missing = tuple(
        RowError(
            row.line, "organisation", f"'{row.organisation_slug}' is no longer a pool organisation"
        )
        for row in rows
        if row.organisation_slug not in found
    )
    return found, missing


def _import_row(store: Store, row: RosterRow, organisation_id: int) -> tuple[str, int]:
    """Returns what happened ("created", "updated", "unchanged") and the person's id."""
    existing = store.find_person_by_email(row.email)
    if existing is None:
        person = store.add_person(
            Person(
                id=0,
                email=row.email,
                name=row.name,
                organisation_id=organisation_id,
                roles=frozenset({Role.COACH}),
                **_given(row, _PERSON_FIELDS),
            )
        )
        store.save_coach(_profile(row, CoachProfile(person_id=person.id)))
        return "created", person.id
    person = replace(
        existing,
        name=row.name,
        organisation_id=organisation_id,
        roles=existing.roles | {Role.COACH},
        **_given(row, _PERSON_FIELDS),
    )
    current = store.get_coach(existing.id)
    profile = _profile(row, current or CoachProfile(person_id=existing.id))
    if person == existing and profile == current:
        return "unchanged", existing.id
    if person != existing:
        store.update_person(person)
    if profile != current:
        store.save_coach(profile)
    return "updated", existing.id


def _profile(row: RosterRow, base: CoachProfile) -> CoachProfile:
    """`base` with the row's given values; availability exceptions are kept as they are."""
    profile = replace(base, **_given(row, _PROFILE_FIELDS))
    if row.paused is False and row.pause_reason is None:
        profile = replace(profile, pause_reason="")
    return profile


def _given(row: RosterRow, names: Sequence[str]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names if getattr(row, name) is not None}
