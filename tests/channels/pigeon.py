"""Pigeon post: a made-up channel written in test code alone, as CONTRIBUTING's "Adding a
channel" says, with nothing of it in `bot/` or `storage/`.

A bird carries a note to `POST /pigeon`: `{"id": its event id, "ring": the sender's ring,
"email": their verified email, "text": what they wrote}`, with `"value"` and `"token"` too
for an option pressed. The answer flies back as the console would print it: the text, and
the options that may be pressed. Proactive messages land in the `Loft`, by ring.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.domain import Channel, Identity, Person
from bot.messages import Incoming
from bot.ports.notifier import DeliveryError
from bot.replies import Reply
from handlers.bootstrap import Application
from handlers.channels import ChannelContext, ChannelMount, Mounter
from handlers.console.render import render
from handlers.observe import ANSWERED
from handlers.once import turn_once
from handlers.server.blocking import run_sync

PIGEON = Channel("pigeon")
# Before Slack (20) and Teams (10): a person with a ring is sent to by pigeon.
RANK = 5


@dataclass(frozen=True)
class Note:
    text: str
    options: list[dict[str, str]] = field(default_factory=list)  # label, value, token


def note_of(replies: Sequence[Reply]) -> Note:
    rendered = render(list(replies))
    return Note(
        rendered.text,
        [{"label": c.label, "value": c.value, "token": t} for c, t in rendered.options],
    )


@dataclass
class Loft:
    """What birds carried to each ring on the bot's own initiative."""

    notes: dict[str, list[Note]] = field(default_factory=dict)

    def of(self, ring: str) -> list[Note]:
        return self.notes.get(ring, [])


@dataclass
class LoftSender:
    loft: Loft

    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        if identity is None:  # pigeons find nobody by email: they fly to known rings
            raise DeliveryError(f"person {person.id} has no ring", retryable=False)
        self.loft.notes.setdefault(identity.user_id, []).append(note_of(replies))


def _sender_of(application: Application, ring: str, email: str) -> Person | None:
    """The person behind a ring, linked on their first note by their verified email."""
    store = application.store
    identity = store.find_identity(PIGEON, "", ring)
    if identity is not None:
        return store.get_person(identity.person_id)
    person = store.find_person_by_email(email)
    if person is None or person.erased:
        return None
    held = store.claim_identity(Identity(person.id, PIGEON, "", ring))
    return person if held.user_id == ring else None


def mounter(loft: Loft) -> Mounter:
    def mount(context: ChannelContext) -> ChannelMount:
        application = context.application

        async def carried(request: Request) -> JSONResponse:
            note: dict[str, Any] = await request.json()
            started = time.monotonic()
            person = await run_sync(_sender_of, application, note["ring"], note["email"])
            if person is None:
                return JSONResponse({"error": "no one in the pool has this ring"}, 403)
            incoming = Incoming(
                person.id,
                PIGEON,
                text=note.get("text", ""),
                value=note.get("value", ""),
                token=note.get("token", ""),
                event_id=note["id"],
            )
            outcome = await run_sync(
                turn_once, application, incoming, platform="pigeon", event_id=note["id"]
            )
            if outcome is None:  # the same bird twice: answered the first time
                return JSONResponse(asdict(Note("")))
            context.observer.turn(
                channel=PIGEON, outcome=ANSWERED, seconds=time.monotonic() - started
            )
            await context.dispatch_soon()
            return JSONResponse(asdict(note_of(outcome.replies)))

        return ChannelMount(
            PIGEON,
            rank=RANK,
            routes=[Route("/pigeon", carried, methods=["POST"])],
            sender=LoftSender(loft),
        )

    return mount
