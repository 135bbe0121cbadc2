"""Which audit entries are about one person: what they did, and what was done to them or
to their requests, engagements and sessions."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.audit import AuditEntry
from bot.ports.store import Store


def subjects_of(store: Store, person_id: int) -> set[str]:
    """The audit subjects that are the person or records of theirs."""
    subjects = {f"person:{person_id}"}
    subjects |= {f"request:{r.id}" for r in store.list_requests(coachee_id=person_id)}
    engagements = store.list_engagements(coach_id=person_id) + store.list_engagements(
        coachee_id=person_id
    )
    subjects |= {f"engagement:{e.id}" for e in engagements}
    subjects |= {f"session:{s.id}" for s in store.list_sessions(person_id=person_id)}
    return subjects


def entries_about(
    store: Store, person_id: int, entries: Sequence[AuditEntry] | None = None
) -> list[AuditEntry]:
    """Of `entries` (default: the whole log), those by or about the person, oldest first."""
    subjects = subjects_of(store, person_id)
    return [
        e
        for e in (store.list_audit() if entries is None else entries)
        if e.actor_id == person_id or e.subject in subjects
    ]
