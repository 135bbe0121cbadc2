"""Replies to and from JSON, so messages for later can wait in the outbox."""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Sequence
from typing import Any

from bot.replies import Attachment, Card, Choice, Choices, Fact, Field, Form, Image, Reply, Text

_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls for cls in (Text, Choices, Form, Card, Attachment, Image)
}


def encode_replies(replies: Sequence[Reply]) -> list[dict[str, Any]]:
    return [_encode(reply) for reply in replies]


def decode_replies(data: list[dict[str, Any]]) -> tuple[Reply, ...]:
    return tuple(_decode(item) for item in data)


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"type": type(value).__name__, **fields}
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


_NESTED: dict[str, type[Any]] = {"Choice": Choice, "Fact": Fact, "Field": Field}


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "base64" in value and len(value) == 1:
        return base64.b64decode(value["base64"])
    if isinstance(value, dict) and "type" in value:
        cls = _TYPES.get(value["type"]) or _NESTED.get(value["type"])
        if cls is None:
            raise ValueError(f"unknown reply type {value['type']!r}")
        return cls(**{k: _decode(v) for k, v in value.items() if k != "type"})
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    return value
