"""The console's side of proactive messages: printed with who they are for."""

from __future__ import annotations

from typing import TextIO

from bot.domain import Identity, Person
from bot.replies import Reply
from handlers.console.render import render


class ConsoleSender:
    def __init__(self, out: TextIO) -> None:
        self._out = out

    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        rendered = render(replies)
        header = f"✉ to {person.name} <{person.email}>:"
        body = "\n".join("   " + line if line else "" for line in rendered.text.splitlines())
        self._out.write(f"{header}\n{body}\n")
        self._out.flush()
