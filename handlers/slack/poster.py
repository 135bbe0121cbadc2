"""Putting rendered replies into a Slack conversation (from a worker thread)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.web import WebClient

from bot.replies import Reply
from handlers.slack.forms import in_message, modal
from handlers.slack.payloads import ActionIds
from handlers.slack.pressed import PressedMessage
from handlers.slack.render import FormPart, Message, Upload, notification, render
from handlers.slack.webapi import SlackApi


class Poster:
    def __init__(self, api: SlackApi) -> None:
        self._api = api

    def post(
        self,
        client: WebClient,
        *,
        channel: str,
        replies: Sequence[Reply],
        trigger_id: str = "",
        answering: PressedMessage | None = None,
    ) -> None:
        """Messages, uploads and forms in order. A form opens as a modal while we hold an
        unused trigger id (a person's click), else it is shown inside a message. A modal
        opened from a message's button carries that message (`answering`), to be marked
        answered when it is submitted."""
        ids = ActionIds()
        for part in render(replies, ids=ids):
            if isinstance(part, Message):
                self._message(client, channel=channel, message=part)
            elif isinstance(part, Upload):
                self.upload(client, channel=channel, upload=part)
            elif trigger_id:
                private = {"k": "turn", "t": part.form.token}
                if answering is not None:
                    private |= {"c": answering.channel, "m": answering.ts}
                view = modal(part.form, private=private)
                self.open_view(client, trigger_id=trigger_id, view=view)
                trigger_id = ""  # a trigger opens one view
            else:
                self._message(client, channel=channel, message=_form_message(part, ids))

    def ephemeral(
        self, client: WebClient, *, channel: str, user: str, replies: Sequence[Reply]
    ) -> None:
        """Seen only by `user`, changing nothing in the conversation; files are left out."""
        ids = ActionIds()
        for part in render(replies, ids=ids):
            if isinstance(part, Upload):
                continue
            message = _form_message(part, ids) if isinstance(part, FormPart) else part
            self._api.call(
                client.chat_postEphemeral,
                channel=channel,
                user=user,
                text=message.text,
                blocks=list(message.blocks),
            )

    def upload(self, client: WebClient, *, channel: str, upload: Upload) -> None:
        extra: dict[str, Any] = {"alt_txt": upload.alt_text} if upload.alt_text else {}
        self._api.call(
            client.files_upload_v2,
            channel=channel,
            content=upload.content,
            filename=upload.filename,
            title=upload.title,
            **extra,
        )

    def open_view(self, client: WebClient, *, trigger_id: str, view: dict[str, Any]) -> None:
        self._api.call(client.views_open, trigger_id=trigger_id, view=view)

    def publish_home(self, client: WebClient, *, user: str, view: dict[str, Any]) -> None:
        self._api.call(client.views_publish, user_id=user, view=view)

    def _message(self, client: WebClient, *, channel: str, message: Message) -> None:
        self._api.call(
            client.chat_postMessage,
            channel=channel,
            text=message.text,
            blocks=list(message.blocks),
            unfurl_links=False,
        )


def _form_message(part: FormPart, ids: ActionIds) -> Message:
    return Message(notification(part.form), tuple(in_message(part.form, ids)))
