"""The digest's chart, fit for a board pack: hours held per week against the weekly target
(top panel), and the hours since the financial year began against the annual target (bottom
panel). The alt text (`render.chart_alt_text`) carries every number; a week whose hours
were withheld (`privacy.py`) has no bar, and is marked "withheld" under the axis.

What the chart shows is here; drawing it is bot/digest/drawing.py, which imports matplotlib
and is itself imported only when a chart is drawn, so the command line and the bot start
quickly."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.digest.model import WeekHours


@dataclass(frozen=True)
class ChartSpec:
    """What the chart shows; neutral data, so the dashboard draws the same chart."""

    title: str
    weekly: Sequence[WeekHours]  # the bars, oldest first
    weekly_target: float | None  # None: no target line (an organisation's own chart)
    year: Sequence[WeekHours] = ()  # the financial year's weeks so far, for the second panel
    year_start: date | None = None
    year_end: date | None = None
    annual_target: float | None = None


def monday_of(label: str) -> date:
    """'2026-W47' -> the Monday that week begins."""
    year, _, number = label.partition("-W")
    return date.fromisocalendar(int(year), int(number), 1)


def week_label(label: str) -> str:
    """'2026-W48' -> 'w/c 23 Nov': the week commencing, as a board report writes it."""
    monday = monday_of(label)
    return f"w/c {monday.day} {monday:%b}"


def cumulative(weeks: Sequence[WeekHours]) -> list[tuple[date, float]]:
    """The running total at the end of each week; a withheld week adds nothing (privacy
    rule 4: the year's figure adds up the weeks whose figures were printed)."""
    total, points = 0.0, []
    for week in weeks:
        total += week.hours or 0.0
        points.append((monday_of(week.label) + timedelta(days=7), total))
    return points
