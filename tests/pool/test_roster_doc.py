"""ROSTER.md and the roster module's docstring stay true to the parser."""

from __future__ import annotations

import re
from pathlib import Path

import bot.pool.roster as roster_module
from bot.domain import Organisation
from bot.pool.roster_columns import roster_columns
from handlers.pool.roster_csv import parse_roster
from handlers.pool.sample_data import MEMBER_ORGANISATIONS

GUIDE = Path(roster_module.__file__).with_name("ROSTER.md").read_text(encoding="utf-8")
ORGANISATIONS = [
    Organisation(id=number, slug=org.slug, name=org.name)
    for number, org in enumerate(MEMBER_ORGANISATIONS, start=1)
]


def test_the_example_in_the_guide_parses_cleanly() -> None:
    [example] = re.findall(r"```csv\n(.*?)```", GUIDE, flags=re.DOTALL)
    result = parse_roster(example, known_organisations=ORGANISATIONS)
    assert result.errors == ()
    assert result.warnings == ()
    assert len(result.rows) == 3


def test_the_guide_and_the_docstring_list_every_column_in_order() -> None:
    columns = list(roster_columns(ORGANISATIONS))
    assert re.findall(r"^\| `(\w+)` \|", GUIDE, flags=re.MULTILINE) == columns
    docstring = roster_module.__doc__ or ""
    named = re.findall(r"^(\w+) {2,}", docstring, flags=re.MULTILINE)
    assert named == ["column", *columns]  # the table's own header row first
