"""A minimal RGB canvas and PNG encoder (zlib + struct): enough for a bar chart, with no
imaging library to install or keep patched."""

from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
Colour = tuple[int, int, int]


class Canvas:
    def __init__(self, width: int, height: int, background: Colour) -> None:
        if width <= 0 or height <= 0:
            raise ValueError(f"a canvas needs a positive size, not {width}x{height}")
        self.width, self.height = width, height
        self._pixels = bytearray(bytes(background) * (width * height))

    def fill(self, *, left: int, top: int, right: int, bottom: int, colour: Colour) -> None:
        """Fill [left, right) x [top, bottom), clipped to the canvas."""
        left, right = max(left, 0), min(right, self.width)
        top, bottom = max(top, 0), min(bottom, self.height)
        if left >= right:
            return
        run = bytes(colour) * (right - left)
        for y in range(top, bottom):
            start = (y * self.width + left) * 3
            self._pixels[start : start + len(run)] = run

    def pixel(self, x: int, y: int) -> Colour:
        start = (y * self.width + x) * 3
        r, g, b = self._pixels[start : start + 3]
        return (r, g, b)

    def png(self) -> bytes:
        stride = self.width * 3
        # Each scanline starts with its filter type: 0, none.
        raw = b"".join(
            b"\x00" + bytes(self._pixels[y * stride : (y + 1) * stride]) for y in range(self.height)
        )
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return b"".join(
            (
                SIGNATURE,
                _chunk(b"IHDR", header),
                _chunk(b"IDAT", zlib.compress(raw, 9)),
                _chunk(b"IEND", b""),
            )
        )


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
