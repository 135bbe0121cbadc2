"""The Teams app's two icons, drawn in code: a 192x192 colour icon and a 32x32 white
outline on transparency (what Teams asks for). Two linked rings: a coach and a coachee.

PNG is written by hand (zlib + struct) so the package needs no imaging library.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Iterator

ACCENT = (0x1F, 0x6F, 0x66)  # the manifest's accentColor, #1F6F66
WHITE = (0xFF, 0xFF, 0xFF)
COLOR_SIZE = 192
OUTLINE_SIZE = 32


def color_icon(size: int = COLOR_SIZE) -> bytes:
    rows = (
        b"".join(bytes(_blend(ACCENT, WHITE, _rings(x, y, size))) for x in range(size))
        for y in range(size)
    )
    return png(size, size, rows, alpha=False)


def outline_icon(size: int = OUTLINE_SIZE) -> bytes:
    rows = (
        b"".join(bytes((*WHITE, round(255 * _rings(x, y, size)))) for x in range(size))
        for y in range(size)
    )
    return png(size, size, rows, alpha=True)


def png(width: int, height: int, rows: Iterator[bytes], *, alpha: bool) -> bytes:
    """An 8-bit RGB or RGBA PNG from rows of packed pixels."""
    colour_type = 6 if alpha else 2
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(raw, 9)),
            _chunk(b"IEND", b""),
        )
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _rings(x: int, y: int, size: int) -> float:
    """How much of pixel (x, y) the two rings cover, 0 to 1 (edges anti-aliased)."""
    radius, width = 0.24 * size, max(1.5, 0.07 * size)
    cover = 0.0
    for centre_x in (0.38 * size, 0.62 * size):
        distance = math.hypot(x + 0.5 - centre_x, y + 0.5 - size / 2)
        edge = abs(distance - radius) - width / 2
        cover = max(cover, min(1.0, max(0.0, 0.5 - edge)))
    return cover


def _blend(under: tuple[int, int, int], over: tuple[int, int, int], cover: float) -> list[int]:
    return [round(u + (o - u) * cover) for u, o in zip(under, over, strict=True)]
