"""The digest's chart: hours held per week as bars, against the weekly target as a dashed
line. Numbers on it are few (axis marks, week numbers); the alt text carries them all. A
week whose hours were withheld (`privacy.py`) has no bar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.digest.glyphs import GLYPH_HEIGHT, draw_text, text_width
from bot.digest.model import WeekHours
from bot.digest.png import Canvas

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 52, WIDTH - 12, 16, HEIGHT - 26  # the plot area
TEXT_SCALE = 2
MAX_LABELS = 16  # week numbers that fit under the bars

BACKGROUND = (255, 255, 255)
BAR = (120, 170, 215)
LATEST_BAR = (31, 95, 160)  # the digest's own week
TARGET = (217, 72, 15)
AXIS = (110, 110, 110)


@dataclass(frozen=True)
class Bar:
    label: str
    hours: float | None  # None: withheld that week, no bar drawn
    left: int
    right: int
    top: int  # the bar fills [top, BOTTOM)


def layout(weeks: Sequence[WeekHours], *, target: float | None) -> tuple[list[Bar], float]:
    """Bars in pixel coordinates, and the hours the top of the plot stands for."""
    if not weeks:
        raise ValueError("a chart needs at least one week")
    top_hours = max(*(w.hours or 0.0 for w in weeks), target or 0.0, 0.0) * 1.1 or 1.0
    slot = (RIGHT - LEFT) / len(weeks)
    bars = []
    for index, week in enumerate(weeks):
        hours = week.hours or 0.0
        height = round(hours / top_hours * (BOTTOM - TOP))
        if hours > 0:
            height = max(height, 1)  # a week with any hours shows
        bars.append(
            Bar(
                label=week.label,
                hours=week.hours,
                left=LEFT + round(index * slot + slot * 0.15),
                right=LEFT + round((index + 1) * slot - slot * 0.15),
                top=BOTTOM - height,
            )
        )
    return bars, top_hours


def y_of(hours: float, top_hours: float) -> int:
    return BOTTOM - round(hours / top_hours * (BOTTOM - TOP))


def hours_chart(weeks: Sequence[WeekHours], *, target: float | None) -> bytes:
    """PNG bytes; `target` None draws no target line (an organisation's chart)."""
    canvas = Canvas(WIDTH, HEIGHT, BACKGROUND)
    bars, top_hours = layout(weeks, target=target)
    every = -(-len(bars) // MAX_LABELS)  # label every n-th week, counted from the latest
    for index, bar in enumerate(bars):
        latest = len(bars) - 1 - index
        colour = LATEST_BAR if latest == 0 else BAR
        canvas.fill(left=bar.left, top=bar.top, right=bar.right, bottom=BOTTOM, colour=colour)
        if latest % every == 0:
            _label_below(canvas, bar)
    canvas.fill(left=LEFT - 4, top=BOTTOM, right=RIGHT, bottom=BOTTOM + 1, colour=AXIS)
    canvas.fill(left=LEFT - 1, top=TOP, right=LEFT, bottom=BOTTOM + 1, colour=AXIS)
    _mark(canvas, 0.0, top_hours, AXIS)
    if target is not None and target > 0:
        y = y_of(target, top_hours)
        for x in range(LEFT, RIGHT, 12):
            canvas.fill(left=x, top=y - 1, right=min(x + 8, RIGHT), bottom=y + 1, colour=TARGET)
        _mark(canvas, target, top_hours, TARGET)
    highest = max((b.hours or 0.0 for b in bars), default=0.0)
    if highest > 0 and (target is None or abs(highest - target) > 0.1 * top_hours):
        _mark(canvas, highest, top_hours, AXIS)
    return canvas.png()


def _mark(canvas: Canvas, hours: float, top_hours: float, colour: tuple[int, int, int]) -> None:
    """A number against the left axis at the height it stands for."""
    text = f"{hours:.0f}"
    y = y_of(hours, top_hours) - GLYPH_HEIGHT * TEXT_SCALE // 2
    left = LEFT - 6 - text_width(text, scale=TEXT_SCALE)
    draw_text(canvas, text, left=left, top=y, scale=TEXT_SCALE, colour=colour)


def _label_below(canvas: Canvas, bar: Bar) -> None:
    text = "W" + bar.label.rpartition("W")[2]
    left = (bar.left + bar.right - text_width(text, scale=TEXT_SCALE)) // 2
    draw_text(canvas, text, left=left, top=BOTTOM + 8, scale=TEXT_SCALE, colour=AXIS)
