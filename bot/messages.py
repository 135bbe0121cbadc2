"""What arrives at the core from any channel, and what the core answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.people import Channel
from bot.replies import Outgoing, Reply, Text


@dataclass(frozen=True)
class Incoming:
    """One thing a person did: typed text, pressed a button, or submitted a form.

    `value` is a pressed choice's value and `token` the token of the question it came
    from; `form` holds a submitted form's fields by name.
    """

    person_id: int
    channel: Channel
    text: str = ""
    value: str = ""
    token: str = ""
    form: dict[str, str] | None = None
    # The platform's id for this event, where it has one: makes replayed turns recognisable.
    event_id: str = ""

    @property
    def said(self) -> str:
        """What the person chose or typed, whichever it was."""
        return self.value or self.text.strip()


@dataclass(frozen=True)
class Outcome:
    """Replies to the person who spoke, and messages the core wants sent to others."""

    replies: tuple[Reply, ...] = ()
    outgoing: tuple[Outgoing, ...] = field(default_factory=tuple)
    # True when the input changed nothing (a stale, foreign or repeated button): channels
    # may show such answers to the presser alone, e.g. as a Slack ephemeral message.
    refused: bool = False

    def __add__(self, other: Outcome) -> Outcome:
        return Outcome(
            self.replies + other.replies,
            self.outgoing + other.outgoing,
            refused=self.refused and other.refused,
        )


def refusal(text: str) -> Outcome:
    """A polite answer to an input that changed nothing."""
    return Outcome((Text(text),), refused=True)
