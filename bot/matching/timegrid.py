"""Time as bits, so that matching thousands of coaches costs a few integer operations each.

The horizon is cut into `step` cells aligned as `scheduling.align_up` aligns slots; a set of
windows becomes a Python int with bit i set when cell i lies wholly inside the windows. Then
"free and wanted" is `a & b`, and "where could a 60-minute session start" is a run test on
the bits (`starts`). Because slots are step-aligned too, the bits agree exactly with
`scheduling.candidate_slots`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.timewindow import TimeWindow
from bot.scheduling import align_up


@dataclass(frozen=True)
class TimeGrid:
    origin: datetime  # start of cell 0, aligned to `step`
    step: timedelta
    cells: int

    @classmethod
    def covering(cls, horizon: TimeWindow, step: timedelta) -> TimeGrid:
        origin = align_up(horizon.start, step)
        if origin > horizon.start:
            origin -= step
        return cls(origin, step, -((origin - horizon.end) // step))

    @property
    def end(self) -> datetime:
        return self.origin + self.cells * self.step

    @property
    def full(self) -> int:
        return (1 << self.cells) - 1

    def index_at_or_after(self, instant: datetime) -> int:
        """The first cell that starts at or after `instant`, clamped to [0, cells]."""
        return min(max(-((self.origin - instant) // self.step), 0), self.cells)

    def index_at_or_before(self, instant: datetime) -> int:
        """The last cell boundary at or before `instant`, clamped to [0, cells]."""
        return min(max((instant - self.origin) // self.step, 0), self.cells)

    def mask(self, windows: Iterable[TimeWindow]) -> int:
        """Bits of the cells wholly inside any of `windows`."""
        bits = 0
        for window in windows:
            low = self.index_at_or_after(window.start)
            high = self.index_at_or_before(window.end)
            if low < high:
                bits |= ((1 << (high - low)) - 1) << low
        return bits

    def from_instant(self, instant: datetime) -> int:
        """Bits of every cell that starts at or after `instant`."""
        return self.full >> self.index_at_or_after(instant) << self.index_at_or_after(instant)

    def before(self, instant: datetime) -> int:
        """Bits of every cell that starts before `instant`."""
        return (1 << self.index_at_or_after(instant)) - 1

    def ending_by(self, instant: datetime) -> int:
        """Bits of every cell that ends at or before `instant`."""
        return (1 << self.index_at_or_before(instant)) - 1

    def cell(self, index: int) -> datetime:
        return self.origin + index * self.step

    def days(self, tz: ZoneInfo) -> list[tuple[date, int]]:
        """Each local date in `tz` with the bits of the cells that start on it."""
        result: list[tuple[date, int]] = []
        day = self.origin.astimezone(tz).date()
        while True:
            start = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
            end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
            low, high = self.index_at_or_after(start), self.index_at_or_after(end)
            if low < high:
                result.append((day, ((1 << (high - low)) - 1) << low))
            if end >= self.end:
                return result
            day += timedelta(days=1)


def starts(bits: int, cells: int) -> int:
    """Bits where `cells` consecutive set bits begin: where a session of that many cells fits."""
    result = bits
    span = 1
    # Doubling: after each round, bit i means bits i..i+span-1 are all set.
    while span * 2 <= cells:
        result &= result >> span
        span *= 2
    if span < cells:
        result &= result >> (cells - span)
    return result
