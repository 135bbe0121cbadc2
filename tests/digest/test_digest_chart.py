"""The chart is a valid PNG whose bars stand for the hours, drawn without any library."""

from __future__ import annotations

import struct
import zlib

import pytest

from bot.digest.chart import (
    BAR,
    BOTTOM,
    HEIGHT,
    LATEST_BAR,
    TARGET,
    WIDTH,
    hours_chart,
    layout,
    y_of,
)
from bot.digest.model import WeekHours
from bot.digest.png import SIGNATURE, Canvas

Pixels = list[list[tuple[int, int, int]]]


def decode(png: bytes) -> tuple[int, int, Pixels]:
    """A strict little PNG reader: every chunk's CRC checked, 8-bit RGB, filter 0."""
    assert png[:8] == SIGNATURE
    position, chunks = 8, []
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        data = png[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", png[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + data) & 0xFFFFFFFF, f"bad CRC in {kind!r}"
        chunks.append((kind, data))
        position += 12 + length
    assert chunks[0][0] == b"IHDR"
    assert chunks[-1] == (b"IEND", b"")
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", chunks[0][1]
    )
    assert (depth, colour, compression, filtering, interlace) == (8, 2, 0, 0, 0)
    raw = zlib.decompress(b"".join(data for kind, data in chunks if kind == b"IDAT"))
    stride = 1 + width * 3
    assert len(raw) == stride * height
    rows: Pixels = []
    for y in range(height):
        line = raw[y * stride : (y + 1) * stride]
        assert line[0] == 0  # filter type none
        rows.append([tuple(line[1 + 3 * x : 4 + 3 * x]) for x in range(width)])  # type: ignore[misc]
    return width, height, rows


def weeks(*hours: float) -> list[WeekHours]:
    return [WeekHours(f"2026-W{36 + n:02d}", h) for n, h in enumerate(hours)]


def bar_heights(rows: Pixels) -> list[int]:
    """Each bar's height in pixels, found by its colour, left to right."""
    width = len(rows[0])
    heights, x = [], 0
    while x < width:
        if rows[BOTTOM - 1][x] in {BAR, LATEST_BAR}:
            top = BOTTOM - 1
            while top > 0 and rows[top - 1][x] in {BAR, LATEST_BAR, TARGET}:
                top -= 1
            heights.append(BOTTOM - top)
            while x < width and rows[BOTTOM - 1][x] in {BAR, LATEST_BAR}:
                x += 1
        x += 1
    return heights


def test_the_chart_is_a_valid_png_of_the_stated_size() -> None:
    png = hours_chart(weeks(60, 72, 81, 55, 90, 79, 0, 40, 100, 77, 66, 71.5), target=79.6)
    width, height, rows = decode(png)
    assert (width, height) == (WIDTH, HEIGHT) == (len(rows[0]), len(rows))


def test_bar_heights_are_proportional_to_the_hours() -> None:
    hours = (10.0, 20.0, 40.0, 0.0, 30.0)
    _, _, rows = decode(hours_chart(weeks(*hours), target=None))
    heights = bar_heights(rows)
    assert len(heights) == 4  # the empty week has no bar
    tallest = max(heights)
    for height, value in zip(heights, (10, 20, 40, 30), strict=True):
        assert height == pytest.approx(tallest * value / 40, abs=1)


def test_the_latest_week_is_highlighted_and_the_target_is_drawn() -> None:
    series = weeks(10, 20, 30)
    png = hours_chart(series, target=25)
    _, _, rows = decode(png)
    bars, top_hours = layout(series, target=25)
    assert rows[BOTTOM - 1][bars[-1].left] == LATEST_BAR
    assert rows[BOTTOM - 1][bars[0].left] == BAR
    target_row = rows[y_of(25, top_hours)]
    assert sum(pixel == TARGET for pixel in target_row) > WIDTH // 3  # a dashed line


def test_no_target_line_without_a_target() -> None:
    _, _, rows = decode(hours_chart(weeks(10, 20), target=None))
    assert not any(TARGET in row for row in rows)


def test_an_all_zero_chart_still_draws() -> None:
    width, _, rows = decode(hours_chart(weeks(0, 0, 0), target=None))
    assert width == WIDTH and bar_heights(rows) == []


def test_a_week_with_little_time_still_shows() -> None:
    _, _, rows = decode(hours_chart(weeks(1000, 0.5), target=None))
    assert bar_heights(rows)[1] >= 1


def test_a_chart_needs_weeks_and_a_canvas_a_size() -> None:
    with pytest.raises(ValueError, match="at least one week"):
        hours_chart([], target=None)
    with pytest.raises(ValueError, match="positive size"):
        Canvas(0, 10, (0, 0, 0))
