"""Requesting coaching with a form: the intake as a modal, and its submission."""

from __future__ import annotations

import logging

from slack_sdk.web import WebClient

from bot.app import SORRY
from bot.conversations.intake import intake_form
from bot.domain import Channel, Person
from bot.messages import Incoming, Outcome
from bot.outbox.notices import queue_outgoing
from bot.replies import Text
from bot.text_hygiene import admit
from handlers.slack.desk import Desk
from handlers.slack.forms import info_modal, modal
from handlers.slack.identity import Stranger
from handlers.slack.payloads import INFO_VIEW

log = logging.getLogger("coachpool.slack")
INTAKE = "intake"  # the modal's kind in its private metadata


def open_intake(desk: Desk, client: WebClient, *, trigger_id: str) -> None:
    view = modal(intake_form(desk.services), private={"k": INTAKE})
    desk.poster.open_view(client, trigger_id=trigger_id, view=view)


def start_intake(desk: Desk, person: Person, form: dict[str, str], *, event_id: str) -> Outcome:
    """Interim, until the router starts intake when a form arrives outside a
    conversation: start it directly, with `CoachingBot.handle`'s transaction and error
    policy."""
    bot, store = desk.bot, desk.services.store
    admitted = admit(Incoming(person.id, Channel.SLACK, form=form, event_id=event_id))
    if isinstance(admitted, Outcome):
        return admitted  # too long: nothing is stored
    incoming = admitted
    try:
        with store.transaction():
            outcome = bot.start("intake", person, incoming)
            queue_outgoing(
                store, outcome.outgoing, now=desk.services.clock.now(), origin=f"turn:{event_id}"
            )
            return outcome
    except Exception:
        log.exception("failed to start intake from a form", extra={"person_id": person.id})
        return Outcome((Text(SORRY),))


def on_request_coaching(
    desk: Desk, *, bot_token: str, team_id: str, user_id: str, trigger_id: str
) -> None:
    """The "Request coaching" shortcut or Home button: the intake form, or why not."""
    if not desk.first_time("trigger", trigger_id):
        return
    client = desk.api.client(bot_token)
    who = desk.people.who(client, team_id=team_id, user_id=user_id)
    if isinstance(who, Stranger):
        view = info_modal(title="Coaching", text=who.text, callback_id=INFO_VIEW)
        desk.poster.open_view(client, trigger_id=trigger_id, view=view)
        return
    open_intake(desk, client, trigger_id=trigger_id)
