"""What our buttons carry: action ids, and the core's choice value with its question token.

A button's `value` is `{"v": <Choice.value>, "t": <token>}`; the token lets the core
recognise a press on an old question. Action ids only need to be unique per message, so
they are numbered.
"""

from __future__ import annotations

import json
from itertools import count
from typing import Any

from handlers.slack.limits import ACTION_ID, BUTTON_VALUE

CHOICE = "cp.choice."  # + n: a button that answers the core
SUBMIT = "cp.submit."  # + n: the submit button of a form shown inside a message
OPEN_INTAKE = "cp.open_intake"  # the Home tab's "Request coaching" button
FORM_VIEW = "cp.form"  # callback id of every modal we open
INFO_VIEW = "cp.info"  # a modal that only explains something


class ActionIds:
    """Numbered action ids, unique within one rendering."""

    def __init__(self) -> None:
        self._numbers = count()

    def next(self, prefix: str) -> str:
        return f"{prefix}{next(self._numbers)}"[:ACTION_ID]


def button_value(value: str, token: str) -> str | None:
    """The payload for a choice button; None if it can't fit (the button is left out
    rather than sent with a cut value that would mean something else)."""
    encoded = json.dumps({"v": value, "t": token}, separators=(",", ":"), ensure_ascii=False)
    return encoded if len(encoded.encode("utf-16-le")) // 2 <= BUTTON_VALUE else None


def read_value(raw: str) -> tuple[str, str]:
    """(choice value, token) from a button's value; a foreign value is taken as it is."""
    try:
        decoded: Any = json.loads(raw)
    except ValueError:
        return raw, ""
    if isinstance(decoded, dict):
        return str(decoded.get("v", "")), str(decoded.get("t", ""))
    return raw, ""


def metadata(**fields: str) -> str:
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=False)


def read_metadata(raw: str) -> dict[str, str]:
    try:
        decoded: Any = json.loads(raw or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in decoded.items()} if isinstance(decoded, dict) else {}
