"""The console's side of proactive messages.

`InboxSender` is the console channel proper: a message for someone waits in their console
inbox (`handlers/console/inbox.py`) until their next `coachpool chat`, or reaches at once a
chat of theirs open in this process. Nobody's message prints in someone else's terminal.

`StageSender` is the demo's: one narrated terminal for the whole pool, so every message is
printed there with who it is for."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from bot.clock import Clock
from bot.domain import Identity, Person
from bot.replies import Reply
from handlers.console.inbox import ConsoleInbox
from handlers.console.render import render

Listener = Callable[[list[Reply]], None]


class InboxSender:
    def __init__(self, inbox: ConsoleInbox, clock: Clock, *, out: TextIO | None = None) -> None:
        """`out`, for operators' commands, gets one line per message kept, naming only
        its recipient."""
        self.inbox = inbox
        self._clock = clock
        self._out = out
        self._listeners: dict[int, Listener] = {}
        self._last_noted = 0

    def listen(self, person_id: int, listener: Listener) -> None:
        """Hand the person's messages to their open chat instead of the inbox."""
        self._listeners[person_id] = listener

    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        listener = self._listeners.get(person.id)
        if listener is not None:
            listener(replies)
            return
        self.inbox.put(person.id, replies, at=self._clock.now())
        # A message in parts (a digest, then its chart) is noted once.
        if self._out is not None and person.id != self._last_noted:
            self._last_noted = person.id
            self._out.write(
                f"✉ for {person.name} <{person.email}>: kept for their next "
                f"`coachpool chat --as {person.email}`\n"
            )
            self._out.flush()


class StageSender:
    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._listeners: dict[int, Listener] = {}
        self._latest: dict[int, list[Reply]] = {}

    def listen(self, person_id: int, listener: Listener) -> None:
        """Hand the person's later messages to `listener`, starting with the latest one
        with options already printed (a chat opened after its question was sent)."""
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
            self._latest[person.id] = replies
        listener = self._listeners.get(person.id)
        if listener is not None:
            listener(replies)
