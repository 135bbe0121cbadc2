"""Requesting coaching with a form: the intake as a modal. Its submission is a turn like any
other (`conversation.on_submission`), known to the core by the intake form's token."""

from __future__ import annotations

from slack_sdk.web import WebClient

from bot.requests.intake import intake_form
from handlers.slack.desk import Desk
from handlers.slack.forms import info_modal, modal
from handlers.slack.identity import Stranger
from handlers.slack.payloads import INFO_VIEW

INTAKE = "intake"  # the modal's kind in its private metadata


def open_intake(desk: Desk, client: WebClient, *, trigger_id: str) -> None:
    view = modal(intake_form(desk.services), private={"k": INTAKE})
    desk.poster.open_view(client, trigger_id=trigger_id, view=view)


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
