"""Core replies as terminal text. Choices and card actions are numbered; the numbers
(and the labels) are what the person can type back."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from bot.replies import Attachment, Card, Choice, Choices, Form, Image, Reply, Text
from bot.text_hygiene import small_number


@dataclass
class Rendered:
    text: str
    # What each number stands for: (value, token of the question that offered it).
    options: list[tuple[Choice, str]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    # A form to fill in, field by field, answering the next lines.
    form: Form | None = None


def render(replies: tuple[Reply, ...] | list[Reply], *, width: int = 88) -> Rendered:
    out = Rendered("")
    blocks = [_block(reply, out, width) for reply in replies]
    out.text = "\n".join(b for b in blocks if b)
    return out


def _wrap(text: str, width: int, indent: str = "", *, hanging: str | None = None) -> str:
    """Wrap each line; continuation lines take `hanging` (default: the same indent)."""
    rest = indent if hanging is None else hanging
    return "\n".join(
        textwrap.fill(line, width, initial_indent=indent, subsequent_indent=rest) if line else ""
        for line in text.splitlines()
    )


def _numbered(choices: tuple[Choice, ...], token: str, out: Rendered, width: int) -> list[str]:
    if choices and all(small_number(c.label) is not None and not c.details for c in choices):
        # A scale (1-5, 0-10): shown on one line, answered by typing the score itself.
        out.options.extend((choice, token) for choice in choices)
        return ["  " + "  ".join(f"[{c.label}]" for c in choices)]
    lines = []
    for choice in choices:
        out.options.append((choice, token))
        lines.append(f"  {len(out.options)}. {choice.label}")
        lines += [
            _wrap(detail, width, "       - ", hanging="         ") for detail in choice.details
        ]
    return lines


def _block(reply: Reply, out: Rendered, width: int) -> str:
    if isinstance(reply, Text):
        return _wrap(reply.text, width)
    if isinstance(reply, Choices):
        return "\n".join(
            [_wrap(reply.prompt, width), *_numbered(reply.options, reply.token, out, width)]
        )
    if isinstance(reply, Card):
        lines = [f"┌─ {reply.title}"]
        label_width = max((len(f.label) for f in reply.facts), default=0)
        lines += [f"│ {f.label.ljust(label_width)}  {f.value}" for f in reply.facts]
        if reply.text:
            lines.append(_wrap(reply.text, width, "│ "))
        lines.append("└─")
        lines += _numbered(reply.actions, reply.token, out, width)
        return "\n".join(lines)
    if isinstance(reply, Form):
        out.form = reply
        return f"── {reply.title} ({len(reply.fields)} questions; 'cancel' to stop)"
    if isinstance(reply, Attachment):
        out.attachments.append(reply)
        return f"📎 {reply.filename} ({reply.title or reply.media_type})"
    if isinstance(reply, Image):
        return f"🖼  {reply.alt_text}"
    raise TypeError(f"cannot render {type(reply).__name__}")
