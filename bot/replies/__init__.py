"""Channel-neutral replies. The core says what to show; each channel decides how.

Slack renders these as Block Kit, Teams as Adaptive Cards, the console as text.
A `Choice.value` is what comes back when the person picks it: channels carry it in a
button's payload, the console accepts the option's number or its label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Choice:
    label: str
    value: str
    # Optional lines shown under the label (a coach's reasons, a slot's details).
    details: tuple[str, ...] = ()
    style: str = ""  # "primary" or "danger" where a channel can show emphasis


@dataclass(frozen=True)
class Choices:
    """A question with buttons. `token` ties the buttons to the conversation step that
    asked, so a press from an old message is recognised and refused politely."""

    prompt: str
    options: tuple[Choice, ...]
    token: str = ""


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text | multiline | number | choice
    required: bool = True
    options: tuple[Choice, ...] = ()
    hint: str = ""
    initial: str = ""


@dataclass(frozen=True)
class Form:
    """Several answers at once. Channels with dialogs show a form; the console asks
    field by field and submits them together."""

    title: str
    fields: tuple[Field, ...]
    submit_label: str = "Submit"
    token: str = ""


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class Card:
    """A summary with labelled facts, e.g. a booking confirmation."""

    title: str
    facts: tuple[Fact, ...] = ()
    text: str = ""
    actions: tuple[Choice, ...] = ()
    token: str = ""


@dataclass(frozen=True)
class Attachment:
    """A file to hand over with the message, e.g. an .ics calendar invite."""

    filename: str
    content: bytes
    media_type: str
    title: str = ""


@dataclass(frozen=True)
class Image:
    """A picture, e.g. the digest's hours-against-target chart (PNG bytes)."""

    content: bytes
    alt_text: str
    filename: str = "chart.png"


Reply: TypeAlias = Text | Choices | Form | Card | Attachment | Image


@dataclass(frozen=True)
class Outgoing:
    """Replies addressed to someone other than the person who spoke (e.g. the coach,
    when a coachee chooses them). The dispatcher delivers them on that person's channel."""

    person_id: int
    replies: tuple[Reply, ...] = field(default_factory=tuple)
