"""Rendering core replies as Block Kit: the right shapes, and never over a limit, for any
reply (a property test over thousands of generated ones)."""

from __future__ import annotations

import json
import random

import pytest

from bot.replies import Attachment, Card, Choice, Choices, Fact, Field, Form, Image, Reply, Text
from handlers.slack import limits
from handlers.slack.forms import answers, in_message, modal
from handlers.slack.home import home_view
from handlers.slack.payloads import ActionIds, read_value
from handlers.slack.render import FormPart, Message, Upload, render, surface
from handlers.slack.text import from_slack
from tests.slack.block_kit_rules import problems, units, view_problems

ALPHABET = "abcdefghij klmnop qrstu vwxyz ABC 0123 .,;:'\"&<>*_~`•–é€😀🇬🇧\n"


def _text(rng: random.Random, longest: int) -> str:
    size = rng.choice([0, 1, 5, 40, 74, 75, 76, 150, 151, 2000, 3000, 3001]) if longest > 200 else 0
    size = min(size or rng.randint(0, longest), longest)
    if rng.random() < 0.1:
        return "&" * size  # five characters each once escaped
    if rng.random() < 0.1:
        return "😀" * size  # two UTF-16 units each
    return "".join(rng.choices(ALPHABET, k=size))


def _choice(rng: random.Random) -> Choice:
    value = _text(rng, 40) if rng.random() < 0.95 else "v" * rng.randint(1990, 2100)
    details = tuple(_text(rng, 2500) for _ in range(rng.choice([0, 0, 1, 3, 8])))
    style = rng.choice(["", "primary", "danger", "fancy"])
    return Choice(_text(rng, 200), value, details=details, style=style)


def _reply(rng: random.Random) -> Reply:
    kind = rng.random()
    if kind < 0.2:
        return Text(_text(rng, 12000))
    if kind < 0.5:
        count = rng.choice([0, 1, 3, 5, 26, 60, 300])
        return Choices(
            _text(rng, 5000), tuple(_choice(rng) for _ in range(count)), token=_text(rng, 60)
        )
    if kind < 0.75:
        facts = tuple(
            Fact(_text(rng, 400), _text(rng, 8000)) for _ in range(rng.choice([0, 2, 11, 60]))
        )
        actions = tuple(_choice(rng) for _ in range(rng.choice([0, 2, 30])))
        return Card(_text(rng, 400), facts, _text(rng, 7000), actions, token=_text(rng, 60))
    if kind < 0.9:
        return _form(rng)
    if kind < 0.95:
        return Attachment("x.ics", b"BEGIN:VCALENDAR", "text/calendar", _text(rng, 300))
    return Image(b"\x89PNG", _text(rng, 500))


def _form(rng: random.Random) -> Form:
    names = ["topic", "goal", "when", "topic", _text(rng, 300)]
    fields = tuple(
        Field(
            rng.choice(names) + str(rng.randint(0, 5)),
            _text(rng, 2500),
            kind=rng.choice(["text", "multiline", "number", "choice", "odd"]),
            required=rng.random() < 0.5,
            options=tuple(_choice(rng) for _ in range(rng.choice([0, 1, 4, 120]))),
            hint=_text(rng, 2500),
            initial=_text(rng, 4000) if rng.random() < 0.3 else str(rng.randint(0, 9)),
        )
        for _ in range(rng.choice([0, 1, 8, 60, 130]))
    )
    return Form(_text(rng, 100), fields, _text(rng, 40), token=_text(rng, 60))


@pytest.mark.parametrize("seed", range(30))
def test_no_generated_reply_breaks_a_block_kit_limit(seed: int) -> None:
    rng = random.Random(seed)
    replies = [_reply(rng) for _ in range(rng.randint(1, 8))]
    parts = render(replies)
    for part in parts:
        if isinstance(part, Message):
            assert problems(list(part.blocks)) == [], seed
            assert 0 < units(part.text) <= 40000
        elif isinstance(part, FormPart):
            view = modal(part.form, private={"k": "turn", "t": part.form.token, "c": "D1"})
            assert view_problems(view) == [], seed
            assert problems(in_message(part.form, ActionIds())) == [], seed
        else:
            assert isinstance(part, Upload)
    home = home_view(surface(replies, ids=ActionIds(), limit=limits.VIEW_BLOCKS))
    assert view_problems(home) == [], seed


@pytest.mark.parametrize("seed", range(10))
def test_every_button_carries_its_choice_and_question_unchanged(seed: int) -> None:
    rng = random.Random(1000 + seed)
    replies = [_reply(rng) for _ in range(6)]
    offered = {
        (o.value, r.token)
        for r in replies
        if isinstance(r, Choices | Card)
        for o in (r.options if isinstance(r, Choices) else r.actions)
    }
    for part in render(replies):
        if isinstance(part, Message):
            for button in _buttons(list(part.blocks)):
                assert read_value(button["value"]) in offered


def _buttons(blocks: list[dict[str, object]]) -> list[dict[str, str]]:
    found = []
    for block in blocks:
        accessory = block.get("accessory")
        if isinstance(accessory, dict):
            found.append(accessory)
        elements = block.get("elements")
        if block.get("type") == "actions" and isinstance(elements, list):
            found += elements
    return found


def test_a_huge_shortlist_is_paged_then_cut_with_a_note() -> None:
    options = tuple(
        Choice(
            f"Coach {n}, Council {n}", f"act:choose:1:{n}", details=("Specialises in change",) * 3
        )
        for n in range(300)
    )
    parts = render([Choices("Here are 300 coaches who could work with you.", options, token="t")])
    assert len(parts) == 3  # three full messages at most, then a note
    assert all(isinstance(p, Message) and len(p.blocks) == 50 for p in parts)
    last = parts[-1]
    assert isinstance(last, Message)
    assert "more not shown" in json.dumps(last.blocks[-1])


def test_a_shortlist_has_a_section_per_coach_with_reasons_and_a_choose_button() -> None:
    choices = Choices(
        "Here are 2 coaches.",
        (
            Choice("Ann Lee, Walsall Council", "act:choose:7:1", details=("ILM level 7", "Free")),
            Choice("Bo Ray, Dudley Council", "act:choose:7:2", details=("ILM level 5",)),
            Choice("None of these suit me", "act:none:7"),
        ),
        token="",
    )
    (message,) = render([choices])
    assert isinstance(message, Message)
    prompt, ann, bo, none = message.blocks
    assert prompt["text"]["text"] == "Here are 2 coaches."
    assert ann["text"]["text"] == "*Ann Lee, Walsall Council*\n• ILM level 7\n• Free"
    assert ann["accessory"]["text"]["text"] == "Choose"
    assert read_value(ann["accessory"]["value"]) == ("act:choose:7:1", "")
    assert none["type"] == "actions"
    ids = [ann["accessory"]["action_id"], bo["accessory"]["action_id"]]
    ids.append(none["elements"][0]["action_id"])
    assert len(set(ids)) == 3


def test_a_card_is_a_header_fields_and_buttons() -> None:
    card = Card(
        "Your session is booked",
        (Fact("With", "Sam <Patel> & co"), Fact("When", "Thursday 26 November, 14:00 GMT")),
        actions=(
            Choice("Reschedule", "act:reschedule:1"),
            Choice("Cancel", "act:cancel:1", style="danger"),
        ),
        token="tok",
    )
    (message,) = render([card])
    assert isinstance(message, Message)
    header, facts, buttons = message.blocks
    assert header == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Your session is booked", "emoji": True},
    }
    assert facts["fields"][0]["text"] == "*With*\nSam &lt;Patel&gt; &amp; co"
    assert [e["text"]["text"] for e in buttons["elements"]] == ["Reschedule", "Cancel"]
    assert buttons["elements"][1]["style"] == "danger"
    assert read_value(buttons["elements"][0]["value"]) == ("act:reschedule:1", "tok")


def test_files_become_uploads_between_messages() -> None:
    parts = render(
        [Text("Booked"), Attachment("s.ics", b"ICS", "text/calendar", "Add it"), Text("Bye")]
    )
    assert [type(p) for p in parts] == [Message, Upload, Message]
    assert parts[1] == Upload("s.ics", b"ICS", "Add it")


def test_a_form_reads_back_from_a_modal_submission() -> None:
    form = Form(
        "Request coaching",
        (
            Field("topic", "Topic", kind="multiline"),
            Field(
                "programme",
                "Programme",
                kind="choice",
                options=(Choice("Pool", "regional-pool"), Choice("Rapid", "rapid")),
                initial="rapid",
            ),
        ),
    )
    view = modal(form, private={"k": "intake"})
    topic, programme = view["blocks"]
    assert programme["element"]["initial_option"]["value"] == "rapid"
    state = {
        "values": {
            topic["block_id"]: {"value": {"type": "plain_text_input", "value": "Leading change"}},
            programme["block_id"]: {
                "value": {"type": "static_select", "selected_option": {"value": "regional-pool"}}
            },
        }
    }
    assert answers(state) == {"topic": "Leading change", "programme": "regional-pool"}


def test_limits_count_like_slack_and_cut_cleanly() -> None:
    assert limits.size("😀") == 2
    assert limits.cut("😀" * 40, 75) == "😀" * 37 + "…"
    assert limits.size(limits.cut("a" * 100, 75)) == 75
    pages = limits.pages("word " * 2000, 3000)
    assert all(limits.size(p) <= 3000 for p in pages)
    assert "".join(pages).replace(" ", "") == "word" * 2000


def test_what_people_type_is_unwrapped() -> None:
    assert from_slack("see <https://x.org|the site> &amp; <mailto:a@b.org|a@b.org>") == (
        "see the site & a@b.org"
    )
    assert from_slack("  coaching &lt;now&gt;  ") == "coaching <now>"
