"""The audit log: who did what to which record, for coordinators and data-protection requests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor_id: int | None
    action: str
    subject: str
    detail: str = ""
