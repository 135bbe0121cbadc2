"""Just enough YAML to read manifest.yml (block mappings, block lists, plain or quoted
scalars, comments), so the manifest test needs no YAML package. Anything else in the
file fails loudly rather than being misread."""

from __future__ import annotations

import json
from typing import Any


def load(text: str) -> Any:
    lines = [
        (len(raw) - len(raw.lstrip(" ")), raw.strip())
        for raw in text.splitlines()
        if raw.strip() and not raw.strip().startswith("#")
    ]
    value, end = _block(lines, 0, lines[0][0])
    if end != len(lines):
        raise ValueError(f"unexpected indentation at {lines[end][1]!r}")
    return value


def _block(lines: list[tuple[int, str]], at: int, indent: int) -> tuple[Any, int]:
    if lines[at][1].startswith("- "):
        items: list[Any] = []
        while at < len(lines) and lines[at][0] == indent and lines[at][1].startswith("- "):
            rest = lines[at][1][2:]
            if _pair(rest) is not None:
                # "- key: value" opens a mapping whose other keys sit 2 columns in
                lines[at] = (indent + 2, rest)
                item, at = _block(lines, at, indent + 2)
            else:
                item, at = _scalar(rest), at + 1
            items.append(item)
        return items, at
    mapping: dict[str, Any] = {}
    while at < len(lines) and lines[at][0] == indent:
        pair = _pair(lines[at][1])
        if pair is None:
            raise ValueError(f"expected 'key: value', got {lines[at][1]!r}")
        key, rest = pair
        if rest:
            mapping[key] = _scalar(rest)
            at += 1
        elif at + 1 < len(lines) and lines[at + 1][0] > indent:
            mapping[key], at = _block(lines, at + 1, lines[at + 1][0])
        else:
            mapping[key], at = None, at + 1
    return mapping, at


def _pair(line: str) -> tuple[str, str] | None:
    """(key, value) of a "key: value" or "key:" line; None for a plain scalar such as
    "chat:write" (YAML needs a space after the colon)."""
    if line.startswith('"'):
        return None
    if line.endswith(":"):
        return line[:-1], ""
    if ": " in line:
        key, _, rest = line.partition(": ")
        return key, rest.strip()
    return None


def _scalar(text: str) -> Any:
    if text.startswith('"'):
        return json.loads(text)
    if text in {"true", "false"}:
        return text == "true"
    if text.lstrip("-").isdigit():
        return int(text)
    if text[:1] in "[{&*!|>'":
        raise ValueError(f"unsupported YAML: {text!r}")
    return text
