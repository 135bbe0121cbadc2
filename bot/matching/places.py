"""Whether two place names mean the same place, leniently: "Dudley" meets "Dudley Council House"."""

from __future__ import annotations

import re
from collections.abc import Iterable

_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise_place(text: str) -> str:
    return " ".join(_NON_WORD.split(text.lower())).strip()


def places_match(wanted: str, offered: Iterable[str]) -> bool | None:
    """True/False when both sides name places (already normalised), None when either is silent."""
    offered = [place for place in offered if place]
    if not wanted or not offered:
        return None
    padded = f" {wanted} "
    return any(padded in f" {place} " or f" {place} " in padded for place in offered)
