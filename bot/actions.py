"""Buttons that carry their own meaning: 'act:<verb>:<id>[:<id>...]'.

Anything the bot sends outside a conversation turn (a shortlist, a coach's booking
request, a reminder) uses these, so a press works whenever it comes and on whichever
replica; the handler for each verb re-checks the store, so a press from an old message
or a second press changes nothing and gets a polite answer.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "act"


@dataclass(frozen=True)
class Action:
    verb: str
    args: tuple[str, ...]

    def int_arg(self, index: int) -> int:
        return int(self.args[index])


def action_value(verb: str, *args: int | str) -> str:
    return ":".join((PREFIX, verb, *(str(a) for a in args)))


def parse_action(value: str) -> Action | None:
    parts = value.split(":")
    if len(parts) < 2 or parts[0] != PREFIX or not parts[1]:
        return None
    return Action(parts[1], tuple(parts[2:]))
