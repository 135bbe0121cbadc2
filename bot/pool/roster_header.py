"""Reading a roster's header row: which column is where, and what is wrong with it."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.pool.roster_columns import Column, normalise_header
from bot.pool.roster_types import RowError


@dataclass(frozen=True)
class Header:
    # The known column at each position, or None for a column that is ignored.
    columns: tuple[Column | None, ...]
    errors: tuple[RowError, ...]
    warnings: tuple[RowError, ...]


def read_header(line: int, cells: Sequence[str], known: Mapping[str, Column]) -> Header:
    """Unknown columns are ignored with a warning, except one that looks like a misspelling of
    a column the header lacks ('specialism'): that is an error, so a typo never loses data."""
    names = [normalise_header(cell) for cell in cells]
    errors: list[RowError] = []
    warnings: list[RowError] = []
    missing = [name for name in known if name not in names]
    for position, name in enumerate(names):
        if not name:
            continue
        if names.index(name) != position:
            errors.append(RowError(line, name, "the column appears twice"))
        elif name not in known:
            written = cells[position].strip()
            typo_of = difflib.get_close_matches(name, missing, n=1, cutoff=0.8)
            if typo_of:
                message = f"'{written}' is not a roster column — did you mean '{typo_of[0]}'?"
                errors.append(RowError(line, "", message))
            else:
                message = f"the column '{written}' is not a roster column and is ignored"
                warnings.append(RowError(line, "", message))
    for name in missing:
        if known[name].required:
            message = f"there is no '{name}' column, and every roster needs one"
            errors.append(RowError(line, "", message))
    columns = tuple(known.get(name) for name in names)
    return Header(columns, tuple(errors), tuple(warnings))
