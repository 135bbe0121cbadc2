"""Turns that go through the core's one door: a DM, a button press, a form submitted.

Each function runs in a worker thread after Slack has been acknowledged: it finds the
person, turns what they did into an `Incoming`, has the core handle it once
(`Desk.turn`: a repeated delivery changes nothing) and posts the replies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from slack_sdk.web import WebClient

from bot.messages import Incoming
from bot.replies import Form, Text
from bot.requests.forms import RequestForm
from handlers.channel_names import SLACK
from handlers.slack.bodies import as_dict, as_text
from handlers.slack.desk import Desk
from handlers.slack.forms import answers
from handlers.slack.home import publish_home
from handlers.slack.identity import Stranger
from handlers.slack.intake import INTAKE
from handlers.slack.payloads import SUBMIT, read_metadata, read_value
from handlers.slack.pressed import (
    PressedMessage,
    chosen,
    mark_answered,
    pressed_label,
    read_back,
    sent,
)
from handlers.slack.refusals import is_refusal
from handlers.slack.text import from_slack


def on_message(
    desk: Desk,
    *,
    bot_token: str,
    team_id: str,
    user_id: str,
    text: str,
    event_id: str,
) -> None:
    client = desk.api.client(bot_token)
    who = desk.people.who(client, team_id=team_id, user_id=user_id)
    if isinstance(who, Stranger):
        if desk.first_time("event", event_id):
            _tell_stranger(desk, client, user_id=user_id, text=who.text)
        return
    incoming = Incoming(who.person.id, SLACK, text=from_slack(text), event_id=f"slack:{event_id}")
    outcome = desk.turn(incoming, kind="event", platform_id=event_id)
    if outcome is not None:
        desk.answer(client, to=who, replies=outcome.replies, turn=incoming.event_id)


@dataclass(frozen=True)
class Press:
    """One button press (a `block_actions` payload), as much of it as we use."""

    team_id: str
    user_id: str
    action_id: str
    value: str
    label: str
    action_ts: str
    block_id: str = ""
    trigger_id: str = ""
    on_home: bool = False
    state: dict[str, Any] = field(default_factory=dict)
    message: PressedMessage | None = None

    @classmethod
    def from_body(cls, body: dict[str, Any], action: dict[str, Any]) -> Press:
        """Total: a field of an unexpected type reads as empty (see `bodies`)."""
        team, user = as_dict(body.get("team")), as_dict(body.get("user"))
        return cls(
            team_id=as_text(team.get("id")) or as_text(user.get("team_id")),
            user_id=as_text(user.get("id")),
            action_id=as_text(action.get("action_id")),
            value=as_text(action.get("value")),
            label=as_text(as_dict(action.get("text")).get("text")),
            action_ts=as_text(action.get("action_ts")),
            block_id=as_text(action.get("block_id")),
            trigger_id=as_text(body.get("trigger_id")),
            on_home=as_dict(body.get("view")).get("type") == "home",
            state=as_dict(body.get("state")),
            message=PressedMessage.from_press(body),
        )


def on_press(desk: Desk, *, bot_token: str, press: Press) -> None:
    press_id = f"{press.team_id}:{press.user_id}:{press.action_ts}" if press.action_ts else ""
    client = desk.api.client(bot_token)
    who = desk.people.who(client, team_id=press.team_id, user_id=press.user_id)
    if isinstance(who, Stranger):
        if desk.first_time("action", press_id):
            _tell_stranger(desk, client, user_id=press.user_id, text=who.text)
        return
    value, question = read_value(press.value)
    submitted = press.action_id.startswith(SUBMIT)
    incoming = Incoming(
        who.person.id,
        SLACK,
        text="" if submitted else press.label,
        value="" if submitted else value,
        token=question,
        form=answers(press.state) if submitted else None,
        event_id=f"slack:action:{press_id}" if press_id else "",
    )
    outcome = desk.turn(incoming, kind="action", platform_id=press_id)
    if outcome is None:
        return  # a delivery already handled
    if is_refusal(outcome):
        desk.poster.ephemeral(
            client, channel=who.channel, user=press.user_id, replies=outcome.replies
        )
    else:
        # A press that opens a modal is answered when the modal is submitted.
        opens_modal = bool(press.trigger_id) and any(isinstance(r, Form) for r in outcome.replies)
        if press.message is not None and not opens_modal and not outcome.refused:
            label = pressed_label(press.message, block_id=press.block_id, label=press.label)
            done = sent("") if submitted else chosen(label)
            mark_answered(desk.api, client, press.message, done)
        turn = incoming.event_id or f"slack:trigger:{press.trigger_id}"
        desk.answer(
            client,
            to=who,
            replies=outcome.replies,
            turn=turn,
            trigger_id=press.trigger_id,
            answering=press.message if opens_modal else None,
        )
    if press.on_home:
        publish_home(desk, client, team_id=press.team_id, user_id=press.user_id)


def on_submission(
    desk: Desk, *, bot_token: str, team_id: str, user_id: str, view: dict[str, Any]
) -> None:
    """A modal we opened was submitted: the intake form, or a form the core asked for."""
    view_id = as_text(view.get("id"))
    private = read_metadata(as_text(view.get("private_metadata")))
    client = desk.api.client(bot_token)
    who = desk.people.who(client, team_id=team_id, user_id=user_id)
    if isinstance(who, Stranger):
        if desk.first_time("view", view_id):
            _tell_stranger(desk, client, user_id=user_id, text=who.text)
        return
    event_id = f"slack:view:{view_id}"
    # The intake modal starts a request afresh (the core knows it by its token); any other
    # modal answers the question whose token it carries.
    token = RequestForm.INTAKE if private.get("k") == INTAKE else private.get("t", "")
    form = answers(as_dict(view.get("state")))
    incoming = Incoming(who.person.id, SLACK, token=token, form=form, event_id=event_id)
    outcome = desk.turn(incoming, kind="view", platform_id=view_id)
    if outcome is None:
        return  # a delivery already handled
    desk.answer(client, to=who, replies=outcome.replies, turn=event_id)
    settled = not outcome.refused and not any(isinstance(r, Form) for r in outcome.replies)
    if settled and private.get("c") and private.get("m"):
        # The modal answered a message's button: that message now says so.
        message = read_back(desk.api, client, channel=private["c"], ts=private["m"])
        if message is not None:
            title = as_text(as_dict(view.get("title")).get("text"))
            mark_answered(desk.api, client, message, sent(title))


def _tell_stranger(desk: Desk, client: WebClient, *, user_id: str, text: str) -> None:
    """Why we can't help, in the user's own DM as Slack opens it (never a channel named
    in the payload, which a crafted request could point at someone else's DM)."""
    desk.poster.post(client, channel=desk.people.open_dm(client, user_id), replies=[Text(text)])
