"""Buttons that carry their own meaning: 'act:<verb>:<id>[:<id>...]'.

Anything the bot sends outside a conversation turn (a shortlist, a coach's booking
request, a reminder) uses these, so a press works whenever it comes and on whichever
replica; the handler for each verb re-checks the store, so a press from an old message
or a second press changes nothing and gets a polite answer. The verbs themselves are in
bot/verbs.py, one enum per slice that answers them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

PREFIX = "act"


@dataclass(frozen=True)
class Action:
    verb: str  # as pressed: a verb's value (bot/verbs.py), or one from an older version
    args: tuple[str, ...]

    def int_arg(self, index: int) -> int:
        return int(self.args[index])


def action_value(verb: StrEnum, *args: int | str) -> str:
    """Any slice's verb (bot/verbs.py) with its ids, as the button's value."""
    return ":".join((PREFIX, verb, *(str(a) for a in args)))


def parse_action(value: str) -> Action | None:
    parts = value.split(":")
    if len(parts) < 2 or parts[0] != PREFIX or not parts[1]:
        return None
    return Action(parts[1], tuple(parts[2:]))
