"""Core forms in Slack: a modal when we hold a trigger id, else inputs inside a message.

Either way each field is an input block whose block id is `f.<field name>` and whose
element's action id is `value`, so a submission reads back the same way from a modal's
`view.state` and from a message's `state`.
"""

from __future__ import annotations

import re
from typing import Any

from bot.replies import Field, Form
from handlers.slack import limits
from handlers.slack.blocks import Block, actions, button, header, plain, sections
from handlers.slack.bodies import as_dict, as_text
from handlers.slack.limits import cut
from handlers.slack.payloads import FORM_VIEW, SUBMIT, ActionIds, metadata
from handlers.slack.render import fitted

FIELD_PREFIX = "f."
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,15}")  # what Slack's number_input can start with
VALUE = "value"


def modal(form: Form, *, private: dict[str, str]) -> dict[str, Any]:
    """The form as a modal view; `private` comes back with the submission."""
    blocks = [_input(f) for f in _distinct(form.fields)[: limits.VIEW_BLOCKS]]
    return {
        "type": "modal",
        "callback_id": FORM_VIEW,
        "title": plain(form.title or "Coaching", limits.MODAL_TITLE),
        "submit": plain(form.submit_label or "Submit", limits.MODAL_BUTTON),
        "close": plain("Cancel", limits.MODAL_BUTTON),
        "private_metadata": _private(private),
        "blocks": blocks,
    }


def info_modal(*, title: str, text: str, callback_id: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title, limits.MODAL_TITLE),
        "close": plain("Close", limits.MODAL_BUTTON),
        "blocks": fitted(sections(text), limits.VIEW_BLOCKS),
    }


def in_message(form: Form, ids: ActionIds) -> list[Block]:
    """The form inside a message, for when no trigger id allows a modal."""
    submit = button(
        label=form.submit_label or "Submit",
        value="",
        token=form.token,
        action_id=ids.next(SUBMIT),
        style="primary",
    )
    room = limits.MESSAGE_BLOCKS - 2  # the header and the submit button
    inputs = [_input(f) for f in _distinct(form.fields)[:room]]
    return header(form.title) + inputs + actions([submit] if submit else [])


def answers(state: dict[str, Any]) -> dict[str, str]:
    """Field name -> submitted text, from a `state` object (`{"values": {...}}`)."""
    out: dict[str, str] = {}
    for block_id, elements in as_dict(as_dict(state).get("values")).items():
        if not str(block_id).startswith(FIELD_PREFIX):
            continue
        element = as_dict(as_dict(elements).get(VALUE))
        selected = as_dict(element.get("selected_option"))
        value = selected.get("value") if selected else element.get("value")
        out[str(block_id)[len(FIELD_PREFIX) :]] = as_text(value)
    return out


def _distinct(fields: tuple[Field, ...]) -> list[Field]:
    """One input per field name: Slack refuses a view whose block ids repeat."""
    seen: set[str] = set()
    out = []
    for field in fields:
        key = _block_id(field)
        if key not in seen:
            seen.add(key)
            out.append(field)
    return out


def _block_id(field: Field) -> str:
    return limits.prefix(FIELD_PREFIX + field.name, limits.BLOCK_ID)


def _private(fields: dict[str, str]) -> str:
    encoded = metadata(**fields)
    # Only the token could make this long; without it the core asks the question afresh.
    return encoded if len(encoded) <= limits.PRIVATE_METADATA else metadata(k=fields.get("k", ""))


def _input(field: Field) -> Block:
    block: Block = {
        "type": "input",
        "block_id": _block_id(field),
        "label": plain(field.label or field.name, limits.INPUT_LABEL),
        "optional": not field.required,
        "element": _element(field),
    }
    hint = field.hint.strip()
    if hint and limits.size(hint) > limits.PLACEHOLDER:
        block["hint"] = plain(hint, limits.INPUT_HINT)
    return block


def _element(field: Field) -> dict[str, Any]:
    usable = {
        o.value: o
        for o in reversed(field.options)
        if o.value and limits.size(o.value) <= limits.OPTION_VALUE
    }  # values must be unique: the first option with a value wins
    options = [
        {"text": plain(o.label, limits.OPTION_TEXT), "value": o.value}
        for o in field.options
        if usable.get(o.value) is o
    ][: limits.SELECT_OPTIONS]
    if field.kind == "choice" and options:
        element: dict[str, Any] = {"type": "static_select", "action_id": VALUE, "options": options}
        initial = next((o for o in options if o["value"] == field.initial), None)
        if initial is not None:
            element["initial_option"] = initial
        return element
    if field.kind == "number":
        element = {"type": "number_input", "action_id": VALUE, "is_decimal_allowed": False}
        if _WHOLE_NUMBER.fullmatch(field.initial.strip()):
            element["initial_value"] = field.initial.strip()
        return _with_placeholder(element, field)
    element = {
        "type": "plain_text_input",
        "action_id": VALUE,
        "multiline": field.kind == "multiline",
        "max_length": limits.INPUT_VALUE,
    }
    if field.initial:
        element["initial_value"] = cut(field.initial, limits.INPUT_VALUE)
    return _with_placeholder(element, field)


def _with_placeholder(element: dict[str, Any], field: Field) -> dict[str, Any]:
    hint = field.hint.strip()
    if hint and limits.size(hint) <= limits.PLACEHOLDER:
        element["placeholder"] = plain(hint, limits.PLACEHOLDER)
    return element
