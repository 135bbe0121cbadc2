"""One Teams input through the core's one door (synchronous: run it off the loop)."""

from __future__ import annotations

from bot.domain import Channel, Person
from bot.messages import Incoming, Outcome
from handlers.bootstrap import Application
from handlers.teams.buttons import INTAKE_FORM, REPLY_FORM, Press

PLATFORM = "teams"


def take_turn(
    application: Application,
    *,
    person: Person,
    event_id: str,
    text: str = "",
    press: Press | None = None,
) -> Outcome | None:
    """The core's answer; None when Teams has delivered this activity before. Recording
    the event and the turn share one transaction, so a crash leaves neither."""
    store, clock = application.store, application.services.clock
    with store.transaction():
        if event_id and not store.remember_event(PLATFORM, event_id, at=clock.now()):
            return None
        origin = f"{PLATFORM}:{event_id}" if event_id else ""
        if press is not None and press.form == INTAKE_FORM:
            return _intake(application, person, press, origin)
        return application.bot.handle(_incoming(person, text, press, origin))


def _incoming(person: Person, text: str, press: Press | None, origin: str) -> Incoming:
    if press is None:
        return Incoming(person.id, Channel.TEAMS, text=text, event_id=origin)
    if press.form == REPLY_FORM:
        return Incoming(
            person.id, Channel.TEAMS, form=dict(press.fields), token=press.token, event_id=origin
        )
    return Incoming(
        person.id,
        Channel.TEAMS,
        text=press.label,
        value=press.value,
        token=press.token,
        event_id=origin,
    )


def _intake(application: Application, person: Person, press: Press, origin: str) -> Outcome:
    """A submitted intake card starts a fresh request; a half-finished conversation on
    Teams would otherwise take the submission as its next answer, so it is cancelled
    first (through the same door, its reply unused)."""
    bot = application.bot
    if application.store.load_conversation(person.id, Channel.TEAMS) is not None:
        bot.handle(Incoming(person.id, Channel.TEAMS, text="cancel"))
    return bot.handle(
        Incoming(
            person.id, Channel.TEAMS, text="coaching", form=dict(press.fields), event_id=origin
        )
    )
