"""The console's side of proactive messages: printed with who they are for.

A chat open for the recipient in this process (`coachpool chat`, the demo) listens, so
the options in a message it receives can be answered by number like any other."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from bot.domain import Identity, Person
from bot.replies import Reply
from handlers.console.render import Rendered, render

Listener = Callable[[Rendered], None]


class ConsoleSender:
    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._listeners: dict[int, Listener] = {}
        self._latest: dict[int, Rendered] = {}

    def listen(self, person_id: int, listener: Listener) -> None:
        """Hand the person's messages with options to `listener`, starting with the
        latest one already delivered."""
        self._listeners[person_id] = listener
        if person_id in self._latest:
            listener(self._latest[person_id])

    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        rendered = render(replies)
        header = f"✉ to {person.name} <{person.email}>:"
        body = "\n".join("   " + line if line else "" for line in rendered.text.splitlines())
        self._out.write(f"{header}\n{body}\n")
        self._out.flush()
        if rendered.options:
            self._latest[person.id] = rendered
        listener = self._listeners.get(person.id)
        if listener is not None:
            listener(rendered)
