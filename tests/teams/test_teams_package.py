"""`coachpool teams-package`: a manifest Teams accepts and two valid icons."""

from __future__ import annotations

import argparse
import json
import struct
import zipfile
import zlib
from importlib.resources import files
from pathlib import Path

import pytest

from handlers.cli import teams_package_cmd
from handlers.cli.common import UsageError

APP_ID = "6f1c0a3e-0000-4000-8000-00000000b0b0"


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    teams_package_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["teams-package", *argv])
    return int(args.run(args))


def _png(data: bytes) -> tuple[int, int, int, bytes]:
    """(width, height, colour type, raw scanlines) after checking every chunk's CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks = 8, {}
    while position < len(data):
        (size,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + size]
        (crc,) = struct.unpack(">I", data[position + 8 + size : position + 12 + size])
        assert crc == zlib.crc32(kind + body)
        chunks[kind] = chunks.get(kind, b"") + body
        position += 12 + size
    assert set(chunks) == {b"IHDR", b"IDAT", b"IEND"}
    width, height, depth, colour, *_ = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert depth == 8
    return width, height, colour, zlib.decompress(chunks[b"IDAT"])


def test_the_package_holds_a_manifest_and_two_icons(tmp_path: Path) -> None:
    out = tmp_path / "teams.zip"
    assert _run("--out", str(out), "--app-id", APP_ID, "--domain", "coaching.example.gov.uk") == 0
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        color, outline = archive.read("color.png"), archive.read("outline.png")

    assert manifest["manifestVersion"] == "1.22"
    assert manifest["$schema"].endswith("/v1.22/MicrosoftTeams.schema.json")
    assert manifest["id"] == APP_ID
    [bot] = manifest["bots"]
    assert bot["botId"] == APP_ID
    assert bot["scopes"] == ["personal"]
    assert bot["supportsFiles"] is True
    commands = bot["commandLists"][0]["commands"]
    assert {"coaching", "sessions", "help"} <= {c["title"] for c in commands}
    assert all(len(c["title"]) <= 32 and len(c["description"]) <= 128 for c in commands)
    assert manifest["validDomains"] == ["coaching.example.gov.uk"]
    assert manifest["developer"]["websiteUrl"] == "https://coaching.example.gov.uk"
    assert len(manifest["name"]["short"]) <= 30
    assert len(manifest["description"]["short"]) <= 80
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}

    # The icons are the files shipped with the package, not drawn at run time.
    assets = files("handlers.teams") / "assets"
    assert color == (assets / "color.png").read_bytes()
    assert outline == (assets / "outline.png").read_bytes()

    width, height, colour, raw = _png(color)
    assert (width, height, colour) == (192, 192, 2)
    background = raw[1:4]  # the top-left pixel: the accent colour, as in the manifest
    assert manifest["accentColor"] == "#" + background.hex().upper()

    width, height, colour, raw = _png(outline)
    assert (width, height, colour) == (32, 32, 6)
    rows = [raw[r * (1 + 32 * 4) + 1 : (r + 1) * (1 + 32 * 4)] for r in range(32)]
    pixels = [row[i : i + 4] for row in rows for i in range(0, len(row), 4)]
    # White outline on transparency, and both are there.
    assert all(p[:3] == b"\xff\xff\xff" for p in pixels)
    alphas = {p[3] for p in pixels}
    assert 0 in alphas and 255 in alphas
    assert pixels[0][3] == 0


def test_the_app_id_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MICROSOFT_APP_ID", APP_ID)
    out = tmp_path / "teams.zip"
    assert _run("--out", str(out)) == 0
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["id"] == APP_ID
    assert manifest["validDomains"] == []


def test_a_missing_or_malformed_app_id_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MICROSOFT_APP_ID", raising=False)
    with pytest.raises(UsageError, match="App ID"):
        _run("--out", str(tmp_path / "a.zip"))
    with pytest.raises(UsageError, match="GUID"):
        _run("--out", str(tmp_path / "a.zip"), "--app-id", "not-a-guid")
    assert not (tmp_path / "a.zip").exists()


def test_the_package_is_reproducible(tmp_path: Path) -> None:
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    for out in (first, second):
        _run("--out", str(out), "--app-id", APP_ID, "--domain", "https://bot.example.org/x")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert json.loads(archive.read("manifest.json"))["validDomains"] == ["bot.example.org"]
