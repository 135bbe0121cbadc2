"""The audit log, a person's erasure and retention: what data protection asks of the store."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.domain.audit import AuditEntry
from bot.domain.retention import RetentionCutoffs, RetentionReport


class AuditStore(Protocol):
    def audit(self, entry: AuditEntry) -> None: ...
    def list_audit(
        self, *, subject_prefix: str = "", since: datetime | None = None
    ) -> list[AuditEntry]:
        """Oldest first; `since` (inclusive) limits by time."""
        ...


class PrivacyStore(Protocol):
    def erase_person(self, person_id: int, *, at: datetime, by: str = "") -> None:
        """Data-protection erasure of the stored traces (the lifecycle part is
        `bot.privacy.erasure`): delete the person's identities, conversations and every
        message to them; delete or scrub every other row that holds their name, email,
        platform ids or words (finished messages, platform event ids, audit details, close
        reasons); blank their free text and profile. Keep anonymous counts and hours. One
        audit entry "person.erased" (detail `by`) names no one."""
        ...

    def forget_expired(self, cutoffs: RetentionCutoffs) -> RetentionReport:
        """Retention: blank the free text of requests and engagements closed, feedback
        given and wordy audit entries written before `free_text_before`; delete
        conversations idle since before `conversations_before` and platform event ids seen
        before it; empty the payloads of finished messages due before `messages_before`.
        Counts, states, times, ratings and themes are untouched."""
        ...
