"""The digest's chart drawn with matplotlib on its Agg backend (no display needed), as PNG
or SVG: the one place PNGs are drawn. Import it only where a chart is drawn, inside the
function that draws (bot/digest/render.py), so matplotlib loads only then."""

from __future__ import annotations

import io
from datetime import date
from typing import Literal

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bot.digest.chart import ChartSpec, cumulative, week_label

WIDTH_INCHES, HEIGHT_INCHES, DPI = 10.0, 7.0, 100  # 1000 × 700 pixels as PNG
MAX_LABELS = 13  # week labels that fit under the bars
SVG_ID_SALT = "coachpool-digest-chart"

# Colours with at least 3:1 contrast against white (WCAG 2.2, non-text contrast).
BAR = "#6f9fcf"
LATEST_BAR = "#1f5fa0"  # the digest's own week
TARGET = "#b83d0b"
CUMULATIVE = "#1f5fa0"
MUTED = "#595959"


def chart_figure(spec: ChartSpec) -> Figure:
    if not spec.weekly:
        raise ValueError("a chart needs at least one week")
    with_year = spec.year_start is not None and spec.year_end is not None
    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES if with_year else 4.2), dpi=DPI)
    figure.suptitle(spec.title, fontsize=15, fontweight="bold")
    if with_year:
        weekly_axes, year_axes = figure.subplots(2, 1, gridspec_kw={"hspace": 0.55})
        _draw_weekly(weekly_axes, spec)
        _draw_year(year_axes, spec)
    else:
        _draw_weekly(figure.subplots(), spec)
    figure.subplots_adjust(left=0.08, right=0.98, top=0.9, bottom=0.1)
    return figure


def _draw_weekly(axes: Axes, spec: ChartSpec) -> None:
    weeks = list(spec.weekly)
    positions = list(range(len(weeks)))
    heights = [w.hours or 0.0 for w in weeks]
    colours = [LATEST_BAR if i == len(weeks) - 1 else BAR for i in positions]
    shown = [i for i, w in enumerate(weeks) if w.hours is not None]
    axes.bar(
        [positions[i] for i in shown],
        [heights[i] for i in shown],
        color=[colours[i] for i in shown],
        width=0.7,
        label="Hours held",
    )
    if spec.weekly_target is not None and spec.weekly_target > 0:
        axes.axhline(
            spec.weekly_target,
            color=TARGET,
            linestyle="--",
            linewidth=2,
            label=f"Weekly target ({spec.weekly_target:,.1f} h)",
        )
    top = max([*heights, spec.weekly_target or 0.0, 1.0]) * 1.3  # room for the legend
    axes.set_ylim(0, top)
    for i, week in enumerate(weeks):
        if week.hours is None:
            axes.text(i, top * 0.02, "withheld", rotation=90, ha="center", va="bottom",
                      fontsize=8, color=MUTED)  # fmt: skip
    every = -(-len(weeks) // MAX_LABELS)  # every n-th week, counted from the latest
    ticks = [i for i in positions if (len(weeks) - 1 - i) % every == 0]
    axes.set_xticks(ticks, [week_label(weeks[i].label) for i in ticks], fontsize=8)
    axes.set_xlim(-0.6, len(weeks) - 0.4)
    axes.set_title("Hours of coaching held each week", fontsize=12, loc="left")
    axes.set_xlabel("Week commencing (Monday)")
    axes.set_ylabel("Hours per week")
    axes.grid(axis="y", color="#dddddd")
    axes.set_axisbelow(True)
    axes.legend(loc="upper left", fontsize=9, frameon=False, ncols=2)


def _draw_year(axes: Axes, spec: ChartSpec) -> None:
    """x is days since the year began, labelled with the months (matplotlib's date
    handling is untyped; days are plain numbers)."""
    assert spec.year_start is not None and spec.year_end is not None
    start, end = spec.year_start, spec.year_end
    points = [(start, 0.0), *cumulative(spec.year)]
    axes.plot(
        [float((d - start).days) for d, _ in points],
        [h for _, h in points],
        color=CUMULATIVE,
        linewidth=2.5,
        marker="o" if len(points) < 20 else None,
        markersize=3,
        label="Hours held since the year began",
    )
    top = points[-1][1]
    if spec.annual_target:
        axes.plot(
            [0.0, float((end - start).days)],
            [0.0, spec.annual_target],
            color=TARGET,
            linestyle="--",
            linewidth=2,
            label=f"Annual target pro rata ({spec.annual_target:,.0f} h a year)",
        )
        top = max(top, spec.annual_target)
    axes.set_ylim(0, top * 1.15 or 1.0)
    axes.yaxis.set_major_formatter("{x:,.0f}")
    axes.set_xlim(0, (end - start).days)
    months = _month_starts(start, end)[::2]
    axes.set_xticks([float((m - start).days) for m in months], [f"{m:%b %Y}" for m in months])
    axes.set_title(
        f"Hours since {start.day} {start:%B %Y}, against the annual target",
        fontsize=12,
        loc="left",
    )
    axes.set_xlabel("Date")
    axes.set_ylabel("Hours, cumulative")
    axes.grid(color="#dddddd")
    axes.legend(loc="upper left", fontsize=9, frameon=False)


def _month_starts(start: date, end: date) -> list[date]:
    months, day = [], start.replace(day=1)
    while day < end:
        if day >= start:
            months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def draw(spec: ChartSpec, *, file_format: Literal["png", "svg"] = "png") -> bytes:
    """The chart as PNG (chat, board packs) or SVG (the dashboard) bytes."""
    # SVG text stays text (smaller, sharp, selectable), in the page's sans-serif font. The
    # SVG's ids (markers, clip paths) hash their content with a salt, by default a new uuid4
    # each draw: a fixed salt makes the same figures draw the same bytes. The dashboard shows
    # the chart as an image of its own, so its ids never meet another chart's.
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": SVG_ID_SALT}):
        figure = chart_figure(spec)
        FigureCanvasAgg(figure)
        out = io.BytesIO()
        figure.savefig(out, format=file_format, dpi=DPI, metadata=_metadata(file_format))
    return out.getvalue()


def _metadata(file_format: str) -> dict[str, str | None]:
    # No creation date: the same figures draw the same bytes.
    return {"Date": None} if file_format == "svg" else {"Software": "coachpool"}
