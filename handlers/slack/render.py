"""Core replies as Slack messages: Block Kit for what can be shown, uploads for files,
and forms set aside for a modal (or an in-message form when there is no trigger).

Long content is paged over several messages or cut with a note; nothing we render can
be over a Block Kit limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.replies import Attachment, Card, Choice, Choices, Fact, Form, Image, Reply, Text
from handlers.slack import limits
from handlers.slack.blocks import Block, actions, button, context, header, labelled, sections
from handlers.slack.payloads import CHOICE, ActionIds
from handlers.slack.text import escape, escaped_size

# A reply longer than this many messages is cut: past that, paging only buries the chat.
MAX_PAGES = 3
# Facts with longer values get a full-width section instead of a two-column field.
SHORT_FACT = 300
# The notification line when a reply has no words of its own to show there.
FALLBACK = "A message from the coaching pool"


@dataclass(frozen=True)
class Message:
    text: str  # the notification line
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes
    title: str
    alt_text: str = ""


@dataclass(frozen=True)
class FormPart:
    form: Form


Part = Message | Upload | FormPart


def render(replies: Sequence[Reply], *, ids: ActionIds | None = None) -> list[Part]:
    """Replies in order as messages (consecutive replies share a message while they fit),
    uploads and forms."""
    ids = ids or ActionIds()
    parts: list[Part] = []
    pending: list[Block] = []
    fallback = ""

    def flush() -> None:
        nonlocal pending, fallback
        if pending:
            parts.append(Message(fallback or FALLBACK, tuple(pending)))
        pending, fallback = [], ""

    for reply in replies:
        if isinstance(reply, Attachment | Image):
            flush()
            parts.append(_upload(reply))
            continue
        if isinstance(reply, Form):
            flush()
            parts.append(FormPart(reply))
            continue
        blocks = reply_blocks(reply, ids)
        if len(pending) + len(blocks) > limits.MESSAGE_BLOCKS:
            flush()
        if len(blocks) <= limits.MESSAGE_BLOCKS:
            pending += blocks
            fallback = fallback if fallback not in {"", FALLBACK} else notification(reply)
            continue
        for page in paged(blocks, per_page=limits.MESSAGE_BLOCKS, max_pages=MAX_PAGES):
            parts.append(Message(notification(reply), tuple(page)))
    flush()
    return parts


def surface(replies: Sequence[Reply], *, ids: ActionIds, limit: int) -> list[Block]:
    """Replies as the blocks of one view (the Home tab), cut to `limit` blocks."""
    blocks: list[Block] = []
    for reply in replies:
        if not isinstance(reply, Attachment | Image | Form):
            blocks += reply_blocks(reply, ids)
    return fitted(blocks, limit)


def fitted(blocks: list[Block], limit: int) -> list[Block]:
    if len(blocks) <= limit:
        return blocks
    return [*blocks[: limit - 1], _more(len(blocks) - limit + 1)]


def paged(blocks: list[Block], *, per_page: int, max_pages: int) -> list[list[Block]]:
    room = per_page * max_pages
    if len(blocks) > room:
        blocks = fitted(blocks, room)
    return [blocks[i : i + per_page] for i in range(0, len(blocks), per_page)]


def reply_blocks(reply: Reply, ids: ActionIds) -> list[Block]:
    if isinstance(reply, Text):
        return sections(reply.text)
    if isinstance(reply, Choices):
        return sections(reply.prompt) + _options(reply.options, reply.token, ids)
    if isinstance(reply, Card):
        return (
            header(reply.title)
            + _facts(reply.facts)
            + sections(reply.text)
            + _options(reply.actions, reply.token, ids)
        )
    return []


def notification(reply: Reply) -> str:
    text = ""
    if isinstance(reply, Text):
        text = reply.text
    elif isinstance(reply, Choices):
        text = reply.prompt
    elif isinstance(reply, Card):
        text = reply.title or reply.text
    elif isinstance(reply, Form):
        text = reply.title
    line = limits.cut(" ".join(text.split()), limits.FALLBACK_TEXT, measure=escaped_size)
    return escape(line) if line else FALLBACK


def _options(options: Sequence[Choice], token: str, ids: ActionIds) -> list[Block]:
    """Options with details get a section each (details under the label, a Choose button
    beside them); the others are buttons in actions blocks, in the order given."""
    blocks: list[Block] = []
    row: list[Block] = []
    for option in options:
        if not option.details:
            element = _button(option, token, ids)
            if element is not None:
                row.append(element)
            continue
        blocks += actions(row)
        row = []
        details = "\n".join(f"• {' '.join(d.split())}" for d in option.details)
        section: Block = {
            "type": "section",
            "text": {"type": "mrkdwn", "text": labelled(option.label, details, limit=3000)},
        }
        element = _button(option, token, ids, label="Choose")
        if element is not None:
            section["accessory"] = element
        blocks.append(section)
    return blocks + actions(row)


def _button(option: Choice, token: str, ids: ActionIds, *, label: str = "") -> Block | None:
    return button(
        label=label or option.label,
        value=option.value,
        token=token,
        action_id=ids.next(CHOICE),
        style=option.style,
    )


def _facts(facts: Sequence[Fact]) -> list[Block]:
    blocks: list[Block] = []
    fields: list[dict[str, str]] = []

    def flush() -> None:
        nonlocal fields
        for i in range(0, len(fields), limits.SECTION_FIELDS):
            blocks.append({"type": "section", "fields": fields[i : i + limits.SECTION_FIELDS]})
        fields = []

    for fact in facts:
        value = fact.value.strip() or "—"
        if limits.size(value) <= SHORT_FACT:
            text = labelled(fact.label, value, limit=limits.FIELD_TEXT)
            fields.append({"type": "mrkdwn", "text": text})
            continue
        flush()
        first, *rest = limits.pages(value, limits.SECTION_TEXT - 250, measure=escaped_size)
        text = labelled(fact.label, first, limit=limits.SECTION_TEXT)
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": text}})
        for page in rest:
            blocks += sections(page)
    flush()
    return blocks


def _upload(reply: Attachment | Image) -> Upload:
    if isinstance(reply, Image):
        return Upload(
            reply.filename, reply.content, reply.alt_text or reply.filename, reply.alt_text
        )
    return Upload(reply.filename, reply.content, reply.title or reply.filename)


def _more(hidden: int) -> Block:
    return context(f"…and {hidden} more not shown here.")
