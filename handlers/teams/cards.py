"""Core replies as one Adaptive Card (schema 1.5, which Teams renders on every client).

One card per turn, because the answer to an Action.Execute press replaces the pressed card
with exactly one card. Buttons are Action.Execute (the card updates in place for the
person who pressed it) with an Action.Submit fallback carrying the same data. Text shown in
TextBlocks and facts (card markdown) is escaped: nothing typed becomes formatting or a link.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Literal

from microsoft_teams.cards import (
    Action,
    ActionSet,
    AdaptiveCard,
    CardElement,
    ChoiceSetInput,
    Container,
    ExecuteAction,
    Fact,
    FactSet,
    Image,
    NumberInput,
    SubmitAction,
    TextBlock,
    TextInput,
)
from microsoft_teams.cards import Choice as CardChoice

from bot.replies import Attachment, Card, Choice, Choices, Field, Form, Reply, Text
from bot.replies import Image as ImageReply
from bot.text_hygiene import FIELD_LIMIT
from handlers.teams.buttons import REPLY_FORM, VERB, choice_data, form_data
from handlers.teams.text import card_markdown

SCHEMA_VERSION: Literal["1.5"] = "1.5"
Style = Literal["default", "positive", "destructive"]
_STYLES: dict[str, Style] = {"primary": "positive", "danger": "destructive"}


def reply_card(replies: Sequence[Reply]) -> AdaptiveCard:
    body: list[CardElement] = []
    for reply in replies:
        body += _elements(reply)
    return AdaptiveCard(version=SCHEMA_VERSION, body=body or _paragraphs("Done."))


def form_card(form: Form, *, kind: str) -> AdaptiveCard:
    return AdaptiveCard(version=SCHEMA_VERSION, body=form_elements(form, kind=kind))


def text_card(text: str, *, buttons: Sequence[ExecuteAction] = ()) -> AdaptiveCard:
    body = _paragraphs(text)
    if buttons:
        body.append(ActionSet(actions=list(buttons)))
    return AdaptiveCard(version=SCHEMA_VERSION, body=body)


def button(
    title: str, data: dict[str, object], *, style: str = "", with_inputs: bool = False
) -> ExecuteAction:
    """A button; `with_inputs` sends (and validates) the card's inputs with it."""
    inputs: Literal["auto", "none"] = "auto" if with_inputs else "none"
    chosen = _STYLES.get(style)
    fallback = SubmitAction(title=title, data=data, style=chosen, associated_inputs=inputs)
    return ExecuteAction(
        title=title,
        verb=VERB,
        data=data,
        style=chosen,
        associated_inputs=inputs,
        fallback=fallback,
    )


def _elements(reply: Reply) -> list[CardElement]:
    if isinstance(reply, Text):
        return _paragraphs(reply.text)
    if isinstance(reply, Choices):
        return [*_paragraphs(reply.prompt), *_options(reply.options, reply.token)]
    if isinstance(reply, Card):
        return _card(reply)
    if isinstance(reply, Form):
        return form_elements(reply, kind=REPLY_FORM)
    if isinstance(reply, Attachment):
        return [TextBlock(text=card_markdown(file_note(reply)), wrap=True, is_subtle=True)]
    if isinstance(reply, ImageReply):
        encoded = base64.b64encode(reply.content).decode("ascii")
        return [Image(url=f"data:image/png;base64,{encoded}", alt_text=reply.alt_text)]
    raise TypeError(f"cannot render {type(reply).__name__}")


def file_note(attachment: Attachment) -> str:
    return f"📎 {attachment.title or attachment.filename}: {attachment.filename} follows."


def _paragraphs(text: str, *, bold: bool = False) -> list[CardElement]:
    # One block a line: card markdown turns a single newline into a space.
    return [
        TextBlock(
            text=card_markdown(line), wrap=True, spacing="Small", weight="Bolder" if bold else None
        )
        for line in text.splitlines()
        if line.strip()
    ]


def _options(options: Sequence[Choice], token: str) -> list[CardElement]:
    """Options with details (a shortlisted coach and the reasons) get a block and a button
    each; plain options share one row of buttons."""
    elements: list[CardElement] = []
    row: list[Action] = []
    for choice in options:
        if not choice.details:
            row.append(button(choice.label, choice_data(choice, token), style=choice.style))
            continue
        if row:
            elements.append(ActionSet(actions=list(row)))
            row = []
        reasons = [
            TextBlock(text=f"• {card_markdown(detail)}", wrap=True, is_subtle=True, spacing="None")
            for detail in choice.details
        ]
        title = "Choose " + choice.label.split(",")[0]
        choose = button(title, choice_data(choice, token), style=choice.style or "primary")
        elements.append(
            Container(
                separator=True,
                items=[
                    TextBlock(text=card_markdown(choice.label), wrap=True, weight="Bolder"),
                    *reasons,
                    ActionSet(actions=[choose]),
                ],
            )
        )
    if row:
        elements.append(ActionSet(actions=row))
    return elements


def _card(card: Card) -> list[CardElement]:
    elements: list[CardElement] = [
        TextBlock(text=card_markdown(card.title), wrap=True, weight="Bolder", size="Medium")
    ]
    if card.facts:
        facts = [
            Fact(title=card_markdown(f.label), value=card_markdown(f.value)) for f in card.facts
        ]
        elements.append(FactSet(facts=facts))
    elements += _paragraphs(card.text)
    if card.actions:
        elements += _options(card.actions, card.token)
    return elements


def form_elements(form: Form, *, kind: str) -> list[CardElement]:
    names = [f.name for f in form.fields]
    submit = button(
        form.submit_label,
        form_data(kind, token=form.token, names=names),
        style="primary",
        with_inputs=True,
    )
    return [
        TextBlock(text=card_markdown(form.title), wrap=True, weight="Bolder", size="Medium"),
        *(_input(f) for f in form.fields),
        ActionSet(actions=[submit]),
    ]


def _input(field: Field) -> CardElement:
    required = field.required or None
    error = f"Please answer: {field.label}" if field.required else None
    if field.kind == "choice":
        return ChoiceSetInput(
            id=field.name,
            label=field.label,
            choices=[CardChoice(title=o.label, value=o.value) for o in field.options],
            value=field.initial or None,
            style="compact" if len(field.options) > 4 else "expanded",
            is_required=required,
            error_message=error,
        )
    if field.kind == "number":
        return NumberInput(
            id=field.name,
            label=field.label,
            value=_number(field.initial),
            placeholder=field.hint or None,
            is_required=required,
            error_message=error,
        )
    return TextInput(
        id=field.name,
        label=field.label,
        value=field.initial or None,
        placeholder=field.hint or None,
        is_multiline=field.kind == "multiline" or None,
        max_length=FIELD_LIMIT,  # what the core takes in one answer
        is_required=required,
        error_message=error,
    )


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
