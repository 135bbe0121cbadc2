"""The audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.domain.audit import AuditEntry
from storage.models import AuditRow
from storage.unit import UnitOfWork


class AuditRepo(UnitOfWork):
    def audit(self, entry: AuditEntry) -> None:
        with self._write() as s:
            s.add(
                AuditRow(
                    at=entry.at,
                    actor_id=entry.actor_id,
                    action=entry.action,
                    subject=entry.subject,
                    detail=entry.detail,
                )
            )

    def list_audit(
        self, *, subject_prefix: str = "", since: datetime | None = None
    ) -> list[AuditEntry]:
        """Oldest first; the prefix is taken literally (`%` and `_` are not wildcards)."""
        query = select(
            AuditRow.at, AuditRow.actor_id, AuditRow.action, AuditRow.subject, AuditRow.detail
        )
        if since is not None:
            query = query.where(AuditRow.at >= since)
        if subject_prefix:
            query = query.where(AuditRow.subject.startswith(subject_prefix, autoescape=True))
        with self._read() as s:
            return [
                AuditEntry(at=at, actor_id=actor, action=action, subject=subject, detail=detail)
                for at, actor, action, subject, detail in s.execute(
                    query.order_by(AuditRow.at, AuditRow.id)
                )
            ]
