"""A transcript helper that speaks for several people and records what each one is sent."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.app import CoachingBot
from bot.clock import SimulatedClock
from bot.domain import Channel, Person
from bot.messages import Incoming
from bot.outbox.dispatcher import dispatch_due
from bot.ports.store import Store
from bot.replies import Card, Choice, Choices, Form, Reply
from handlers.channel_names import CONSOLE
from handlers.console.render import render

LONDON = ZoneInfo("Europe/London")
# Tuesday 24 November 2026, 09:30 London: before the clocks change in March.
START = datetime(2026, 11, 24, 9, 30, tzinfo=LONDON)


@dataclass
class RecordingNotifier:
    """Records what each person is sent, instead of delivering it."""

    sent: dict[int, list[Reply]] = field(default_factory=dict)

    def send(self, *, person_id: int, replies: list[Reply]) -> None:
        self.sent.setdefault(person_id, []).extend(replies)


@dataclass
class Transcript:
    bot: CoachingBot
    clock: SimulatedClock
    notifier: RecordingNotifier
    last: dict[int, list[Reply]] = field(default_factory=dict)

    @property
    def store(self) -> Store:
        return self.bot.services.store

    def person(self, email: str) -> Person:
        person = self.store.find_person_by_email(email)
        assert person is not None, email
        return person

    def say(self, email: str, text: str) -> str:
        person = self.person(email)
        return self._send(person, Incoming(person.id, CONSOLE, text=text))

    channel: Channel = CONSOLE

    def press_raw(self, email: str, value: str, token: str) -> str:
        """Press a button by its value and question token, as a stale message would."""
        person = self.person(email)
        return self._send(
            person, Incoming(person.id, CONSOLE, text=value, value=value, token=token)
        )

    def press(self, email: str, label: str) -> str:
        """Press the first offered button whose label contains `label` (case-insensitive)."""
        person = self.person(email)
        choice, token = self.find(person.id, label)
        return self._send(
            person,
            Incoming(person.id, CONSOLE, text=choice.label, value=choice.value, token=token),
        )

    def form(self, email: str) -> Form:
        """The newest form this person was shown."""
        person = self.person(email)
        form = next(
            (r for r in reversed(self.last.get(person.id, [])) if isinstance(r, Form)), None
        )
        assert form is not None, f"no form in {self.last.get(person.id)}"
        return form

    def submit(self, email: str, answers: dict[str, str], *, token: str | None = None) -> str:
        """Submit answers to the newest form this person was shown (or to `token`'s)."""
        person = self.person(email)
        token = self.form(email).token if token is None else token
        return self._send(person, Incoming(person.id, CONSOLE, form=answers, token=token))

    def find(self, person_id: int, label: str) -> tuple[Choice, str]:
        for reply in reversed(self.last.get(person_id, [])):
            options = (
                reply.options
                if isinstance(reply, Choices)
                else reply.actions
                if isinstance(reply, Card)
                else ()
            )
            for choice in options:
                if label.lower() in choice.label.lower():
                    return choice, reply.token  # type: ignore[union-attr]
        raise AssertionError(f"no button like {label!r} in {self.last.get(person_id)}")

    def inbox(self, email: str) -> str:
        """Deliver what is due and return (and forget) what this person was sent."""
        while dispatch_due(self.bot.services, self.notifier).claimed:
            pass  # a message may queue others (a deadline queues its news)
        person = self.person(email)
        replies = self.notifier.sent.pop(person.id, [])
        if replies:
            self.last[person.id] = replies
        return render(replies).text

    def _send(self, person: Person, incoming: Incoming) -> str:
        outcome = self.bot.handle(incoming)
        self.last[person.id] = list(outcome.replies)
        return render(outcome.replies).text


def squeeze(text: str) -> str:
    """Runs of spaces and line breaks as one space, so assertions ignore layout."""
    return " ".join(text.split())
