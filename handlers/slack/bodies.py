"""Request bodies that Slack itself would never send, recognised before Bolt reads them.

A correctly signed request can still carry a body that isn't JSON, JSON that isn't an
object, or objects where Bolt and our decoders expect ids and containers. Such a body
gets 400 and touches nothing; so do ids with control characters (they become keys in
the store, and PostgreSQL refuses a NUL). `as_dict` and `as_text` keep the decoders
total for the rest (a field of an unexpected type reads as empty).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

# Top-level fields Bolt and our listeners read as objects (or, for some, a plain id).
_OBJECTS = ("event", "view", "state", "message", "container")
_OBJECT_OR_ID = ("team", "user", "channel", "enterprise")
_LISTS_OF_OBJECTS = ("actions", "authorizations")
_IDS = (
    *("type", "team_id", "user_id", "channel_id", "api_app_id", "trigger_id", "callback_id"),
    *("event_id", "action_ts"),
)
_ACTION_IDS = ("type", "action_id", "block_id", "action_ts")


def malformed(raw: bytes, content_type: str) -> str:
    """Why the body can't be a Slack request ("" when it can), read as Bolt reads it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8"
    if not text:
        return ""
    try:
        parsed = _parse(text, content_type)
    except ValueError:
        return "not JSON"
    if not isinstance(parsed, dict):
        return "not a JSON object"
    return _shape(parsed)


def _parse(text: str, content_type: str) -> Any:
    if content_type.split(";", maxsplit=1)[0].strip() == "application/json" or text.startswith("{"):
        return json.loads(text)
    fields = parse_qsl(text, keep_blank_values=True)
    if "payload" in text:
        payload = dict(fields).get("payload")
        return {} if payload is None else json.loads(payload)
    return dict(fields)


def _shape(body: dict[str, Any]) -> str:
    for key in _OBJECTS:
        if body.get(key) is not None and not isinstance(body[key], dict):
            return f"{key} is not an object"
    for key in _OBJECT_OR_ID:
        value = body.get(key)
        if value is not None and not isinstance(value, dict | str):
            return f"{key} is neither an object nor an id"
        if isinstance(value, str) and not value.isprintable():
            return f"{key} isn't printable"
        if isinstance(value, dict) and not _ids_ok(value, ("id", "team_id", "enterprise_id")):
            return f"{key} has an id that isn't text"
    for key in _LISTS_OF_OBJECTS:
        value = body.get(key)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(v, dict) for v in value)
        ):
            return f"{key} is not a list of objects"
    if not _ids_ok(body, _IDS):
        return "an id isn't text"
    if not all(_ids_ok(action, _ACTION_IDS) for action in body.get("actions") or ()):
        return "an action id isn't text"
    event = body.get("event")
    if isinstance(event, dict) and not _ids_ok(event, ("type", "user", "channel", "tab")):
        return "an event id isn't text"
    view = body.get("view")
    if isinstance(view, dict):
        # Bolt reads view["type"] of every view payload; Slack always sends it.
        if not isinstance(view.get("type"), str):
            return "a view without a type"
        if not _ids_ok(view, ("id", "callback_id", "private_metadata")):
            return "a view id isn't text"
        if view.get("state") is not None and not isinstance(view["state"], dict):
            return "a view state is not an object"
    return ""


def _ids_ok(container: dict[str, Any], keys: tuple[str, ...]) -> bool:
    """Each of `keys` absent or printable text: ids become keys in the store, and a NUL
    is one PostgreSQL refuses."""
    return all(
        container.get(k) is None or (isinstance(container[k], str) and container[k].isprintable())
        for k in keys
    )


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_text(value: Any) -> str:
    """Text as it was sent; numbers as written; anything else (lists, objects) as empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""
