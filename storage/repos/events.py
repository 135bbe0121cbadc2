"""Platform events already seen: Slack and Teams retry deliveries, we act once."""

from __future__ import annotations

from datetime import datetime

from storage.models import ProcessedEventRow
from storage.repos.upsert import insert_or_ignore
from storage.unit import UnitOfWork


class EventRepo(UnitOfWork):
    def remember_event(self, platform: str, event_id: str, *, at: datetime) -> bool:
        """Record a platform event id; False if it was seen before. Race-safe: of
        concurrent calls with one id exactly one returns True."""
        with self._write() as s:
            return insert_or_ignore(
                s,
                ProcessedEventRow,
                {"platform": platform, "event_id": event_id, "seen_at": at},
                unique=("platform", "event_id"),
            )
