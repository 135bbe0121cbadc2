"""Files in a personal chat: the .ics invite, through Teams' file consent card.

A bot cannot attach an arbitrary file to a personal-chat message: Teams renders inline
(base64) attachments only for images. The supported way is the file consent card
(`supportsFiles` in the manifest): the person presses Allow, Teams gives the bot an
upload URL in their OneDrive, the bot uploads and then posts a file card that opens the
file. The invite's bytes travel in the card's accept context, so nothing waits in memory
or in the store between the offer and the press.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass

import httpx
from microsoft_teams.api.activities.message import MessageActivityInput
from microsoft_teams.api.models.attachment import Attachment as TeamsAttachment
from microsoft_teams.api.models.file import FileConsentCard, FileInfoCard, FileUploadInfo

from bot.replies import Attachment
from handlers.teams.buttons import KEY
from handlers.teams.summary import summarised
from handlers.teams.tls import verify_for

CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO_CARD = "application/vnd.microsoft.teams.card.file.info"
UPLOAD_TIMEOUT = 30.0


@dataclass(frozen=True)
class OfferedFile:
    filename: str
    content: bytes


def file_offer(attachment: Attachment) -> MessageActivityInput:
    encoded = base64.b64encode(attachment.content).decode("ascii")
    consent = FileConsentCard(
        description=attachment.title or attachment.filename,
        size_in_bytes=len(attachment.content),
        accept_context={KEY: {"file": attachment.filename, "content": encoded}},
        decline_context={KEY: {"file": attachment.filename}},
    )
    card = TeamsAttachment(
        content_type=CONSENT_CARD,
        name=attachment.filename,
        content=consent.model_dump(by_alias=True, exclude_none=True),
    )
    return summarised(attachment.title or attachment.filename).add_attachments(card)


def offered_file(context: object) -> OfferedFile | None:
    """The file a consent card offered, from the context Teams hands back."""
    meta = context.get(KEY) if isinstance(context, Mapping) else None
    if not isinstance(meta, Mapping) or not isinstance(meta.get("file"), str):
        return None
    try:
        content = base64.b64decode(str(meta.get("content", "")), validate=True)
    except (binascii.Error, ValueError):
        return None
    return OfferedFile(meta["file"], content)


async def upload(info: FileUploadInfo, content: bytes, *, ca_bundle: str | None) -> None:
    """Put the bytes at the upload URL Teams gave (a pre-authorised OneDrive session)."""
    if not info.upload_url:
        raise ValueError("Teams gave no upload URL")
    size = len(content)
    async with httpx.AsyncClient(verify=verify_for(ca_bundle), timeout=UPLOAD_TIMEOUT) as client:
        response = await client.put(
            info.upload_url,
            content=content,
            headers={"Content-Range": f"bytes 0-{size - 1}/{size}"},
        )
        response.raise_for_status()


def file_card(info: FileUploadInfo) -> MessageActivityInput:
    """The message that shows the uploaded file, ready to open."""
    card = FileInfoCard(unique_id=info.unique_id, file_type=info.file_type)
    attachment = TeamsAttachment(
        content_type=FILE_INFO_CARD,
        content_url=info.content_url,
        name=info.name,
        content=card.model_dump(by_alias=True, exclude_none=True),
    )
    return MessageActivityInput().add_attachments(attachment)
