"""Hostile strings, deterministically: what the fuzz tests (and bench/bench_hostile.py) feed
through the console chat and the signed Slack endpoint."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, select

from storage.models import Base

UNICODE_DIGITS = ["²", "①", "٣", "３", "𝟗", "Ⅻ", "½", "⁹⁹", "߀", "০১২"]
NUMBERS = ["0", "-1", "1.0", "1e9", "00001", "999999999999", "7" * 4301, "9" * 10_000, "1_000"]
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\r"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
BIDI += ["\u200e", "\u200f", "\u061c"]
ANSI = ["\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b]0;title\x07", "\x1b]8;;http://x\x1b\\", "\x1bc"]
EMOJI = ["👩🏽‍💻", "🏳️‍🌈", "🇬🇧", "👍🏿", "\U0001f9d1\u200d\U0001f91d\u200d\U0001f9d1", "🤷"]
SLACK = ["<!channel>", "<!here>", "<!everyone>", "<@U00001>", "<#C0GENERAL>",
         "<http://evil.example|click>", "*bold*", "_it_", "~x~", "`code`", "```block```",
         "&lt;!channel&gt;", "&amp;", "> quote"]  # fmt: skip
HTML = ["<b>bold</b>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&#0;",
        "[link](http://evil.example)", "**bold**", "# heading", "- item", "1. item"]  # fmt: skip
SQL = ["'; DROP TABLE people; --", "\" OR 1=1 --", "%", "_", "\\", "' OR ''='", "NULL",
       "$1", "%s", "{0}", "{{x}}", "${x}"]  # fmt: skip
DATES = ["31/12/9999", "9999-12-31", "0/0/0", "00/00/0000", "32/13/2026", "29/2/2027",
         "1/1/0001", "31 December 9999", "week of 31/12/9999", "1 - 3 December 9999",
         "10000-01-01", "99:99", "25:00", "tuesday 99pm", "next next next tuesday"]  # fmt: skip
WORDS = [
    "help",
    "cancel",
    "back",
    "skip",
    "yes",
    "no",
    "1",
    "2",
    "3",
    "sessions",
    "requests",
    "coaching",
    "I need a coach",
    "Tuesday afternoons",
    "online",
    "Regional Coaching Pool",
]
FAMILIES = [UNICODE_DIGITS, NUMBERS, CONTROLS, BIDI, ANSI, EMOJI, SLACK, HTML, SQL, DATES, WORDS]
ALL = [piece for family in FAMILIES for piece in family]


def hostile_inputs(seed: int, count: int) -> Iterator[str]:
    """`count` hostile strings: each piece on its own first, then random mixtures, some of
    them 10,000 characters long."""
    rng = random.Random(seed)
    made = 0
    for piece in ALL:
        if made == count:
            return
        yield piece
        made += 1
    while made < count:
        kind = rng.random()
        if kind < 0.05:
            text = rng.choice(ALL) * (10_000 // max(1, len(rng.choice(ALL))))
            text = text[:10_000]
        else:
            pieces = [rng.choice(rng.choice(FAMILIES)) for _ in range(rng.randint(1, 6))]
            glue = rng.choice(["", " ", "\n", "\t", rng.choice(CONTROLS), rng.choice(BIDI)])
            text = glue.join(pieces)
        yield text
        made += 1


def unsafe_characters(text: str) -> set[str]:
    """Control characters (but newline and tab), NUL and bidi controls found in `text`."""
    return {
        c
        for c in text
        if (unicodedata.category(c) in {"Cc", "Cs"} and c not in "\n\t") or c in "".join(BIDI)
    }


def stored_unsafe(engine: Engine) -> dict[str, set[str]]:
    """Every text in every table (JSON columns walked) with unsafe characters, by table."""
    found: dict[str, set[str]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(select(table)):
                for value in row:
                    bad = _walk(value)
                    if bad:
                        found.setdefault(table.name, set()).update(bad)
    return found


def _walk(value: Any) -> set[str]:
    if isinstance(value, str):
        return unsafe_characters(value)
    if isinstance(value, dict):
        return set().union(*(_walk(k) | _walk(v) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return set().union(*(_walk(v) for v in value))
    return set()
