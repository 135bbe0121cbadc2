"""Core replies as Teams messages and Adaptive Cards (no server needed)."""

from __future__ import annotations

import base64
from typing import Any

from teams_fakes import card_of, walk

from bot.replies import Attachment, Card, Choice, Choices, Fact, Field, Form, Image, Text
from handlers.teams.buttons import read_press
from handlers.teams.files import CONSENT_CARD, offered_file
from handlers.teams.outgoing import render_activities, summary_of, update_card


def _dump(replies: list[Any]) -> list[dict[str, Any]]:
    return [a.model_dump(by_alias=True, exclude_none=True) for a in render_activities(replies)]


def test_text_alone_is_a_plain_message() -> None:
    [message] = _dump([Text("Hello Sam!\n• 'sessions' to see them"), Text("Anything else?")])
    assert message["type"] == "message"
    assert message["text"] == "Hello Sam!\n\n• 'sessions' to see them\n\nAnything else?"
    assert message["textFormat"] == "markdown"
    assert "attachments" not in message


def test_a_shortlist_shows_each_coach_with_reasons_and_a_button() -> None:
    shortlist = Choices(
        "Here are 2 coaches.",
        (
            Choice("Asha Khan, Sandwell Council", "act:choose:4:11", details=("ILM level 7",)),
            Choice("Olu Ade, Walsall Council", "act:choose:4:12", details=("Free Tuesdays",)),
            Choice("None of these suit me", "act:none:4"),
        ),
        token="",
    )
    [message] = _dump([shortlist])
    card = card_of(message)
    assert card is not None and card["version"] == "1.5"
    containers = [e for e in card["body"] if e["type"] == "Container"]
    assert [c["items"][0]["text"] for c in containers] == [
        "Asha Khan, Sandwell Council",
        "Olu Ade, Walsall Council",
    ]
    assert containers[0]["items"][1]["text"] == "• ILM level 7"
    buttons = [e for e in walk(card) if e.get("type") == "Action.Execute"]
    assert [b["title"] for b in buttons] == [
        "Choose Asha Khan",
        "Choose Olu Ade",
        "None of these suit me",
    ]
    for button in buttons:
        assert button["associatedInputs"] == "none"
        assert button["fallback"]["type"] == "Action.Submit"
        assert button["fallback"]["data"] == button["data"]
    press = read_press(buttons[0]["data"])
    assert press is not None and press.value == "act:choose:4:11"
    assert message["summary"] == "Here are 2 coaches."


def test_a_booking_card_and_its_invite() -> None:
    invite = Attachment("coaching-session-3.ics", b"BEGIN:VCALENDAR\r\n", "text/calendar", "Add")
    booked = Card(
        "Your session is booked",
        (Fact("With", "Sam Patel"), Fact("When", "Thursday 26 November, 14:00")),
        actions=(Choice("Cancel", "act:cancel:3", style="danger"),),
    )
    card_message, file_message = _dump([booked, invite])
    card = card_of(card_message)
    assert card is not None
    facts = next(e for e in card["body"] if e["type"] == "FactSet")["facts"]
    assert facts[0] == {"title": "With", "value": "Sam Patel"}
    [cancel] = [e for e in walk(card) if e.get("type") == "Action.Execute"]
    assert cancel["style"] == "destructive"

    [consent] = file_message["attachments"]
    assert consent["contentType"] == CONSENT_CARD
    assert consent["name"] == "coaching-session-3.ics"
    assert consent["content"]["sizeInBytes"] == len(invite.content)
    offered = offered_file(consent["content"]["acceptContext"])
    assert offered is not None and offered.content == invite.content
    assert offered_file({"something": "else"}) is None


def test_a_form_becomes_card_inputs_and_comes_back_as_fields() -> None:
    form = Form(
        "How did it go?",
        (
            Field(
                "rating",
                "How useful was the session?",
                kind="choice",
                options=(Choice("Very", "5"), Choice("Not", "1")),
            ),
            Field("hours", "Hours", kind="number", initial="1"),
            Field("note", "Anything to add?", kind="multiline", required=False),
        ),
        submit_label="Send",
        token="feedback.rate.3",
    )
    card = card_of(_dump([form])[0])
    assert card is not None
    inputs = {e["id"]: e for e in walk(card) if e.get("type", "").startswith("Input.")}
    assert inputs["rating"]["type"] == "Input.ChoiceSet"
    assert inputs["rating"]["isRequired"] is True
    assert inputs["hours"]["type"] == "Input.Number" and inputs["hours"]["value"] == 1.0
    assert inputs["note"]["isMultiline"] is True and "isRequired" not in inputs["note"]
    [send] = [e for e in walk(card) if e.get("type") == "Action.Execute"]
    assert send["associatedInputs"] == "auto"
    data = {**send["data"], "rating": "5", "hours": 2, "note": "helpful", "stray": "x"}
    press = read_press(data)
    assert press is not None
    assert press.token == "feedback.rate.3"
    assert press.fields == {"rating": "5", "hours": "2", "note": "helpful"}


def test_an_updated_card_leaves_files_to_their_own_message() -> None:
    invite = Attachment("s.ics", b"x", "text/calendar", "Add to your calendar")
    card = update_card([Text("Booked."), invite]).model_dump(by_alias=True, exclude_none=True)
    texts = [e["text"] for e in walk(card) if e.get("type") == "TextBlock"]
    assert texts[0] == "Booked."
    assert texts[1] == "📎 Add to your calendar: s.ics follows."


def test_images_are_inline() -> None:
    png = b"\x89PNG fake"
    card = card_of(_dump([Image(png, "Hours against target")])[0])
    assert card is not None
    [image] = [e for e in walk(card) if e.get("type") == "Image"]
    assert image["url"] == "data:image/png;base64," + base64.b64encode(png).decode()
    assert image["altText"] == "Hours against target"


def test_presses_that_are_not_ours_are_ignored() -> None:
    assert read_press({"action": "something"}) is None
    assert read_press("a string") is None
    assert read_press(None) is None


def test_the_notification_line() -> None:
    assert summary_of([Card("Your session is booked")]) == "Your session is booked"
    assert summary_of([]) == "A message from the coaching pool"
