"""A 3x5 pixel font for the chart's axis numbers: digits, the week letter and a point."""

from __future__ import annotations

from bot.digest.png import Canvas, Colour

# Rows top to bottom; "#" is ink.
_FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    "W": ("#.#", "#.#", "#.#", "###", "#.#"),
    ".": ("...", "...", "...", "...", ".#."),
    " ": ("...", "...", "...", "...", "..."),
}
GLYPH_WIDTH, GLYPH_HEIGHT = 3, 5


def text_width(text: str, *, scale: int) -> int:
    return max(len(text) * (GLYPH_WIDTH + 1) - 1, 0) * scale


def draw_text(
    canvas: Canvas, text: str, *, left: int, top: int, scale: int, colour: Colour
) -> None:
    """Characters outside the font are drawn as spaces."""
    for index, char in enumerate(text):
        rows = _FONT.get(char, _FONT[" "])
        origin = left + index * (GLYPH_WIDTH + 1) * scale
        for y, row in enumerate(rows):
            for x, ink in enumerate(row):
                if ink == "#":
                    canvas.fill(
                        left=origin + x * scale,
                        top=top + y * scale,
                        right=origin + (x + 1) * scale,
                        bottom=top + (y + 1) * scale,
                        colour=colour,
                    )
