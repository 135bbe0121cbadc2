"""A span of time, always held in UTC; shown in a person's zone only at the edge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta


@dataclass(frozen=True, order=True)
class TimeWindow:
    """Half-open interval [start, end) of aware UTC datetimes."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("TimeWindow needs timezone-aware datetimes")
        if self.end <= self.start:
            raise ValueError(f"TimeWindow ends before it starts: {self.start} .. {self.end}")
        # Normalise to UTC so that equality and ordering never depend on the zone given.
        object.__setattr__(self, "start", self.start.astimezone(UTC))
        object.__setattr__(self, "end", self.end.astimezone(UTC))

    @classmethod
    def stored(cls, start: datetime, end: datetime) -> TimeWindow:
        """A window the store read back, its instants aware UTC and in order because a
        TimeWindow wrote them: made without checking again (a fifth of the time), for
        reads of thousands of rows."""
        window = object.__new__(cls)
        object.__setattr__(window, "start", start)
        object.__setattr__(window, "end", end)
        return window

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def overlaps(self, other: TimeWindow) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: TimeWindow) -> bool:
        return self.start <= other.start and other.end <= self.end

    def intersection(self, other: TimeWindow) -> TimeWindow | None:
        start, end = max(self.start, other.start), min(self.end, other.end)
        return TimeWindow(start, end) if start < end else None


def windows_to_data(windows: Sequence[TimeWindow]) -> list[list[str]]:
    """Windows as plain data (a conversation's or an outbox message's JSON)."""
    return [[w.start.isoformat(), w.end.isoformat()] for w in windows]
