"""One Teams input through the core's one door (synchronous: run it off the loop): the
activity turned into an `Incoming`, handled once (`handlers/once.py`)."""

from __future__ import annotations

from bot.domain import Person
from bot.messages import Incoming, Outcome
from bot.requests.forms import RequestForm
from handlers.bootstrap import Application
from handlers.channel_names import TEAMS
from handlers.once import turn_once
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
    """The core's answer; None when Teams has delivered this activity before."""
    origin = f"{PLATFORM}:{event_id}" if event_id else ""
    incoming = _incoming(person, text, press, origin)
    return turn_once(application, incoming, platform=PLATFORM, event_id=event_id)


def _incoming(person: Person, text: str, press: Press | None, origin: str) -> Incoming:
    if press is None:
        return Incoming(person.id, TEAMS, text=text, event_id=origin)
    if press.form in {REPLY_FORM, INTAKE_FORM}:
        # The intake card's submission starts a request afresh, whatever was under way: the
        # core knows it by its token, as it does Slack's intake modal.
        token = RequestForm.INTAKE if press.form == INTAKE_FORM else press.token
        return Incoming(person.id, TEAMS, form=dict(press.fields), token=token, event_id=origin)
    return Incoming(
        person.id,
        TEAMS,
        text=press.label,
        value=press.value,
        token=press.token,
        event_id=origin,
    )
