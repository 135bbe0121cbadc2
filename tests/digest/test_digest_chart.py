"""The digest's chart is a board-pack figure: a title, axis titles with units, a legend,
dated week labels, the weekly target, and the hours since 1 April against the annual target.
A withheld week has no bar."""

from __future__ import annotations

import struct
from datetime import date

import pytest
from digest_testkit import WEEK, DigestPool

from bot.digest.chart import ChartSpec, cumulative, week_label
from bot.digest.drawing import chart_figure, draw
from bot.digest.figures import build_digest
from bot.digest.model import WeekHours
from bot.digest.render import chart_alt_text, chart_spec, digest_chart


def weeks(*hours: float | None) -> list[WeekHours]:
    return [WeekHours(f"2026-W{36 + n:02d}", h) for n, h in enumerate(hours)]


def spec(*hours: float | None, target: float | None = 79.6) -> ChartSpec:
    return ChartSpec(
        title="The pool: hours of coaching",
        weekly=weeks(*hours),
        weekly_target=target,
        year=weeks(*hours),
        year_start=date(2026, 4, 1),
        year_end=date(2027, 4, 1),
        annual_target=4140.0 if target else None,
    )


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_the_chart_is_a_png_big_enough_for_a_report() -> None:
    png = draw(spec(60, 72, 81, 55, 90))
    assert png_size(png) == (1000, 700)


def test_titles_units_legend_and_dated_week_labels() -> None:
    figure = chart_figure(spec(60, 72, None, 55))
    weekly, year = figure.axes
    assert figure.get_suptitle() == "The pool: hours of coaching"
    assert weekly.get_ylabel() == "Hours per week"
    assert weekly.get_xlabel() == "Week commencing (Monday)"
    assert year.get_ylabel() == "Hours, cumulative"
    assert "against the annual target" in year.get_title(loc="left")
    labels = [t.get_text() for t in weekly.get_xticklabels()]
    assert labels == ["w/c 31 Aug", "w/c 7 Sep", "w/c 14 Sep", "w/c 21 Sep"]
    legend = [t.get_text() for t in weekly.get_legend().get_texts()]
    assert sorted(legend) == ["Hours held", "Weekly target (79.6 h)"]
    year_legend = [t.get_text() for t in year.get_legend().get_texts()]
    assert sorted(year_legend) == [
        "Annual target pro rata (4,140 h a year)",
        "Hours held since the year began",
    ]


def test_bars_stand_for_the_hours_and_a_withheld_week_has_none() -> None:
    figure = chart_figure(spec(10, None, 40, 0, target=None))
    bars = figure.axes[0].patches
    assert [round(b.get_height(), 6) for b in bars] == [10, 40, 0]
    assert [round(b.get_x() + b.get_width() / 2) for b in bars] == [0, 2, 3]
    marks = [t.get_text() for t in figure.axes[0].texts]
    assert marks == ["withheld"]
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert legend == ["Hours held"]  # no target


def test_the_cumulative_line_adds_up_the_weeks_shown() -> None:
    points = cumulative(weeks(10, None, 5.5))
    assert [h for _, h in points] == [10, 10, 15.5]
    assert points[0][0] == date(2026, 9, 7)  # the end of the week commencing 31 August


def test_week_labels_read_as_dates() -> None:
    assert week_label("2026-W48") == "w/c 23 Nov"
    assert week_label("2027-W01") == "w/c 4 Jan"


def test_a_chart_needs_weeks() -> None:
    with pytest.raises(ValueError, match="at least one week"):
        draw(ChartSpec("empty", (), None))


def test_svg_for_the_dashboard() -> None:
    svg = draw(spec(3, 4), file_format="svg").decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg


def test_the_same_figures_draw_the_same_svg_bytes() -> None:
    """The dashboard's chart is byte-stable: its SVG ids do not change from draw to draw."""
    first = draw(spec(3, 4), file_format="svg")
    assert draw(spec(3, 4), file_format="svg") == first
    assert draw(spec(3, 5), file_format="svg") != first
    assert draw(spec(3, 4, target=None), file_format="svg") != first


def test_the_digest_chart_and_its_alt_text(pool: DigestPool) -> None:
    digest = build_digest(pool.services(), week=WEEK)
    image = digest_chart(digest)
    assert png_size(image.content) == (1000, 700)
    alt = chart_alt_text(digest)
    assert alt == image.alt_text
    assert "weekly target of 79.6 hours" in alt
    assert "annual target of 4,140 hours" in alt
    assert "withheld" in alt  # a week of the series was withheld (see test_digest_figures)
    beta = build_digest(pool.services(), week=WEEK, organisation_id=pool.orgs["beta"].id)
    assert "target" not in chart_alt_text(beta)
    figure = chart_figure(chart_spec(beta))
    legends = [t.get_text() for ax in figure.axes for t in ax.get_legend().get_texts()]
    assert legends and not any("target" in text for text in legends)
