"""Turning an uploaded roster file's bytes into text, whichever way the spreadsheet saved it."""

from __future__ import annotations

import codecs


class RosterDecodeError(ValueError):
    """The bytes are not a CSV file we can read; the message says what to do instead."""


_SAVE_AS = "in the spreadsheet choose Save As > 'CSV UTF-8 (comma delimited)'"


def decode_roster(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark) first, then Excel's UTF-16 "Unicode text", then
    Windows-1252, which is what Excel's plain "CSV" saves on a UK Windows machine."""
    if data.startswith(b"PK\x03\x04"):
        raise RosterDecodeError(f"this is an Excel workbook (.xlsx), not a CSV file: {_SAVE_AS}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise RosterDecodeError(f"the file is not text in a known encoding: {_SAVE_AS}")
