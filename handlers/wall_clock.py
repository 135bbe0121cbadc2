"""The real clock, used only by the composition root when not simulating."""

from __future__ import annotations

from datetime import UTC, datetime


class WallClock:
    def now(self) -> datetime:
        return datetime.now(UTC)
