from __future__ import annotations

import codecs

import pytest

from handlers.pool.roster_csv import RosterDecodeError, decode_roster

TEXT = "email,name\nsiobhan.kelly@coventry.gov.uk,Siobhán Kelly – £0\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("cp1252"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252", "utf-16 le", "utf-16 be"],
)
def test_the_encodings_spreadsheets_save(data: bytes) -> None:
    assert decode_roster(data) == TEXT


def test_an_excel_workbook_is_recognised() -> None:
    with pytest.raises(RosterDecodeError, match=r"Excel workbook \(\.xlsx\), not a CSV file"):
        decode_roster(b"PK\x03\x04\x14\x00rest of a zip file")


@pytest.mark.parametrize("data", [b"email\x00,name", b"email,\x81\x8d\x8f\x90\x9d"])
def test_binary_or_undecodable_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(RosterDecodeError, match="not text in a known encoding"):
        decode_roster(data)
