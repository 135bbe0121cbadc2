"""What a card's buttons carry, and reading it back from a press.

Adaptive Cards merge the card's input values into the pressed action's `data` at the top
level (keyed by input id), so our own part sits under one key that no input uses. A
button carries the core's `Choice.value` and the question's `token`; a form carries its
kind and the names of its fields, so only those inputs are read back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.replies import Choice

KEY = "coachpool"
VERB = "coachpool"

# Form kinds: a core Form (stamped by the conversation engine), the intake as one form,
# and the button that opens it.
REPLY_FORM = "reply"
INTAKE_FORM = "intake"
OPEN_INTAKE = "open-intake"


@dataclass(frozen=True)
class Press:
    value: str = ""
    token: str = ""
    label: str = ""
    form: str = ""
    fields: dict[str, str] = field(default_factory=dict)


def choice_data(choice: Choice, token: str) -> dict[str, Any]:
    return {KEY: {"value": choice.value, "token": token, "label": choice.label}}


def form_data(kind: str, *, token: str = "", names: Sequence[str] = ()) -> dict[str, Any]:
    return {KEY: {"form": kind, "token": token, "fields": list(names)}}


def read_press(data: object) -> Press | None:
    """The press in an action's data (Action.Execute) or a message's value (Action.Submit);
    None when it isn't one of ours."""
    if not isinstance(data, Mapping):
        return None
    meta = data.get(KEY)
    if not isinstance(meta, Mapping):
        return None
    names = meta.get("fields")
    fields = (
        {name: _text(data.get(name)) for name in names if isinstance(name, str)}
        if isinstance(names, list)
        else {}
    )
    return Press(
        value=_text(meta.get("value")),
        token=_text(meta.get("token")),
        label=_text(meta.get("label")),
        form=_text(meta.get("form")),
        fields=fields,
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
